// Same-width integer lane arithmetic: add, sub, mul, neg, abs, saturating add/sub, min/max,
// avgr_u, popcnt and q15mulr_sat_s. Widening, narrowing, shifts and reductions live elsewhere.
// i64 lanes are computed on 32-bit word pairs (bigint only for mul) to keep them cheap.

import { binary, clamp, unary } from './_internals/lanewise.js';
import type { SimdOp } from './_internals/types.js';
import { A, B, R, load, out } from './_internals/views.js';

const add = (a: number, b: number): number => a + b;
const sub = (a: number, b: number): number => a - b;
const neg = (a: number): number => -a;
const min = (a: number, b: number): number => (a < b ? a : b);
const max = (a: number, b: number): number => (a > b ? a : b);
// abs(MIN) overflows to MIN again; the wrapping store produces exactly that.
const abs = (a: number): number => (a < 0 ? -a : a);
const avgr = (a: number, b: number): number => (a + b + 1) >>> 1;

function i64Add(a: Uint8Array, b: Uint8Array): Uint8Array {
  load(A, a);
  load(B, b);
  for (let k = 0; k < 4; k += 2) {
    const lo = A.u32[k]! + B.u32[k]!;
    R.u32[k] = lo;
    R.u32[k + 1] = A.u32[k + 1]! + B.u32[k + 1]! + (lo > 0xffffffff ? 1 : 0);
  }
  return out();
}

/** Word-pair subtraction of B from A into R (A may be all zeros, for neg). */
function sub64(): Uint8Array {
  for (let k = 0; k < 4; k += 2) {
    const lo = A.u32[k]! - B.u32[k]!;
    R.u32[k] = lo;
    R.u32[k + 1] = A.u32[k + 1]! - B.u32[k + 1]! - (lo < 0 ? 1 : 0);
  }
  return out();
}

function i64Sub(a: Uint8Array, b: Uint8Array): Uint8Array {
  load(A, a);
  load(B, b);
  return sub64();
}

function i64Neg(a: Uint8Array): Uint8Array {
  A.u8.fill(0);
  load(B, a);
  return sub64();
}

function i64Abs(a: Uint8Array): Uint8Array {
  A.u8.fill(0);
  load(B, a);
  sub64();
  // Keep the negation only in lanes whose input was negative.
  for (let k = 1; k < 4; k += 2) {
    if (B.i32[k]! >= 0) {
      R.u32[k - 1] = B.u32[k - 1]!;
      R.u32[k] = B.u32[k]!;
    }
  }
  return out();
}

function i64Mul(a: Uint8Array, b: Uint8Array): Uint8Array {
  load(A, a);
  load(B, b);
  // The BigInt64Array store wraps the exact product to 64 bits.
  R.i64[0] = A.i64[0]! * B.i64[0]!;
  R.i64[1] = A.i64[1]! * B.i64[1]!;
  return out();
}

function popcnt8(x: number): number {
  x = x - ((x >> 1) & 0x55);
  x = (x & 0x33) + ((x >> 2) & 0x33);
  return (x + (x >> 4)) & 0x0f;
}

/** Same-width integer arithmetic instructions, keyed by mnemonic. */
export const intArithOps = {
  'i8x16.add': binary('u8', add),
  'i16x8.add': binary('u16', add),
  'i32x4.add': binary('u32', add),
  'i64x2.add': i64Add,
  'i8x16.sub': binary('u8', sub),
  'i16x8.sub': binary('u16', sub),
  'i32x4.sub': binary('u32', sub),
  'i64x2.sub': i64Sub,
  /** The exact i16 product fits a double; the store keeps its low 16 bits. */
  'i16x8.mul': binary('i16', (a, b) => a * b),
  'i32x4.mul': binary('i32', Math.imul),
  'i64x2.mul': i64Mul,

  'i8x16.neg': unary('i8', neg),
  'i16x8.neg': unary('i16', neg),
  'i32x4.neg': unary('i32', neg),
  'i64x2.neg': i64Neg,
  'i8x16.abs': unary('i8', abs),
  'i16x8.abs': unary('i16', abs),
  'i32x4.abs': unary('i32', abs),
  'i64x2.abs': i64Abs,

  'i8x16.add_sat_s': binary('i8', (a, b) => clamp(a + b, -0x80, 0x7f)),
  'i8x16.add_sat_u': binary('u8', (a, b) => clamp(a + b, 0, 0xff)),
  'i8x16.sub_sat_s': binary('i8', (a, b) => clamp(a - b, -0x80, 0x7f)),
  'i8x16.sub_sat_u': binary('u8', (a, b) => clamp(a - b, 0, 0xff)),
  'i16x8.add_sat_s': binary('i16', (a, b) => clamp(a + b, -0x8000, 0x7fff)),
  'i16x8.add_sat_u': binary('u16', (a, b) => clamp(a + b, 0, 0xffff)),
  'i16x8.sub_sat_s': binary('i16', (a, b) => clamp(a - b, -0x8000, 0x7fff)),
  'i16x8.sub_sat_u': binary('u16', (a, b) => clamp(a - b, 0, 0xffff)),

  'i8x16.min_s': binary('i8', min),
  'i8x16.min_u': binary('u8', min),
  'i8x16.max_s': binary('i8', max),
  'i8x16.max_u': binary('u8', max),
  'i16x8.min_s': binary('i16', min),
  'i16x8.min_u': binary('u16', min),
  'i16x8.max_s': binary('i16', max),
  'i16x8.max_u': binary('u16', max),
  'i32x4.min_s': binary('i32', min),
  'i32x4.min_u': binary('u32', min),
  'i32x4.max_s': binary('i32', max),
  'i32x4.max_u': binary('u32', max),

  /** Unsigned rounding average: (a + b + 1) / 2 without overflow. */
  'i8x16.avgr_u': binary('u8', avgr),
  'i16x8.avgr_u': binary('u16', avgr),

  'i8x16.popcnt': unary('u8', popcnt8),

  /** Q15 rounding multiply: sat16((a * b + 0x4000) >> 15); only -0x8000 squared saturates. */
  'i16x8.q15mulr_sat_s': binary('i16', (a, b) => clamp((a * b + 0x4000) >> 15, -0x8000, 0x7fff)),
} satisfies Record<string, SimdOp>;
