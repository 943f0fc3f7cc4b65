// Lane comparisons: spec examples for signedness, i64 word order and float NaN/zero rules,
// then every op against V8.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compareOps } from './compare.js';
import { checkAgainstV8 } from './_internals/checkAgainstV8.js';
import { asI32, asI64, asI8, f32, f64, i64, i8, u32 } from './_internals/vec.js';

test('i8x16 signed and unsigned orders differ on the top bit', () => {
  const a = i8(-1);
  const b = i8(1);
  assert.equal(asI8(compareOps['i8x16.lt_s'](a, b)), Array(16).fill(-1));
  assert.equal(asI8(compareOps['i8x16.lt_u'](a, b)), Array(16).fill(0));
  assert.equal(asI8(compareOps['i8x16.ge_u'](a, b)), Array(16).fill(-1));
});

test('i64x2 compares the high word signed and the low word unsigned', () => {
  // Same high word; low words 0x80000000 vs 1: unsigned, so lane 0 of a is greater.
  const a = i64(0x80000000n, -1n);
  const b = i64(1n, 0n);
  assert.equal(asI64(compareOps['i64x2.gt_s'](a, b)), [-1n, 0n]);
  assert.equal(asI64(compareOps['i64x2.lt_s'](a, b)), [0n, -1n]);
  assert.equal(asI64(compareOps['i64x2.le_s'](a, a)), [-1n, -1n]);
  assert.equal(asI64(compareOps['i64x2.ne'](a, b)), [-1n, -1n]);
});

test('float lanes: NaN is unordered, -0 equals +0', () => {
  const nan = u32(0x7fc00000, 0x7f800001, 0, 0x80000000);
  const other = u32(0x7fc00000, 0, 0x80000000, 0);
  assert.equal(asI32(compareOps['f32x4.eq'](nan, other)), [0, 0, -1, -1]);
  assert.equal(asI32(compareOps['f32x4.ne'](nan, other)), [-1, -1, 0, 0]);
  assert.equal(asI32(compareOps['f32x4.le'](nan, other)), [0, 0, -1, -1]);
  assert.equal(asI64(compareOps['f64x2.lt'](f64(-Infinity, NaN), f64(0, 1))), [-1n, 0n]);
  assert.equal(asI32(compareOps['f32x4.gt'](f32(1, 2, 3, 4), f32(4, 3, 2, 1))), [0, 0, -1, -1]);
});

for (const [name, op] of Object.entries(compareOps)) {
  test(`${name} matches V8`, () => checkAgainstV8(name, op));
}

test.run();
