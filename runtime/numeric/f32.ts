// f32 instructions: compare, abs/neg/copysign (pure bit ops), rounding, sqrt, arithmetic,
// min/max. An f32 is its raw bit pattern as a signed int32 (so signalling NaNs survive);
// arithmetic decodes it, computes in double, and re-encodes. Leaves out conversions (convert.ts).

import { f32FromBits as value, f32ToBits } from './_internals/scratch.js';
import { nan32Of1, nan32Of2 } from './_internals/nan.js';
import { roundTiesEven } from './_internals/roundTiesEven.js';

// A double result re-encoded as f32 bits; a NaN result gets the spec's propagated NaN
// instead of whatever the host produced. Rounding the double to float32 on store is correct
// for + - * / sqrt: double has more than 2*24+2 significand bits, so the double rounding of
// the intermediate step can never change the final float32 result.
function result1(r: number, a: number): number {
  return r === r ? f32ToBits(r) : nan32Of1(a);
}
function result2(r: number, a: number, b: number): number {
  return r === r ? f32ToBits(r) : nan32Of2(a, b);
}

/** f32.eq */
export const f32Eq = (a: number, b: number): number => (value(a) === value(b) ? 1 : 0);
/** f32.ne */
export const f32Ne = (a: number, b: number): number => (value(a) !== value(b) ? 1 : 0);
/** f32.lt */
export const f32Lt = (a: number, b: number): number => (value(a) < value(b) ? 1 : 0);
/** f32.gt */
export const f32Gt = (a: number, b: number): number => (value(a) > value(b) ? 1 : 0);
/** f32.le */
export const f32Le = (a: number, b: number): number => (value(a) <= value(b) ? 1 : 0);
/** f32.ge */
export const f32Ge = (a: number, b: number): number => (value(a) >= value(b) ? 1 : 0);

/** f32.abs: clears the sign bit, NaN payload untouched. */
export const f32Abs = (a: number): number => a & 0x7fffffff;
/** f32.neg: flips the sign bit, NaN payload untouched. */
export const f32Neg = (a: number): number => a ^ 0x80000000;
/** f32.copysign: magnitude bits of `a`, sign bit of `b`. */
export const f32Copysign = (a: number, b: number): number => (a & 0x7fffffff) | (b & 0x80000000);

/** f32.ceil */
export const f32Ceil = (a: number): number => result1(Math.ceil(value(a)), a);
/** f32.floor */
export const f32Floor = (a: number): number => result1(Math.floor(value(a)), a);
/** f32.trunc */
export const f32Trunc = (a: number): number => result1(Math.trunc(value(a)), a);
/** f32.nearest (ties to even) */
export const f32Nearest = (a: number): number => result1(roundTiesEven(value(a)), a);
/** f32.sqrt */
export const f32Sqrt = (a: number): number => result1(Math.sqrt(value(a)), a);

/** f32.add */
export const f32Add = (a: number, b: number): number => result2(value(a) + value(b), a, b);
/** f32.sub */
export const f32Sub = (a: number, b: number): number => result2(value(a) - value(b), a, b);
/** f32.mul */
export const f32Mul = (a: number, b: number): number => result2(value(a) * value(b), a, b);
/** f32.div */
export const f32Div = (a: number, b: number): number => result2(value(a) / value(b), a, b);
/** f32.min: Math.min already orders -0 below +0 and propagates NaN, as wasm requires. */
export const f32Min = (a: number, b: number): number => result2(Math.min(value(a), value(b)), a, b);
/** f32.max */
export const f32Max = (a: number, b: number): number => result2(Math.max(value(a), value(b)), a, b);
