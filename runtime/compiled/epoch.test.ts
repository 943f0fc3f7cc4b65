// Epoch interruption: checks at function entry and loop headers trap "interrupt" once the
// engine's epoch reaches the store's deadline; the worker-thread ticker advances the epoch
// while wasm loops synchronously, so even an infinite loop ends.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TrapKind } from '../errors.js';
import { startEpochTicker } from './epochTicker.js';
import { catchTrap, hostFunc, outcome, setup, type Setup } from './_internals/testing.js';

const WAT = `(module
  (memory 1)
  (func $spin (export "spin") (loop $l (br $l)))
  (func $store (export "store") (param i32) (i32.store (i32.const 0) (local.get 0)))
  (func (export "load") (result i32) (i32.load (i32.const 0))))`;

test('an infinite loop is interrupted by the ticker thread', async () => {
  const s = setup(WAT, { epochInterruption: true });
  const ticker = startEpochTicker(s.engine.epoch, 2);
  try {
    await ticker.ready;
    s.store.setEpochDeadline(3);
    const started = Date.now();
    const t = catchTrap(() => s.call('spin'));
    assert.is(t.kind, TrapKind.Interrupt);
    assert.equal(t.frames.map((f) => f.func), [0]);
    assert.ok(Date.now() - started < 2000, 'interrupted promptly');
    assert.is(s.store.state.depth, 0);
  } finally {
    await ticker.stop();
  }
});

test('a due deadline traps at function entry, before the body runs', () => {
  const s = setup(WAT, { epochInterruption: true });
  s.store.setEpochDeadline(0);
  const t = catchTrap(() => s.call('store', 7));
  assert.is(t.kind, TrapKind.Interrupt);
  assert.equal(t.frames, [{ func: 1, name: 'store', offset: s.module.info.funcs[1].codeStart }]);
  s.store.setEpochDeadline(1_000_000);
  assert.equal(s.call('load'), [0], 'the store never ran');
  s.engine.incrementEpoch();
  assert.equal(s.call('load'), [0]);
});

test('the interrupt falls where the interpreter\'s does, deadline by deadline', () => {
  const wat = `(module (import "h" "tick" (func $tick))
    (func $leaf (result i32) (i32.const 1))
    (func (export "run") (param i32) (result i32) (local i32)
      (loop $l
        (call $tick)
        (local.set 1 (i32.add (local.get 1) (call $leaf)))
        (br_if $l (local.tee 0 (i32.sub (local.get 0) (i32.const 1)))))
      (local.get 1)))`;
  for (let deadline = 0; deadline < 6; deadline++) {
    const run = (tier: 'compiled' | 'interp') => {
      let s: Setup | undefined;
      s = setup(wat, { tier, epochInterruption: true }, { 'h.tick': hostFunc([], [], () => (s!.engine.incrementEpoch(), [])) });
      s.store.setEpochDeadline(deadline);
      return outcome(() => s!.call('run', 4));
    };
    assert.equal(run('compiled'), run('interp'), `deadline ${deadline}`);
  }
});

test('epoch checks reach codegen only with epochInterruption', () => {
  assert.ok(setup(WAT, { epochInterruption: true }).image.text.includes('Atomics.load($ep, 0) >= st.epochDeadline'));
  assert.not.ok(setup(WAT).image.text.includes('epochDeadline'));
});

test('the ticker needs shared memory', () => {
  assert.throws(() => startEpochTicker(new Int32Array(1), 1), /SharedArrayBuffer/);
});

test.run();
