// Findings on disk: saved whole or not at all, once per signature, loadable exactly as saved
// (and with knobs overridden); the signature ignores values; the reducer only keeps smaller
// valid cases that still fail the same way, and minimize() puts the stages together.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadWabt, watToWasm } from '../wat/watToWasm.js';
import { checkModule } from '../../runtime/api/Module.js';
import { DEFAULT_CONFIG } from '../../runtime/config/knobs.js';
import { rawArray } from '../../runtime/instance/objects.js';
import { runDifferential } from '../oracles/differential.js';
import { interpEngine } from '../oracles/interpEngine.js';
import { compiledEngine } from '../oracles/compiledEngine.js';
import type { OracleCase } from '../oracles/types.js';
import { drawCases, toOracleCase } from '../fuzz/target.js';
import { saveFinding, saveMinimized } from './saveFinding.js';
import { loadFinding } from './loadFinding.js';
import { failureOfVerdict, failureOfWorker, signatureOf } from './signature.js';
import { reduceModule } from './reduceModule.js';
import { minimize } from './minimize.js';
import { FILES, type FindingMeta } from './finding.js';

await loadWabt();
const dir = mkdtempSync(join(tmpdir(), 'crucible-findings-'));
const faulty = { ...DEFAULT_CONFIG, tier: 'compiled' as const, faultInjection: 'miscompile-i32-sub' as const };
const two = [interpEngine, compiledEngine];

/** The in-process tester minimize() would get from a worker pool. */
const tester = async (cands: readonly OracleCase[]) =>
  cands.map((c) => {
    const v = runDifferential(c, two);
    return v.kind === 'failed' ? signatureOf(failureOfVerdict(v)) : undefined;
  });

const args = (...xs: number[]) => {
  const a = rawArray(xs.length);
  xs.forEach((x, i) => (a[i] = x));
  return a;
};
const BIG = watToWasm(`(module (memory (export "mem") 1) (global $g (export "g") (mut i32) (i32.const 5))
  (func $noise (param i32) (result i32) (i32.mul (local.get 0) (i32.const 3)))
  (func (export "f") (param i32 i32) (result i32)
    (drop (call $noise (i32.const 4))) (i32.store (i32.const 0) (i32.const 99)) (global.set $g (i32.const 1))
    (i32.sub (local.get 0) (i32.add (local.get 1) (i32.const 0))))
  (func (export "other") (result i32) (i32.const 12))
  (data (i32.const 16) "hello"))`);
const bigCase: OracleCase = { bytes: BIG, config: faulty, calls: [{ name: 'other', args: args() }, { name: 'f', args: args(10, 3) }], fuel: 0, needsFuel: false };

test('the signature ignores values and call positions, and names crashes by how the worker died', () => {
  const a = runDifferential(bigCase, two);
  const b = runDifferential({ ...bigCase, calls: [{ name: 'f', args: args(1000, 7) }] }, two);
  assert.ok(a.kind === 'failed' && b.kind === 'failed');
  assert.is(signatureOf(failureOfVerdict(a)), signatureOf(failureOfVerdict(b)));
  assert.match(signatureOf(failureOfVerdict(a)), /^[0-9a-f]{16}$/);
  assert.is(signatureOf(failureOfWorker('crash', 'killed by SIGSEGV')), signatureOf(failureOfWorker('crash', 'killed by SIGSEGV')));
  assert.is.not(signatureOf(failureOfWorker('crash', 'killed by SIGSEGV')), signatureOf(failureOfWorker('crash', 'out of memory')));
  assert.is(failureOfWorker('crash', 'worker error: TypeError: x is not a function\n at ...').key, 'worker error: TypeError');
});

test('saved atomically once per signature, and loaded back exactly (with knob overrides)', () => {
  const v = runDifferential(bigCase, two);
  assert.ok(v.kind === 'failed');
  const failure = failureOfVerdict(v);
  const meta: FindingMeta = { signature: signatureOf(failure), failure, seed: 1, index: 2, engines: ['interp', 'compiled'], found: 'now' };
  const first = saveFinding(dir, bigCase, meta);
  assert.ok(first.isNew);
  assert.is(saveFinding(dir, bigCase, meta).isNew, false, 'the same signature is not saved twice');
  assert.equal(readdirSync(join(dir, 'crashes')), [meta.signature], 'no temporary folders left behind');
  for (const f of [FILES.wasm, FILES.wat, FILES.config, FILES.calls, FILES.meta, FILES.report]) assert.ok(existsSync(join(first.dir, f)), f);
  const report = readFileSync(join(first.dir, FILES.report), 'utf8');
  assert.match(report, `npx crucible repro ${first.dir}`);
  assert.match(report, 'seed 1, case 2');
  assert.match(readFileSync(join(first.dir, FILES.wat), 'utf8'), 'i32.sub');
  const back = loadFinding(first.dir);
  assert.equal(back.case.bytes, bigCase.bytes);
  assert.equal(back.case.config, bigCase.config);
  assert.equal(back.case.calls, bigCase.calls);
  assert.is(back.meta?.signature, meta.signature);
  assert.is(loadFinding(first.dir, { overlay: { faultInjection: 'none' } }).case.config.faultInjection, 'none');
});

test('the wasm reducer keeps only valid, smaller, still-failing candidates', async () => {
  const sig = (await tester([bigCase]))[0]!;
  const tried: OracleCase[] = [];
  const firstFailing = async (cands: readonly OracleCase[]) => {
    tried.push(...cands);
    return (await tester(cands)).indexOf(sig);
  };
  const out = await reduceModule(bigCase, firstFailing, { deadline: Date.now() + 20_000, window: 3 });
  assert.not.ok(out.timedOut);
  for (const c of tried) checkModule(c.bytes);
  assert.ok(out.case.bytes.length < BIG.length / 2, `${out.case.bytes.length} of ${BIG.length} bytes`);
  assert.is(out.case.calls.length, 1);
  assert.is((await tester([out.case]))[0], sig);
  const info = checkModule(out.case.bytes);
  assert.is(info.funcs.length, 1, 'the unrelated functions are gone');
  assert.is(info.datas.length, 0, 'and the data segment');
});

test('the reducer drops imports, globals and tables nothing needs, renumbering the rest; it still validates and fails', async () => {
  const bytes = watToWasm(`(module
    (import "host" "unused" (func $unused (param i64)))
    (import "host" "log" (func $log (param i32 i32)))
    (type $bin (func (param i32 i32) (result i32)))
    (table $t0 3 funcref) (table $t1 1 funcref)
    (global $g0 (mut i32) (i32.const 1)) (global $g1 (mut i32) (i32.const 3)) (global $g2 (export "g2") (mut f64) (f64.const 2))
    (elem (table $t1) (i32.const 0) func $sub)
    (func $sub (type $bin) (i32.sub (local.get 0) (global.get $g1)))
    (func (export "f") (param i32 i32)
      (call $log (i32.const 0) (call_indirect $t1 (type $bin) (local.get 0) (local.get 1) (i32.const 0)))))`);
  const c: OracleCase = { bytes, config: faulty, calls: [{ name: 'f', args: args(10, 3) }], fuel: 0, needsFuel: false };
  const sig = (await tester([c]))[0]!;
  assert.ok(sig !== undefined, 'the case fails to begin with');
  const out = await reduceModule(c, async (cands) => (await tester(cands)).indexOf(sig), { deadline: Date.now() + 20_000, window: 2 });
  assert.not.ok(out.timedOut);
  for (const s of ['imports', 'globals', 'tables']) assert.ok(out.stats[s]!.kept > 0, `${s} pass kept something`);
  const info = checkModule(out.case.bytes);
  assert.ok(WebAssembly.validate(out.case.bytes), 'V8 validates it too');
  assert.equal(info.imports.map((i) => i.name), ['log'], 'the unused import went; log is function 0 now');
  assert.is(info.globals.length, 1, 'only the global the subtraction reads is left');
  assert.is(info.tables.length, 1, 'only the table call_indirect uses is left');
  assert.equal(info.elems.map((e) => e.table), [0]);
  assert.is((await tester([out.case]))[0], sig, 'and it fails the same way');
});

test('minimize: a candidate budget bounds the candidates tested in all stages, whatever the time', async () => {
  const noisy: OracleCase = { ...bigCase, config: { ...faulty, optLevel: 'none', paddingBetweenFunctions: 77 } };
  const sig = (await tester([noisy]))[0]!;
  let tested = 0;
  const counting: typeof tester = async (cands) => {
    tested += cands.length;
    return tester(cands);
  };
  const min = await minimize(noisy, sig, counting, { deadline: Date.now() + 60_000, window: 2, maxCandidates: 5 });
  assert.is(tested, 5, 'exactly the budget was tested');
  assert.ok(min.info.outOfCandidates === true && !min.info.timedOut);
  assert.ok(min.case.bytes.length < noisy.bytes.length, 'five candidates already shrink it');
  assert.is((await tester([min.case]))[0], sig, 'and it fails the same way');
  // A budget the reduction does not reach is not reported as having stopped it.
  const roomy = await minimize(noisy, sig, tester, { deadline: Date.now() + 60_000, window: 2, maxCandidates: 1e6 });
  assert.is(roomy.info.outOfCandidates, undefined);
});

test('minimize: config knobs go back to their defaults, min files saved beside the original', async () => {
  const noisy: OracleCase = { ...bigCase, config: { ...faulty, optLevel: 'none', paddingBetweenFunctions: 77, inlineSmallFunctions: true } };
  const sig = (await tester([noisy]))[0]!;
  const min = await minimize(noisy, sig, tester, { deadline: Date.now() + 20_000, window: 2 });
  assert.equal([...min.info.knobsReset].sort(), ['inlineSmallFunctions', 'optLevel', 'paddingBetweenFunctions']);
  assert.is(min.case.config.faultInjection, 'miscompile-i32-sub', 'the knob the failure needs stays');
  const d = saveFinding(dir, noisy, { signature: `${sig}x`, failure: { kind: 'mismatch', engines: [], key: 'k', detail: 'd' }, engines: ['interp', 'compiled'], found: 'now' }).dir;
  saveMinimized(d, min.case, min.info);
  const back = loadFinding(d, { min: true });
  assert.ok(back.minimized);
  assert.equal(back.case.bytes, min.case.bytes);
  assert.match(readFileSync(join(d, FILES.report), 'utf8'), '## Minimized');
});

test('minimize replays a fuzz case by seed and index and lets fast-check shrink it first', async () => {
  const overlay = { faultInjection: 'miscompile-i32-sub' as const };
  let index = -1;
  let sig: string | undefined;
  for (const [i, d] of drawCases(5, 0, 30, overlay).entries()) {
    [sig] = await tester([toOracleCase(d)]);
    if (sig !== undefined) {
      index = i;
      break;
    }
  }
  assert.ok(index >= 0, 'the fault shows within 30 cases');
  const start = toOracleCase(drawCases(5, index, 1, overlay)[0]!);
  const min = await minimize(start, sig!, tester, { deadline: Date.now() + 20_000, window: 1, seed: 5, index, overlay });
  assert.ok(min.info.stages['fast-check']!.tried > 0);
  assert.ok(min.case.bytes.length < start.bytes.length);
  assert.is((await tester([min.case]))[0], sig);
});

test.after(() => rmSync(dir, { recursive: true, force: true }));
test.run();
