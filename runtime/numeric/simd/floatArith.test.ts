// Float lane arithmetic: spec examples for rounding, signed zeros, min/max vs pmin/pmax, the
// bitwise abs/neg and the NaN choice, then every op against V8.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { floatArithOps as ops } from './floatArith.js';
import { checkAgainstV8 } from './_internals/checkAgainstV8.js';
import { asF32, asF64, asU32, f32, f64, f64Words, u32 } from './_internals/vec.js';

/** Object.is on each lane, so -0 and +0 are told apart. */
function same(actual: number[], expected: number[]): void {
  assert.ok(actual.length === expected.length && actual.every((x, i) => Object.is(x, expected[i])),
    `${actual.join(',')} !== ${expected.join(',')}`);
}

test('nearest rounds ties to even and keeps the sign of zero', () => {
  same(asF32(ops['f32x4.nearest'](f32(2.5, -0.5, 3.5, -2.5))), [2, -0, 4, -2]);
  same(asF64(ops['f64x2.nearest'](f64(0.49999999999999994, 4503599627370497))), [0, 4503599627370497]);
  same(asF64(ops['f64x2.nearest'](f64(-0, -1.5))), [-0, -2]);
});

test('ceil, floor and trunc keep the sign of zero results', () => {
  same(asF32(ops['f32x4.ceil'](f32(-0.5, 0.5, -1.5, 1.5))), [-0, 1, -1, 2]);
  same(asF32(ops['f32x4.floor'](f32(-0.5, 0.5, -0, 1.5))), [-1, 0, -0, 1]);
  same(asF64(ops['f64x2.trunc'](f64(-0.9, 2.9))), [-0, 2]);
});

test('f32 arithmetic rounds to f32', () => {
  same(asF32(ops['f32x4.add'](f32(16777216), f32(1))), Array(4).fill(16777216));
  same(asF32(ops['f32x4.sqrt'](f32(2))), Array(4).fill(Math.fround(Math.SQRT2)));
  same(asF32(ops['f32x4.div'](f32(1), f32(3))), Array(4).fill(Math.fround(1 / 3)));
});

test('min/max: -0 < +0 and NaN wins; pmin/pmax: b < a ? b : a, bit-exact', () => {
  same(asF32(ops['f32x4.min'](f32(-0, 0, 1, NaN), f32(0, -0, NaN, 1))).slice(0, 2), [-0, -0]);
  same(asF32(ops['f32x4.max'](f32(-0, 0, 1, 1), f32(0, -0, 2, 0))), [0, 0, 2, 1]);
  assert.ok(asF32(ops['f32x4.min'](f32(1, NaN, 1, 1), f32(NaN, 1, 1, 1))).slice(0, 2).every(Number.isNaN));
  const nan = u32(0x7fa00001, 0x3f800000, 0x80000000, 0);
  const b = u32(0x3f800000, 0xffc00005, 0, 0x80000000);
  assert.equal(asU32(ops['f32x4.pmin'](nan, b)), [0x7fa00001, 0x3f800000, 0x80000000, 0]);
  assert.equal(asU32(ops['f32x4.pmax'](nan, b)), [0x7fa00001, 0x3f800000, 0x80000000, 0]);
  same(asF64(ops['f64x2.pmax'](f64(1, 2), f64(3, -Infinity))), [3, 2]);
});

test('abs and neg touch only the sign bit, NaN payloads included', () => {
  assert.equal(asU32(ops['f32x4.neg'](u32(0x7fa00001, 0xffc00000, 0, 0x80000001))), [0xffa00001, 0x7fc00000, 0x80000000, 1]);
  assert.equal(asU32(ops['f32x4.abs'](u32(0x7fa00001, 0xffc00000, 0, 0x80000001))), [0x7fa00001, 0x7fc00000, 0, 1]);
  assert.equal(asU32(ops['f64x2.neg'](f64Words(0x7ff00000, 1, 0x80000000, 0))), [1, 0xfff00000, 0, 0]);
  assert.equal(asU32(ops['f64x2.abs'](f64Words(0xfff00000, 1, 0x80000000, 5))), [1, 0x7ff00000, 5, 0]);
});

test('NaN results: canonical from canonical inputs, else the first odd NaN quieted', () => {
  const r = ops['f32x4.add'](u32(0x7f800001, 0x3f800000, 0, 0x7fc00000), u32(0x3f800000, 0xffc00000, 0, 0xffa00000));
  // sNaN+1 -> quieted payload; 1+(-canonical) -> canonical; 0+0 -> 0; canonical+(odd) -> the odd one quieted.
  assert.equal(asU32(r), [0x7fc00001, 0x7fc00000, 0, 0xffe00000]);
  assert.equal(asU32(ops['f32x4.div'](f32(0), f32(0))), Array(4).fill(0x7fc00000));
  assert.equal(asU32(ops['f64x2.sqrt'](f64(-1, 4))), [0, 0x7ff80000, 0, 0x40000000]);
  assert.equal(asU32(ops['f64x2.mul'](f64Words(0x7ff00000, 3, 0x40000000, 0), f64(2))), [3, 0x7ff80000, 0, 0x40100000]);
});

for (const [name, op] of Object.entries(ops)) {
  test(`${name} matches V8`, () => checkAgainstV8(name, op));
}

test.run();
