// The module rewriting kit on generated modules: splitting and joining sections is the
// identity; host instrumentation and NaN canonicalization keep modules valid and do what they
// say; function, table and global renumbering reaches every place an index lives (checked by
// running the edited module on V8 against the original).

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { checkModule } from '../../../runtime/api/Module.js';
import { decodeModule } from '../../../runtime/binary/decodeModule.js';
import { moduleArbitrary } from '../../generators/module/moduleArbitrary.js';
import { loadWabt, watToWasm } from '../../wat/watToWasm.js';
import { joinSections, splitSections } from './sections.js';
import { readBodies, writeBodies } from './code.js';
import { findSection, SEC, withSection } from './sections.js';
import { readElems, writeElems } from './entries.js';
import { remapFuncs, DroppedFuncError } from './remapFuncs.js';
import { instrumentHost } from '../instrumentHost.js';
import { denan } from '../../oracles/denan.js';
import { instrs } from './code.js';
import { remapIndices } from './remapIndices.js';
import * as E from '../../findings/_internals/moduleEdits.js';

await loadWabt();
const modules = fc.sample(moduleArbitrary(), { seed: 11, numRuns: 150 }).map((m) => m.bytes);

test('split/join, and decoding then encoding bodies and element segments, give the same bytes', () => {
  for (const bytes of modules) {
    const s = splitSections(bytes);
    assert.equal(joinSections(s), bytes);
    const code = findSection(s, SEC.code);
    if (code) assert.equal(writeBodies(readBodies(code.body)), code.body.slice());
    const elem = findSection(s, SEC.elem);
    if (elem) assert.equal(writeElems(readElems(elem.body)), elem.body.slice());
  }
});

test('host instrumentation: valid, four loggers imported, every function logs on entry', () => {
  for (const bytes of modules) {
    const out = instrumentHost(bytes);
    const info = checkModule(out);
    const before = decodeModule(bytes);
    if (before.funcs.length === 0) continue;
    assert.equal(info.imports.map((i) => `${i.module}.${i.name}`), ['host.log_i32', 'host.log_i64', 'host.log_f32', 'host.log_f64']);
    assert.is(info.funcs.length, before.funcs.length);
    // Exports name the same functions as before (shifted by the four imports).
    const fx = (m: typeof info, shift: number) => m.exports.filter((e) => e.kind === 'func').map((e) => `${e.name}:${e.index - shift}`);
    assert.equal(fx(info, 4), fx(before, 0));
  }
  const wat = watToWasm(`(module (func $a (param i64 f32)) (func (export "b") (call $a (i64.const 1) (f32.const 2))) (elem declare func $a) (func (result funcref) (ref.func $a)))`);
  const info = checkModule(instrumentHost(wat));
  const body = (k: number) =>
    instrs(info.bytes.subarray(info.funcs[k]!.codeStart, info.funcs[k]!.codeEnd)).map((i) => `${i.op.name} ${i.op.imm === 'i32' ? i.imm.value : i.imm.a}`);
  assert.equal(body(0), ['i32.const 0', 'local.get 0', 'call 1', 'i32.const 0', 'local.get 1', 'call 2', 'end 0'], 'i64 and f32 params logged');
  assert.equal(body(1).slice(0, 3), ['i32.const 1', 'i32.const 0', 'call 0'], 'no scalar params: log_i32(tag, 0)');
  assert.equal(body(1).slice(-2), ['call 4', 'end 0'], 'the call to $a follows it past the imports');
  assert.equal(body(2).slice(-2), ['ref.func 4', 'end 0']);
});

test('NaN canonicalization keeps modules valid and leaves modules without float arithmetic alone', () => {
  let changed = 0;
  for (const bytes of modules) {
    const out = denan(bytes);
    if (out === undefined) continue;
    changed++;
    checkModule(out);
  }
  assert.ok(changed > 10, `only ${changed} modules had float arithmetic`);
  assert.is(denan(watToWasm(`(module (func (result f32) (f32.neg (f32.const 1))))`)), undefined);
  const m = new WebAssembly.Instance(new WebAssembly.Module(denan(watToWasm(`(module (func (export "f") (result i32)
    (i32.reinterpret_f32 (f32.div (f32.const 0) (f32.const 0)))))`))!)).exports as { f: () => number };
  assert.is(m.f() >>> 0, 0x7fc00000, 'V8 now returns the positive canonical NaN');
});

test('renumbering refuses to drop a function that is still referenced', () => {
  const s = splitSections(watToWasm(`(module (func $a) (func (call $a)))`));
  assert.throws(() => remapFuncs(s, (f) => (f === 0 ? undefined : f)), (e: unknown) => e instanceof DroppedFuncError);
  const ok = remapFuncs(withSection(s, SEC.export, undefined), (f) => f + 2);
  const code = readBodies(findSection(ok, SEC.code)!.body)[1]!.code;
  assert.equal(instrs(code).map((i) => `${i.op.name} ${i.imm.a}`), ['call 2', 'end 0']);
});

/** run() of `bytes` on V8 with `imports`. */
function runOnV8(bytes: Uint8Array, imports: WebAssembly.Imports = {}): unknown {
  return (new WebAssembly.Instance(new WebAssembly.Module(bytes), imports).exports as { run: () => unknown }).run();
}

const TABLES_AND_GLOBALS = watToWasm(`(module
  (type $v (func (result i32)))
  (table $a 1 funcref) (table $b 2 funcref)
  (global $x (mut i32) (i32.const 1)) (global $y (export "y") (mut i32) (i32.const 40))
  (elem (table $b) (i32.const 1) func $two)
  (elem (table $b) (i32.const 0) funcref (ref.func $one))
  (elem $p funcref (ref.func $two))
  (func $one (result i32) (i32.const 1))
  (func $two (result i32) (i32.const 2))
  (func (export "run") (result i32)
    (global.set $y (i32.add (global.get $y) (call_indirect $b (type $v) (i32.const 1))))
    (table.init $b $p (i32.const 0) (i32.const 0) (i32.const 1))
    (i32.add (i32.add (global.get $y) (table.size $b)) (call_indirect $b (type $v) (i32.const 0)))))`);

test('dropping an unused table or global renumbers every reference to the ones after it', () => {
  const m = E.editable(TABLES_AND_GLOBALS);
  const want = runOnV8(TABLES_AND_GLOBALS);
  assert.is(want, 40 + 2 + 2 + 2);
  const noTable = E.dropTable(m, 0)!;
  const noGlobal = E.dropGlobal(E.editable(noTable), 0)!;
  for (const bytes of [noTable, noGlobal]) {
    checkModule(bytes);
    assert.is(runOnV8(bytes), want);
  }
  const info = checkModule(noGlobal);
  assert.is(info.tables.length, 1);
  assert.is(info.globals.length, 1);
  assert.equal(info.exports.find((e) => e.name === 'y')?.index, 0, 'the export follows its global');
  assert.is(E.dropTable(E.editable(noGlobal), 0), undefined, 'a table still used stays');
  assert.is(E.dropGlobal(E.editable(noGlobal), 0), undefined, 'a global still used stays');
});

test('dropping imports renumbers functions, tables and globals; constant expressions follow', () => {
  const bytes = watToWasm(`(module
    (import "m" "h" (global $h i32)) (import "m" "g" (global $g i32))
    (import "m" "t" (table $ti 1 funcref)) (import "m" "f0" (func $f0)) (import "m" "f1" (func $f1 (result i32)))
    (table $t 2 funcref) (global $y (mut i32) (global.get $g))
    (elem (table $t) (offset (global.get $g)) func $k)
    (func $k (result i32) (i32.const 3))
    (func (export "run") (result i32)
      (i32.add (i32.add (global.get $y) (call $f1)) (call_indirect $t (result i32) (global.get $g)))))`);
  const imports = { m: { h: 9, g: 1, t: new WebAssembly.Table({ initial: 1, element: 'anyfunc' }), f0: () => {}, f1: () => 100 } };
  const want = runOnV8(bytes, imports);
  assert.is(want, 1 + 100 + 3);
  let m = E.editable(bytes);
  // Imports in order h, g, t, f0, f1: h, t and f0 are unused.
  assert.is(E.dropImport(m, 1), undefined, 'g is used');
  assert.is(E.dropImport(m, 4), undefined, 'f1 is used');
  for (const name of ['f0', 't', 'h']) {
    const k = m.imports.findIndex((i) => i.name === name);
    const next = E.dropImport(m, k)!;
    checkModule(next);
    assert.is(runOnV8(next, imports), want, `without ${name}`);
    m = E.editable(next);
  }
  assert.equal(m.imports.map((i) => i.name), ['g', 'f1']);
});

test('dropping an unused type renumbers function and import types, call_indirect and block types', () => {
  const bytes = watToWasm(`(module
    (type $unused (func (param f64)))
    (type $v (func (result i32)))
    (type $bt (func (param i32) (result i32)))
    (import "m" "f" (func $f (type $v)))
    (table 1 funcref) (elem (i32.const 0) $k)
    (func $k (type $v) (i32.const 3))
    (func (export "run") (type $v)
      i32.const 5
      block (type $bt) (param i32) (result i32)
        i32.const 0
        call_indirect (type $v)
        i32.add
      end
      call $f
      i32.add))`);
  const imports = { m: { f: () => 100 } };
  const want = runOnV8(bytes, imports);
  assert.is(want, 5 + 3 + 100);
  const m = E.editable(bytes);
  assert.is(E.typeCount(m), 3);
  assert.is(E.dropType(m, 1), undefined, '$v is used');
  assert.is(E.dropType(m, 2), undefined, '$bt is used by a block');
  const next = E.dropType(m, 0)!;
  const info = checkModule(next);
  assert.is(info.types.length, 2);
  assert.is(runOnV8(next, imports), want);
});

test('a segment moved off table 0 takes the explicit-table form', () => {
  const bytes = watToWasm(`(module (table 2 funcref) (elem (i32.const 0) func $a) (elem (i32.const 1) funcref (ref.func $a))
    (func $a (result i32) (i32.const 7)) (func (export "run") (result i32) (call_indirect (result i32) (i32.const 1))))`);
  // Renumber table 0 to 1 behind a new table 0 of the same type.
  const s = remapIndices(splitSections(bytes), 'table', (t) => t + 1);
  const table = findSection(s, SEC.table)!.body;
  const moved = joinSections(withSection(s, SEC.table, Uint8Array.of(2, ...table.subarray(1), ...table.subarray(1))));
  const info = checkModule(moved);
  assert.equal(info.elems.map((e) => e.table), [1, 1]);
  assert.is(runOnV8(moved), 7);
});

test.run();
