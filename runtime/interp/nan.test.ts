// NaN payloads survive the interpreter: an f64 signalling NaN through locals, select, blocks,
// globals, memory, calls and the host boundary (V8 quiets NaNs in arrays of doubles, so this
// guards the value stack's representation), and f32 NaN bits through their raw-bits encoding.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Raw } from '../instance/objects.js';
import { testInstance } from './_internals/testInstance.js';

const scratch = new DataView(new ArrayBuffer(8));
const bitsOf = (x: number): bigint => {
  scratch.setFloat64(0, x, true);
  return scratch.getBigUint64(0, true);
};
const fromBits = (b: bigint): number => {
  scratch.setBigUint64(0, b, true);
  return scratch.getFloat64(0, true);
};

const PATTERNS = [0x7ff0000000000001n, 0xfff4000000000abcn, 0x7ff8000000000000n, 0x7ff7ffffffffffffn];

const NAN = `(module
  (memory 1)
  (global $g (mut f64) (f64.const 0))
  (func $id (param f64) (result f64) local.get 0)
  (func (export "roundtrip") (param i64) (result i64) (local f64)
    local.get 0 f64.reinterpret_i64 local.set 1
    local.get 1 f64.const 0 i32.const 1 select
    global.set $g global.get $g
    local.set 1 (f64.store (i32.const 8) (local.get 1)) (f64.load (i32.const 8))
    call $id
    (block (param f64) (result f64) (br 0))
    i64.reinterpret_f64)
  (func (export "pass") (param f64) (result f64) (call $id (local.get 0)))
  (func (export "snanConst") (result f64) f64.const nan:0x1)
  (func (export "f32") (param i32) (result i32) (local f32)
    (local.set 1 (f32.reinterpret_i32 (local.get 0)))
    (f32.store (i32.const 0) (local.get 1))
    (i32.reinterpret_f32 (f32.load (i32.const 0))))
  (func (export "f32Const") (result i32) (i32.reinterpret_f32 (f32.const nan:0x1))))`;

// Runs first on purpose: V8 remembers elements-kind transitions per allocation site, so once
// any run has pushed a non-number, later value stacks start generic and would hide the bug.
test('f64 NaN payloads cross the host boundary and come from constants intact', () => {
  const t = testInstance(NAN);
  for (let i = 0; i < 2000; i++) {
    for (const p of PATTERNS) {
      const args: Raw[] = [null]; // a generic array, like the runtime's own
      args[0] = fromBits(p);
      const [r] = t.fn('pass').invoke(args) as number[];
      if (bitsOf(r) !== p) assert.unreachable(`${p.toString(16)} came back as ${bitsOf(r).toString(16)}`);
    }
  }
  const [c] = t.call('snanConst') as number[];
  assert.is(bitsOf(c), 0x7ff0000000000001n);
});

test('f64 NaN payloads survive locals, select, globals, memory, blocks and calls', () => {
  const t = testInstance(NAN);
  // Enough iterations for V8 to optimise the loop: optimised code must keep the bits too.
  for (let i = 0; i < 3000; i++) {
    for (const p of PATTERNS) {
      const [r] = t.call('roundtrip', BigInt.asIntN(64, p)) as bigint[];
      if (BigInt.asUintN(64, r) !== p) assert.unreachable(`iteration ${i}: ${p.toString(16)} came back as ${BigInt.asUintN(64, r).toString(16)}`);
    }
  }
});

test('f32 NaN bits pass through memory and constants as raw bits', () => {
  const t = testInstance(NAN);
  assert.equal(t.call('f32', 0x7f800001), [0x7f800001]);
  assert.equal(t.call('f32', 0xffa00005 | 0), [0xffa00005 | 0]);
  assert.equal(t.call('f32Const'), [0x7f800001]);
});

test.run();
