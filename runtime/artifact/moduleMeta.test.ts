// encodeModuleMeta/decodeModuleMeta: the decoded ModuleInfo equals the original field by field
// (bytes by content, numbers by their bits: NaN payloads, -0), for generated modules, modules of
// the spec testsuite and a hand-made one of edge values; the lazy sources are left alone.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { decodeModule } from '../binary/decodeModule.js';
import { moduleNames } from '../binary/names.js';
import { bytes as cat, section, str } from '../binary/_internals/wasmBytes.js';
import type { ModuleInfo } from '../types.js';
import { moduleArbitrary } from '../../harness/generators/module/moduleArbitrary.js';
import { loadWabt, watToWasm } from '../../harness/wat/watToWasm.js';
import { parseScript } from '../../harness/wast/parseScript.js';
import { ArtifactError } from './ArtifactError.js';
import { decodeModuleMeta, type ModuleMetaSources } from './decodeModuleMeta.js';
import { encodeModuleMeta } from './encodeModuleMeta.js';

await loadWabt();

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);
function bits(x: number): bigint {
  f64[0] = x;
  return u64[0];
}

/**
 * Throws naming the first path where `a` and `b` differ. Numbers compare by their bits,
 * bytes by content, objects by their enumerable keys (a key holding undefined counts as absent).
 */
function same(a: unknown, b: unknown, path: string): void {
  const fail = (why: string) => assert.unreachable(`${path}: ${why}`);
  if (typeof a === 'number' && typeof b === 'number') {
    if (bits(a) !== bits(b)) fail(`${a} (0x${bits(a).toString(16)}) vs ${b} (0x${bits(b).toString(16)})`);
  } else if (a instanceof Uint8Array || b instanceof Uint8Array) {
    if (!(a instanceof Uint8Array && b instanceof Uint8Array)) return fail('bytes vs not bytes');
    if (a.length !== b.length || a.some((x, i) => x !== b[i])) fail('bytes differ');
  } else if (Array.isArray(a) || Array.isArray(b)) {
    if (!(Array.isArray(a) && Array.isArray(b))) return fail('array vs not array');
    if (a.length !== b.length) fail(`length ${a.length} vs ${b.length}`);
    a.forEach((x, i) => same(x, b[i], `${path}[${i}]`));
  } else if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
  } else if (a !== b) {
    fail(`${String(a)} vs ${String(b)}`);
  }
}

/** Every ModuleInfo field of `got` equals `want`'s; function bodies by their FuncBody fields. */
function sameInfo(got: ModuleInfo, want: ModuleInfo, where: string): void {
  const fields: readonly (keyof ModuleInfo)[] = [
    'types', 'imports', 'tables', 'memories', 'globals', 'exports', 'start', 'elems', 'datas', 'dataCount',
    'customs', 'numImportedFuncs', 'numImportedTables', 'numImportedMemories', 'numImportedGlobals',
    'funcTypes', 'tableTypes', 'memoryTypes', 'globalTypes', 'bytes',
  ];
  for (const f of fields) same(got[f], want[f], `${where}: ${f}`);
  const body = (b: ModuleInfo['funcs'][number]) =>
    ({ typeIndex: b.typeIndex, locals: b.locals, offset: b.offset, codeStart: b.codeStart, codeEnd: b.codeEnd });
  same(got.funcs.map(body), want.funcs.map(body), `${where}: funcs`);
}

/** Lazy sources for `info`'s encoding that count their calls. */
function countingSources(info: ModuleInfo, parts = encodeModuleMeta(info)) {
  const calls = { data: 0, wasm: 0, names: 0 };
  const sources: ModuleMetaSources = {
    data: () => (calls.data++, parts.data),
    wasm: () => (calls.wasm++, info.bytes),
    names: () => (calls.names++, parts.names),
  };
  return { calls, sources, meta: parts.meta };
}

/** Round trip of one module, with the laziness checks. */
function roundTrip(wasm: Uint8Array, where: string): ModuleInfo {
  const info = decodeModule(wasm);
  const { calls, sources, meta } = countingSources(info);
  const got = decodeModuleMeta(meta, sources);
  assert.equal(calls, { data: 0, wasm: 0, names: 0 }, `${where}: decodeModuleMeta called a source`);
  same(moduleNames(got), moduleNames(info), `${where}: names`);
  assert.is(calls.wasm, 0, `${where}: moduleNames needed the module bytes`);
  sameInfo(got, info, where);
  sameInfo(got, info, where);
  assert.ok(calls.data <= 1 && calls.wasm <= 1 && calls.names <= 1, `${where}: a source called twice: ${JSON.stringify(calls)}`);
  // Encoding the decoded form gives the same metadata.
  assert.equal([...encodeModuleMeta(got).meta], [...meta], `${where}: re-encoded`);
  return got;
}

const EDGES = `(module $edges
  (type $t (func (param i32 i64 f32 f64 v128 funcref externref) (result externref)))
  (import "m" "f" (func $imp (type $t)))
  (import "m" "t" (table 0 4294967295 externref))
  (import "m" "mem" (memory 1 65536))
  (import "m" "g" (global $gi (mut f64)))
  (import "" "\\ef\\bb\\bf\\00\\u{1F600}" (global i32))
  (table $tab 3 funcref)
  (global f32 (f32.const nan:0x123))
  (global f32 (f32.const -nan:0x7fffff))
  (global f32 (f32.const -0))
  (global f64 (f64.const nan:0x8000000000001))
  (global f64 (f64.const -nan:0x1))
  (global f64 (f64.const -0))
  (global f64 (f64.const 0x1p-1074))
  (global i64 (i64.const -9223372036854775808))
  (global i64 (i64.const 0x7fffffffffffffff))
  (global i32 (i32.const -2147483648))
  (global (mut v128) (v128.const i8x16 0 1 2 3 4 5 6 7 8 9 10 11 12 13 0xfe 0xff))
  (global externref (ref.null extern))
  (global funcref (ref.func $f))
  (global i32 (global.get 1))
  (func $f (export "f") (param i32) (local i64 i64 f32) (local.get 0) (drop))
  (func $start)
  (start $start)
  (elem (table $tab) (i32.const 1) func $f $start)
  (elem funcref (ref.null func) (ref.func $f))
  (elem declare func $f)
  (elem (i32.const 0) funcref (item ref.func $f))
  (data (i32.const 8) "active")
  (data "")
  (data "passive\\00\\ff")
  (export "mem" (memory 0)) (export "" (table $tab)) (export "g" (global 5)))`;

test('edge values: NaN payloads, -0, extreme i64, v128, every import kind and segment mode', () => {
  const custom = (name: string, ...payload: number[]) => section(0, str(name), payload);
  // wabt writes the names; a second `name` section and two other customs come after.
  const wasm = Uint8Array.from(cat(watToWasm(EDGES), custom('other', 1, 2, 3), custom('name', 0, 1, 0x41), custom('', 9)));
  const info = decodeModule(wasm);
  assert.is(bits((info.globals[3].init as { value: number }).value), 0x7ff8000000000001n, 'the original keeps the payload');
  const got = roundTrip(wasm, 'edges');
  assert.is(got.customs.length, 4);
  assert.is(moduleNames(got).module, 'edges');
  assert.is(moduleNames(got).funcs.get(1), 'f');
});

test('generated modules round trip', () => {
  const mods = fc.sample(moduleArbitrary(), { numRuns: 250, seed: 21 });
  mods.forEach((m, i) => roundTrip(m.bytes, `generated ${i}`));
});

const SUITE = join(process.env.CRUCIBLE_TESTSUITE ?? '/work/shared/testsuite', 'wasm-2.0');
// Files rich in what the codec must keep exact: constants, segments, imports, names, customs.
const SUITE_FILES = [
  'global.wast', 'data.wast', 'elem.wast', 'imports.wast', 'exports.wast', 'names.wast', 'custom.wast',
  'binary.wast', 'table.wast', 'memory.wast', 'start.wast', 'bulk.wast', 'ref_func.wast',
  'simd_const.wast', 'linking.wast',
];

test('spec testsuite modules round trip', () => {
  if (!existsSync(SUITE)) {
    console.log(`  (skipped: no testsuite at ${SUITE})`);
    return;
  }
  let n = 0;
  for (const file of SUITE_FILES) {
    for (const cmd of parseScript(readFileSync(join(SUITE, file), 'utf8'), file)) {
      if (cmd.kind !== 'module') continue;
      let wasm: Uint8Array;
      try {
        wasm = cmd.source.form === 'binary' ? cmd.source.bytes : watToWasm(cmd.source.text);
        decodeModule(wasm);
      } catch {
        continue; // not ours to judge here: only modules that decode are round-tripped
      }
      roundTrip(wasm, `${file}:${cmd.line}`);
      n++;
    }
  }
  assert.ok(n > 300, `${n} modules`);
});

test('inconsistent sources are ArtifactError when read, and bad metadata at decode', () => {
  const wasm = Uint8Array.from(cat(watToWasm(EDGES), section(0, str('other'), [1, 2, 3])));
  const info = decodeModule(wasm);
  const { meta, data } = encodeModuleMeta(info);
  const bad = (f: () => unknown, what: string) =>
    assert.throws(f, (e: unknown) => e instanceof ArtifactError && e.reason === 'malformed', what);
  const noNames = decodeModuleMeta(meta, { data: () => data, wasm: () => wasm, names: () => undefined });
  bad(() => moduleNames(noNames), 'names missing');
  const short = decodeModuleMeta(meta, { data: () => data.subarray(1), wasm: () => wasm.subarray(0, 20), names: () => undefined });
  bad(() => short.datas[short.datas.length - 1].bytes, 'data too short');
  bad(() => short.customs[short.customs.length - 1].bytes, 'wasm too short for a custom section');
  bad(() => short.funcs, 'wasm that does not decode');
  bad(() => decodeModuleMeta(Uint8Array.of(99), { data: () => data, wasm: () => wasm, names: () => undefined }), 'version');
  for (let n = 0; n < meta.length; n++) {
    bad(() => decodeModuleMeta(meta.subarray(0, n), { data: () => data, wasm: () => wasm, names: () => undefined }), `cut at ${n}`);
  }
  const longer = new Uint8Array(meta.length + 1);
  longer.set(meta);
  bad(() => decodeModuleMeta(longer, { data: () => data, wasm: () => wasm, names: () => undefined }), 'trailing byte');
});

test('garbage metadata: ArtifactError or a ModuleInfo, never another error', () => {
  const { meta } = encodeModuleMeta(decodeModule(watToWasm(EDGES)));
  const sources = { data: () => new Uint8Array(0), wasm: () => new Uint8Array(0), names: () => undefined };
  fc.assert(fc.property(fc.array(fc.tuple(fc.nat(meta.length - 1), fc.nat(255)), { minLength: 1, maxLength: 3 }), (edits) => {
    const m = meta.slice();
    for (const [at, v] of edits) m[at] = v;
    try {
      decodeModuleMeta(m, sources);
    } catch (e) {
      if (!(e instanceof ArtifactError)) throw e;
    }
  }), { numRuns: 2000, seed: 22 });
});

test.run();
