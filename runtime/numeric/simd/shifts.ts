// Lane shifts shl, shr_s, shr_u of every integer shape by an i32 count taken modulo the lane
// width (so negative or oversized counts wrap, as the spec requires). i64 lanes shift as word pairs.

import type { View } from './_internals/lanewise.js';
import type { SimdOp } from './_internals/types.js';
import { A, R, load, out } from './_internals/views.js';

type Shift = (x: number, n: number) => number;

function shift(view: View, bits: number, f: Shift): (v: Uint8Array, count: number) => Uint8Array {
  return (v, count) => {
    const n = count & (bits - 1);
    const x = load(A, v)[view];
    const r = R[view];
    // For 8/16-bit lanes the JS shift works on the int32 lane value; the narrowing store keeps
    // exactly the lane's low bits, which is the wasm result.
    for (let i = 0; i < r.length; i++) r[i] = f(x[i]!, n);
    return out();
  };
}

const shl: Shift = (x, n) => x << n;
const sar: Shift = (x, n) => x >> n;
const shr: Shift = (x, n) => x >>> n;

/** Shifts the word pair (lo, hi) by n in 1..63 and stores it as i64 lane words k, k+1 of R. */
type Shift64 = (lo: number, hi: number, n: number, k: number) => void;

function shift64(f: Shift64): (v: Uint8Array, count: number) => Uint8Array {
  return (v, count) => {
    const n = count & 63;
    // JS shifts take their count mod 32, so a zero count would break the kernels' 32 - n.
    if (n === 0) return v.slice();
    load(A, v);
    for (let k = 0; k < 4; k += 2) f(A.i32[k]!, A.i32[k + 1]!, n, k);
    return out();
  };
}

function put(k: number, lo: number, hi: number): void {
  R.i32[k] = lo;
  R.i32[k + 1] = hi;
}
const shl64: Shift64 = (lo, hi, n, k) =>
  n < 32 ? put(k, lo << n, (hi << n) | (lo >>> (32 - n))) : put(k, 0, lo << (n - 32));
const shrU64: Shift64 = (lo, hi, n, k) =>
  n < 32 ? put(k, (lo >>> n) | (hi << (32 - n)), hi >>> n) : put(k, hi >>> (n - 32), 0);
const shrS64: Shift64 = (lo, hi, n, k) =>
  n < 32 ? put(k, (lo >>> n) | (hi << (32 - n)), hi >> n) : put(k, hi >> (n - 32), hi >> 31);

/** Shift instructions of every integer shape, keyed by mnemonic. */
export const shiftOps = {
  'i8x16.shl': shift('i8', 8, shl),
  'i8x16.shr_s': shift('i8', 8, sar),
  'i8x16.shr_u': shift('u8', 8, shr),
  'i16x8.shl': shift('i16', 16, shl),
  'i16x8.shr_s': shift('i16', 16, sar),
  'i16x8.shr_u': shift('u16', 16, shr),
  'i32x4.shl': shift('i32', 32, shl),
  'i32x4.shr_s': shift('i32', 32, sar),
  'i32x4.shr_u': shift('u32', 32, shr),
  'i64x2.shl': shift64(shl64),
  'i64x2.shr_s': shift64(shrS64),
  'i64x2.shr_u': shift64(shrU64),
} satisfies Record<string, SimdOp>;
