// f64 instructions: compare, abs/neg/copysign (sign-bit ops), rounding, sqrt, arithmetic,
// min/max. An f64 is a plain JS number; only NaN results and sign-bit ops look at bits.
// Leaves out conversions (convert.ts).

import { f64Cell, f64Words } from './_internals/scratch.js';
import { nan64Of1, nan64Of2 } from './_internals/nan.js';
import { roundTiesEven } from './_internals/roundTiesEven.js';

// The host's NaN bits are unspecified, so a NaN result is replaced by the spec's one.
const result1 = (r: number, a: number): number => (r === r ? r : nan64Of1(a));
const result2 = (r: number, a: number, b: number): number => (r === r ? r : nan64Of2(a, b));

/** f64.eq */
export const f64Eq = (a: number, b: number): number => (a === b ? 1 : 0);
/** f64.ne */
export const f64Ne = (a: number, b: number): number => (a !== b ? 1 : 0);
/** f64.lt */
export const f64Lt = (a: number, b: number): number => (a < b ? 1 : 0);
/** f64.gt */
export const f64Gt = (a: number, b: number): number => (a > b ? 1 : 0);
/** f64.le */
export const f64Le = (a: number, b: number): number => (a <= b ? 1 : 0);
/** f64.ge */
export const f64Ge = (a: number, b: number): number => (a >= b ? 1 : 0);

// abs and neg must keep a NaN's payload bit for bit, which JS `-x`/Math.abs do not promise;
// for every other value they are exact, so only NaN takes the bit path.
/** f64.abs: clears the sign bit. */
export function f64Abs(a: number): number {
  if (a === a) return Math.abs(a);
  f64Cell[0] = a;
  f64Words[1] = f64Words[1]! & 0x7fffffff;
  return f64Cell[0]!;
}
/** f64.neg: flips the sign bit. */
export function f64Neg(a: number): number {
  if (a === a) return -a;
  f64Cell[0] = a;
  f64Words[1] = f64Words[1]! ^ 0x80000000;
  return f64Cell[0]!;
}
/** f64.copysign: `a` with the sign bit of `b` (read from bits: `b` may be a NaN or -0). */
export function f64Copysign(a: number, b: number): number {
  f64Cell[0] = b;
  const sign = f64Words[1]! & 0x80000000;
  f64Cell[0] = a;
  f64Words[1] = (f64Words[1]! & 0x7fffffff) | sign;
  return f64Cell[0]!;
}

/** f64.ceil */
export const f64Ceil = (a: number): number => result1(Math.ceil(a), a);
/** f64.floor */
export const f64Floor = (a: number): number => result1(Math.floor(a), a);
/** f64.trunc */
export const f64Trunc = (a: number): number => result1(Math.trunc(a), a);
/** f64.nearest (ties to even) */
export const f64Nearest = (a: number): number => result1(roundTiesEven(a), a);
/** f64.sqrt */
export const f64Sqrt = (a: number): number => result1(Math.sqrt(a), a);

/** f64.add */
export const f64Add = (a: number, b: number): number => result2(a + b, a, b);
/** f64.sub */
export const f64Sub = (a: number, b: number): number => result2(a - b, a, b);
/** f64.mul */
export const f64Mul = (a: number, b: number): number => result2(a * b, a, b);
/** f64.div */
export const f64Div = (a: number, b: number): number => result2(a / b, a, b);
/** f64.min: Math.min already orders -0 below +0 and propagates NaN, as wasm requires. */
export const f64Min = (a: number, b: number): number => result2(Math.min(a, b), a, b);
/** f64.max */
export const f64Max = (a: number, b: number): number => result2(Math.max(a, b), a, b);
