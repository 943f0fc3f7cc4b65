// The fuzz target's contracts: case i of a seed is the same however it is drawn (alone, in a
// batch, or replayed by fc.check with path "i"), the modules it builds validate, calls survive
// their exact JSON form bit for bit, and the knobs keep reaching the cases ("still fuzzing").

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { checkModule } from '../../runtime/api/Module.js';
import { rawArray } from '../../runtime/instance/objects.js';
import { FuncRefArg, EXTERN_VALUES } from '../generators/calls.js';
import { CASES_PER_BLOCK, caseArbitrary, caseReplay, drawCases, toOracleCase, type CaseDraw } from './target.js';
import { caseFromJson, encodeCalls, CallsJsonError, decodeCalls } from './caseJson.js';
import { knobBuckets, knobCoverage, narrowedAway } from './knobCoverage.js';
import { forDifferential } from '../generators/configs.js';
import { loadWabt, watToWasm } from '../wat/watToWasm.js';
import { DEFAULT_CONFIG } from '../../runtime/config/knobs.js';

await loadWabt();

test('case i is the same alone, in a batch, and as fc.check replays path "i"', () => {
  const batch = drawCases(77, 40, 5);
  const alone = drawCases(77, 43, 1)[0]!;
  assert.equal(alone.module.bytes, batch[3]!.module.bytes);
  assert.equal(alone.config, batch[3]!.config);
  let seen: Uint8Array | undefined;
  fc.check(fc.property(caseArbitrary(), (d) => ((seen = d.module.bytes), true)), { seed: 77, path: '43', numRuns: 1 });
  assert.equal(seen, alone.module.bytes);
});

test('cases validate, take the overlay, and get fuel when their module needs it', () => {
  for (const d of drawCases(5, 0, 60, { optLevel: 'none' })) {
    const c = toOracleCase(d);
    checkModule(c.bytes);
    assert.is(c.config.optLevel, 'none');
    assert.is(c.config.tier, 'compiled');
    if (c.needsFuel) assert.ok(c.config.consumeFuel);
  }
});

test('calls.json is exact: NaN payloads, i64 extremes, v128, funcref and externref arguments', () => {
  const bytes = watToWasm(`(module (func (export "f") (param i32 i64 f32 f64 v128 funcref externref)))`);
  const a = rawArray(7);
  const dv = new DataView(new ArrayBuffer(8));
  dv.setBigUint64(0, 0x7ff4000000000abcn);
  [a[0], a[1], a[2], a[3], a[4], a[5], a[6]] = [-1, -(2n ** 63n), 0x7fa00001, dv.getFloat64(0), Uint8Array.from({ length: 16 }, (_, i) => i * 17), new FuncRefArg('f'), EXTERN_VALUES[1]];
  const c = { bytes, config: DEFAULT_CONFIG, calls: [{ name: 'f', args: a }], fuel: 7, needsFuel: false };
  const json = JSON.parse(JSON.stringify(encodeCalls(c)));
  assert.equal(json.calls[0].args.slice(0, 4), [
    { type: 'i32', value: '-1' }, { type: 'i64', value: '-9223372036854775808' },
    { type: 'f32', value: '0x7fa00001' }, { type: 'f64', value: '0x7ff4000000000abc' },
  ]);
  const back = caseFromJson(bytes, DEFAULT_CONFIG, json).calls[0]!.args;
  assert.equal(back.slice(0, 3), a.slice(0, 3));
  dv.setFloat64(0, back[3] as number);
  assert.is(dv.getBigUint64(0), 0x7ff4000000000abcn);
  assert.equal(back[4], a[4]);
  assert.is((back[5] as FuncRefArg).exportName, 'f');
  assert.is(back[6], EXTERN_VALUES[1], 'the same externref value (identity), not a copy');
  assert.throws(() => decodeCalls({ fuel: 0, needsFuel: false, calls: [{ name: 'f', args: [{ type: 'f32', value: 'nan' }] }] }), (e: unknown) => e instanceof CallsJsonError);
});

test('still fuzzing: random cases reach every knob bucket but the ones narrowed away', () => {
  const seen: Record<string, number> = {};
  for (const d of drawCases(3, 0, 400)) for (const b of knobBuckets(toOracleCase(d).config)) seen[b] = (seen[b] ?? 0) + 1;
  const narrowed = narrowedAway(forDifferential);
  // forDifferential pins tier to compiled, moduleCache off and caps maxCallDepth (the reasons
  // are in its comments).
  assert.equal(narrowed, ['tier=interp', 'maxCallDepth=high', 'moduleCache=true']);
  const cov = knobCoverage(seen, narrowed);
  assert.equal(cov.missing, []);
  assert.equal(cov.narrowed, narrowed);
  assert.is(cov.covered, cov.total);
});

test('case i is the draw fast-check replays from caseReplay, across block boundaries too', () => {
  const seed = 77;
  const start = CASES_PER_BLOCK * 5 - 2;
  const batch = drawCases(seed, start, 4);
  assert.is(batch.length, 4);
  const bytesOf = (d: CaseDraw) => Array.from(d.module.bytes).join(',');
  batch.forEach((d, k) => {
    const i = start + k;
    assert.is(bytesOf(d), bytesOf(drawCases(seed, i, 1)[0]!), `case ${i} alone`);
    assert.is(bytesOf(d), bytesOf(fc.sample(caseArbitrary(), { ...caseReplay(seed, i), numRuns: 1 })[0]!), `case ${i} replayed`);
  });
  assert.equal(caseReplay(seed, 12), { seed, path: '12' }, 'the first block is the seed itself');
  assert.is.not(caseReplay(seed, CASES_PER_BLOCK).seed, caseReplay(seed, 2 * CASES_PER_BLOCK).seed);
  assert.is.not(caseReplay(seed, CASES_PER_BLOCK).seed, caseReplay(seed + 1, CASES_PER_BLOCK).seed);
});

test.run();
