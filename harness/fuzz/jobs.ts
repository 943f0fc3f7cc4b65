// What crosses between the fuzz loop and its workers, and the worker's side of it. A batch is
// (seed, start, count): the worker generates its own cases, so only a few numbers go out and
// only counts (plus failures, rare) come back. A single case travels whole (module, config,
// calls.json form) for the reducer and `crucible repro`.

import { decodeModule } from '../../runtime/binary/decodeModule.js';
import type { Config } from '../../runtime/config/knobs.js';
import type { CaseVerdict, EngineName, OracleCase } from '../oracles/types.js';
import { runDifferential } from '../oracles/differential.js';
import { caseFromJson, encodeCalls, type CallsJson } from './caseJson.js';
import { knobBuckets } from './knobCoverage.js';
import { drawCases, toOracleCase } from './target.js';
import { enginesFor } from '../oracles/engines.js';
import { instrs } from './wasm/code.js';
import { clearScratch } from './scratch.js';

/** A case in transferable form. */
export interface WireCase {
  readonly bytes: Uint8Array;
  readonly config: Config;
  readonly calls: CallsJson;
}

/** Work for a fuzz worker. */
export type FuzzJob =
  | {
      readonly kind: 'batch';
      readonly seed: number;
      readonly start: number;
      readonly count: number;
      readonly overlay: Partial<Config>;
      readonly engines: readonly EngineName[];
    }
  | { readonly kind: 'case'; readonly case: WireCase; readonly engines: readonly EngineName[] };

/** Tallies of a batch (or of one case). */
export interface BatchResult {
  readonly count: number;
  readonly success: number;
  readonly poisoned: number;
  /** Cases that failed, by index, with their verdicts. */
  readonly failures: readonly { readonly index: number; readonly verdict: CaseVerdict & { kind: 'failed' } }[];
  readonly skips: Readonly<Record<string, number>>;
  readonly poisons: Readonly<Record<string, number>>;
  /** `knob=bucket` -> cases run under it. */
  readonly knobs: Readonly<Record<string, number>>;
}

/** The job answer: a batch tally, or one verdict. */
export type FuzzJobResult = { readonly kind: 'batch'; readonly batch: BatchResult } | { readonly kind: 'case'; readonly verdict: CaseVerdict };

/** A case in wire form. */
export function toWire(c: OracleCase): WireCase {
  return { bytes: c.bytes, config: c.config, calls: encodeCalls(c) };
}

/** A wire case back as an oracle case. */
export function fromWire(w: WireCase): OracleCase {
  return caseFromJson(w.bytes, w.config, w.calls);
}

/** True when some function of the module has an `i32.add` instruction (what the crash-worker fault keys on). */
function usesI32Add(bytes: Uint8Array): boolean {
  const info = decodeModule(bytes);
  return info.funcs.some((f) => instrs(bytes.subarray(f.codeStart, f.codeEnd)).some((i) => i.op.name === 'i32.add'));
}

/**
 * Cases between sweeps of the scratch folder: a few megabytes of artifacts at most pile up
 * (serializeRoundtrip and moduleCache write one per compile), and a sweep costs ~0.1 ms.
 */
const SCRATCH_SWEEP = 16;
let casesSinceSweep = 0;

/**
 * Runs one case in this (worker) process. The test-only `crash-worker` fault kills the process
 * here, the way a crashing engine would, whenever the module contains an i32.add.
 */
export function runCaseHere(c: OracleCase, engines: readonly EngineName[]): CaseVerdict {
  if (c.config.faultInjection === 'crash-worker' && usesI32Add(c.bytes)) process.kill(process.pid, 'SIGSEGV');
  try {
    return runDifferential(c, enginesFor(engines));
  } finally {
    if (++casesSinceSweep >= SCRATCH_SWEEP) {
      clearScratch();
      casesSinceSweep = 0;
    }
  }
}

function bump(o: Record<string, number>, k: string): void {
  o[k] = (o[k] ?? 0) + 1;
}

/** The worker's handler for every job kind. */
export function handleJob(job: FuzzJob): FuzzJobResult {
  if (job.kind === 'case') return { kind: 'case', verdict: runCaseHere(fromWire(job.case), job.engines) };
  const skips: Record<string, number> = {};
  const poisons: Record<string, number> = {};
  const knobs: Record<string, number> = {};
  const failures: { index: number; verdict: CaseVerdict & { kind: 'failed' } }[] = [];
  let success = 0;
  let poisoned = 0;
  const draws = drawCases(job.seed, job.start, job.count, job.overlay);
  draws.forEach((d, k) => {
    const c = toOracleCase(d);
    for (const b of knobBuckets(c.config)) bump(knobs, b);
    const v = runCaseHere(c, job.engines);
    for (const s of v.skips) bump(skips, s);
    for (const s of v.poisons) bump(poisons, s);
    if (v.kind === 'success') success++;
    else if (v.kind === 'poisoned') poisoned++;
    else failures.push({ index: job.start + k, verdict: v });
  });
  return { kind: 'batch', batch: { count: job.count, success, poisoned, failures, skips, poisons, knobs } };
}
