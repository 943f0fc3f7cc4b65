// Picks the NaN an arithmetic float op returns, following the spec's NaN propagation rule:
// canonical when every NaN operand is canonical, otherwise an arithmetic (quiet) NaN.
// Deterministic: the first non-canonical NaN operand, quieted, sign and payload kept.

import { f64Cell, f64FromWords, f64Words } from './scratch.js';

/** Positive canonical f32 NaN bits (quiet bit only). */
export const CANONICAL_NAN32 = 0x7fc00000;
/** Quiet bit of an f32 NaN. */
export const QUIET_BIT32 = 0x00400000;
/** Positive canonical f64 NaN (quiet bit only), built from bits so its pattern is certain. */
export const CANONICAL_NAN64: number = f64FromWords(0x7ff80000, 0);
/** Quiet bit of an f64 NaN, in the high word. */
export const QUIET_BIT64_HIGH = 0x00080000;

/** True when the f32 bit pattern is a NaN. */
export function isNaN32(bits: number): boolean {
  return (bits & 0x7fffffff) > 0x7f800000;
}

/** True when the f32 bit pattern is a NaN other than ±canonical. */
function isOddNaN32(bits: number): boolean {
  const mag = bits & 0x7fffffff;
  return mag > 0x7f800000 && mag !== CANONICAL_NAN32;
}

/** NaN result bits of a unary f32 op whose operand bits are `a`. */
export function nan32Of1(a: number): number {
  return isOddNaN32(a) ? a | QUIET_BIT32 : CANONICAL_NAN32;
}

/** NaN result bits of a binary f32 op whose operand bits are `a`, `b`. */
export function nan32Of2(a: number, b: number): number {
  if (isOddNaN32(a)) return a | QUIET_BIT32;
  if (isOddNaN32(b)) return b | QUIET_BIT32;
  return CANONICAL_NAN32;
}

/** True when the double `x` is a NaN other than ±canonical. */
function isOddNaN64(x: number): boolean {
  if (x === x) return false;
  f64Cell[0] = x;
  return (f64Words[1]! & 0x7fffffff) !== 0x7ff80000 || f64Words[0] !== 0;
}

/** `x` (an odd NaN) with its quiet bit set. */
function quiet64(x: number): number {
  f64Cell[0] = x;
  return f64FromWords(f64Words[1]! | QUIET_BIT64_HIGH, f64Words[0]!);
}

/** NaN result of a unary f64 op whose operand is `a`. */
export function nan64Of1(a: number): number {
  return isOddNaN64(a) ? quiet64(a) : CANONICAL_NAN64;
}

/** NaN result of a binary f64 op whose operands are `a`, `b`. */
export function nan64Of2(a: number, b: number): number {
  if (isOddNaN64(a)) return quiet64(a);
  if (isOddNaN64(b)) return quiet64(b);
  return CANONICAL_NAN64;
}

