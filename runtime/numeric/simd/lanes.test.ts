// Splat, lane access, shuffle, swizzle, const: spec examples, then every op against V8.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { laneOps } from './lanes.js';
import { checkAgainstV8 } from './_internals/checkAgainstV8.js';
import { asI16, asI64, asU32, asU8, i16, i64, u32, u8 } from './_internals/vec.js';

const bytes = (): Uint8Array => Uint8Array.from({ length: 16 }, (_, i) => 0xf0 + i);

test('splat truncates the i32 operand to the lane width', () => {
  assert.equal(asI16(laneOps['i16x8.splat'](0x12348765)), Array(8).fill(-0x789b));
  assert.equal(asU8(laneOps['i8x16.splat'](-1)), Array(16).fill(0xff));
});

test('f32x4 splat and extract_lane move raw bits, signalling NaNs included', () => {
  const v = laneOps['f32x4.splat'](0x7f800001);
  assert.equal(asU32(v), Array(4).fill(0x7f800001));
  assert.is(laneOps['f32x4.extract_lane'](u32(0, 0, 0xffa00001, 0), 2), 0xffa00001 | 0);
});

test('extract_lane_s sign-extends, _u zero-extends', () => {
  assert.is(laneOps['i8x16.extract_lane_s'](bytes(), 3), 0xf3 - 256);
  assert.is(laneOps['i8x16.extract_lane_u'](bytes(), 3), 0xf3);
  assert.is(laneOps['i16x8.extract_lane_s'](i16(-2), 7), -2);
  assert.is(laneOps['i16x8.extract_lane_u'](i16(-2), 7), 0xfffe);
  assert.is(laneOps['i64x2.extract_lane'](i64(5n, -(1n << 63n)), 1), -(1n << 63n));
});

test('replace_lane changes only its lane', () => {
  const r = laneOps['i32x4.replace_lane'](u32(1, 2, 3, 4), -1, 2);
  assert.equal(asU32(r), [1, 2, 0xffffffff, 4]);
  assert.equal(asI64(laneOps['i64x2.replace_lane'](i64(7n), -3n, 0)), [-3n, 7n]);
});

test('shuffle indexes the concatenation a ++ b', () => {
  const a = u8(...Array.from({ length: 16 }, (_, i) => i));
  const b = u8(...Array.from({ length: 16 }, (_, i) => 100 + i));
  const lanes = Uint8Array.from([31, 0, 16, 15, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22]);
  assert.equal(asU8(laneOps['i8x16.shuffle'](a, b, lanes)), [115, 0, 100, 15, 1, 101, 2, 102, 3, 103, 4, 104, 5, 105, 6, 106]);
});

test('swizzle zeroes lanes whose selector is 16 or more (selectors are unsigned)', () => {
  const s = u8(0, 15, 16, 0x80, 0xff, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 1);
  assert.equal(asU8(laneOps['i8x16.swizzle'](bytes(), s)), [0xf0, 0xff, 0, 0, 0, 0xf3, 0xf3, 0xf3, 0xf3, 0xf3, 0xf3, 0xf3, 0xf3, 0xf3, 0xf3, 0xf1]);
});

test('v128.const returns a copy of its immediate', () => {
  const imm = bytes();
  const r = laneOps['v128.const'](imm);
  assert.equal(r, imm);
  assert.is.not(r, imm);
});

for (const [name, op] of Object.entries(laneOps)) {
  test(`${name} matches V8`, () => checkAgainstV8(name, op));
}

test.run();
