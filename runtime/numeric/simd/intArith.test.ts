// Same-width integer arithmetic: spec examples for wrapping, saturation, rounding and the
// overflow corners, then every op against V8.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { intArithOps as ops } from './intArith.js';
import { checkAgainstV8 } from './_internals/checkAgainstV8.js';
import { asI16, asI32, asI64, asI8, asU16, asU8, i16, i32, i64, i8, u16, u8 } from './_internals/vec.js';

test('abs and neg of the minimum wrap to the minimum', () => {
  assert.equal(asI8(ops['i8x16.abs'](i8(-128))), Array(16).fill(-128));
  assert.equal(asI32(ops['i32x4.neg'](i32(-0x80000000))), Array(4).fill(-0x80000000));
  assert.equal(asI64(ops['i64x2.abs'](i64(-(1n << 63n), -5n))), [-(1n << 63n), 5n]);
  assert.equal(asI64(ops['i64x2.neg'](i64(1n, 0n))), [-1n, 0n]);
});

test('i64x2 add/sub carry and borrow across the word boundary', () => {
  assert.equal(asI64(ops['i64x2.add'](i64(0xffffffffn, -1n), i64(1n, 1n))), [0x100000000n, 0n]);
  assert.equal(asI64(ops['i64x2.sub'](i64(0x100000000n, -(1n << 63n)), i64(1n, 1n))), [0xffffffffn, (1n << 63n) - 1n]);
  assert.equal(asI64(ops['i64x2.mul'](i64(1n << 62n, -3n), i64(4n, 5n))), [0n, -15n]);
});

test('saturating add/sub clamp to the lane range', () => {
  assert.equal(asU8(ops['i8x16.add_sat_u'](u8(250), u8(10))), Array(16).fill(255));
  assert.equal(asI8(ops['i8x16.sub_sat_s'](i8(-100), i8(100))), Array(16).fill(-128));
  assert.equal(asU16(ops['i16x8.sub_sat_u'](u16(1), u16(2))), Array(8).fill(0));
  assert.equal(asI16(ops['i16x8.add_sat_s'](i16(0x7000), i16(0x7000))), Array(8).fill(0x7fff));
});

test('min/max respect signedness', () => {
  assert.equal(asI8(ops['i8x16.min_u'](i8(-1), i8(1))), Array(16).fill(1));
  assert.equal(asI8(ops['i8x16.min_s'](i8(-1), i8(1))), Array(16).fill(-1));
  assert.equal(asI32(ops['i32x4.max_u'](i32(-1), i32(7))), Array(4).fill(-1));
});

test('avgr_u rounds up and does not overflow', () => {
  assert.equal(asU8(ops['i8x16.avgr_u'](u8(255), u8(254))), Array(16).fill(255));
  assert.equal(asU16(ops['i16x8.avgr_u'](u16(0), u16(1))), Array(8).fill(1));
});

test('i16x8.mul and i32x4.mul keep the low bits', () => {
  assert.equal(asI16(ops['i16x8.mul'](i16(0x4000), i16(4))), Array(8).fill(0));
  assert.equal(asI32(ops['i32x4.mul'](i32(0x10001), i32(0x10001))), Array(4).fill(0x20001));
});

test('popcnt counts bits per byte', () => {
  assert.equal(asU8(ops['i8x16.popcnt'](u8(0, 1, 0xff, 0x80, 0x55, 0xaa, 7, 0xfe, 0, 0, 0, 0, 0, 0, 0, 3))),
    [0, 1, 8, 1, 4, 4, 3, 7, 0, 0, 0, 0, 0, 0, 0, 2]);
});

test('q15mulr_sat_s rounds half up and saturates only (-1)*(-1)', () => {
  assert.equal(asI16(ops['i16x8.q15mulr_sat_s'](i16(-0x8000), i16(-0x8000))), Array(8).fill(0x7fff));
  assert.equal(asI16(ops['i16x8.q15mulr_sat_s'](i16(0x4000, 0x4000, -0x4000), i16(1, 3, 1))), [1, 2, 0, 0, 0, 0, 0, 0]);
});

for (const [name, op] of Object.entries(ops)) {
  test(`${name} matches V8`, () => checkAgainstV8(name, op));
}

test.run();
