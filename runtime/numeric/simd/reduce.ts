// Vector-to-i32 reductions of integer lanes: all_true (every lane non-zero) and bitmask (the
// lanes' sign bits, lane 0 in bit 0). v128.any_true is whole-vector and lives in bitwise.ts.

import type { SimdOp } from './_internals/types.js';
import { A, load } from './_internals/views.js';

type View = 'i8' | 'i16' | 'i32';

function allTrue(view: View): (v: Uint8Array) => number {
  return (v) => {
    const x = load(A, v)[view];
    for (let i = 0; i < x.length; i++) if (x[i] === 0) return 0;
    return 1;
  };
}

function bitmask(view: View): (v: Uint8Array) => number {
  return (v) => {
    const x = load(A, v)[view];
    let m = 0;
    for (let i = 0; i < x.length; i++) if (x[i]! < 0) m |= 1 << i;
    return m;
  };
}

/** all_true and bitmask of every integer shape, keyed by mnemonic. */
export const reduceOps = {
  'i8x16.all_true': allTrue('i8'),
  'i16x8.all_true': allTrue('i16'),
  'i32x4.all_true': allTrue('i32'),
  /** A 64-bit lane is non-zero when either of its words is. */
  'i64x2.all_true': (v: Uint8Array): number => {
    const w = load(A, v).i32;
    return (w[0]! | w[1]!) !== 0 && (w[2]! | w[3]!) !== 0 ? 1 : 0;
  },
  'i8x16.bitmask': bitmask('i8'),
  'i16x8.bitmask': bitmask('i16'),
  'i32x4.bitmask': bitmask('i32'),
  /** Sign bits live in each lane's high word. */
  'i64x2.bitmask': (v: Uint8Array): number => {
    const w = load(A, v).i32;
    return (w[1]! < 0 ? 1 : 0) | (w[3]! < 0 ? 2 : 0);
  },
} satisfies Record<string, SimdOp>;
