// SIMD smoke tests for the interpreter's dispatch: constants, lane ops with immediates,
// shuffle, a ternary op, and every shape of SIMD memory access with its bounds. The lane
// arithmetic itself is tested with the numeric helpers (runtime/numeric/simd).

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Trap, TrapKind } from '../errors.js';
import { testInstance } from './_internals/testInstance.js';

const bytes = (v: unknown): number[] => [...(v as Uint8Array)];
const range = (n: number, from = 0): number[] => Array.from({ length: n }, (_, i) => from + i);

const SIMD = `(module
  (memory 1)
  (func (export "add") (result v128)
    (i32x4.add (v128.const i32x4 1 2 3 4) (v128.const i32x4 10 20 30 -4)))
  (func (export "lanes") (param i32) (result i32 i64)
    (i32x4.extract_lane 2 (i32x4.replace_lane 2 (v128.const i32x4 0 0 0 0) (local.get 0)))
    (i64x2.extract_lane 1 (i64x2.splat (i64.const -5))))
  (func (export "shuffle") (result v128)
    (i8x16.shuffle 31 0 30 1 29 2 28 3 27 4 26 5 25 6 24 7
      (v128.const i8x16 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15)
      (v128.const i8x16 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31)))
  (func (export "bitselect") (result v128)
    (v128.bitselect (v128.const i64x2 -1 -1) (v128.const i64x2 0 0) (v128.const i64x2 0xff 0)))
  (func (export "viaLocal") (param v128) (result v128) (local v128)
    (local.set 1 (local.get 0)) (local.get 1))
  (func (export "store") (param i32 v128) (v128.store (local.get 0) (local.get 1)))
  (func (export "load") (param i32) (result v128) (v128.load (local.get 0)))
  (func (export "load8x8_s") (param i32) (result v128) (v128.load8x8_s (local.get 0)))
  (func (export "load16_splat") (param i32) (result v128) (v128.load16_splat (local.get 0)))
  (func (export "load32_zero") (param i32) (result v128) (v128.load32_zero offset=1 (local.get 0)))
  (func (export "load8_lane") (param i32 v128) (result v128) (v128.load8_lane 3 (local.get 0) (local.get 1)))
  (func (export "store64_lane") (param i32 v128) (v128.store64_lane 1 (local.get 0) (local.get 1))))`;

test('arithmetic, lanes, shuffle and bitselect dispatch', () => {
  const t = testInstance(SIMD);
  const [sum] = t.call('add');
  assert.equal(bytes(sum), [11, 0, 0, 0, 22, 0, 0, 0, 33, 0, 0, 0, 0, 0, 0, 0]);
  assert.equal(t.call('lanes', -7), [-7, -5n]);
  const [sh] = t.call('shuffle');
  assert.equal(bytes(sh), [31, 0, 30, 1, 29, 2, 28, 3, 27, 4, 26, 5, 25, 6, 24, 7]);
  const [sel] = t.call('bitselect');
  assert.equal(bytes(sel), [0xff, ...new Array(15).fill(0)]);
  const v = new Uint8Array(range(16, 100));
  const [back] = t.call('viaLocal', v);
  assert.equal(bytes(back), range(16, 100));
});

test('SIMD loads and stores of every shape, and their bounds', () => {
  const t = testInstance(SIMD);
  const mem = t.state.memories[0].u8;
  t.call('store', 16, new Uint8Array(range(16, 1)));
  assert.equal([...mem.subarray(16, 32)], range(16, 1));
  assert.equal(bytes(t.call('load', 16)[0]), range(16, 1));
  mem.set([0x80, 0x7f, 0xff, 1, 2, 3, 4, 5], 64);
  assert.equal(bytes(t.call('load8x8_s', 64)[0]), [0x80, 0xff, 0x7f, 0, 0xff, 0xff, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0]);
  assert.equal(bytes(t.call('load16_splat', 64)[0]), new Array(8).fill([0x80, 0x7f]).flat());
  assert.equal(bytes(t.call('load32_zero', 63)[0]), [0x80, 0x7f, 0xff, 1, ...new Array(12).fill(0)]);
  assert.equal(bytes(t.call('load8_lane', 65, new Uint8Array(16))[0]), [0, 0, 0, 0x7f, ...new Array(12).fill(0)]);
  t.call('store64_lane', 200, new Uint8Array(range(16)));
  assert.equal([...mem.subarray(199, 209)], [0, 8, 9, 10, 11, 12, 13, 14, 15, 0]);

  const oob = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e instanceof Trap ? e.kind : 'other';
    }
    return 'no trap';
  };
  assert.equal(bytes(t.call('load', 65520)[0]), new Array(16).fill(0));
  assert.is(oob(() => t.call('load', 65521)), TrapKind.MemoryOutOfBounds);
  assert.is(oob(() => t.call('store', 65521, new Uint8Array(16))), TrapKind.MemoryOutOfBounds);
  assert.is(oob(() => t.call('load32_zero', 65532)), TrapKind.MemoryOutOfBounds); // offset=1
  assert.is(oob(() => t.call('store64_lane', 65529, new Uint8Array(16))), TrapKind.MemoryOutOfBounds);
  assert.is(mem[65529], 0, 'a trapping lane store writes nothing');
});

test.run();
