// The differential fuzz target: glue between the generators (a swarm-configured module, a call
// sequence, a random config narrowed by forDifferential) and the oracle (oracles/). Case i of
// seed s is a value fast-check draws: `fc.check` with `caseReplay(s, i)` (a seed and a path)
// replays (and shrinks) exactly that case.

import fc from 'fast-check';
import type { Config } from '../../runtime/config/knobs.js';
import { configArbitrary, forDifferential } from '../generators/configs.js';
import { moduleArbitrary } from '../generators/module/moduleArbitrary.js';
import type { GeneratedModule } from '../generators/module/buildModule.js';
import { callsArbitrary, type Call } from '../generators/calls.js';
import type { OracleCase } from '../oracles/types.js';
import { instrumentHost } from './instrumentHost.js';

/** What fast-check draws for one case. */
export interface CaseDraw {
  readonly config: Config;
  readonly module: GeneratedModule;
  readonly calls: readonly Call[];
  readonly fuel: number;
  /** Instrument the module with host logging (off sometimes: logging calls change inlining). */
  readonly hostLog: boolean;
}

/**
 * Fuel per call: tiny amounts end calls mid-function (where tiers must agree exactly), large
 * ones rarely do. A module that loops forever burns all of it on every call, on both tiers,
 * so the common amount is modest.
 */
const fuelArbitrary = fc.oneof(
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 300 }) },
  { weight: 3, arbitrary: fc.constant(5_000) },
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 100_000 }) },
);

/** Cases: a random config (with `overlay` on top), a module, calls to its exports, fuel. */
export function caseArbitrary(overlay: Partial<Config> = {}): fc.Arbitrary<CaseDraw> {
  const config = configArbitrary().map((c) => ({ ...forDifferential(c), ...overlay }) as Config);
  const moduleAndCalls = moduleArbitrary().chain((module) => callsArbitrary(module.info.exports).map((calls) => ({ module, calls })));
  return fc
    .record({ config, mc: moduleAndCalls, fuel: fuelArbitrary, hostLog: fc.nat(3) })
    .map(({ config, mc, fuel, hostLog }) => ({ config, module: mc.module, calls: mc.calls, fuel, hostLog: hostLog !== 0 }));
}

/**
 * Deepest call depth a case runs at when its calls can nest deeper than its config allows.
 * The oracle only needs to know that every engine ran out of stack (the pair is poisoned
 * then, and the reference running out spares the others the call); how deep that is, is each
 * tier's own contract (runtime/api/instantiate.test.ts checks the exact depth). Recursing to
 * the drawn depth (10,000 and up) on three engines cost a fifth of all fuzzing time for 3% of
 * the cases.
 */
const DEEP_CALL_DEPTH = 2000;

/**
 * The case the oracle runs. Narrowed for the module: a module that may run forever gets
 * consumeFuel on (its loops have no counters; fuel is what stops them); one whose calls can
 * nest past the drawn maxCallDepth (no call budget, or a budget as large) runs at a depth of
 * at most DEEP_CALL_DEPTH, where a module whose calls end first never sees the knob at all.
 */
export function toOracleCase(d: CaseDraw): OracleCase {
  const { info, bytes } = d.module;
  let config = info.needsFuel ? { ...d.config, consumeFuel: true } : d.config;
  const deepest = info.budget?.initial ?? Infinity;
  if (deepest >= config.maxCallDepth && config.maxCallDepth > DEEP_CALL_DEPTH) config = { ...config, maxCallDepth: DEEP_CALL_DEPTH };
  return {
    bytes: d.hostLog ? instrumentHost(bytes) : bytes,
    config,
    calls: d.calls,
    fuel: d.fuel,
    ...(info.budget ? { budget: info.budget } : {}),
    needsFuel: info.needsFuel,
  };
}

/**
 * Cases per block of a seed. fast-check reaches draw n of a seed by stepping its generator n
 * times, so a run that numbered its cases through one seed would pay for every earlier case
 * again in each batch (4% of a worker's time by case 30,000, and growing with the index).
 * Case i is instead draw i mod CASES_PER_BLOCK of a seed made from s and i's block, and
 * every block's cases are drawn like the first thousand of a run (as small and edge-heavy).
 */
export const CASES_PER_BLOCK = 1000;

/** fast-check's seed and path for case `index` of `seed` (block 0 is the seed itself). */
export function caseReplay(seed: number, index: number): { seed: number; path: string } {
  const block = Math.floor(index / CASES_PER_BLOCK);
  return { seed: block === 0 ? seed : blockSeed(seed, block), path: String(index % CASES_PER_BLOCK) };
}

/** A 32-bit seed for `block` of `seed` (a murmur3-style mix, so neighbouring blocks differ in every bit). */
function blockSeed(seed: number, block: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ block;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** `count` consecutive cases of `seed` from index `start` (earlier draws of a block are skipped, not made). */
export function drawCases(seed: number, start: number, count: number, overlay: Partial<Config> = {}): CaseDraw[] {
  const arb = caseArbitrary(overlay);
  const out: CaseDraw[] = [];
  for (let i = start; i < start + count;) {
    const n = Math.min(start + count - i, CASES_PER_BLOCK - (i % CASES_PER_BLOCK));
    out.push(...fc.sample(arb, { ...caseReplay(seed, i), numRuns: n }));
    i += n;
  }
  return out;
}
