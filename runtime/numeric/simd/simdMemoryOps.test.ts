// The data half of SIMD loads and stores: spec examples, then every op against V8 with the
// loaded bytes placed in memory and the stored bytes read back.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { simdMemoryOps as ops, type SimdLoad, type SimdLoadLane, type SimdStore } from './simdMemoryOps.js';
import { checkAgainstV8 } from './_internals/checkAgainstV8.js';
import { asI16, asI64, asU32, asU8, i64 } from './_internals/vec.js';

const load = (name: string): SimdLoad => ops[name] as SimdLoad;
const bytes = (...xs: number[]): Uint8Array => Uint8Array.from(xs);

test('load-extend widens the 8 loaded bytes', () => {
  assert.equal(asI16(load('v128.load8x8_s').load(bytes(0x80, 1, 0xff, 3, 4, 5, 6, 0x7f))), [-128, 1, -1, 3, 4, 5, 6, 127]);
  assert.equal(asU32(load('v128.load16x4_u').load(bytes(0xff, 0xff, 1, 0, 0, 0x80, 2, 0))), [0xffff, 1, 0x8000, 2]);
  assert.equal(asI64(load('v128.load32x2_s').load(bytes(0xff, 0xff, 0xff, 0xff, 1, 0, 0, 0))), [-1n, 1n]);
});

test('splat and zero loads', () => {
  assert.equal(asU8(load('v128.load16_splat').load(bytes(1, 2))), [1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2]);
  assert.equal(asU32(load('v128.load32_zero').load(bytes(1, 2, 3, 4))), [0x04030201, 0, 0, 0]);
  assert.equal(asI64(load('v128.load64_zero').load(bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff))), [-1n, 0n]);
  assert.equal(load('v128.load8_splat').bytes, 1);
});

test('lane load replaces one lane; lane store returns only that lane', () => {
  const ll = ops['v128.load16_lane'] as SimdLoadLane;
  assert.equal(asI16(ll.load(bytes(0xfe, 0xff), i64(0n), 5)), [0, 0, 0, 0, 0, -2, 0, 0]);
  const sl = ops['v128.store32_lane'] as SimdStore;
  assert.equal([...sl.store(i64(0x1122334455667788n, 0n), 1)], [0x44, 0x33, 0x22, 0x11]);
  assert.is(sl.bytes, 4);
});

for (const [name, op] of Object.entries(ops)) {
  test(`${name} matches V8`, () => checkAgainstV8(name, op));
}

test.run();
