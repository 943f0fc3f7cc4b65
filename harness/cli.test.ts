// The CLI end to end, as a user runs it: exit codes (0 nothing found, 1 finding, 2 bad
// usage/input), --help on every command, --json outputs.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectPath } from './cli/paths.js';
import { ModuleBuilder } from './wasm/ModuleBuilder.js';

const CLI = projectPath('dist', 'harness', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'crucible-cli-'));

function crucible(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, CRUCIBLE_TESTSUITE: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function file(name: string, data: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
}

const valid = (() => {
  const b = new ModuleBuilder();
  const t = b.type([0x7f], [0x7f]);
  b.func(t, [], [0x20, 0, 0x41, 1, 0x6a]);
  b.export('inc', 0, 0);
  return b.build();
})();

test('no command prints usage and exits 2; unknown command exits 2', () => {
  assert.is(crucible().code, 2);
  const r = crucible('frobnicate');
  assert.is(r.code, 2);
  assert.match(r.err, /unknown command "frobnicate"/);
});

test('every command has --help', () => {
  for (const cmd of ['validate', 'spec', 'run', 'knobs', 'compile', 'fuzz', 'repro', 'reduce']) {
    const r = crucible(cmd, '--help');
    assert.is(r.code, 0, cmd);
    assert.match(r.out, /^usage: crucible /, cmd);
  }
});

test('--version names the package version', () => {
  const r = crucible('--version');
  assert.is(r.code, 0);
  assert.match(r.out, /^crucible \d+\.\d+\.\d+/);
});

test('validate: valid, malformed with offset, unreadable, bad flag', () => {
  const good = file('good.wasm', valid);
  const bad = file('bad.wasm', valid.subarray(0, valid.length - 3));
  let r = crucible('validate', good);
  assert.is(r.code, 0);
  assert.is(r.out.trim(), `${good}: valid`);
  const json = join(dir, 'v.json');
  r = crucible('validate', good, bad, '--json', json);
  assert.is(r.code, 1);
  assert.match(r.out, new RegExp(`${bad}: malformed at offset 30: length out of bounds`));
  const doc = JSON.parse(readFileSync(json, 'utf8'));
  assert.is(doc.files.length, 2);
  assert.is(doc.files[0].valid, true);
  assert.is(doc.files[1].valid, false);
  assert.is(doc.files[1].kind, 'malformed');
  assert.type(doc.files[1].offset, 'number');
  assert.is(crucible('validate', join(dir, 'missing.wasm')).code, 2);
  assert.is(crucible('validate', good, '--bogus').code, 2);
  assert.is(crucible('validate').code, 2);
});

test('run: results, traps with frames in JSON, bad arguments', () => {
  const wat = file('t.wat', `(module
    (func $inner (export "boom") (param i32) (result i32) (i32.div_u (i32.const 1) (local.get 0)))
    (func (export "outer") (result i32) (call $inner (i32.const 0)))
    (func (export "add") (param i64 f32) (result i64 f32) (local.get 0) (local.get 1)))`);
  let r = crucible('run', wat, '--invoke', 'add', '-5', 'nan:0x200000');
  assert.is(r.code, 0, r.err);
  assert.is(r.out.trim(), 'i64:-5\nf32:0x7fa00000');
  const json = join(dir, 'r.json');
  r = crucible('run', wat, '--invoke', 'outer', '--json', json);
  assert.is(r.code, 1);
  assert.match(r.out, /trap: IntegerDivideByZero: integer divide by zero/);
  const doc = JSON.parse(readFileSync(json, 'utf8'));
  assert.is(doc.trap.kind, 'IntegerDivideByZero');
  assert.equal(doc.trap.frames.map((f: { func: number }) => f.func), [0, 1]);
  assert.ok(doc.trap.frames.every((f: { offset?: number }) => typeof f.offset === 'number'));
  assert.is(crucible('run', wat, '--invoke', 'boom', 'twelve').code, 2);
  assert.is(crucible('run', wat, '--invoke', 'nope').code, 2);
  assert.is(crucible('run', wat).code, 2);
  assert.is(crucible('run', file('broken.wat', '(module (func')).code, 2);
});

test('spec: pass, failure, unexpected pass, broken script', () => {
  const good = file('good.wast', '(module (func (export "f") (result i32) (i32.const 7)))\n(assert_return (invoke "f") (i32.const 7))\n');
  const failing = file('failing.wast', '(module (func (export "f") (result i32) (i32.const 7)))\n(assert_return (invoke "f") (i32.const 8))\n');
  const json = join(dir, 's.json');
  let r = crucible('spec', good, '--jobs', '1', '--json', json);
  assert.is(r.code, 0, r.out + r.err);
  const doc = JSON.parse(readFileSync(json, 'utf8'));
  assert.equal(doc.totals, { files: 1, filesPassed: 1, assertions: 2, passed: 2, failed: 0, skipped: 0 });
  r = crucible('spec', failing, '--jobs', '2');
  assert.is(r.code, 1);
  assert.match(r.out, /FAIL .*failing\.wast:2 .*expected i32:8, got i32:7/);
  const exp = file('exp.json', JSON.stringify({ expectations: [{ file: failing, line: 2, reason: 'test' }, { file: good, reason: 'stale entry' }] }));
  r = crucible('spec', failing, good, '--jobs', '1', '--expectations', exp);
  assert.is(r.code, 1);
  assert.match(r.out, /UNEXPECTED PASS .*good\.wast/);
  assert.not.match(r.out, /FAIL /);
  const broken = file('broken.wast', '(module\n  (func (export "f"))\n(assert_return (invoke "f")\n');
  r = crucible('spec', broken, '--jobs', '1');
  assert.is(r.code, 2);
  assert.match(r.err, /broken\.wast:\d+:\d+: /);
});

test('compile then run FILE.cwasm; rejected artifacts exit 2 with a one-line reason', () => {
  const wasm = file('inc.wasm', valid);
  const cwasm = join(dir, 'inc.cwasm');
  const c = crucible('compile', wasm, '-o', cwasm, '--config', '{"optLevel":"none"}');
  assert.is(c.code, 0, c.err);
  const ok = crucible('run', cwasm, '--invoke', 'inc', '41');
  assert.is(ok.code, 0, ok.err);
  assert.match(ok.out, /i32:42/);

  const other = crucible('run', cwasm, '--invoke', 'inc', '1', '--tier', 'compiled');
  assert.is(other.code, 2);
  assert.match(other.err, /rejected artifact: .*optLevel=none \(here speed\)/);
  assert.is(other.err.trim().split('\n').length, 1, 'one line');

  const art = new Uint8Array(readFileSync(cwasm));
  const cut = file('cut.cwasm', art.subarray(0, art.length >> 1));
  const flipped = art.slice();
  flipped[art.length >> 2] ^= 0x10;
  const flip = file('flip.cwasm', flipped);
  for (const bad of [cut, flip]) {
    const r = crucible('run', bad, '--invoke', 'inc', '1');
    assert.is(r.code, 2, bad);
    assert.match(r.err, /^crucible: .*rejected artifact: /);
    assert.is(r.err.trim().split('\n').length, 1);
  }
  assert.is(crucible('compile', wasm).code, 2, 'no -o');
  assert.is(crucible('compile', file('bad.wasm', new Uint8Array([0, 97, 115, 109, 2, 0, 0, 0])), '-o', join(dir, 'x.cwasm')).code, 2);
});

test.run();
