// The differential fuzz target: glue between the generators (a swarm-configured module, a call
// sequence, a random config narrowed by forDifferential) and the oracle (oracles/). Case i of
// seed s is the i-th value fast-check draws for seed s, so `fc.check` with path "i" replays
// (and shrinks) exactly that case.

import fc from 'fast-check';
import type { Config } from '../../runtime/config/knobs.js';
import { configArbitrary, forDifferential } from '../generators/configs.js';
import { moduleArbitrary } from '../generators/module/moduleArbitrary.js';
import type { GeneratedModule } from '../generators/module/buildModule.js';
import { callsArbitrary, type Call } from '../generators/calls.js';
import { compiledEngine } from '../oracles/compiledEngine.js';
import { interpEngine } from '../oracles/interpEngine.js';
import { v8Engine } from '../oracles/v8Engine.js';
import type { EngineName, OracleCase, OracleEngine } from '../oracles/types.js';
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
 * The case the oracle runs. Narrowed for the module: a module that may run forever gets
 * consumeFuel on (its loops have no counters; fuel is what stops them).
 */
export function toOracleCase(d: CaseDraw): OracleCase {
  const { info, bytes } = d.module;
  return {
    bytes: d.hostLog ? instrumentHost(bytes) : bytes,
    config: info.needsFuel ? { ...d.config, consumeFuel: true } : d.config,
    calls: d.calls,
    fuel: d.fuel,
    ...(info.budget ? { budget: info.budget } : {}),
    needsFuel: info.needsFuel,
  };
}

/** `count` consecutive cases of `seed` from index `start` (cheap: earlier draws are skipped, not made). */
export function drawCases(seed: number, start: number, count: number, overlay: Partial<Config> = {}): CaseDraw[] {
  return fc.sample(caseArbitrary(overlay), { seed, path: String(start), numRuns: count });
}

const ENGINES: Readonly<Record<EngineName, OracleEngine>> = { interp: interpEngine, compiled: compiledEngine, v8: v8Engine };

/** The engines to compare, reference first (interp, then compiled, then V8, whichever are asked for). */
export function enginesFor(names: readonly EngineName[]): OracleEngine[] {
  return (['interp', 'compiled', 'v8'] as const).filter((n) => names.includes(n)).map((n) => ENGINES[n]);
}
