// Writes float lane results into the result cell, choosing the NaN bits the way the scalar ops
// do: canonical when every NaN operand lane is canonical, else the first odd NaN operand lane
// quieted (sign and payload kept). Covers lane-wise ops only; conversions pick their own NaNs.

import { A, B, R } from './views.js';

/** Positive canonical f32 NaN bits. */
export const CANONICAL_NAN32 = 0x7fc00000;
const QUIET32 = 0x00400000;
/** High word of the positive canonical f64 NaN (low word 0). */
export const CANONICAL_NAN64_HI = 0x7ff80000;
const QUIET64_HI = 0x00080000;

/** True when the f32 bits are a NaN that is not ±canonical (arithmetic with payload, or signalling). */
export function isOddNaN32(bits: number): boolean {
  const mag = bits & 0x7fffffff;
  return mag > 0x7f800000 && mag !== CANONICAL_NAN32;
}

/** True when the f64 words are a NaN that is not ±canonical. */
export function isOddNaN64(hi: number, lo: number): boolean {
  const mag = hi & 0x7fffffff;
  if (mag < 0x7ff00000 || (mag === 0x7ff00000 && lo === 0)) return false;
  return mag !== CANONICAL_NAN64_HI || lo !== 0;
}

/** Stores `x` as f32 lane `i` of R; a NaN comes from lane `i` of A. */
export function putF32Of1(i: number, x: number): void {
  if (x === x) R.f32[i] = x;
  else R.i32[i] = isOddNaN32(A.i32[i]!) ? A.i32[i]! | QUIET32 : CANONICAL_NAN32;
}

/** Stores `x` as f32 lane `i` of R; a NaN comes from lane `i` of A, then of B. */
export function putF32Of2(i: number, x: number): void {
  if (x === x) R.f32[i] = x;
  else if (isOddNaN32(A.i32[i]!)) R.i32[i] = A.i32[i]! | QUIET32;
  else if (isOddNaN32(B.i32[i]!)) R.i32[i] = B.i32[i]! | QUIET32;
  else R.i32[i] = CANONICAL_NAN32;
}

/** Stores `x` as f64 lane `k` of R; a NaN comes from lane `k` of A. */
export function putF64Of1(k: number, x: number): void {
  if (x === x) R.f64[k] = x;
  else if (isOddNaN64(A.u32[2 * k + 1]!, A.u32[2 * k]!)) quietCopy64(k, A.u32);
  else canonical64(k);
}

/** Stores `x` as f64 lane `k` of R; a NaN comes from lane `k` of A, then of B. */
export function putF64Of2(k: number, x: number): void {
  if (x === x) R.f64[k] = x;
  else if (isOddNaN64(A.u32[2 * k + 1]!, A.u32[2 * k]!)) quietCopy64(k, A.u32);
  else if (isOddNaN64(B.u32[2 * k + 1]!, B.u32[2 * k]!)) quietCopy64(k, B.u32);
  else canonical64(k);
}

function quietCopy64(k: number, words: Uint32Array): void {
  R.u32[2 * k] = words[2 * k]!;
  R.u32[2 * k + 1] = words[2 * k + 1]! | QUIET64_HI;
}

function canonical64(k: number): void {
  R.u32[2 * k] = 0;
  R.u32[2 * k + 1] = CANONICAL_NAN64_HI;
}
