// Conversions between the four number types: wrap/extend, trapping and saturating float->int
// truncation, int->float conversion, promote/demote and reinterpret. Representations as in
// types.ts (f32 = bit pattern). Leaves out the in-type sign extensions (i32.ts, i64.ts).

import { trap, TrapKind } from '../errors.js';
import {
  f32FromBits, f32ToBits, f64Cell, f64FromBits, f64FromWords, f64ToBits, f64Words,
} from './_internals/scratch.js';
import { CANONICAL_NAN32, CANONICAL_NAN64, isNaN32 } from './_internals/nan.js';

const TWO31 = 2 ** 31;
const TWO32 = 2 ** 32;
const TWO63 = 2 ** 63;
const TWO64 = 2 ** 64;
const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

/** i32.wrap_i64 */
export const i32WrapI64 = (a: bigint): number => Number(BigInt.asIntN(32, a));
/** i64.extend_i32_s */
export const i64ExtendI32S = (a: number): bigint => BigInt(a);
/** i64.extend_i32_u */
export const i64ExtendI32U = (a: number): bigint => BigInt(a >>> 0);

// Trapping truncation: NaN is an invalid conversion, anything whose integer part falls outside
// [min, maxExclusive) an overflow. Checking the truncated value (an exact double, as are the
// power-of-two bounds) makes the bounds exact: -2147483648.9 passes for i32, 2^31 does not.
function truncOrTrap(x: number, min: number, maxExclusive: number): number {
  if (x !== x) trap(TrapKind.InvalidConversionToInteger);
  const t = Math.trunc(x);
  if (!(t >= min && t < maxExclusive)) trap(TrapKind.IntegerOverflow);
  return t;
}

/** i32.trunc_f32_s */
export const i32TruncF32S = (a: number): number => truncOrTrap(f32FromBits(a), -TWO31, TWO31) | 0;
/** i32.trunc_f32_u */
export const i32TruncF32U = (a: number): number => truncOrTrap(f32FromBits(a), 0, TWO32) | 0;
/** i32.trunc_f64_s */
export const i32TruncF64S = (a: number): number => truncOrTrap(a, -TWO31, TWO31) | 0;
/** i32.trunc_f64_u */
export const i32TruncF64U = (a: number): number => truncOrTrap(a, 0, TWO32) | 0;
/** i64.trunc_f32_s */
export const i64TruncF32S = (a: number): bigint => BigInt(truncOrTrap(f32FromBits(a), -TWO63, TWO63));
/** i64.trunc_f32_u */
export const i64TruncF32U = (a: number): bigint =>
  BigInt.asIntN(64, BigInt(truncOrTrap(f32FromBits(a), 0, TWO64)));
/** i64.trunc_f64_s */
export const i64TruncF64S = (a: number): bigint => BigInt(truncOrTrap(a, -TWO63, TWO63));
/** i64.trunc_f64_u */
export const i64TruncF64U = (a: number): bigint => BigInt.asIntN(64, BigInt(truncOrTrap(a, 0, TWO64)));

// Saturating truncation to 32 bits: NaN gives 0, out-of-range clamps. `|0` also turns -0 into 0
// and wraps the unsigned results above 2^31 into their signed int32 pattern.
function truncSat32(x: number, min: number, max: number): number {
  if (x !== x) return 0;
  const t = Math.trunc(x);
  return (t < min ? min : t > max ? max : t) | 0;
}
/** i32.trunc_sat_f32_s */
export const i32TruncSatF32S = (a: number): number => truncSat32(f32FromBits(a), -TWO31, TWO31 - 1);
/** i32.trunc_sat_f32_u */
export const i32TruncSatF32U = (a: number): number => truncSat32(f32FromBits(a), 0, TWO32 - 1);
/** i32.trunc_sat_f64_s */
export const i32TruncSatF64S = (a: number): number => truncSat32(a, -TWO31, TWO31 - 1);
/** i32.trunc_sat_f64_u */
export const i32TruncSatF64U = (a: number): number => truncSat32(a, 0, TWO32 - 1);

// 64-bit saturation clamps as bigints: 2^63 - 1 and 2^64 - 1 are not doubles.
function truncSatS64(x: number): bigint {
  if (x !== x) return 0n;
  if (x >= TWO63) return INT64_MAX;
  if (x < -TWO63) return INT64_MIN;
  return BigInt(Math.trunc(x));
}
function truncSatU64(x: number): bigint {
  if (x !== x || x <= 0) return 0n;
  if (x >= TWO64) return -1n; // all ones: 2^64 - 1 as a signed pattern
  return BigInt.asIntN(64, BigInt(Math.trunc(x)));
}
/** i64.trunc_sat_f32_s */
export const i64TruncSatF32S = (a: number): bigint => truncSatS64(f32FromBits(a));
/** i64.trunc_sat_f32_u */
export const i64TruncSatF32U = (a: number): bigint => truncSatU64(f32FromBits(a));
/** i64.trunc_sat_f64_s */
export const i64TruncSatF64S = (a: number): bigint => truncSatS64(a);
/** i64.trunc_sat_f64_u */
export const i64TruncSatF64U = (a: number): bigint => truncSatU64(a);

// Integer -> f32. An int32 is an exact double, so storing it to float32 rounds once, correctly.
// A 64-bit integer is not: Number() would round it to 53 bits, then to 24, and that double
// rounding is wrong when the first step lands exactly on a float32 tie. Above 2^53 the float32
// half-ulp is at bit 29 or higher, so bits 0..27 only matter as "some are set": folding them
// into bit 27 keeps the value's side of every tie and makes Number() exact (<= 37 bits span).
const STICKY_BITS = (1n << 28n) - 1n;
const STICKY_MARK = 1n << 27n;
const EXACT_LIMIT = 1n << 53n;
function f32OfInteger(x: bigint): number {
  if (x >= -EXACT_LIMIT && x <= EXACT_LIMIT) return f32ToBits(Number(x));
  let m = x < 0n ? -x : x;
  if ((m & STICKY_BITS) !== 0n) m = (m & ~STICKY_BITS) | STICKY_MARK;
  return f32ToBits(x < 0n ? -Number(m) : Number(m));
}

/** f32.convert_i32_s */
export const f32ConvertI32S = (a: number): number => f32ToBits(a);
/** f32.convert_i32_u */
export const f32ConvertI32U = (a: number): number => f32ToBits(a >>> 0);
/** f32.convert_i64_s */
export const f32ConvertI64S = (a: bigint): number => f32OfInteger(a);
/** f32.convert_i64_u */
export const f32ConvertI64U = (a: bigint): number => f32OfInteger(BigInt.asUintN(64, a));
/** f64.convert_i32_s */
export const f64ConvertI32S = (a: number): number => a;
/** f64.convert_i32_u */
export const f64ConvertI32U = (a: number): number => a >>> 0;
/** f64.convert_i64_s: Number(bigint) rounds to nearest, ties to even, in one step. */
export const f64ConvertI64S = (a: bigint): number => Number(a);
/** f64.convert_i64_u */
export const f64ConvertI64U = (a: bigint): number => Number(BigInt.asUintN(64, a));

/**
 * f32.demote_f64. A canonical NaN gives the canonical f32 NaN; any other NaN keeps its sign
 * and the top of its payload, quieted (the spec asks only for an arithmetic NaN).
 */
export function f32DemoteF64(a: number): number {
  if (a === a) return f32ToBits(a);
  f64Cell[0] = a;
  const hi = f64Words[1]!;
  const lo = f64Words[0]!;
  if ((hi & 0x7fffffff) === 0x7ff80000 && lo === 0) return CANONICAL_NAN32;
  return (hi & 0x80000000) | 0x7fc00000 | ((hi & 0xfffff) << 3) | (lo >>> 29);
}

/**
 * f64.promote_f32. Non-NaN values widen exactly. A canonical NaN gives the canonical f64 NaN;
 * any other NaN keeps its sign and payload (shifted to the top), quieted.
 */
export function f64PromoteF32(a: number): number {
  if (!isNaN32(a)) return f32FromBits(a);
  if ((a & 0x7fffffff) === CANONICAL_NAN32) return CANONICAL_NAN64;
  return f64FromWords((a & 0x80000000) | 0x7ff80000 | ((a & 0x7fffff) >>> 3), a << 29);
}

/** i32.reinterpret_f32: an f32 already is its bit pattern. */
export const i32ReinterpretF32 = (a: number): number => a;
/** f32.reinterpret_i32 */
export const f32ReinterpretI32 = (a: number): number => a;
/** i64.reinterpret_f64 */
export const i64ReinterpretF64 = (a: number): bigint => f64ToBits(a);
/** f64.reinterpret_i64 */
export const f64ReinterpretI64 = (a: bigint): number => f64FromBits(a);
