// i64 instructions: test, compare, bit counting, arithmetic, bitwise, shifts, sign extension.
// Values are signed bigints normalized with BigInt.asIntN(64, x); tests and compares return
// an i32 (JS number 0/1). Leaves out conversions from other types (convert.ts).

import { trap, TrapKind } from '../errors.js';
import { i32Popcnt } from './i32.js';

const INT64_MIN = -(1n << 63n);
const wrap = (x: bigint): bigint => BigInt.asIntN(64, x);
const unsigned = (x: bigint): bigint => BigInt.asUintN(64, x);

/** i64.eqz */
export const i64Eqz = (a: bigint): number => (a === 0n ? 1 : 0);
/** i64.eq */
export const i64Eq = (a: bigint, b: bigint): number => (a === b ? 1 : 0);
/** i64.ne */
export const i64Ne = (a: bigint, b: bigint): number => (a !== b ? 1 : 0);
/** i64.lt_s */
export const i64LtS = (a: bigint, b: bigint): number => (a < b ? 1 : 0);
/** i64.lt_u */
export const i64LtU = (a: bigint, b: bigint): number => (unsigned(a) < unsigned(b) ? 1 : 0);
/** i64.gt_s */
export const i64GtS = (a: bigint, b: bigint): number => (a > b ? 1 : 0);
/** i64.gt_u */
export const i64GtU = (a: bigint, b: bigint): number => (unsigned(a) > unsigned(b) ? 1 : 0);
/** i64.le_s */
export const i64LeS = (a: bigint, b: bigint): number => (a <= b ? 1 : 0);
/** i64.le_u */
export const i64LeU = (a: bigint, b: bigint): number => (unsigned(a) <= unsigned(b) ? 1 : 0);
/** i64.ge_s */
export const i64GeS = (a: bigint, b: bigint): number => (a >= b ? 1 : 0);
/** i64.ge_u */
export const i64GeU = (a: bigint, b: bigint): number => (unsigned(a) >= unsigned(b) ? 1 : 0);

// Bit counts work on the two 32-bit halves as numbers: far cheaper than bigint loops.
const high = (a: bigint): number => Number(a >> 32n) | 0;
const low = (a: bigint): number => Number(a & 0xffffffffn) | 0;

/** i64.clz */
export function i64Clz(a: bigint): bigint {
  const hi = high(a);
  return BigInt(hi !== 0 ? Math.clz32(hi) : 32 + Math.clz32(low(a)));
}
/** i64.ctz */
export function i64Ctz(a: bigint): bigint {
  const lo = low(a);
  if (lo !== 0) return BigInt(31 - Math.clz32(lo & -lo));
  const hi = high(a);
  return BigInt(hi === 0 ? 64 : 63 - Math.clz32(hi & -hi));
}
/** i64.popcnt */
export const i64Popcnt = (a: bigint): bigint => BigInt(i32Popcnt(high(a)) + i32Popcnt(low(a)));

/** i64.add */
export const i64Add = (a: bigint, b: bigint): bigint => wrap(a + b);
/** i64.sub */
export const i64Sub = (a: bigint, b: bigint): bigint => wrap(a - b);
/** i64.mul */
export const i64Mul = (a: bigint, b: bigint): bigint => wrap(a * b);

/** i64.div_s; traps on zero divisor and on INT64_MIN / -1. Bigint `/` truncates toward zero. */
export function i64DivS(a: bigint, b: bigint): bigint {
  if (b === 0n) trap(TrapKind.IntegerDivideByZero);
  if (a === INT64_MIN && b === -1n) trap(TrapKind.IntegerOverflow);
  return a / b;
}
/** i64.div_u; traps on zero divisor. */
export function i64DivU(a: bigint, b: bigint): bigint {
  if (b === 0n) trap(TrapKind.IntegerDivideByZero);
  return wrap(unsigned(a) / unsigned(b));
}
/** i64.rem_s; traps on zero divisor. Bigint `%` takes the dividend's sign, as wasm does. */
export function i64RemS(a: bigint, b: bigint): bigint {
  if (b === 0n) trap(TrapKind.IntegerDivideByZero);
  return a % b;
}
/** i64.rem_u; traps on zero divisor. */
export function i64RemU(a: bigint, b: bigint): bigint {
  if (b === 0n) trap(TrapKind.IntegerDivideByZero);
  return wrap(unsigned(a) % unsigned(b));
}

/** i64.and */
export const i64And = (a: bigint, b: bigint): bigint => a & b;
/** i64.or */
export const i64Or = (a: bigint, b: bigint): bigint => a | b;
/** i64.xor */
export const i64Xor = (a: bigint, b: bigint): bigint => a ^ b;
// Bigint shifts do not mask their count, so every shift masks it to 0..63 as wasm does.
/** i64.shl */
export const i64Shl = (a: bigint, b: bigint): bigint => wrap(a << (b & 63n));
/** i64.shr_s: the signed bigint already shifts in copies of its sign. */
export const i64ShrS = (a: bigint, b: bigint): bigint => a >> (b & 63n);
/** i64.shr_u */
export const i64ShrU = (a: bigint, b: bigint): bigint => wrap(unsigned(a) >> (b & 63n));
/** i64.rotl */
export function i64Rotl(a: bigint, b: bigint): bigint {
  const u = unsigned(a);
  const k = b & 63n;
  return wrap((u << k) | (u >> (64n - k)));
}
/** i64.rotr */
export function i64Rotr(a: bigint, b: bigint): bigint {
  const u = unsigned(a);
  const k = b & 63n;
  return wrap((u >> k) | (u << (64n - k)));
}

/** i64.extend8_s */
export const i64Extend8S = (a: bigint): bigint => BigInt.asIntN(8, a);
/** i64.extend16_s */
export const i64Extend16S = (a: bigint): bigint => BigInt.asIntN(16, a);
/** i64.extend32_s */
export const i64Extend32S = (a: bigint): bigint => BigInt.asIntN(32, a);
