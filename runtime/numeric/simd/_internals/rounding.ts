// Round-to-integral of a double with ties to even (wasm `nearest`), which Math.round (ties
// toward +inf) does not give. Exact for every f32 and f64 input.

const TWO_52 = 4503599627370496;

/** `x` rounded to the nearest integer, ties to even; keeps the sign of zero results. */
export function nearestEven(x: number): number {
  const t = Math.abs(x);
  // NaN, infinities and values of 2^52 or more are already integral (or have no integer).
  if (!(t < TWO_52) || t === 0) return x;
  // Adding 2^52 leaves no fraction bits, so the FPU's own ties-to-even rounding does the work.
  const r = t + TWO_52 - TWO_52;
  return x < 0 ? -r : r;
}
