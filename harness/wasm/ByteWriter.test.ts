// ByteWriter's encoders read back by the runtime's decoder (Reader), which enforces LEB128
// exactness: unsigned and signed LEBs at their edges and at random, float bits, names.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { Reader } from '../../runtime/binary/Reader.js';
import { ByteWriter } from './ByteWriter.js';

const read = (w: ByteWriter) => new Reader(w.finish());

test('uleb round-trips u32 values, minimally', () => {
  for (const n of [0, 1, 127, 128, 16383, 16384, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1]) {
    const w = new ByteWriter(1).uleb(n);
    const r = read(w);
    assert.is(r.u32(), n);
    assert.ok(r.atEnd());
    assert.is(w.length, Math.max(1, Math.ceil(Math.log2(n + 1) / 7)), `length of ${n}`);
  }
  fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (n) => read(new ByteWriter().uleb(n)).u32() === n));
});

test('sleb32 and sleb round-trip signed values', () => {
  for (const n of [0, -1, 63, 64, -64, -65, 2 ** 31 - 1, -(2 ** 31)]) assert.is(read(new ByteWriter().sleb32(n)).s32(), n);
  for (const n of [0n, -1n, 2n ** 63n - 1n, -(2n ** 63n), 2n ** 32n]) assert.is(read(new ByteWriter().sleb(n)).s64(), n);
  assert.is(read(new ByteWriter().sleb32(300)).s33(), 300, 'a block type index');
  fc.assert(fc.property(fc.integer(), (n) => read(new ByteWriter().sleb32(n)).s32() === n));
  fc.assert(fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), (n) => read(new ByteWriter().sleb(n)).s64() === n));
});

test('float bits, names, sections and growth', () => {
  const w = new ByteWriter(2).bits32(0x7fa00001).bits64(-0x7ffffffffffffffen).name('héllo');
  const r = read(w);
  assert.is(r.f32Bits(), 0x7fa00001);
  assert.equal([...r.bytesN(8)], [2, 0, 0, 0, 0, 0, 0, 0x80], 'bits64 is little-endian two\'s complement');
  assert.is(r.name(), 'héllo');
  const body = new ByteWriter().u8(7).u8(8);
  assert.equal([...new ByteWriter().section(3, body).finish()], [3, 2, 7, 8]);
  assert.equal(new ByteWriter().bytes([1, 2]).reset().u8(9).toArray(), [9]);
});

test.run();
