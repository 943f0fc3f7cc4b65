// Leaving compiled code abnormally: call depth exhaustion (the explicit check and V8's own
// stack overflow), host errors passing through unchanged, and the store staying usable (call
// depth restored) after each of them.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TrapKind } from '../errors.js';
import { ValType } from '../types.js';
import type { FuncInstance } from '../instance/objects.js';
import { catchTrap, hostFunc, setup, type Setup } from './_internals/testing.js';

const RECURSION = `(module
  (func $forever (export "forever") (param i32) (result i32)
    (call $forever (i32.add (local.get 0) (i32.const 1))))
  (func $count (export "count") (param i32) (result i32)
    (if (result i32) (local.get 0)
      (then (i32.add (i32.const 1) (call $count (i32.sub (local.get 0) (i32.const 1)))))
      (else (i32.const 0))))
  ;; Big frames: many locals and stack values, so V8's stack runs out long before 100000 calls.
  (func $fat (export "fat") (param i32 f64 f64 f64 f64) (result f64)
    (local f64 f64 f64 f64 f64 f64 f64 f64 i64 i64 i64 i64)
    (f64.add (local.get 1)
      (f64.add (local.get 2)
        (f64.add (local.get 3)
          (call $fat (i32.add (local.get 0) (i32.const 1)) (local.get 4) (local.get 3) (local.get 2) (local.get 1)))))))`;

test('maxCallDepth: exhaustion traps at the limit, again and again, and the store recovers', () => {
  const s = setup(RECURSION, { maxCallDepth: 1000 });
  for (let k = 0; k < 3; k++) {
    assert.is(catchTrap(() => s.call('forever', 0)).kind, TrapKind.CallStackExhausted);
    assert.is(s.store.state.depth, 0);
    assert.equal(s.call('count', 999), [999]);
    assert.is(catchTrap(() => s.call('count', 1000)).kind, TrapKind.CallStackExhausted);
    assert.is(s.store.state.depth, 0);
  }
});

test('V8 stack overflow becomes "call stack exhausted"; the store recovers', () => {
  const s = setup(RECURSION, { maxCallDepth: 100_000 });
  for (let k = 0; k < 3; k++) {
    const t = catchTrap(() => s.call('fat', 0, 1, 2, 3, 4));
    assert.is(t.kind, TrapKind.CallStackExhausted);
    assert.ok(t.frames.length > 0 && t.frames.every((f) => f.func === 2), 'frames of $fat');
    assert.is(s.store.state.depth, 0);
    assert.equal(s.call('count', 50), [50]);
  }
});

test('recursion through host frames hits one limit or the other, always as the trap', () => {
  let s: Setup | undefined;
  const back = hostFunc([ValType.I32], [ValType.I32], (args) => s!.fn('down').invoke(args));
  s = setup(`(module (import "h" "back" (func $back (param i32) (result i32)))
    (func (export "down") (param i32) (result i32)
      (if (result i32) (local.get 0)
        (then (i32.add (i32.const 1) (call $back (i32.sub (local.get 0) (i32.const 1)))))
        (else (i32.const 0)))))`, { maxCallDepth: 100_000 }, { 'h.back': back });
  assert.is(catchTrap(() => s!.call('down', -1)).kind, TrapKind.CallStackExhausted);
  assert.is(s.store.state.depth, 0);
  assert.equal(s.call('down', 10), [10]);
});

test('host errors propagate unchanged from any depth; depth is restored every time', () => {
  class HostError extends Error {}
  const thrown: unknown[] = [new HostError('host'), 'a bare string', { some: 'object' }, new RangeError('not a stack overflow'),
    new RangeError('Offset is outside the bounds of the DataView')];
  let next = 0;
  const host: FuncInstance = hostFunc([ValType.I32], [ValType.I32], () => {
    throw thrown[next];
  });
  for (const config of [{}, { boundsChecks: 'guarded' as const }, { optLevel: 'none' as const }]) {
    const s = setup(`(module (import "h" "f" (func $h (param i32) (result i32)))
      (memory 1)
      (func $deep (param i32) (result i32)
        (if (result i32) (local.get 0)
          (then (call $deep (i32.sub (local.get 0) (i32.const 1))))
          (else (call $h (i32.load (i32.const 0))))))
      (func (export "f") (param i32) (result i32) (call $deep (local.get 0)))
      (func (export "ok") (result i32) (i32.const 1)))`, config, { 'h.f': host });
    for (next = 0; next < thrown.length; next++) {
      try {
        s.call('f', 5);
        assert.unreachable('host error expected');
      } catch (e) {
        assert.is(e, thrown[next], 'the very same value');
      }
      assert.is(s.store.state.depth, 0);
      assert.equal(s.call('ok'), [1]);
    }
  }
});

test('a trap inside a host callback passes through the host frame as a trap', () => {
  let s: Setup | undefined;
  const host = hostFunc([], [], () => s!.fn('boom').invoke([]));
  s = setup(`(module (import "h" "f" (func $h))
    (func (export "boom") unreachable)
    (func (export "f") call $h))`, {}, { 'h.f': host });
  const t = catchTrap(() => s!.call('f'));
  assert.is(t.kind, TrapKind.Unreachable);
  assert.equal(t.frames.map((f) => f.func), [1, 2]);
  assert.is(s.store.state.depth, 0);
});

/** Hand-made binary (wabt cannot nest this deep): $inner, $deep (exported "deep") and "top". */
function deepModule(depth: number): Uint8Array {
  const leb = (n: number): number[] => (n < 0x80 ? [n] : [(n & 0x7f) | 0x80, ...leb(n >>> 7)]);
  const section = (id: number, payload: number[]) => [id, ...leb(payload.length), ...payload];
  const body = (code: number[]) => [...leb(code.length + 1), 0, ...code];
  const str = (s: string) => [s.length, ...[...s].map((c) => c.charCodeAt(0))];
  const inner = [0x41, 0x01, 0x20, 0x00, 0x6e, 0x0b]; // i32.const 1, local.get 0, i32.div_u
  const deep = [
    ...Array(depth).fill([0x02, 0x40]).flat(), 0x20, 0x00, 0x10, 0x00, 0x1a, ...Array(depth).fill(0x0b),
    0x20, 0x00, 0x10, 0x00, 0x0b,
  ];
  const top = [0x20, 0x00, 0x10, 0x01, 0x0b];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 1, 0x7f, 1, 0x7f]),
    ...section(3, [3, 0, 0, 0]),
    ...section(7, [2, ...str('deep'), 0, 1, ...str('top'), 0, 2]),
    ...section(10, [3, ...body(inner), ...body(deep), ...body(top)]),
  ]);
}

test('functions nested deeper than V8 can parse run on the interpreter, with exact frames', () => {
  const bytes = deepModule(5000);
  for (const config of [{}, { consumeFuel: true }]) {
    const c = setup(bytes, config);
    const i = setup(bytes, { ...config, tier: 'interp' });
    assert.ok(c.image.funcs[1].interpreted, 'the deep function is a stub');
    for (const s of [c, i]) if (config.consumeFuel) s.store.setFuel(100_000);
    assert.equal(c.call('top', 1), [1]);
    assert.equal(i.call('top', 1), [1]);
    const tc = catchTrap(() => c.call('top', 0));
    assert.equal(tc.frames, catchTrap(() => i.call('top', 0)).frames);
    assert.equal(tc.frames.map((f) => f.func), [0, 1, 2]);
    assert.is(c.store.getFuel(), i.store.getFuel());
  }
});

test.run();
