// Round-to-nearest-integer with ties to even, the rounding of f32/f64.nearest.
// Works on any double (a float32 value is one); NaN in gives NaN out, left to the caller.

/**
 * `x` rounded to the nearest integer, exact halves to the even neighbour; keeps the sign of
 * zero (-0.5 gives -0) and returns infinities unchanged.
 */
export function roundTiesEven(x: number): number {
  // Math.round rounds exact halves toward +infinity and already keeps -0 for -0.5 <= x < 0.
  const r = Math.round(x);
  // r - x is exact here: both lie within one unit of each other and share x's scale. Only an
  // exact half landing on an odd integer must move down to the even one below it.
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
