// Minimization of a saved finding, in three stages, each keeping only candidates that fail
// with the finding's own signature: (1) fast-check shrinking, replaying the case's seed and
// path with `fc.check` so the generator's own shrinkers work on it; (2) the wasm-level reducer
// (reduceModule.ts); (3) the config, each knob reset to its default while it still fails.
// Candidates never run here: `test` sends them to worker processes.

import fc from 'fast-check';
import { DEFAULT_CONFIG, knobList, type Config } from '../../runtime/config/knobs.js';
import type { OracleCase } from '../oracles/types.js';
import { caseArbitrary, caseReplay, toOracleCase } from '../fuzz/target.js';
import { reduceModule, type StageStats } from './reduceModule.js';
import type { MinimizedInfo } from './finding.js';

/** Signature of each candidate's failure (undefined: it passed), computed elsewhere. */
export type CaseTester = (candidates: readonly OracleCase[]) => Promise<(string | undefined)[]>;

/** Where the case came from and how long minimizing may take. */
export interface MinimizeOptions {
  /** Absolute time (ms since epoch) to stop at, keeping the best so far. */
  readonly deadline: number;
  /** Candidates tested at once (the number of workers). */
  readonly window: number;
  /** Seed and index of the fuzz run, for the fast-check stage (skipped without). */
  readonly seed?: number;
  readonly index?: number;
  readonly overlay?: Partial<Config>;
  /**
   * At most this many candidates tested in all stages (past it every candidate "passes"): a
   * budget that, unlike the deadline, does not depend on the machine's speed.
   */
  readonly maxCandidates?: number;
}

/** Stage 1: fast-check's shrinking of the drawn case. Undefined when it does not reproduce from the seed. */
async function shrinkStage(
  signature: string,
  test: CaseTester,
  opts: MinimizeOptions,
  stats: StageStats,
): Promise<OracleCase | undefined> {
  if (opts.seed === undefined || opts.index === undefined) return undefined;
  // At most half the time: the wasm-level reducer often gets further per candidate.
  const stop = Date.now() + (opts.deadline - Date.now()) / 2;
  const prop = fc.asyncProperty(caseArbitrary(opts.overlay ?? {}), async (d) => {
    // Past its deadline every candidate "passes": shrinking ends at once with the best so far.
    if (Date.now() > stop) return true;
    stats.tried++;
    const [sig] = await test([toOracleCase(d)]);
    return sig !== signature;
  });
  const out = await fc.check(prop, { ...caseReplay(opts.seed, opts.index), numRuns: 1 });
  if (!out.failed || out.counterexample === null) return undefined;
  stats.kept = out.numShrinks;
  return toOracleCase(out.counterexample[0]);
}

/** Stage 3: knobs back to their defaults, one at a time, while it still fails. */
async function configStage(c: OracleCase, signature: string, test: CaseTester, opts: MinimizeOptions, stats: StageStats): Promise<{ case: OracleCase; reset: string[] }> {
  let current = c;
  const reset: string[] = [];
  // The tier is the oracle's to choose (the compiled engine always runs compiled).
  for (const [name] of knobList()) {
    if (name === 'tier' || current.config[name] === DEFAULT_CONFIG[name] || Date.now() > opts.deadline) continue;
    const candidate = { ...current, config: { ...current.config, [name]: DEFAULT_CONFIG[name] } as Config };
    stats.tried++;
    const [sig] = await test([candidate]);
    if (sig === signature) {
      current = candidate;
      reset.push(name);
      stats.kept++;
    }
  }
  return { case: current, reset };
}

/** Minimizes `c`, which fails with `signature`. Always returns a case that fails the same way (at worst `c`). */
export async function minimize(c: OracleCase, signature: string, tester: CaseTester, opts: MinimizeOptions): Promise<{ case: OracleCase; info: MinimizedInfo }> {
  let left = opts.maxCandidates ?? Infinity;
  let refused = false; // a candidate went untested: the budget cut the reduction short
  const test: CaseTester = async (cands) => {
    const n = Math.min(cands.length, left);
    left -= n;
    if (n < cands.length) refused = true;
    const tested = n > 0 ? await tester(cands.slice(0, n)) : [];
    return [...tested, ...new Array<undefined>(cands.length - n).fill(undefined)];
  };
  const stages: Record<string, StageStats> = {};
  const timed = async <T>(name: string, run: (s: StageStats) => Promise<T>): Promise<T> => {
    const s: StageStats = { tried: 0, kept: 0, ms: 0 };
    const t0 = Date.now();
    const out = await run(s);
    s.ms = Date.now() - t0;
    stages[name] = s;
    return out;
  };
  let current = (await timed('fast-check', (s) => shrinkStage(signature, test, opts, s))) ?? c;
  const firstFailing = async (cands: readonly OracleCase[]): Promise<number> => (await test(cands)).indexOf(signature);
  const reduced = await reduceModule(current, firstFailing, { deadline: opts.deadline, window: opts.window });
  for (const [name, s] of Object.entries(reduced.stats)) stages[`wasm:${name}`] = s;
  current = reduced.case;
  const cfg = await timed('config', (s) => configStage(current, signature, test, opts, s));
  current = cfg.case;
  return {
    case: current,
    info: {
      bytes: current.bytes.length,
      calls: current.calls.length,
      knobsReset: cfg.reset,
      stages,
      timedOut: reduced.timedOut || Date.now() > opts.deadline,
      ...(refused ? { outOfCandidates: true } : {}),
    },
  };
}
