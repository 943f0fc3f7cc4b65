// The data half of the SIMD memory instructions: the tiers compute the address, bounds-check
// and read/write the bytes; these turn loaded bytes into a v128 (load, extend, splat, zero,
// lane) or a v128 into the bytes to store. Addressing, alignment and traps are left to the tiers.

import type { SimdOp } from './_internals/types.js';
import { widenNarrowOps } from './widenNarrow.js';

/** A load: `bytes` is how many bytes the tier reads at the effective address. */
export interface SimdLoad {
  readonly kind: 'load';
  readonly bytes: 1 | 2 | 4 | 8 | 16;
  /** The v128 made from the `bytes` loaded bytes (little-endian, as in memory). */
  readonly load: (loaded: Uint8Array) => Uint8Array;
}

/** A lane load: reads `bytes` bytes into one lane of the v128 operand. */
export interface SimdLoadLane {
  readonly kind: 'loadLane';
  readonly bytes: 1 | 2 | 4 | 8;
  /** Operands in stack order with the address replaced by the loaded bytes, lane immediate last. */
  readonly load: (loaded: Uint8Array, v: Uint8Array, lane: number) => Uint8Array;
}

/** A store: v128.store writes all 16 bytes, the lane stores one lane's `bytes` bytes. */
export interface SimdStore {
  readonly kind: 'store' | 'storeLane';
  readonly bytes: 1 | 2 | 4 | 8 | 16;
  /** The fresh bytes to write at the effective address (`lane` is ignored by v128.store). */
  readonly store: (v: Uint8Array, lane: number) => Uint8Array;
}

/** One SIMD memory instruction's data handling. */
export type SimdMemoryOp = SimdLoad | SimdLoadLane | SimdStore;

/** Places the 8 loaded bytes in the low half of a vector and widens them with `extend`. */
function extending(extend: SimdOp): SimdLoad {
  return {
    kind: 'load',
    bytes: 8,
    load: (loaded) => {
      const v = new Uint8Array(16);
      v.set(loaded.subarray(0, 8));
      return extend(v) as Uint8Array;
    },
  };
}

function splat(bytes: 1 | 2 | 4 | 8): SimdLoad {
  return {
    kind: 'load',
    bytes,
    load: (loaded) => {
      const r = new Uint8Array(16);
      for (let i = 0; i < 16; i++) r[i] = loaded[i % bytes]!;
      return r;
    },
  };
}

/** Loads into the low `bytes` bytes, the rest zero; v128.load is the 16-byte case. */
function zeroExtended(bytes: 4 | 8 | 16): SimdLoad {
  return {
    kind: 'load',
    bytes,
    load: (loaded) => {
      const r = new Uint8Array(16);
      r.set(loaded.subarray(0, bytes));
      return r;
    },
  };
}

function loadLane(bytes: 1 | 2 | 4 | 8): SimdLoadLane {
  return {
    kind: 'loadLane',
    bytes,
    load: (loaded, v, lane) => {
      const r = v.slice();
      r.set(loaded.subarray(0, bytes), lane * bytes);
      return r;
    },
  };
}

function storeLane(bytes: 1 | 2 | 4 | 8): SimdStore {
  return { kind: 'storeLane', bytes, store: (v, lane) => v.slice(lane * bytes, (lane + 1) * bytes) };
}

/** The SIMD memory instructions, keyed by mnemonic. */
export const simdMemoryOps: Readonly<Record<string, SimdMemoryOp>> = {
  'v128.load': zeroExtended(16),
  'v128.store': { kind: 'store', bytes: 16, store: (v) => v.slice() },
  'v128.load8x8_s': extending(widenNarrowOps['i16x8.extend_low_i8x16_s']),
  'v128.load8x8_u': extending(widenNarrowOps['i16x8.extend_low_i8x16_u']),
  'v128.load16x4_s': extending(widenNarrowOps['i32x4.extend_low_i16x8_s']),
  'v128.load16x4_u': extending(widenNarrowOps['i32x4.extend_low_i16x8_u']),
  'v128.load32x2_s': extending(widenNarrowOps['i64x2.extend_low_i32x4_s']),
  'v128.load32x2_u': extending(widenNarrowOps['i64x2.extend_low_i32x4_u']),
  'v128.load8_splat': splat(1),
  'v128.load16_splat': splat(2),
  'v128.load32_splat': splat(4),
  'v128.load64_splat': splat(8),
  'v128.load32_zero': zeroExtended(4),
  'v128.load64_zero': zeroExtended(8),
  'v128.load8_lane': loadLane(1),
  'v128.load16_lane': loadLane(2),
  'v128.load32_lane': loadLane(4),
  'v128.load64_lane': loadLane(8),
  'v128.store8_lane': storeLane(1),
  'v128.store16_lane': storeLane(2),
  'v128.store32_lane': storeLane(4),
  'v128.store64_lane': storeLane(8),
};
