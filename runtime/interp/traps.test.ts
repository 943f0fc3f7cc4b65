// Traps and errors leaving the interpreter: exact backtrace offsets (found in the binary),
// frames across instances and host calls, host errors passing through unchanged, and call
// stack exhaustion (wasm depth and JS stack) leaving the store usable.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Trap, TrapKind } from '../errors.js';
import { ValType } from '../types.js';
import { hostFunc, testInstance, type TestInstance } from './_internals/testInstance.js';

function catchTrap(f: () => unknown): Trap {
  try {
    f();
  } catch (e) {
    if (e instanceof Trap) return e;
    throw e;
  }
  throw new Error('expected a trap');
}

/** Absolute offset of the single occurrence of `pattern` in function `funcIndex`'s body. */
function offsetOf(t: TestInstance, funcIndex: number, pattern: number[]): number {
  const m = t.state.module;
  const body = m.funcs[funcIndex - m.numImportedFuncs];
  const hits: number[] = [];
  for (let i = body.codeStart; i + pattern.length <= body.codeEnd; i++) {
    if (pattern.every((b, k) => t.bytes[i + k] === b)) hits.push(i);
  }
  assert.is(hits.length, 1, `pattern ${pattern} must occur once in function ${funcIndex}`);
  return hits[0];
}

const I32_TO_I32 = { params: [ValType.I32], results: [ValType.I32] };

test('backtrace: innermost first, trapping instruction then call sites', () => {
  const t = testInstance(`(module
    (func $inner (param i32) (result i32) local.get 0 i32.const 0 i32.div_s)
    (func $mid (param i32) (result i32) nop local.get 0 call $inner)
    (func (export "outer") (result i32) i32.const 7 call $mid))`);
  const trap = catchTrap(() => t.call('outer'));
  assert.is(trap.kind, TrapKind.IntegerDivideByZero);
  assert.equal(trap.frames, [
    { func: 0, offset: offsetOf(t, 0, [0x6d, 0x0b]) }, // i32.div_s
    { func: 1, offset: offsetOf(t, 1, [0x10, 0x00, 0x0b]) }, // call $inner
    { func: 2, offset: offsetOf(t, 2, [0x10, 0x01, 0x0b]) }, // call $mid
  ]);
});

test('backtrace offsets of memory, table and indirect-call traps', () => {
  const t = testInstance(`(module
    (memory 1) (table 1 funcref)
    (type $v (func))
    (func (export "mem") (result i32) i32.const -4 i32.load offset=3)
    (func (export "tab") (result i32) i32.const 5 call_indirect (type $v) i32.const 1))`);
  const mem = catchTrap(() => t.call('mem'));
  assert.equal(mem.frames, [{ func: 0, offset: offsetOf(t, 0, [0x28, 0x02, 0x03]) }]);
  const tab = catchTrap(() => t.call('tab'));
  assert.is(tab.kind, TrapKind.UndefinedElement);
  assert.equal(tab.frames, [{ func: 1, offset: offsetOf(t, 1, [0x11, 0x00, 0x00]) }]);
});

test('frames from another instance and through a host function are kept, ours appended', () => {
  const a = testInstance(`(module (func (export "boom") nop unreachable))`);
  const b = testInstance(`(module (import "a" "boom" (func $boom))
    (func (export "f") call $boom))`, { imports: { 'a.boom': a.fn('boom') } });
  const trap = catchTrap(() => b.call('f'));
  assert.equal(trap.frames, [
    { func: 0, offset: offsetOf(a, 0, [0x00, 0x0b]) },
    { func: 1, offset: offsetOf(b, 1, [0x10, 0x00]) },
  ]);

  // wasm -> host -> the same instance again -> trap: the host frame contributes nothing.
  let c: TestInstance | undefined;
  const reenter = hostFunc(I32_TO_I32, (args) => c!.fn('inner').invoke(args));
  c = testInstance(`(module (import "h" "reenter" (func $h (param i32) (result i32)))
    (func (export "inner") (param i32) (result i32) (i32.rem_u (i32.const 1) (local.get 0)))
    (func (export "outer") (param i32) (result i32) (call $h (local.get 0))))`,
  { imports: { 'h.reenter': reenter } });
  assert.equal(c.call('outer', 3), [1]);
  const t2 = catchTrap(() => c!.call('outer', 0));
  assert.equal(t2.frames, [
    { func: 1, offset: offsetOf(c, 1, [0x70]) },
    { func: 2, offset: offsetOf(c, 2, [0x10, 0x00]) },
  ]);
  assert.is(c.state.store.depth, 0);
});

test('host errors propagate unchanged and the store stays usable', () => {
  class HostError extends Error {}
  const thrown: unknown[] = [new HostError('host'), 'a bare string', { some: 'object' }, new RangeError('not a stack overflow')];
  let next = 0;
  const host = hostFunc(I32_TO_I32, () => {
    throw thrown[next];
  });
  const t = testInstance(`(module (import "h" "f" (func $h (param i32) (result i32)))
    (func $deep (param i32) (result i32)
      (if (result i32) (local.get 0)
        (then (call $deep (i32.sub (local.get 0) (i32.const 1))))
        (else (call $h (i32.const 0)))))
    (func (export "f") (param i32) (result i32) (call $deep (local.get 0)))
    (func (export "ok") (result i32) (i32.const 1)))`, { imports: { 'h.f': host } });
  for (next = 0; next < thrown.length; next++) {
    try {
      t.call('f', 5);
      assert.unreachable('host error expected');
    } catch (e) {
      assert.is(e, thrown[next], 'the very same value');
    }
    assert.is(t.state.store.depth, 0);
    assert.equal(t.call('ok'), [1]);
  }
});

test('wasm call depth: exhaustion traps at maxDepth, then the store recovers', () => {
  const t = testInstance(`(module
    (func $f (export "forever") call $f)
    (func $count (export "count") (param i32) (result i32)
      (if (result i32) (local.get 0)
        (then (i32.add (i32.const 1) (call $count (i32.sub (local.get 0) (i32.const 1)))))
        (else (i32.const 0)))))`, { maxDepth: 1000 });
  const trap = catchTrap(() => t.call('forever'));
  assert.is(trap.kind, TrapKind.CallStackExhausted);
  assert.is(trap.frames.length, 1000);
  assert.is(t.state.store.depth, 0);
  assert.equal(t.call('count', 999), [999]); // 1000 frames: exactly the limit
  assert.is(catchTrap(() => t.call('count', 1000)).kind, TrapKind.CallStackExhausted);
  assert.equal(t.call('count', 10), [10]);
});

test('a JS stack overflow through host recursion becomes call stack exhausted', () => {
  let t: TestInstance | undefined;
  const recurse = hostFunc(I32_TO_I32, (args) => t!.fn('f').invoke(args));
  t = testInstance(`(module (import "h" "r" (func $r (param i32) (result i32)))
    (func (export "f") (param i32) (result i32) (call $r (i32.add (local.get 0) (i32.const 1)))))`,
  { imports: { 'h.r': recurse }, maxDepth: 1e9 });
  const trap = catchTrap(() => t!.call('f', 0));
  assert.is(trap.kind, TrapKind.CallStackExhausted);
  assert.is(t.state.store.depth, 0);
  const plain = testInstance(`(module (func (export "g") (result i32) i32.const 3))`, { store: t.state.store });
  assert.equal(plain.call('g'), [3]);
});

test.run();
