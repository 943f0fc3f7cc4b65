// Ops whose result lanes differ in width from their input lanes: narrow (saturating), extend,
// extmul, extadd_pairwise and i32x4.dot_i16x8_s. The wider result always holds the exact
// mathematical value except where the spec wraps (dot of two (-0x8000)^2 pairs).

import { clamp, type View } from './_internals/lanewise.js';
import type { SimdOp } from './_internals/types.js';
import { A, B, R, load, out } from './_internals/views.js';

type Wide = 'i16' | 'i32';
type Half = 'low' | 'high';

/** Lanes of `src` from the chosen half, widened into `dst` lanes. */
function extend(src: View, dst: Wide, half: Half): (v: Uint8Array) => Uint8Array {
  return (v) => {
    const x = load(A, v)[src];
    const r = R[dst];
    const base = half === 'high' ? r.length : 0;
    for (let i = 0; i < r.length; i++) r[i] = x[base + i]!;
    return out();
  };
}

function extend64(signed: boolean, half: Half): (v: Uint8Array) => Uint8Array {
  return (v) => {
    load(A, v);
    const base = half === 'high' ? 2 : 0;
    for (let k = 0; k < 2; k++) {
      const x = A.i32[base + k]!;
      R.i32[2 * k] = x;
      R.i32[2 * k + 1] = signed ? x >> 31 : 0;
    }
    return out();
  };
}

/** Products of same-half lanes, exact in the double-width lane. */
function extmul(src: View, dst: Wide, half: Half): (a: Uint8Array, b: Uint8Array) => Uint8Array {
  return (a, b) => {
    const x = load(A, a)[src];
    const y = load(B, b)[src];
    const r = R[dst];
    const base = half === 'high' ? r.length : 0;
    // |x*y| < 2^32 so the double product is exact; the store keeps its low bits.
    for (let i = 0; i < r.length; i++) r[i] = x[base + i]! * y[base + i]!;
    return out();
  };
}

function extmul64(src: 'i32' | 'u32', half: Half): (a: Uint8Array, b: Uint8Array) => Uint8Array {
  return (a, b) => {
    const x = load(A, a)[src];
    const y = load(B, b)[src];
    const base = half === 'high' ? 2 : 0;
    // Up to 64 significant bits: only bigint is exact. The signed store wraps unsigned products
    // of 2^63 or more to the same bits.
    for (let k = 0; k < 2; k++) R.i64[k] = BigInt(x[base + k]!) * BigInt(y[base + k]!);
    return out();
  };
}

function extaddPairwise(src: View, dst: Wide): (v: Uint8Array) => Uint8Array {
  return (v) => {
    const x = load(A, v)[src];
    const r = R[dst];
    for (let i = 0; i < r.length; i++) r[i] = x[2 * i]! + x[2 * i + 1]!;
    return out();
  };
}

/** Saturates each wide `src` lane of a, then of b, into the narrow `dst` lanes. */
function narrow(src: 'i16' | 'i32', dst: 'i8' | 'u8' | 'i16' | 'u16', lo: number, hi: number) {
  return (a: Uint8Array, b: Uint8Array): Uint8Array => {
    const x = load(A, a)[src];
    const y = load(B, b)[src];
    const r = R[dst];
    const n = x.length;
    for (let i = 0; i < n; i++) {
      r[i] = clamp(x[i]!, lo, hi);
      r[n + i] = clamp(y[i]!, lo, hi);
    }
    return out();
  };
}

/** Width-changing integer instructions, keyed by mnemonic. */
export const widenNarrowOps = {
  /** The _u narrows read signed input lanes and clamp them into the unsigned range. */
  'i8x16.narrow_i16x8_s': narrow('i16', 'i8', -0x80, 0x7f),
  'i8x16.narrow_i16x8_u': narrow('i16', 'u8', 0, 0xff),
  'i16x8.narrow_i32x4_s': narrow('i32', 'i16', -0x8000, 0x7fff),
  'i16x8.narrow_i32x4_u': narrow('i32', 'u16', 0, 0xffff),

  'i16x8.extend_low_i8x16_s': extend('i8', 'i16', 'low'),
  'i16x8.extend_high_i8x16_s': extend('i8', 'i16', 'high'),
  'i16x8.extend_low_i8x16_u': extend('u8', 'i16', 'low'),
  'i16x8.extend_high_i8x16_u': extend('u8', 'i16', 'high'),
  'i32x4.extend_low_i16x8_s': extend('i16', 'i32', 'low'),
  'i32x4.extend_high_i16x8_s': extend('i16', 'i32', 'high'),
  'i32x4.extend_low_i16x8_u': extend('u16', 'i32', 'low'),
  'i32x4.extend_high_i16x8_u': extend('u16', 'i32', 'high'),
  'i64x2.extend_low_i32x4_s': extend64(true, 'low'),
  'i64x2.extend_high_i32x4_s': extend64(true, 'high'),
  'i64x2.extend_low_i32x4_u': extend64(false, 'low'),
  'i64x2.extend_high_i32x4_u': extend64(false, 'high'),

  'i16x8.extmul_low_i8x16_s': extmul('i8', 'i16', 'low'),
  'i16x8.extmul_high_i8x16_s': extmul('i8', 'i16', 'high'),
  'i16x8.extmul_low_i8x16_u': extmul('u8', 'i16', 'low'),
  'i16x8.extmul_high_i8x16_u': extmul('u8', 'i16', 'high'),
  'i32x4.extmul_low_i16x8_s': extmul('i16', 'i32', 'low'),
  'i32x4.extmul_high_i16x8_s': extmul('i16', 'i32', 'high'),
  'i32x4.extmul_low_i16x8_u': extmul('u16', 'i32', 'low'),
  'i32x4.extmul_high_i16x8_u': extmul('u16', 'i32', 'high'),
  'i64x2.extmul_low_i32x4_s': extmul64('i32', 'low'),
  'i64x2.extmul_high_i32x4_s': extmul64('i32', 'high'),
  'i64x2.extmul_low_i32x4_u': extmul64('u32', 'low'),
  'i64x2.extmul_high_i32x4_u': extmul64('u32', 'high'),

  'i16x8.extadd_pairwise_i8x16_s': extaddPairwise('i8', 'i16'),
  'i16x8.extadd_pairwise_i8x16_u': extaddPairwise('u8', 'i16'),
  'i32x4.extadd_pairwise_i16x8_s': extaddPairwise('i16', 'i32'),
  'i32x4.extadd_pairwise_i16x8_u': extaddPairwise('u16', 'i32'),

  /** Sum of adjacent i16 products; wraps only when both pairs are (-0x8000)^2. */
  'i32x4.dot_i16x8_s': (a: Uint8Array, b: Uint8Array): Uint8Array => {
    const x = load(A, a).i16;
    const y = load(B, b).i16;
    for (let i = 0; i < 4; i++) R.i32[i] = x[2 * i]! * y[2 * i]! + x[2 * i + 1]! * y[2 * i + 1]!;
    return out();
  },
} satisfies Record<string, SimdOp>;
