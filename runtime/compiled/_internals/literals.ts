// JS source text for wasm constants: exact for every value the text form can hold; values a
// literal cannot carry (f64 NaNs with their payloads) are left to the caller's constant pool.

/** An i32 (or f32 bit pattern) as a JS literal. */
export function intLiteral(v: number): string {
  return v < 0 ? `(${v})` : String(v);
}

/** An i64 as a JS bigint literal. */
export function bigLiteral(v: bigint): string {
  return v < 0n ? `(${v}n)` : `${v}n`;
}

/**
 * A non-NaN f64 as a JS literal: String() round-trips every double exactly; -0 and the
 * infinities need spelling out.
 */
export function f64Literal(v: number): string {
  if (Object.is(v, -0)) return '(-0)';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '(-Infinity)';
  return v < 0 ? `(${v})` : String(v);
}
