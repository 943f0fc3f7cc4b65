// Moving scalars in and out of lanes, and rearranging lanes: splat, extract_lane, replace_lane,
// i8x16.shuffle, i8x16.swizzle, v128.const. Lane indices are trusted (the validator checks
// them); scalars use the project encoding (f32 as raw bits, i64 as bigint, f64 as a number).

import type { SimdOp } from './_internals/types.js';
import { A, R, load, out, type LaneViews } from './_internals/views.js';

type NumView = 'i8' | 'i16' | 'i32' | 'f64';

function splat(view: NumView): (x: number) => Uint8Array {
  return (x) => {
    // TypedArray stores wrap to the lane width (ToInt8/ToInt16/ToInt32), which is exactly wasm's
    // truncation of the i32 operand; an f64 store keeps the double's bits.
    const lanes: LaneViews[NumView] = R[view];
    for (let i = 0; i < lanes.length; i++) lanes[i] = x;
    return out();
  };
}

function replace(view: NumView): (v: Uint8Array, x: number, lane: number) => Uint8Array {
  return (v, x, lane) => {
    load(R, v);
    R[view][lane] = x;
    return out();
  };
}

/** Lane reads of the operand's own bytes (no copy needed: only 1-4 bytes are read). */
function byteLane(v: Uint8Array, lane: number): number {
  return v[lane]!;
}
function word16Lane(v: Uint8Array, lane: number): number {
  return v[2 * lane]! | (v[2 * lane + 1]! << 8);
}
function word32Lane(v: Uint8Array, lane: number): number {
  const o = 4 * lane;
  return v[o]! | (v[o + 1]! << 8) | (v[o + 2]! << 16) | (v[o + 3]! << 24);
}

/** Splat, lane access, shuffle and swizzle instructions, keyed by mnemonic. */
export const laneOps = {
  /** The 16 immediate bytes as a fresh vector. */
  'v128.const': (imm: Uint8Array): Uint8Array => imm.slice(),

  'i8x16.splat': splat('i8'),
  'i16x8.splat': splat('i16'),
  'i32x4.splat': splat('i32'),
  'i64x2.splat': (x: bigint): Uint8Array => {
    R.i64[0] = x;
    R.i64[1] = x;
    return out();
  },
  /** The operand is the f32's raw bits, so NaN payloads pass through untouched. */
  'f32x4.splat': splat('i32'),
  'f64x2.splat': splat('f64'),

  'i8x16.extract_lane_s': (v: Uint8Array, lane: number): number => (byteLane(v, lane) << 24) >> 24,
  'i8x16.extract_lane_u': byteLane,
  'i16x8.extract_lane_s': (v: Uint8Array, lane: number): number => (word16Lane(v, lane) << 16) >> 16,
  'i16x8.extract_lane_u': word16Lane,
  'i32x4.extract_lane': word32Lane,
  'i64x2.extract_lane': (v: Uint8Array, lane: number): bigint => load(A, v).i64[lane]!,
  /** Returns the lane's raw bits (the project's f32 encoding). */
  'f32x4.extract_lane': word32Lane,
  'f64x2.extract_lane': (v: Uint8Array, lane: number): number => load(A, v).f64[lane]!,

  'i8x16.replace_lane': replace('i8'),
  'i16x8.replace_lane': replace('i16'),
  'i32x4.replace_lane': replace('i32'),
  'i64x2.replace_lane': (v: Uint8Array, x: bigint, lane: number): Uint8Array => {
    load(R, v);
    R.i64[lane] = x;
    return out();
  },
  'f32x4.replace_lane': replace('i32'),
  'f64x2.replace_lane': replace('f64'),

  /** Result byte i is byte lanes[i] of the 32-byte concatenation a ++ b (indices < 32). */
  'i8x16.shuffle': (a: Uint8Array, b: Uint8Array, lanes: Uint8Array): Uint8Array => {
    const r = new Uint8Array(16);
    for (let i = 0; i < 16; i++) {
      const j = lanes[i]!;
      r[i] = j < 16 ? a[j]! : b[j - 16]!;
    }
    return r;
  },
  /** Result byte i is a[s[i]], or 0 when the (unsigned) selector is 16 or more. */
  'i8x16.swizzle': (a: Uint8Array, s: Uint8Array): Uint8Array => {
    const r = new Uint8Array(16);
    for (let i = 0; i < 16; i++) {
      const j = s[i]!;
      r[i] = j < 16 ? a[j]! : 0;
    }
    return r;
  },
} satisfies Record<string, SimdOp>;
