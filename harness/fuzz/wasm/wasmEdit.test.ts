// The module rewriting kit on generated modules: splitting and joining sections is the
// identity; host instrumentation and NaN canonicalization keep modules valid and do what they
// say; function renumbering reaches every place an index lives.

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

test.run();
