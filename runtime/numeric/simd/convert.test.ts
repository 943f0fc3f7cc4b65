// Int/float and f32/f64 lane conversions: spec examples for saturation, NaN -> 0, rounding to
// f32, the zeroed upper lanes and NaN bits, then every op against V8.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { convertOps as ops } from './convert.js';
import { checkAgainstV8 } from './_internals/checkAgainstV8.js';
import { asF32, asF64, asI32, asU32, f32, f64, f64Words, i32, u32 } from './_internals/vec.js';

test('trunc_sat saturates and maps NaN to 0', () => {
  assert.equal(asI32(ops['i32x4.trunc_sat_f32x4_s'](f32(NaN, 3e9, -3e9, -1.9))), [0, 0x7fffffff, -0x80000000, -1]);
  assert.equal(asU32(ops['i32x4.trunc_sat_f32x4_u'](f32(-1, 4.5e9, 1.9, NaN))), [0, 0xffffffff, 1, 0]);
  assert.equal(asI32(ops['i32x4.trunc_sat_f64x2_s_zero'](f64(2147483647.9, -2147483648.9))), [0x7fffffff, -0x80000000, 0, 0]);
  assert.equal(asU32(ops['i32x4.trunc_sat_f64x2_u_zero'](f64(-0.9, 4294967295.5))), [0, 0xffffffff, 0, 0]);
});

test('int -> f32 rounds to nearest even; int -> f64 is exact', () => {
  assert.equal(asF32(ops['f32x4.convert_i32x4_s'](i32(16777217, -16777219, 0x7fffffff, 1))), [16777216, -16777220, 2147483648, 1]);
  assert.equal(asF32(ops['f32x4.convert_i32x4_u'](i32(-1, 0, 0, 0))), [4294967296, 0, 0, 0]);
  assert.equal(asF64(ops['f64x2.convert_low_i32x4_s'](i32(-1, 0x7fffffff, 9, 9))), [-1, 0x7fffffff]);
  assert.equal(asF64(ops['f64x2.convert_low_i32x4_u'](i32(-1, 1, 9, 9))), [4294967295, 1]);
});

test('demote rounds to f32 (overflow to inf, subnormals kept) and zeroes lanes 2-3', () => {
  assert.equal(asF32(ops['f32x4.demote_f64x2_zero'](f64(1e300, 2 ** -149))), [Infinity, 2 ** -149, 0, 0]);
  assert.equal(asF32(ops['f32x4.demote_f64x2_zero'](f64(1 + 2 ** -24, 1 + 3 * 2 ** -24))), [1, 1 + 2 ** -22, 0, 0]);
});

test('demote/promote NaNs: canonical stays canonical, others stay quiet NaNs of the same sign', () => {
  const demoted = asU32(ops['f32x4.demote_f64x2_zero'](f64Words(0xfff80000, 0, 0xfff00000, 1)));
  assert.is(demoted[0], 0x7fc00000);
  assert.is((demoted[1]! & 0xffc00000) >>> 0, 0xffc00000);
  const promoted = asU32(ops['f64x2.promote_low_f32x4'](u32(0x7f800001, 0xffc00000, 0, 0)));
  assert.is(promoted[1]! & 0xfff80000, 0x7ff80000);
  assert.equal([promoted[2], promoted[3]], [0, 0x7ff80000]);
  assert.equal(asF64(ops['f64x2.promote_low_f32x4'](f32(1.5, -0, 7, 7))), [1.5, -0]);
});

for (const [name, op] of Object.entries(ops)) {
  test(`${name} matches V8`, () => checkAgainstV8(name, op));
}

test.run();
