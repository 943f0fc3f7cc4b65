// runScript tests for Crucible's own assertions and file headers: assert_backtrace checks
// offsets with address maps and demands none without, assert_host_error wants the host's
// very error, header knobs/store settings reach the run, unmet requirements skip.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseScript } from '../wast/parseScript.js';
import { loadWabt, watToWasm } from '../wat/watToWasm.js';
import { DEFAULT_CONFIG, type Config } from '../../runtime/config/knobs.js';
import { Engine } from '../../runtime/api/Engine.js';
import { Module } from '../../runtime/api/Module.js';
import { Store } from '../../runtime/api/Store.js';
import { Linker } from '../../runtime/api/Linker.js';
import { Trap } from '../../runtime/errors.js';
import { parseFileHeader, NO_HEADER } from './fileHeader.js';
import { runScript, type ScriptResult } from './runScript.js';

await loadWabt();

// $inner traps on `unreachable` right after three `nop`s; $outer calls it after pushing 0x2a.
// Both patterns are unique in the binary, so the test finds the offsets itself.
const MODULE = `(module
  (func $inner (nop) (nop) (nop) (unreachable))
  (func $outer (export "outer") (i32.const 0x2a) (drop) (call $inner)))`;

function find(bytes: Uint8Array, pattern: number[]): number {
  for (let i = 0; i + pattern.length <= bytes.length; i++) {
    if (pattern.every((b, j) => bytes[i + j] === b)) return i;
  }
  throw new Error(`pattern ${pattern} not in the module`);
}
const bytes = watToWasm(MODULE);
const UNREACHABLE_AT = find(bytes, [0x01, 0x01, 0x01, 0x00]) + 3; // nop nop nop unreachable
const CALL_AT = find(bytes, [0x41, 0x2a, 0x1a, 0x10]) + 3; // i32.const 42, drop, call

function run(script: string, config: Partial<Config> = {}, header = NO_HEADER): ScriptResult {
  return runScript(parseScript(script, 't.wast'), { ...DEFAULT_CONFIG, ...config }, 't.wast', header);
}

function backtrace(frames: string): string {
  return `${MODULE}\n(assert_backtrace (invoke "outer") "unreachable" ${frames})`;
}

/** The frames the runtime itself gives for the trap, under `config`. */
function actualFrames(config: Partial<Config>) {
  const engine = new Engine(config);
  const inst = new Linker().instantiate(new Store(engine), new Module(engine, bytes));
  try {
    inst.getFunc('outer')!.invoke([]);
  } catch (e) {
    if (e instanceof Trap) return e.frames;
  }
  throw new Error('outer did not trap');
}

test('assert_backtrace with the right offsets passes', () => {
  const r = run(backtrace(`(frame 0 "inner" ${UNREACHABLE_AT}) (frame 1 "outer" ${CALL_AT})`));
  assert.equal(r.failures, []);
  assert.equal([r.checks, r.passed], [2, 2]);
});

test('assert_backtrace: a wrong offset, function, frame count or message fails', () => {
  const frames = actualFrames({});
  const name = (i: number) => (frames[i]?.name !== undefined ? ` "${frames[i]!.name}"` : '');
  const cases: [string, RegExp][] = [
    [`(frame 0${name(0)} ${UNREACHABLE_AT + 1}) (frame 1${name(1)} ${CALL_AT})`, /frame 0: offset 0x[0-9a-f]+, expected 0x/],
    [`(frame 0${name(0)} ${UNREACHABLE_AT}) (frame 1${name(1)} 0)`, /frame 1: offset 0x[0-9a-f]+, expected 0x0/],
    [`(frame 1${name(0)}) (frame 1${name(1)})`, /frame 0: function 0, expected 1/],
    [`(frame 0${name(0)})`, /extra frame 1 \(backtrace has 2 frames, expected 1\)/],
    [`(frame 0${name(0)}) (frame 1${name(1)}) (frame 2)`, /frame 2 missing/],
    [`(frame 0 "wrong") (frame 1${name(1)})`, /frame 0: name .*, expected "wrong"/],
  ];
  for (const [written, why] of cases) {
    const r = run(backtrace(written));
    assert.is(r.failed, 1, written);
    assert.match(r.failures[0]!.actual, why);
    assert.match(r.failures[0]!.expected, /^backtrace \[/);
  }
  // Omitted offsets are not checked.
  assert.is(run(backtrace(`(frame 0${name(0)}) (frame 1${name(1)})`)).failed, 0);
  const wrongMessage = run(`${MODULE}\n(assert_backtrace (invoke "outer") "integer divide" (frame 0) (frame 1))`);
  assert.equal(wrongMessage.failures.map((f) => [f.expected, f.actual]), [['trap "integer divide"', 'trap: unreachable']]);
});

test('assert_backtrace without address maps: written offsets ignored, actual offsets forbidden', () => {
  const off = { generateAddressMap: false };
  const frames = actualFrames(off);
  const name = (i: number) => (frames[i]?.name !== undefined ? ` "${frames[i]!.name}"` : '');
  // Deliberately wrong offsets: they must not matter.
  const r = run(backtrace(`(frame 0${name(0)} 0xdead) (frame 1${name(1)} 0xbeef)`), off);
  if (frames.some((f) => f.offset !== undefined)) {
    assert.is(r.failed, 1);
    assert.match(r.failures[0]!.actual, /frame 0: has offset 0x[0-9a-f]+ although address maps are off/);
    assert.match(r.failures[0]!.expected, /@none/);
  } else {
    assert.equal(r.failures, []);
  }
});

const HOST = `(module
  (import "crucible" "throw_error" (func $throw (param i32)))
  (func (export "throw") (param i32) (call $throw (local.get 0)))
  (func (export "trap") (unreachable))
  (func (export "ok") (result i32) (i32.const 5)))`;

test('assert_host_error wants the host error itself; traps and success fail it', () => {
  const r = run(`${HOST}
(assert_host_error (invoke "throw" (i32.const 3)) "crucible.throw_error 3")
(assert_host_error (invoke "throw" (i32.const 3)) "crucible.throw_error 4")
(assert_host_error (invoke "trap") "unreachable")
(assert_host_error (invoke "ok") "x")
(assert_trap (invoke "throw" (i32.const 1)) "crucible")`);
  assert.is(r.passed, 2); // the module and the first assertion
  assert.equal(r.failures.map((f) => [f.line, f.actual]), [
    [7, 'CrucibleHostError: crucible.throw_error 3'],
    [8, 'trap: unreachable'],
    [9, 'succeeded with i32:5'],
    [10, 'CrucibleHostError: crucible.throw_error 1'],
  ]);
});

test('a host error in a start function fails the module command as that error, not a trap', () => {
  const r = run(`(module (import "crucible" "throw_error" (func $t (param i32)))
  (func $s (call $t (i32.const 9))) (start $s))`);
  assert.equal(r.failures.map((f) => f.actual), ['CrucibleHostError: crucible.throw_error 9']);
});

test('header knobs and store settings reach the run; the store is refilled per instantiation', () => {
  const src = `;; knobs: {"consumeFuel": true}\n;; store: {"fuel": 6}\n`;
  // $spin 1 costs 6 (loop, local.get, i32.const, i32.sub, local.tee, br_if): all of it.
  const mod = `(module (func (export "spin") (param $n i32)
    (loop $l (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))))`;
  const script = `${mod}
(assert_return (invoke "spin" (i32.const 1)))
(assert_trap (invoke "spin" (i32.const 1)) "all fuel consumed")
${mod}
(assert_return (invoke "spin" (i32.const 1)))`;
  const r = run(script, { consumeFuel: false }, parseFileHeader(src, 't.wast'));
  assert.equal(r.failures, []);
  assert.is(r.passed, 5);
  // Without the header the same script runs without fuel: nothing traps.
  assert.equal(run(script).failures.map((f) => f.line), [4]);
});

test('a config with fuel on runs a file that sets no fuel on unlimited fuel', () => {
  const r = run(`${HOST}\n(assert_return (invoke "ok") (i32.const 5))\n(assert_return (invoke "ok") (i32.const 5))`, { consumeFuel: true });
  assert.equal(r.failures, []);
});

test('an unmet requirement skips every command with the reason', () => {
  const header = parseFileHeader(';; requires: {"generateAddressMap": true}\n', 't.wast');
  const r = run(`${MODULE}\n(assert_return (invoke "nope"))`, { generateAddressMap: false }, header);
  assert.equal([r.checks, r.passed, r.failed, r.skipped], [2, 0, 0, 2]);
  assert.equal(r.skips, { 'requires generateAddressMap=true (config has false)': 2 });
});

test.run();
