// Lane shifts: counts are taken modulo the lane width; arithmetic vs logical right shifts;
// i64 shifts across the word boundary. Then every op against V8.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { shiftOps as ops } from './shifts.js';
import { checkAgainstV8 } from './_internals/checkAgainstV8.js';
import { asI16, asI64, asI8, asU8, i16, i64, i8 } from './_internals/vec.js';

test('shift counts wrap modulo the lane width, negative ones too', () => {
  assert.equal(asU8(ops['i8x16.shl'](i8(1), 9)), Array(16).fill(2));
  assert.equal(asI16(ops['i16x8.shr_s'](i16(-0x8000), -1)), Array(8).fill(-1)); // -1 & 15 = 15
  assert.equal(asI64(ops['i64x2.shl'](i64(3n), 64)), [3n, 3n]);
});

test('shr_s keeps the sign, shr_u shifts in zeros', () => {
  assert.equal(asI8(ops['i8x16.shr_s'](i8(-128), 7)), Array(16).fill(-1));
  assert.equal(asI8(ops['i8x16.shr_u'](i8(-128), 7)), Array(16).fill(1));
});

test('i64 shifts move bits between the words', () => {
  assert.equal(asI64(ops['i64x2.shl'](i64(0x80000001n, 1n), 33)), [0x200000000n, 0x200000000n]);
  assert.equal(asI64(ops['i64x2.shr_u'](i64(-1n, 1n << 40n), 36)), [0xfffffffn, 16n]);
  assert.equal(asI64(ops['i64x2.shr_s'](i64(-(1n << 63n), 1n << 62n), 62)), [-2n, 1n]);
  assert.equal(asI64(ops['i64x2.shr_s'](i64(-(1n << 40n)), 63)), [-1n, -1n]);
  assert.equal(asI64(ops['i64x2.shr_u'](i64(0x123456789n), 4)), [0x12345678n, 0x12345678n]);
});

for (const [name, op] of Object.entries(ops)) {
  test(`${name} matches V8`, () => checkAgainstV8(name, op));
}

test.run();
