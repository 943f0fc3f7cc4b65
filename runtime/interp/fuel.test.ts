// Fuel in the interpreter, against the rule in interpTier.ts: 1 unit per executed instruction
// except end/else, charged before the instruction runs, checked (fuel < 0 traps) only at
// function entry and loop headers. Expected counts are worked out by hand in the comments.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Trap, TrapKind } from '../errors.js';
import { testInstance } from './_internals/testInstance.js';

function outcome(f: () => unknown): string {
  try {
    f();
    return 'ok';
  } catch (e) {
    if (e instanceof Trap) return e.kind;
    throw e;
  }
}

const FUEL = `(module
  ;; 4 instructions; the end is free
  (func (export "straight") i32.const 1 i32.const 2 i32.add drop)
  ;; 1 (loop) + 7 per iteration
  (func (export "loop") (param i32) (local i32)
    (loop
      local.get 1 i32.const 1 i32.add local.tee 1
      local.get 0 i32.lt_s br_if 0))
  (func $callee (param i32) local.get 0 drop)
  ;; caller: i32.const, call, nop = 3; callee: 2
  (func (export "caller") i32.const 1 call $callee nop)
  ;; then-path: local.get, if, nop, nop = 4; else-path: local.get, if, nop = 3
  (func (export "branchy") (param i32) (if (local.get 0) (then nop nop) (else nop)))
  ;; traps on the 3rd instruction
  (func (export "divzero") i32.const 1 i32.const 0 i32.div_s drop))`;

test('straight-line code: exact charge, entry check only', () => {
  const t = testInstance(FUEL, { fuel: 10 });
  const store = t.state.store;
  t.call('straight');
  assert.is(store.fuel, 6);
  store.fuel = 0; // zero passes the entry check; no later check point
  t.call('straight');
  assert.is(store.fuel, -4);
  assert.is(outcome(() => t.call('straight')), TrapKind.OutOfFuel);
  assert.is(store.fuel, -4, 'a failed check charges nothing');
  assert.is(store.depth, 0);
});

test('loops: checked at every header, trapping at the exact iteration', () => {
  const t = testInstance(FUEL, { fuel: 0 });
  const store = t.state.store;
  // 5 iterations consume 1 + 35 = 36. Checks see F (entry), F-1 (first header), then F-1-7k
  // after iteration k = 1..4, so the least fuel that succeeds is F = 1 + 28 = 29.
  store.fuel = 29;
  assert.is(outcome(() => t.call('loop', 5)), 'ok');
  assert.is(store.fuel, 29 - 36);
  store.fuel = 28;
  assert.is(outcome(() => t.call('loop', 5)), TrapKind.OutOfFuel);
  assert.is(store.fuel, 28 - 1 - 7 * 4); // the header after iteration 4 saw -1
  store.fuel = 1; // exactly enough to reach the first header with 0
  assert.is(outcome(() => t.call('loop', 1)), 'ok');
  assert.is(store.fuel, 1 - 8);
});

test('calls: the call is charged before the callee entry check', () => {
  const t = testInstance(FUEL, { fuel: 2 });
  const store = t.state.store;
  t.call('caller'); // callee entry sees 0
  assert.is(store.fuel, 2 - 5);
  store.fuel = 1; // callee entry sees -1
  const trap = (() => {
    try {
      t.call('caller');
    } catch (e) {
      return e as Trap;
    }
  })()!;
  assert.is(trap.kind, TrapKind.OutOfFuel);
  assert.is(trap.frames.length, 2);
  assert.is(store.fuel, -1);
  assert.is(store.depth, 0);
});

test('if/else paths and trapping instructions are charged exactly', () => {
  const t = testInstance(FUEL, { fuel: 100 });
  const store = t.state.store;
  t.call('branchy', 1);
  assert.is(store.fuel, 96);
  t.call('branchy', 0);
  assert.is(store.fuel, 93);
  assert.is(outcome(() => t.call('divzero')), TrapKind.IntegerDivideByZero);
  assert.is(store.fuel, 90, 'the trapping instruction is paid for, the rest is not');
});

test('fuel off: nothing is charged', () => {
  const t = testInstance(FUEL);
  t.call('loop', 1000);
  assert.is(t.state.store.fuel, undefined);
});

test.run();
