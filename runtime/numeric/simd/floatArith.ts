// Lane-wise float arithmetic of f32x4 and f64x2: abs, neg, sqrt, add, sub, mul, div, min, max,
// pmin, pmax, ceil, floor, trunc, nearest. f32 lanes are computed in double and rounded once by
// the Float32Array store, which is exact for these single ops. Comparisons are in compare.ts.

import { putF32Of1, putF32Of2, putF64Of1, putF64Of2 } from './_internals/nan.js';
import { nearestEven } from './_internals/rounding.js';
import type { SimdOp } from './_internals/types.js';
import { A, B, R, load, out } from './_internals/views.js';

type Unary = (x: number) => number;
type Binary = (a: number, b: number) => number;

function unary32(f: Unary): (v: Uint8Array) => Uint8Array {
  return (v) => {
    load(A, v);
    for (let i = 0; i < 4; i++) putF32Of1(i, f(A.f32[i]!));
    return out();
  };
}

function unary64(f: Unary): (v: Uint8Array) => Uint8Array {
  return (v) => {
    load(A, v);
    for (let k = 0; k < 2; k++) putF64Of1(k, f(A.f64[k]!));
    return out();
  };
}

function binary32(f: Binary): (a: Uint8Array, b: Uint8Array) => Uint8Array {
  return (a, b) => {
    load(A, a);
    load(B, b);
    for (let i = 0; i < 4; i++) putF32Of2(i, f(A.f32[i]!, B.f32[i]!));
    return out();
  };
}

function binary64(f: Binary): (a: Uint8Array, b: Uint8Array) => Uint8Array {
  return (a, b) => {
    load(A, a);
    load(B, b);
    for (let k = 0; k < 2; k++) putF64Of2(k, f(A.f64[k]!, B.f64[k]!));
    return out();
  };
}

/** Sets, clears or flips the sign bit (top bit of each lane's last byte), never touching the rest. */
function signBit(width: 4 | 8, op: 'clear' | 'flip'): (v: Uint8Array) => Uint8Array {
  return (v) => {
    const r = v.slice();
    for (let i = width - 1; i < 16; i += width) r[i] = op === 'clear' ? r[i]! & 0x7f : r[i]! ^ 0x80;
    return r;
  };
}

/**
 * Pseudo-min/max: lane-wise `pick(a, b) ? b : a`, copying the chosen lane's bits exactly (NaNs
 * included: a NaN in a is returned as is, a NaN in b never wins).
 */
function pseudo(width: 4 | 8, pick: (a: number, b: number) => boolean) {
  return (a: Uint8Array, b: Uint8Array): Uint8Array => {
    const x = width === 4 ? load(A, a).f32 : load(A, a).f64;
    const y = width === 4 ? load(B, b).f32 : load(B, b).f64;
    const words = width / 4;
    for (let i = 0; i < x.length; i++) {
      const src = pick(x[i]!, y[i]!) ? B.i32 : A.i32;
      for (let w = i * words; w < (i + 1) * words; w++) R.i32[w] = src[w]!;
    }
    return out();
  };
}

const add: Binary = (a, b) => a + b;
const sub: Binary = (a, b) => a - b;
const mul: Binary = (a, b) => a * b;
const div: Binary = (a, b) => a / b;
// Math.min/max already follow wasm: NaN if either is NaN, and -0 < +0.
const min: Binary = Math.min;
const max: Binary = Math.max;
const pminPick = (a: number, b: number): boolean => b < a;
const pmaxPick = (a: number, b: number): boolean => a < b;

/** f32x4 and f64x2 arithmetic instructions, keyed by mnemonic. */
export const floatArithOps = {
  'f32x4.abs': signBit(4, 'clear'),
  'f32x4.neg': signBit(4, 'flip'),
  'f32x4.sqrt': unary32(Math.sqrt),
  'f32x4.add': binary32(add),
  'f32x4.sub': binary32(sub),
  'f32x4.mul': binary32(mul),
  'f32x4.div': binary32(div),
  'f32x4.min': binary32(min),
  'f32x4.max': binary32(max),
  /** b < a ? b : a, bit-exact. */
  'f32x4.pmin': pseudo(4, pminPick),
  /** a < b ? b : a, bit-exact. */
  'f32x4.pmax': pseudo(4, pmaxPick),
  'f32x4.ceil': unary32(Math.ceil),
  'f32x4.floor': unary32(Math.floor),
  'f32x4.trunc': unary32(Math.trunc),
  /** Round to integral, ties to even. */
  'f32x4.nearest': unary32(nearestEven),

  'f64x2.abs': signBit(8, 'clear'),
  'f64x2.neg': signBit(8, 'flip'),
  'f64x2.sqrt': unary64(Math.sqrt),
  'f64x2.add': binary64(add),
  'f64x2.sub': binary64(sub),
  'f64x2.mul': binary64(mul),
  'f64x2.div': binary64(div),
  'f64x2.min': binary64(min),
  'f64x2.max': binary64(max),
  'f64x2.pmin': pseudo(8, pminPick),
  'f64x2.pmax': pseudo(8, pmaxPick),
  'f64x2.ceil': unary64(Math.ceil),
  'f64x2.floor': unary64(Math.floor),
  'f64x2.trunc': unary64(Math.trunc),
  'f64x2.nearest': unary64(nearestEven),
} satisfies Record<string, SimdOp>;
