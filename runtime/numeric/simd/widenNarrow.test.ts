// Width-changing integer ops: saturating narrows (signed input even for _u), extends,
// extmul, extadd_pairwise and dot, then every op against V8.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { widenNarrowOps as ops } from './widenNarrow.js';
import { checkAgainstV8 } from './_internals/checkAgainstV8.js';
import { asI16, asI32, asI64, asI8, asU16, asU8, i16, i32, i8, u32 } from './_internals/vec.js';

test('narrow saturates; the _u variants clamp signed inputs at 0', () => {
  const a = i16(-1, 300, -300, 127, 128, -129, 255, 256);
  assert.equal(asU8(ops['i8x16.narrow_i16x8_u'](a, i16(0))), [0, 255, 0, 127, 128, 0, 255, 255, 0, 0, 0, 0, 0, 0, 0, 0]);
  assert.equal(asI8(ops['i8x16.narrow_i16x8_s'](i16(0), a)), [0, 0, 0, 0, 0, 0, 0, 0, -1, 127, -128, 127, 127, -128, 127, 127]);
  assert.equal(asU16(ops['i16x8.narrow_i32x4_u'](i32(-1, 0x10000, 0xffff, 5), i32(0))), [0, 0xffff, 0xffff, 5, 0, 0, 0, 0]);
});

test('extend picks the half and the signedness', () => {
  const v = i8(-1, 2, 3, 4, 5, 6, 7, 8, -128, 10, 11, 12, 13, 14, 15, 16);
  assert.equal(asI16(ops['i16x8.extend_low_i8x16_s'](v)), [-1, 2, 3, 4, 5, 6, 7, 8]);
  assert.equal(asI16(ops['i16x8.extend_high_i8x16_u'](v)), [128, 10, 11, 12, 13, 14, 15, 16]);
  assert.equal(asI64(ops['i64x2.extend_high_i32x4_s'](u32(0, 0, 0xffffffff, 7))), [-1n, 7n]);
  assert.equal(asI64(ops['i64x2.extend_high_i32x4_u'](u32(0, 0, 0xffffffff, 7))), [0xffffffffn, 7n]);
});

test('extmul is exact in the wide lane', () => {
  assert.equal(asI32(ops['i32x4.extmul_low_i16x8_u'](i16(-1), i16(-1))), Array(4).fill(0xfffe0001 | 0));
  assert.equal(asI64(ops['i64x2.extmul_high_i32x4_s'](i32(-0x80000000), i32(-0x80000000))), [1n << 62n, 1n << 62n]);
  assert.equal(asI64(ops['i64x2.extmul_low_i32x4_u'](i32(-1), i32(-1))), [-(1n << 33n) + 1n, -(1n << 33n) + 1n]);
});

test('extadd_pairwise sums adjacent lanes', () => {
  assert.equal(asI16(ops['i16x8.extadd_pairwise_i8x16_u'](i8(-1))), Array(8).fill(510));
  assert.equal(asI32(ops['i32x4.extadd_pairwise_i16x8_s'](i16(-0x8000))), Array(4).fill(-0x10000));
});

test('dot wraps only when both products are 2^30', () => {
  assert.equal(asI32(ops['i32x4.dot_i16x8_s'](i16(-0x8000), i16(-0x8000))), Array(4).fill(-0x80000000));
  assert.equal(asI32(ops['i32x4.dot_i16x8_s'](i16(1, 2, 3, 4, 5, 6, 7, 8), i16(-1))), [-3, -7, -11, -15]);
});

for (const [name, op] of Object.entries(ops)) {
  test(`${name} matches V8`, () => checkAgainstV8(name, op));
}

test.run();
