// Contract tests of the module generator: the same seed gives the same bytes, every module
// validates under our validator and V8's, shrinking goes strictly smaller and stays valid, and
// generation is fast (the figure is printed). Coverage ("still fuzzing") is coverage.test.ts.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { checkModule } from '../../../runtime/api/Module.js';
import { moduleArbitrary } from './moduleArbitrary.js';
import { forDifferential, FULL_SWARM, swarmArbitrary } from './swarm.js';
import type { GeneratedModule } from './buildModule.js';

/** Why `m` is invalid, or undefined when both validators accept it. */
function invalidity(m: GeneratedModule): string | undefined {
  try {
    checkModule(m.bytes);
  } catch (e) {
    return `ours: ${(e as Error).message}`;
  }
  return WebAssembly.validate(m.bytes) ? undefined : 'V8 rejects it';
}

function hex(b: Uint8Array): string {
  return Buffer.from(b).toString('hex');
}

test('the same seed gives the same modules', () => {
  const a = fc.sample(moduleArbitrary(), { numRuns: 200, seed: 4242 });
  const b = fc.sample(moduleArbitrary(), { numRuns: 200, seed: 4242 });
  assert.is(a.length, 200);
  a.forEach((m, i) => {
    assert.is(hex(m.bytes), hex(b[i]!.bytes), `module ${i}`);
    assert.equal(m.info, b[i]!.info, `info ${i}`);
  });
  const other = fc.sample(moduleArbitrary(), { numRuns: 200, seed: 4243 });
  assert.ok(other.some((m, i) => hex(m.bytes) !== hex(a[i]!.bytes)), 'another seed gives other modules');
});

test('every module validates under checkModule and WebAssembly.validate', () => {
  const big = { ...FULL_SWARM, maxBody: 400, maxDepth: 8, maxResults: 5, maxParams: 6 };
  const runs: [string, fc.Arbitrary<GeneratedModule>, number][] = [
    ['random swarms', moduleArbitrary(), 1500],
    ['full swarm', moduleArbitrary(FULL_SWARM), 300],
    ['full swarm, fuel loops', moduleArbitrary({ ...FULL_SWARM, fuel: true }), 200],
    ['large bodies', moduleArbitrary(big), 100],
    ['random swarms, longer bodies', swarmArbitrary().chain((s) => moduleArbitrary({ ...s, maxBody: s.maxBody * 3 })), 300],
    ['differential swarms (canonical NaNs)', swarmArbitrary().chain((s) => moduleArbitrary(forDifferential(s))), 300],
  ];
  for (const [name, arb, n] of runs) {
    const mods = fc.sample(arb, { numRuns: n, seed: 7 });
    mods.forEach((m, i) => {
      const why = invalidity(m);
      if (why !== undefined) assert.unreachable(`${name} #${i} (seed 7): ${why}; bytes ${hex(m.bytes)}`);
    });
  }
});

test('differential swarms terminate on their own and say so', () => {
  for (const m of fc.sample(swarmArbitrary().chain((s) => moduleArbitrary(forDifferential(s))), { numRuns: 200, seed: 3 })) {
    assert.is(m.info.needsFuel, false);
    assert.ok(m.info.swarm.canonicalNans);
    assert.ok(m.info.budget !== undefined && m.info.exports.some((e) => e.kind === 'func'), 'a call budget bounds the calls');
  }
});

test('shrinking goes strictly smaller and every shrink step is valid', () => {
  // A "bug" that fires on any module with a call_indirect and more than a little code: the
  // shrunk counterexample must be smaller than the first failure and every candidate valid.
  for (const seed of [2, 5]) {
    let first: GeneratedModule | undefined;
    let seen = 0;
    const invalid: string[] = [];
    const hasCallIndirect = (m: GeneratedModule) => m.bytes.includes(0x11) && m.bytes.length > 120;
    const r = fc.check(
      fc.property(moduleArbitrary(), (m) => {
        seen++;
        const why = invalidity(m);
        if (why !== undefined) invalid.push(why);
        const bad = hasCallIndirect(m);
        if (bad && first === undefined) first = m;
        return !bad;
      }),
      { seed, numRuns: 1000, interruptAfterTimeLimit: 500, markInterruptAsFailure: false },
    );
    assert.equal(invalid, [], `seed ${seed}: invalid modules while shrinking`);
    assert.ok(r.failed && first !== undefined, `seed ${seed}: the property should fail`);
    const shrunk = r.counterexample![0] as GeneratedModule;
    assert.ok(hasCallIndirect(shrunk), 'the shrunk module still fails');
    assert.ok(shrunk.bytes.length < first!.bytes.length, `seed ${seed}: shrunk ${shrunk.bytes.length} bytes, first failure ${first!.bytes.length} (${seen} modules seen)`);
  }
});

// Generation speed is measured by `npm run bench generator`, not here.

test.run();
