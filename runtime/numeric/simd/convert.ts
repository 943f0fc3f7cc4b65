// Conversions between int and float lanes and between f32 and f64 lanes: convert, trunc_sat,
// demote_zero, promote_low. Rounding to f32 is done by the Float32Array store (nearest-even);
// float-to-int saturates, NaN giving 0. Integer widening/narrowing is in widenNarrow.ts.

import { CANONICAL_NAN32, CANONICAL_NAN64_HI, isOddNaN32, isOddNaN64 } from './_internals/nan.js';
import type { SimdOp } from './_internals/types.js';
import { A, R, load, out } from './_internals/views.js';

const TWO_31 = 2147483648;
const TWO_32 = 4294967296;

function truncSatS(x: number): number {
  if (x !== x) return 0;
  if (x <= -TWO_31) return -TWO_31;
  if (x >= TWO_31) return TWO_31 - 1;
  return Math.trunc(x);
}

/** Returns the u32 value (the Uint32Array store keeps its bits). */
function truncSatU(x: number): number {
  // NaN and everything above -1 but not above 0 land on 0 too.
  if (!(x > 0)) return 0;
  return x >= TWO_32 ? TWO_32 - 1 : Math.trunc(x);
}

function truncSat32(f: (x: number) => number): (v: Uint8Array) => Uint8Array {
  return (v) => {
    load(A, v);
    // Uint32Array takes both signed and unsigned results with the right bits.
    for (let i = 0; i < 4; i++) R.u32[i] = f(A.f32[i]!);
    return out();
  };
}

function truncSat64Zero(f: (x: number) => number): (v: Uint8Array) => Uint8Array {
  return (v) => {
    load(A, v);
    R.u32[0] = f(A.f64[0]!);
    R.u32[1] = f(A.f64[1]!);
    R.u32[2] = 0;
    R.u32[3] = 0;
    return out();
  };
}

/** A NaN f64 lane of A demoted: ±canonical stays canonical, others keep sign and top payload. */
function demoteNaN(k: number): number {
  const hi = A.u32[2 * k + 1]!;
  const lo = A.u32[2 * k]!;
  if (!isOddNaN64(hi, lo)) return CANONICAL_NAN32;
  return (hi & 0x80000000) | 0x7fc00000 | ((hi & 0xfffff) << 3) | (lo >>> 29);
}

/** A NaN f32 lane of A promoted: ±canonical stays canonical, others keep sign and payload. */
function promoteNaN(k: number): void {
  const bits = A.i32[k]!;
  if (!isOddNaN32(bits)) {
    R.u32[2 * k] = 0;
    R.u32[2 * k + 1] = CANONICAL_NAN64_HI;
    return;
  }
  R.u32[2 * k] = (bits & 7) << 29;
  R.u32[2 * k + 1] = (bits & 0x80000000) | 0x7ff80000 | ((bits & 0x3fffff) >>> 3);
}

/** Int/float lane conversion instructions, keyed by mnemonic. */
export const convertOps = {
  'f32x4.convert_i32x4_s': (v: Uint8Array): Uint8Array => {
    load(A, v);
    for (let i = 0; i < 4; i++) R.f32[i] = A.i32[i]!;
    return out();
  },
  'f32x4.convert_i32x4_u': (v: Uint8Array): Uint8Array => {
    load(A, v);
    for (let i = 0; i < 4; i++) R.f32[i] = A.u32[i]!;
    return out();
  },
  'i32x4.trunc_sat_f32x4_s': truncSat32(truncSatS),
  'i32x4.trunc_sat_f32x4_u': truncSat32(truncSatU),
  /** Lanes 0-1 from the two f64 lanes, lanes 2-3 zero. */
  'i32x4.trunc_sat_f64x2_s_zero': truncSat64Zero(truncSatS),
  'i32x4.trunc_sat_f64x2_u_zero': truncSat64Zero(truncSatU),
  /** i32 lanes 0-1, exactly representable as f64. */
  'f64x2.convert_low_i32x4_s': (v: Uint8Array): Uint8Array => {
    load(A, v);
    R.f64[0] = A.i32[0]!;
    R.f64[1] = A.i32[1]!;
    return out();
  },
  'f64x2.convert_low_i32x4_u': (v: Uint8Array): Uint8Array => {
    load(A, v);
    R.f64[0] = A.u32[0]!;
    R.f64[1] = A.u32[1]!;
    return out();
  },
  /** f32 lanes 0-1 from the f64 lanes (rounded nearest-even), lanes 2-3 zero. */
  'f32x4.demote_f64x2_zero': (v: Uint8Array): Uint8Array => {
    load(A, v);
    for (let k = 0; k < 2; k++) {
      const x = A.f64[k]!;
      if (x === x) R.f32[k] = x;
      else R.i32[k] = demoteNaN(k);
    }
    R.u32[2] = 0;
    R.u32[3] = 0;
    return out();
  },
  /** f64 lanes from f32 lanes 0-1 (exact). */
  'f64x2.promote_low_f32x4': (v: Uint8Array): Uint8Array => {
    load(A, v);
    for (let k = 0; k < 2; k++) {
      const x = A.f32[k]!;
      if (x === x) R.f64[k] = x;
      else promoteNaN(k);
    }
    return out();
  },
} satisfies Record<string, SimdOp>;
