// Lane-wise comparisons of every shape. A true lane is all ones, a false lane all zeros.
// Float lanes compare as values: NaN is unordered (only ne is true), -0 equals +0.

import type { SimdOp } from './_internals/types.js';
import { A, B, R, load, out } from './_internals/views.js';

type View = 'i8' | 'u8' | 'i16' | 'u16' | 'i32' | 'u32' | 'f32' | 'f64';
type Rel = (a: number, b: number) => boolean;

function compare(view: View, rel: Rel): (a: Uint8Array, b: Uint8Array) => Uint8Array {
  // Writing -1 through the same-width view sets every bit of the lane for any view type; for
  // float views use the signed integer view of the same width instead.
  const target = view === 'f32' ? 'i32' : view;
  return (a, b) => {
    const x = load(A, a)[view];
    const y = load(B, b)[view];
    if (target === 'f64') {
      for (let k = 0; k < 2; k++) {
        const m = rel(x[k]!, y[k]!) ? -1 : 0;
        R.i32[2 * k] = m;
        R.i32[2 * k + 1] = m;
      }
    } else {
      const r = R[target];
      for (let i = 0; i < r.length; i++) r[i] = rel(x[i]!, y[i]!) ? -1 : 0;
    }
    return out();
  };
}

/** Compares i64 lanes as (signed high word, unsigned low word) pairs: -1, 0 or 1. */
function cmp64(k: number): number {
  const ah = A.i32[2 * k + 1]!;
  const bh = B.i32[2 * k + 1]!;
  if (ah !== bh) return ah < bh ? -1 : 1;
  const al = A.u32[2 * k]!;
  const bl = B.u32[2 * k]!;
  return al === bl ? 0 : al < bl ? -1 : 1;
}

function compare64(test: (order: number) => boolean): (a: Uint8Array, b: Uint8Array) => Uint8Array {
  return (a, b) => {
    load(A, a);
    load(B, b);
    for (let k = 0; k < 2; k++) {
      const m = test(cmp64(k)) ? -1 : 0;
      R.i32[2 * k] = m;
      R.i32[2 * k + 1] = m;
    }
    return out();
  };
}

const eq: Rel = (a, b) => a === b;
const ne: Rel = (a, b) => a !== b;
const lt: Rel = (a, b) => a < b;
const gt: Rel = (a, b) => a > b;
const le: Rel = (a, b) => a <= b;
const ge: Rel = (a, b) => a >= b;

/** Comparison instructions of every lane shape, keyed by mnemonic. */
export const compareOps = {
  'i8x16.eq': compare('u8', eq),
  'i8x16.ne': compare('u8', ne),
  'i8x16.lt_s': compare('i8', lt),
  'i8x16.lt_u': compare('u8', lt),
  'i8x16.gt_s': compare('i8', gt),
  'i8x16.gt_u': compare('u8', gt),
  'i8x16.le_s': compare('i8', le),
  'i8x16.le_u': compare('u8', le),
  'i8x16.ge_s': compare('i8', ge),
  'i8x16.ge_u': compare('u8', ge),

  'i16x8.eq': compare('u16', eq),
  'i16x8.ne': compare('u16', ne),
  'i16x8.lt_s': compare('i16', lt),
  'i16x8.lt_u': compare('u16', lt),
  'i16x8.gt_s': compare('i16', gt),
  'i16x8.gt_u': compare('u16', gt),
  'i16x8.le_s': compare('i16', le),
  'i16x8.le_u': compare('u16', le),
  'i16x8.ge_s': compare('i16', ge),
  'i16x8.ge_u': compare('u16', ge),

  'i32x4.eq': compare('u32', eq),
  'i32x4.ne': compare('u32', ne),
  'i32x4.lt_s': compare('i32', lt),
  'i32x4.lt_u': compare('u32', lt),
  'i32x4.gt_s': compare('i32', gt),
  'i32x4.gt_u': compare('u32', gt),
  'i32x4.le_s': compare('i32', le),
  'i32x4.le_u': compare('u32', le),
  'i32x4.ge_s': compare('i32', ge),
  'i32x4.ge_u': compare('u32', ge),

  /** i64x2 has only signed orderings (lt_s, gt_s, le_s, ge_s). */
  'i64x2.eq': compare64((o) => o === 0),
  'i64x2.ne': compare64((o) => o !== 0),
  'i64x2.lt_s': compare64((o) => o < 0),
  'i64x2.gt_s': compare64((o) => o > 0),
  'i64x2.le_s': compare64((o) => o <= 0),
  'i64x2.ge_s': compare64((o) => o >= 0),

  'f32x4.eq': compare('f32', eq),
  'f32x4.ne': compare('f32', ne),
  'f32x4.lt': compare('f32', lt),
  'f32x4.gt': compare('f32', gt),
  'f32x4.le': compare('f32', le),
  'f32x4.ge': compare('f32', ge),

  'f64x2.eq': compare('f64', eq),
  'f64x2.ne': compare('f64', ne),
  'f64x2.lt': compare('f64', lt),
  'f64x2.gt': compare('f64', gt),
  'f64x2.le': compare('f64', le),
  'f64x2.ge': compare('f64', ge),
} satisfies Record<string, SimdOp>;
