// all_true and bitmask: spec examples (lane 0 is bit 0; a lane is true when any bit is set),
// then every op against V8.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { reduceOps as ops } from './reduce.js';
import { checkAgainstV8 } from './_internals/checkAgainstV8.js';
import { i16, i32, i64, i8 } from './_internals/vec.js';

test('bitmask collects sign bits, lane 0 first', () => {
  assert.is(ops['i8x16.bitmask'](i8(-1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -128)), 0x8001);
  assert.is(ops['i16x8.bitmask'](i16(0x7fff, -1, 0, 0, 0, 0, 0, -0x8000)), 0x82);
  assert.is(ops['i32x4.bitmask'](i32(-1)), 0xf);
  assert.is(ops['i64x2.bitmask'](i64(0n, -1n)), 2);
  assert.is(ops['i64x2.bitmask'](i64(0xffffffffn, 0n)), 0);
});

test('all_true needs every lane non-zero', () => {
  assert.is(ops['i8x16.all_true'](i8(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16)), 1);
  assert.is(ops['i8x16.all_true'](i8(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 0)), 0);
  // An i16 lane of 0x0100 is non-zero although its low byte is zero.
  assert.is(ops['i16x8.all_true'](i16(0x100)), 1);
  assert.is(ops['i64x2.all_true'](i64(1n << 32n, 1n)), 1);
  assert.is(ops['i64x2.all_true'](i64(1n << 32n, 0n)), 0);
});

for (const [name, op] of Object.entries(ops)) {
  test(`${name} matches V8`, () => checkAgainstV8(name, op));
}

test.run();
