// Trap backtraces of compiled code, computed from V8 stack frame positions through the code
// image: checked against offsets found in the binary and against the interpreter's frames,
// with and without address maps, under every padding, opt level and bounds-check strategy.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TrapKind, type Frame } from '../errors.js';
import { ValType } from '../types.js';
import type { Config } from '../config/knobs.js';
import { catchTrap, hostFunc, offsetIn, outcome, setup, type Setup } from './_internals/testing.js';

const WAT = `(module
  (memory 1)
  (type $ii (func (param i32) (result i32)))
  (table 3 funcref)
  (elem (i32.const 0) $inner $leaf)
  (func $inner (param i32) (result i32) (i32.div_s (i32.const 1) (local.get 0)))
  (func $leaf (param i32) (result i32) nop unreachable)
  (func $mid (param i32) (result i32) nop (call $inner (local.get 0)))
  (func $outer (export "outer") (param i32) (result i32) (call $mid (local.get 0)))
  (func (export "ind") (param i32 i32) (result i32) (call_indirect (type $ii) (local.get 0) (local.get 1)))
  (func (export "load") (param i32) (result i32) (i32.load offset=3 (local.get 0)))
  (func (export "store") (param i32) (i32.store16 (local.get 0) (i32.const 1)))
  (func $countdown (export "countdown") (param i32) (result i32)
    (loop $l
      (if (i32.eqz (local.get 0)) (then (unreachable)))
      (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
      (br $l))
    (i32.const 0))
)`;

/** The same module's expected frames, found in the binary. */
function expectedFrames(s: Setup): Record<string, Frame[]> {
  const f = (func: number, name: string | undefined, offset: number): Frame => (name === undefined ? { func, offset } : { func, name, offset });
  const div = f(0, 'inner', offsetIn(s, 0, [0x6d])); // i32.div_s
  const callMid = f(3, 'outer', offsetIn(s, 3, [0x10, 0x02]));
  const callInner = f(2, 'mid', offsetIn(s, 2, [0x10, 0x00]));
  const ind = f(4, undefined, offsetIn(s, 4, [0x11, 0x00, 0x00]));
  return {
    outer: [div, callInner, callMid],
    indDiv: [div, ind],
    indLeaf: [f(1, 'leaf', offsetIn(s, 1, [0x00, 0x0b])), ind],
    indTrap: [ind],
    load: [f(5, undefined, offsetIn(s, 5, [0x28, 0x02, 0x03]))],
    store: [f(6, undefined, offsetIn(s, 6, [0x3b, 0x01, 0x00]))],
    countdown: [f(7, 'countdown', offsetIn(s, 7, [0x04, 0x40, 0x00]) + 2)], // the unreachable
  };
}

function traps(s: Setup): Record<string, { kind: string; frames: Frame[] }> {
  const t = (run: () => unknown) => {
    const trap = catchTrap(run);
    return { kind: trap.kind, frames: trap.frames };
  };
  return {
    outer: t(() => s.call('outer', 0)),
    indDiv: t(() => s.call('ind', 0, 0)),
    indLeaf: t(() => s.call('ind', 0, 1)),
    indTrap: t(() => s.call('ind', 0, 2)),
    load: t(() => s.call('load', 65534)),
    store: t(() => s.call('store', 65535)),
    countdown: t(() => s.call('countdown', 3)),
  };
}

const withoutOffsets = (frames: Frame[]): Frame[] => frames.map(({ offset: _, ...rest }) => rest);

const CONFIGS: Partial<Config>[] = [
  {},
  { paddingBetweenFunctions: 1 },
  { paddingBetweenFunctions: 4096, optLevel: 'none' },
  { paddingBetweenFunctions: 65535, boundsChecks: 'guarded' },
  { generateAddressMap: false },
  { generateAddressMap: false, paddingBetweenFunctions: 65535, optLevel: 'none', boundsChecks: 'guarded' },
  { consumeFuel: true, epochInterruption: true, inlineSmallFunctions: true },
];

test('frames: innermost first, offsets of the trapping instruction then of each call, as in the binary', () => {
  for (const config of CONFIGS) {
    const s = setup(WAT, config);
    if (config.consumeFuel) s.store.setFuel(1_000_000);
    const want = expectedFrames(s);
    const got = traps(s);
    for (const [name, frames] of Object.entries(want)) {
      const expected = config.generateAddressMap === false ? withoutOffsets(frames) : frames;
      assert.equal(got[name].frames, expected, `${name} under ${JSON.stringify(config)}`);
    }
    assert.is(got.indTrap.kind, TrapKind.IndirectCallToNull);
    assert.is(got.store.kind, TrapKind.MemoryOutOfBounds);
    assert.is(s.store.state.depth, 0);
  }
});

test('frames agree with the interpreter\'s, knob for knob', () => {
  for (const config of CONFIGS) {
    const c = setup(WAT, config);
    const i = setup(WAT, { ...config, tier: 'interp' });
    if (config.consumeFuel) {
      c.store.setFuel(1_000_000);
      i.store.setFuel(1_000_000);
    }
    assert.equal(traps(c), traps(i), JSON.stringify(config));
  }
});

test('frames stay exact once V8 has optimized the code', () => {
  const s = setup(WAT);
  const want = expectedFrames(s);
  for (let k = 0; k < 30_000; k++) s.call('outer', 1 + (k & 7));
  for (let k = 0; k < 300; k++) catchTrap(() => s.call('countdown', k & 15));
  assert.equal(traps(s).outer.frames, want.outer);
  assert.equal(traps(s).countdown.frames, want.countdown);
});

test('frames across instances and through host functions, each run adding its own', () => {
  const a = setup(WAT);
  const b = setup(`(module (import "a" "outer" (func $outer (param i32) (result i32)))
    (func $entry (export "entry") (param i32) (result i32) nop (call $outer (local.get 0))))`, {}, { 'a.outer': a.fn('outer') }, a.store);
  const want = expectedFrames(a).outer;
  const entryCall = { func: 1, name: 'entry', offset: offsetIn(b, 1, [0x10, 0x00]) };
  assert.equal(catchTrap(() => b.call('entry', 0)).frames, [...want, entryCall]);

  // wasm -> host -> wasm: the host frame adds nothing; both activations add theirs.
  let c: Setup | undefined;
  const reenter = hostFunc([ValType.I32], [ValType.I32], (args) => c!.fn('inner').invoke(args));
  c = setup(`(module (import "h" "reenter" (func $h (param i32) (result i32)))
    (func $inner (export "inner") (param i32) (result i32) (i32.rem_u (i32.const 1) (local.get 0)))
    (func $outer (export "outer") (param i32) (result i32) (call $h (local.get 0))))`, {}, { 'h.reenter': reenter });
  assert.equal(c.call('outer', 3), [1]);
  assert.equal(catchTrap(() => c!.call('outer', 0)).frames, [
    { func: 1, name: 'inner', offset: offsetIn(c, 1, [0x70]) },
    { func: 2, name: 'outer', offset: offsetIn(c, 2, [0x10, 0x00]) },
  ]);

  // An interpreted instance in between: its frames come from the interpreter, in order.
  const interp = setup(`(module (import "a" "outer" (func $outer (param i32) (result i32)))
    (func $via (export "via") (param i32) (result i32) (call $outer (local.get 0))))`, { tier: 'interp' }, { 'a.outer': a.fn('outer') });
  const d = setup(`(module (import "i" "via" (func $via (param i32) (result i32)))
    (func $top (export "top") (param i32) (result i32) (call $via (local.get 0))))`, {}, { 'i.via': interp.fn('via') });
  assert.equal(catchTrap(() => d.call('top', 0)).frames, [
    ...want,
    { func: 1, name: 'via', offset: offsetIn(interp, 1, [0x10, 0x00]) },
    { func: 1, name: 'top', offset: offsetIn(d, 1, [0x10, 0x00]) },
  ]);
});

test('call stack exhausted: the failing call is the innermost frame, as in the interpreter', () => {
  const wat = `(module
    (func $leaf (param i32) (result i32) (local.get 0))
    (func $rec (export "rec") (param i32) (result i32)
      (if (result i32) (local.get 0)
        (then (call $rec (i32.sub (local.get 0) (i32.const 1))))
        (else (call $leaf (i32.const 7))))))`;
  for (const config of [{ maxCallDepth: 1000 }, { maxCallDepth: 1000, inlineSmallFunctions: true }, { maxCallDepth: 1000, optLevel: 'none' as const }]) {
    const c = setup(wat, config);
    const i = setup(wat, { ...config, tier: 'interp' });
    for (const n of [998, 999, 1000, 5000]) {
      const oc = outcome(() => c.call('rec', n));
      assert.equal(oc, outcome(() => i.call('rec', n)), `rec ${n} ${JSON.stringify(config)}`);
      if (n >= 999) {
        assert.ok('trap' in oc && oc.trap === TrapKind.CallStackExhausted);
        if ('trap' in oc) {
          assert.is(oc.frames.length, 1000);
          // rec 999 fills all 1000 frames, then its call to $leaf fails; deeper, a call to $rec does.
          const callAt = n === 999 ? [0x10, 0x00] : [0x10, 0x01];
          assert.is(oc.frames[0].offset, offsetIn(c, 1, callAt));
        }
      }
    }
  }
});

test('the stack trace limit is restored and host errors keep their identity and stack', () => {
  const before = Error.stackTraceLimit;
  class HostError extends Error {}
  const thrown = new HostError('from the host');
  const s = setup(`(module (import "h" "f" (func $f)) (func (export "g") call $f))`, {}, {
    'h.f': hostFunc([], [], () => {
      throw thrown;
    }),
  });
  try {
    s.call('g');
    assert.unreachable();
  } catch (e) {
    assert.is(e, thrown);
  }
  assert.ok(typeof thrown.stack === 'string' && thrown.stack.startsWith('Error: from the host'), thrown.stack);
  assert.is(Error.stackTraceLimit, before);
  catchTrap(() => setup(WAT).call('outer', 0));
  assert.is(Error.stackTraceLimit, before);
});

test.run();
