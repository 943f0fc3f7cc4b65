// i32 instructions: test, compare, bit counting, arithmetic, bitwise, shifts, sign extension.
// Values are signed int32 JS numbers (normalized with `|0`); booleans are the i32 0 or 1.
// Leaves out conversions from other types (convert.ts).

import { trap, TrapKind } from '../errors.js';

const INT32_MIN = -0x80000000;

/** i32.eqz */
export const i32Eqz = (a: number): number => (a === 0 ? 1 : 0);
/** i32.eq */
export const i32Eq = (a: number, b: number): number => (a === b ? 1 : 0);
/** i32.ne */
export const i32Ne = (a: number, b: number): number => (a !== b ? 1 : 0);
/** i32.lt_s */
export const i32LtS = (a: number, b: number): number => (a < b ? 1 : 0);
/** i32.lt_u */
export const i32LtU = (a: number, b: number): number => (a >>> 0 < b >>> 0 ? 1 : 0);
/** i32.gt_s */
export const i32GtS = (a: number, b: number): number => (a > b ? 1 : 0);
/** i32.gt_u */
export const i32GtU = (a: number, b: number): number => (a >>> 0 > b >>> 0 ? 1 : 0);
/** i32.le_s */
export const i32LeS = (a: number, b: number): number => (a <= b ? 1 : 0);
/** i32.le_u */
export const i32LeU = (a: number, b: number): number => (a >>> 0 <= b >>> 0 ? 1 : 0);
/** i32.ge_s */
export const i32GeS = (a: number, b: number): number => (a >= b ? 1 : 0);
/** i32.ge_u */
export const i32GeU = (a: number, b: number): number => (a >>> 0 >= b >>> 0 ? 1 : 0);

/** i32.clz */
export const i32Clz = (a: number): number => Math.clz32(a);
/** i32.ctz: `a & -a` isolates the lowest set bit, whose leading zeros give its position. */
export const i32Ctz = (a: number): number => (a === 0 ? 32 : 31 - Math.clz32(a & -a));
/** i32.popcnt, by the usual parallel bit sum (no loop, no table). */
export function i32Popcnt(a: number): number {
  a = a - ((a >>> 1) & 0x55555555);
  a = (a & 0x33333333) + ((a >>> 2) & 0x33333333);
  a = (a + (a >>> 4)) & 0x0f0f0f0f;
  return Math.imul(a, 0x01010101) >>> 24;
}

/** i32.add */
export const i32Add = (a: number, b: number): number => (a + b) | 0;
/** i32.sub */
export const i32Sub = (a: number, b: number): number => (a - b) | 0;
/** i32.mul: Math.imul, since a plain product can exceed 2^53 and lose low bits. */
export const i32Mul = (a: number, b: number): number => Math.imul(a, b);

/** i32.div_s; traps on zero divisor and on INT32_MIN / -1. */
export function i32DivS(a: number, b: number): number {
  if (b === 0) trap(TrapKind.IntegerDivideByZero);
  if (a === INT32_MIN && b === -1) trap(TrapKind.IntegerOverflow);
  // `|0` truncates toward zero, which is what the spec's division rounds to.
  return (a / b) | 0;
}
/** i32.div_u; traps on zero divisor. */
export function i32DivU(a: number, b: number): number {
  if (b === 0) trap(TrapKind.IntegerDivideByZero);
  return ((a >>> 0) / (b >>> 0)) | 0;
}
/** i32.rem_s; traps on zero divisor. INT32_MIN rem -1 is 0 (JS gives -0, `|0` fixes it). */
export function i32RemS(a: number, b: number): number {
  if (b === 0) trap(TrapKind.IntegerDivideByZero);
  return (a % b) | 0;
}
/** i32.rem_u; traps on zero divisor. */
export function i32RemU(a: number, b: number): number {
  if (b === 0) trap(TrapKind.IntegerDivideByZero);
  return ((a >>> 0) % (b >>> 0)) | 0;
}

/** i32.and */
export const i32And = (a: number, b: number): number => a & b;
/** i32.or */
export const i32Or = (a: number, b: number): number => a | b;
/** i32.xor */
export const i32Xor = (a: number, b: number): number => a ^ b;
// JS shift operators already take the count modulo 32, as wasm does.
/** i32.shl */
export const i32Shl = (a: number, b: number): number => a << b;
/** i32.shr_s */
export const i32ShrS = (a: number, b: number): number => a >> b;
/** i32.shr_u */
export const i32ShrU = (a: number, b: number): number => (a >>> b) | 0;
/** i32.rotl: for a count of 0 (mod 32) the right shift is by 32 & 31 = 0 and ORs `a` with itself. */
export const i32Rotl = (a: number, b: number): number => (a << b) | (a >>> (32 - b));
/** i32.rotr */
export const i32Rotr = (a: number, b: number): number => (a >>> b) | (a << (32 - b));

/** i32.extend8_s */
export const i32Extend8S = (a: number): number => (a << 24) >> 24;
/** i32.extend16_s */
export const i32Extend16S = (a: number): number => (a << 16) >> 16;
