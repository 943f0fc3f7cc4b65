// ByteSink and ByteSource agree on every primitive at its extremes (including the ones no small
// artifact reaches: u64 offsets past 4 GiB, a buffer that grows mid-write), and ByteSource
// fails with ArtifactError('malformed') on anything it cannot read.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ArtifactError } from '../ArtifactError.js';
import { ByteSink } from './ByteSink.js';
import { ByteSource } from './ByteSource.js';

const malformed = (f: () => unknown) =>
  assert.throws(f, (e: unknown) => e instanceof ArtifactError && e.reason === 'malformed' && /^thing is malformed/.test(e.message));

test('every primitive round trips at its extremes', () => {
  const u64s = [0, 1, 2 ** 32 - 1, 2 ** 32, 2 ** 53 - 1];
  const u32s = [0, 127, 128, 2 ** 31, 2 ** 32 - 1];
  const s32s = [0, -1, 63, 64, -64, -65, 2 ** 31 - 1, -(2 ** 31)];
  const i64s = [0n, -1n, 2n ** 63n - 1n, -(2n ** 63n)];
  const nan = new DataView(new ArrayBuffer(8));
  nan.setBigUint64(0, 0xfff0_0000_0000_0001n);
  const f64s = [-0, Infinity, 5e-324, nan.getFloat64(0)];
  const strs = ['', '\ufeffbom', '\u{1f600}', 'x'.repeat(1000)];
  const w = new ByteSink(1); // grows on nearly every write
  u64s.forEach((v) => w.u64(v));
  u32s.forEach((v) => w.u32(v).uleb(v));
  s32s.forEach((v) => w.sleb(v));
  i64s.forEach((v) => w.i64(v));
  f64s.forEach((v) => w.f64(v));
  strs.forEach((v) => w.str(v));
  const r = new ByteSource(w.finish(), 'thing');
  assert.equal(u64s.map(() => r.u64()), u64s);
  assert.equal(u32s.map(() => [r.u32(), r.uleb()]), u32s.map((v) => [v, v]));
  assert.equal(s32s.map(() => r.sleb()), s32s);
  assert.equal(i64s.map(() => r.i64()), i64s);
  const bits = (x: number) => (nan.setFloat64(0, x), nan.getBigUint64(0));
  assert.equal(f64s.map(() => bits(r.f64())), f64s.map(bits));
  assert.equal(strs.map(() => r.str()), strs);
  r.end();
});

test('what cannot be read is malformed', () => {
  const src = (...b: number[]) => new ByteSource(Uint8Array.from(b), 'thing');
  malformed(() => src().u8());
  malformed(() => src(1, 2, 3).u32());
  malformed(() => src(0, 0, 0, 0, 0, 0, 0x20, 0).u64()); // 2^53: not a safe integer
  malformed(() => src(0x80, 0x80, 0x80, 0x80, 0x80).uleb()); // too long
  malformed(() => src(0xff, 0xff, 0xff, 0xff, 0x1f).uleb()); // past 2^32 - 1
  malformed(() => src(0x80).sleb());
  malformed(() => src(2, 0xc3, 0x28).str()); // invalid UTF-8
  malformed(() => src(5, 1).str());
  malformed(() => src(3, 0).count()); // 3 entries, 1 byte left
  malformed(() => src(3).pick(['a', 'b'], 'letter'));
  malformed(() => src(1).end());
  assert.is(src(1).pick(['a', 'b'], 'letter'), 'b');
});

test.run();
