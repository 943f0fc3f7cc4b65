// Parses every top-level script of the spec testsuite (wasm-2.0) and checks command counts,
// module forms, and literal conversion against the suite's own literal tests.
// Skipped, saying so, when the testsuite folder is absent (CRUCIBLE_TESTSUITE overrides it).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Command, Expected, ModuleDef } from './ast.js';
import { LiteralError } from './errors.js';
import { parseF32Bits, parseF64Bits, parseI32, parseI64 } from './literals.js';
import { parseScript } from './parseScript.js';

const root = process.env.CRUCIBLE_TESTSUITE ?? '/work/shared/testsuite';
const dir = join(root, 'wasm-2.0');

/**
 * Counts seen when this test was written; the suite only grows, so each must stay reached.
 * (Bump them when the suite is updated.)
 */
const MIN_COUNTS: Record<Command['kind'], number> = {
  module: 1595,
  register: 18,
  invoke: 155,
  get: 0,
  assert_return: 45634,
  assert_trap: 2442,
  assert_exhaustion: 15,
  assert_malformed: 1813,
  assert_invalid: 2144,
  assert_unlinkable: 83,
  assert_uninstantiable: 0,
  // Crucible's own assertions: never in the spec testsuite.
  assert_backtrace: 0,
  assert_host_error: 0,
};

const CONVERT = {
  i32: (t: string) => BigInt(parseI32(t)),
  i64: parseI64,
  f32: (t: string) => BigInt(parseF32Bits(t)),
  f64: parseF64Bits,
} as const;
type Scalar = keyof typeof CONVERT;

/** Bits (or signed value) of a concrete scalar expectation. */
function scalarOf(e: Expected | undefined): bigint | undefined {
  if (!e) return undefined;
  if ((e.type === 'i32' || e.type === 'i64') && 'value' in e) return BigInt(e.value);
  if ((e.type === 'f32' || e.type === 'f64') && 'bits' in e) return BigInt(e.bits);
  return undefined;
}

/** The module a command defines or asserts about, if any. */
function moduleOf(c: Command): ModuleDef | undefined {
  switch (c.kind) {
    case 'module':
      return c;
    case 'assert_trap':
    case 'assert_malformed':
    case 'assert_invalid':
    case 'assert_unlinkable':
    case 'assert_uninstantiable':
      return c.module;
    default:
      return undefined;
  }
}

if (!existsSync(dir)) {
  console.log(`testsuite.test: SKIPPED, no spec testsuite at ${dir} (set CRUCIBLE_TESTSUITE to the folder holding wasm-2.0/)`);
} else {
  const files = readdirSync(dir).filter((f) => f.endsWith('.wast')).sort();
  const scripts = files.map((f) => ({ file: f, source: readFileSync(join(dir, f), 'utf8') }));
  const parsed = new Map<string, Command[]>();

  test('every top-level script parses', () => {
    assert.ok(files.length >= 146, `only ${files.length} scripts`);
    const start = performance.now();
    for (const { file, source } of scripts) parsed.set(file, parseScript(source, file));
    const ms = performance.now() - start;
    console.log(`\n  parsed ${files.length} scripts (${(scripts.reduce((n, s) => n + s.source.length, 0) / 1e6).toFixed(1)} M chars) in ${ms.toFixed(0)} ms`);
    // Speed is the benchmarks' business (npm run bench), not a test's: only print it here.
  });

  const all = () => [...parsed.values()].flat();

  test('command counts per kind', () => {
    const counts = new Map<string, number>();
    for (const c of all()) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
    console.log('  ' + [...counts].map(([k, n]) => `${k} ${n}`).join(', '));
    for (const [kind, min] of Object.entries(MIN_COUNTS)) {
      assert.ok((counts.get(kind) ?? 0) >= min, `${kind}: ${counts.get(kind) ?? 0} < ${min}`);
    }
    assert.ok(counts.get('assert_return')! > 40000);
  });

  test('module forms are well formed', () => {
    const forms = new Map<string, number>();
    for (const c of all()) {
      const m = moduleOf(c);
      if (!m) continue;
      forms.set(m.source.form, (forms.get(m.source.form) ?? 0) + 1);
      if (m.source.form === 'text' && c.kind !== 'module') assert.ok(/^\(module[\s$(;)]/.test(m.source.text), m.source.text);
      if (m.source.form === 'quote') assert.match(m.source.text.trimStart(), /^\(module/);
      if (m.source.form === 'binary' && c.kind === 'module') assert.equal([...m.source.bytes.slice(0, 4)], [0, 0x61, 0x73, 0x6d]);
    }
    assert.ok(forms.get('binary')! >= 815 && forms.get('quote')! >= 1077 && forms.get('text')! >= 3776, JSON.stringify([...forms]));
  });

  test('command texts are exact source spans', () => {
    for (const { file, source } of scripts) {
      for (const c of parsed.get(file)!) assert.is(source.slice(c.offset, c.offset + c.text.length), c.text);
    }
  });

  test('const.wast: literals round as its assertions say', () => {
    // (module (func (export "f") (result T) (T.const X))) then (assert_return (invoke "f") (T.const Y))
    const cmds = parsed.get('const.wast')!;
    let checked = 0;
    cmds.forEach((c, i) => {
      if (c.kind !== 'module' || c.source.form !== 'text') return;
      const m = /^\(module \(func \(export "f"\) \(result (f32|f64)\) \((?:f32|f64)\.const ([^\s)]+)\)\)\)$/.exec(c.source.text);
      const next = cmds[i + 1];
      if (!m || next?.kind !== 'assert_return') return;
      const want = scalarOf(next.expected[0]);
      assert.is(CONVERT[m[1] as Scalar](m[2]!), want, `${m[1]}.const ${m[2]}`);
      checked++;
    });
    assert.ok(checked >= 300, `only ${checked} rounding cases found`);
  });

  test('float_literals.wast: literals give the asserted bit patterns', () => {
    const cmds = parsed.get('float_literals.wast')!;
    const literal = new Map<string, { type: Scalar; text: string }>();
    for (const c of cmds) {
      if (c.kind !== 'module' || c.source.form !== 'text') continue;
      for (const m of c.source.text.matchAll(/\(func \(export "([^"]+)"\) \(result \w+\)(?: \(\w+\.reinterpret_\w+)? \((f32|f64)\.const ([^\s)]+)\)/g)) {
        literal.set(m[1]!, { type: m[2] as Scalar, text: m[3]! });
      }
    }
    let checked = 0;
    for (const c of cmds) {
      if (c.kind !== 'assert_return' || c.action.kind !== 'invoke') continue;
      const lit = literal.get(c.action.name);
      const want = scalarOf(c.expected[0]);
      if (!lit || want === undefined) continue;
      const bits = CONVERT[lit.type](lit.text);
      const width = lit.type === 'f32' ? 32 : 64;
      assert.is(BigInt.asUintN(width, bits), BigInt.asUintN(width, want), `${c.action.name}: ${lit.type}.const ${lit.text}`);
      checked++;
    }
    assert.ok(checked >= 80, `only ${checked} literal cases found`);
  });

  test('const.wast and float_literals.wast: malformed constants are rejected, valid ones accepted', () => {
    let rejected = 0;
    let accepted = 0;
    for (const file of ['const.wast', 'float_literals.wast']) {
      for (const c of parsed.get(file)!) {
        if (c.kind !== 'module' && c.kind !== 'assert_malformed') continue;
        const m = moduleOf(c);
        const text = m?.source.form === 'quote' ? m.source.quoted : m?.source.form === 'text' ? m.source.text : undefined;
        const lit = text && /^(?:\(module )?\((?:global \w+|func) \((i32|i64|f32|f64)\.const ([^\s)]+)\)(?: drop)?\)\)?$/.exec(text);
        if (!lit) continue;
        const convert = () => CONVERT[lit[1] as Scalar](lit[2]!);
        if (c.kind === 'module') {
          convert();
          accepted++;
        } else {
          assert.throws(convert, (e: unknown) => e instanceof LiteralError, `${lit[1]}.const ${lit[2]} should be rejected`);
          if (c.message === 'constant out of range') assert.throws(convert, /^constant out of range$/);
          rejected++;
        }
      }
    }
    assert.ok(rejected >= 100 && accepted >= 30, `rejected ${rejected}, accepted ${accepted}`);
  });

  test.run();
}
