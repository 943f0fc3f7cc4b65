// LEB128 and primitive reads of Reader: exact values at the edges of each width, overlong
// encodings, unused bits, sign extension, names and end-of-input errors.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CompileError } from '../errors.js';
import { Reader, UNEXPECTED_END } from './Reader.js';
import { sleb, uleb } from './_internals/wasmBytes.js';

const rd = (...b: number[]) => new Reader(Uint8Array.from(b));

function fails(f: () => unknown, message: string): void {
  try {
    f();
  } catch (e) {
    assert.instance(e, CompileError);
    assert.is((e as CompileError).kind, 'malformed');
    assert.is((e as CompileError).message, message);
    return;
  }
  assert.unreachable(`expected "${message}"`);
}

test('u32: minimal, padded and edge values', () => {
  for (const n of [0, 1, 127, 128, 16383, 16384, 2 ** 31, 2 ** 32 - 1]) {
    for (const width of [0, 5]) {
      const r = rd(...uleb(n, width), 0xaa);
      assert.is(r.u32(), n);
      assert.is(r.u8(), 0xaa, 'stops after the encoding');
    }
  }
});

test('u32: 5th byte with unused bits or continuation', () => {
  fails(() => rd(0xff, 0xff, 0xff, 0xff, 0x1f).u32(), 'integer too large');
  fails(() => rd(0x82, 0x80, 0x80, 0x80, 0x70).u32(), 'integer too large');
  fails(() => rd(0x82, 0x80, 0x80, 0x80, 0x40).u32(), 'integer too large');
  fails(() => rd(0x82, 0x80, 0x80, 0x80, 0x80, 0x00).u32(), 'integer representation too long');
  // Value bits are checked before the continuation bit, as the reference does.
  fails(() => rd(0x80, 0x80, 0x80, 0x80, 0x90, 0x00).u32(), 'integer too large');
  assert.is(rd(0xff, 0xff, 0xff, 0xff, 0x0f).u32(), 0xffffffff);
});

test('s32: values, sign extension and 5-byte forms', () => {
  for (const n of [0, 1, -1, 63, 64, -64, -65, 2 ** 31 - 1, -(2 ** 31), 123456789, -987654321]) {
    assert.is(rd(...sleb(n)).s32(), n);
  }
  assert.is(rd(0x80, 0x80, 0x80, 0x80, 0x00).s32(), 0, 'padded zero');
  assert.is(rd(0xff, 0xff, 0xff, 0xff, 0x7f).s32(), -1, 'padded -1');
  assert.is(rd(0x80, 0x80, 0x80, 0x80, 0x78).s32(), -(2 ** 31));
  assert.is(rd(0xff, 0xff, 0xff, 0xff, 0x07).s32(), 2 ** 31 - 1);
  fails(() => rd(0x80, 0x80, 0x80, 0x80, 0x70).s32(), 'integer too large');
  fails(() => rd(0xff, 0xff, 0xff, 0xff, 0x0f).s32(), 'integer too large');
  fails(() => rd(0x80, 0x80, 0x80, 0x80, 0x1f).s32(), 'integer too large');
  fails(() => rd(0xff, 0xff, 0xff, 0xff, 0x4f).s32(), 'integer too large');
  fails(() => rd(0x80, 0x80, 0x80, 0x80, 0x80, 0x00).s32(), 'integer representation too long');
  fails(() => rd(0xff, 0xff, 0xff, 0xff, 0xff, 0x7f).s32(), 'integer representation too long');
});

test('s33: block-type indices and negative single bytes', () => {
  assert.is(rd(0x40).s33(), -64);
  assert.is(rd(0x7f).s33(), -1);
  assert.is(rd(0x05).s33(), 5);
  assert.is(rd(...sleb(2 ** 32 - 1)).s33(), 2 ** 32 - 1);
  assert.is(rd(...sleb(-(2 ** 32))).s33(), -(2 ** 32));
  assert.is(rd(0x80, 0x80, 0x80, 0x80, 0x0f).s33(), 0xf * 2 ** 28);
  fails(() => rd(0x80, 0x80, 0x80, 0x80, 0x20).s33(), 'integer too large');
  fails(() => rd(0xff, 0xff, 0xff, 0xff, 0x6f).s33(), 'integer too large');
  fails(() => rd(0x80, 0x80, 0x80, 0x80, 0x80, 0x00).s33(), 'integer representation too long');
});

test('s64: values across the fast and slow paths', () => {
  const cases = [0n, 1n, -1n, 63n, -64n, 2n ** 27n, -(2n ** 28n), 2n ** 35n + 5n, -(2n ** 40n) - 3n,
    2n ** 62n, 2n ** 63n - 1n, -(2n ** 63n), 0x123456789abcdefn, -0x123456789abcdefn];
  for (const n of cases) assert.is(rd(...sleb(n)).s64(), n, `value ${n}`);
});

test('s64: 10-byte edge cases', () => {
  const ten = (last: number, fill: number) => rd(...Array(9).fill(fill | 0x80), last);
  assert.is(ten(0x00, 0x00).s64(), 0n, 'padded zero');
  assert.is(ten(0x7f, 0x7f).s64(), -1n, 'padded -1');
  assert.is(ten(0x7f, 0x00).s64(), -(2n ** 63n), 'bit 63 set, sign-extended');
  assert.is(ten(0x00, 0x7f).s64(), 2n ** 63n - 1n);
  fails(() => ten(0x7e, 0x00).s64(), 'integer too large');
  fails(() => ten(0x01, 0x00).s64(), 'integer too large');
  fails(() => ten(0x01, 0x7f).s64(), 'integer too large');
  fails(() => ten(0x02, 0x00).s64(), 'integer too large');
  fails(() => ten(0x41, 0x7f).s64(), 'integer too large');
  fails(() => rd(...Array(10).fill(0x80), 0x00).s64(), 'integer representation too long');
  fails(() => rd(...Array(10).fill(0xff), 0x7f).s64(), 'integer representation too long');
});

test('truncated integers and reads past the end', () => {
  fails(() => rd(0x80).u32(), UNEXPECTED_END);
  fails(() => rd(0xff, 0xff).s32(), UNEXPECTED_END);
  fails(() => rd(0x80, 0x80, 0x80, 0x80, 0x80, 0x80).s64(), UNEXPECTED_END);
  fails(() => rd(1, 2, 3).f32Bits(), UNEXPECTED_END);
  fails(() => rd(1, 2, 3, 4, 5, 6, 7).f64(), UNEXPECTED_END);
  fails(() => rd().u8(), UNEXPECTED_END);
  const r = new Reader(Uint8Array.from([1, 2, 3, 4]), 0, 2);
  fails(() => r.bytesN(3), UNEXPECTED_END);
});

test('floats keep their bits', () => {
  assert.is(rd(0x00, 0x00, 0xc0, 0x7f).f32Bits(), 0x7fc00000);
  assert.is(rd(0x01, 0x00, 0x80, 0xff).f32Bits(), 0xff800001 | 0);
  assert.is(rd(0, 0, 0, 0, 0, 0, 0xf0, 0x3f).f64(), 1);
  assert.is(rd(0, 0, 0, 0, 0, 0, 0, 0x80).f64(), -0);
  assert.ok(Object.is(rd(0, 0, 0, 0, 0, 0, 0, 0x80).f64(), -0));
});

test('count: length out of bounds vs early end', () => {
  fails(() => rd(0x05, 1, 2, 3).count(), 'length out of bounds');
  // The reference counts the length field itself as available.
  assert.is(rd(0x02, 9).count(0), 2);
  fails(() => rd(0x02, 9).count(), UNEXPECTED_END);
  fails(() => rd(0x02, 9, 9, 9).count(2), UNEXPECTED_END);
  assert.is(rd(0x02, 9, 9, 9, 9).count(2), 2);
});

test('names: ASCII, UTF-8, BOM kept, malformed rejected', () => {
  const name = (...b: number[]) => rd(b.length, ...b).name();
  assert.is(name(0x61, 0x62), 'ab');
  assert.is(name(), '');
  assert.is(name(0xe2, 0x82, 0xac), '\u20ac');
  assert.is(name(0xef, 0xbb, 0xbf, 0x61), '\ufeffa', 'a leading BOM is part of the name');
  assert.is(name(0xf0, 0x9f, 0x98, 0x80), '\u{1f600}');
  fails(() => name(0x80), 'malformed UTF-8 encoding');
  fails(() => name(0xc0, 0x80), 'malformed UTF-8 encoding');
  fails(() => name(0xed, 0xa0, 0x80), 'malformed UTF-8 encoding');
  fails(() => name(0xf4, 0x90, 0x80, 0x80), 'malformed UTF-8 encoding');
  fails(() => name(0x61, 0xe2, 0x82), 'malformed UTF-8 encoding');
  assert.is(name(...Array(100).fill(0x7a)), 'z'.repeat(100), 'past the ASCII fast path');
  assert.is(name(...Array(40).fill([0xc3, 0xa9]).flat()), '\u00e9'.repeat(40));
  fails(() => rd(0x03, 0x61).name(), 'length out of bounds');
});

test('errors carry the offending offset', () => {
  const r = rd(0x00, 0x82, 0x80, 0x80, 0x80, 0x70);
  r.u8();
  try {
    r.u32();
  } catch (e) {
    assert.is((e as CompileError).offset, 5, 'the byte with unused bits set');
    return;
  }
  assert.unreachable();
});

test.run();
