// Whole-vector bitwise ops: spec examples, then every op against V8 on random operands.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bitwiseOps } from './bitwise.js';
import { checkAgainstV8 } from './_internals/checkAgainstV8.js';
import { asU32, u32, u8 } from './_internals/vec.js';

test('andnot complements the second operand', () => {
  const r = bitwiseOps['v128.andnot'](u32(0xff00ff00), u32(0x0ff00ff0));
  assert.equal(asU32(r), [0xf000f000, 0xf000f000, 0xf000f000, 0xf000f000]);
});

test('bitselect takes v1 where the mask is set, v2 elsewhere', () => {
  const r = bitwiseOps['v128.bitselect'](u32(0xaaaaaaaa), u32(0x55555555), u32(0xffff0000, 0, 0xffffffff, 0x0f0f0f0f));
  assert.equal(asU32(r), [0xaaaa5555, 0x55555555, 0xaaaaaaaa, 0x5a5a5a5a]);
});

test('any_true looks at every bit, including the last byte', () => {
  const v = new Uint8Array(16);
  assert.is(bitwiseOps['v128.any_true'](v), 0);
  v[15] = 0x80;
  assert.is(bitwiseOps['v128.any_true'](v), 1);
  assert.is(bitwiseOps['v128.any_true'](u8(0)), 0);
});

for (const [name, op] of Object.entries(bitwiseOps)) {
  test(`${name} matches V8`, () => checkAgainstV8(name, op));
}

test.run();
