// i32 helpers the interpreter's fused ops share (run.ts): unsigned order and rotates. Shared
// functions rather than inline expressions, so no case body speculates on `>>> 0` results.
// Function declarations, not `const` arrows: V8 checks an imported `const` binding for the
// hole (temporal dead zone) at every use in `run`'s optimized code, a hoisted function not.

/** Flipping the sign bit maps unsigned i32 order onto signed order (no `>>> 0`, no doubles). */
const SIGN = -0x80000000;

/** `x <u y` on i32 values (numeric/i32.ts i32LtU, as a boolean). */
export function ltU(x: number, y: number): boolean {
  return (x ^ SIGN) < (y ^ SIGN);
}

/** i32.rotl, as numeric/i32.ts i32Rotl. */
export function rotl(x: number, y: number): number {
  return (x << y) | (x >>> (32 - y));
}

/** i32.rotr, as numeric/i32.ts i32Rotr. */
export function rotr(x: number, y: number): number {
  return (x >>> y) | (x << (32 - y));
}
