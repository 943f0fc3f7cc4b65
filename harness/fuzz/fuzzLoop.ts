// The fuzz loop behind `crucible fuzz`: hands out batches of case indices of one seed to a pool
// of workers, tallies what comes back, saves every failure at once (findings/saveFinding.ts),
// and minimizes the new ones when fuzzing is over. A batch whose worker crashed or hung is run
// again one case at a time, so the case that did it is found and saved.

import type { Config } from '../../runtime/config/knobs.js';
import type { EngineName, OracleCase } from '../oracles/types.js';
import { failureOfVerdict, failureOfWorker, signatureOf, type Failure, type FindingKind } from '../findings/signature.js';
import { saveFinding, saveMinimized } from '../findings/saveFinding.js';
import { minimize } from '../findings/minimize.js';
import type { FindingMeta } from '../findings/finding.js';
import { fuzzPool } from './cliOptions.js';
import type { BatchResult, FuzzJob } from './jobs.js';
import { caseTester } from './caseTester.js';
import { drawCases, toOracleCase } from './target.js';

/** The workers died before answering anything: a broken build or environment, not a finding. */
export class WorkerStartError extends Error {
  override readonly name = 'WorkerStartError';
}

/** How to fuzz. */
export interface FuzzOptions {
  readonly seed: number;
  /** Stop after this many cases ... */
  readonly runs?: number;
  /** ... or after this long (whichever comes first; neither: until stopped). */
  readonly timeMs?: number;
  readonly jobs: number;
  readonly engines: readonly EngineName[];
  /** Findings go to `<corpus>/crashes/<signature>/`. */
  readonly corpus: string;
  /** Knobs forced on every case's config (after narrowing). */
  readonly overlay: Partial<Config>;
  /** A case taking longer than this is a timeout finding. */
  readonly timeoutMs: number;
  /** Heap limit of each worker (a worker past it dies and its case is a crash finding). */
  readonly workerMemoryMb: number;
  readonly reduce: boolean;
  /** Time budget for minimizing each new finding. */
  readonly reduceTimeMs: number;
  /** Candidate budget for minimizing each new finding (none when absent). */
  readonly reduceCandidates?: number;
  /** Stop fuzzing once this many new findings are saved. */
  readonly maxFindings?: number;
  /** Called after every batch with the running totals. */
  readonly onProgress?: (s: FuzzStats) => void;
  /** Called when minimizing of a finding starts (for progress output). */
  readonly onReduce?: (f: FindingRef) => void;
  /** Stop early (e.g. on SIGINT): checked between batches. */
  readonly signal?: { stopped: boolean };
}

/** A finding of this run. */
export interface FindingRef {
  readonly dir: string;
  readonly kind: FindingKind;
  readonly signature: string;
  /** False: the signature was saved before (by an earlier run or an earlier case). */
  readonly isNew: boolean;
  readonly index: number;
  readonly detail: string;
}

/** Running totals. */
export interface FuzzStats {
  execs: number;
  success: number;
  poisoned: number;
  mismatches: number;
  crashes: number;
  timeouts: number;
  /** A batch died but no single case of it did again. */
  crashesNotReproduced: number;
  skips: Record<string, number>;
  poisons: Record<string, number>;
  knobs: Record<string, number>;
  findings: FindingRef[];
  readonly startedAt: number;
  fuzzMs: number;
  reduceMs: number;
}

/** A batch aims at about this long: long enough that messages cost nothing, short enough to stop on time. */
const BATCH_MS = 150;

function add(into: Record<string, number>, from: Readonly<Record<string, number>>): void {
  for (const [k, n] of Object.entries(from)) into[k] = (into[k] ?? 0) + n;
}

/** Runs the fuzzer; resolves with the totals once fuzzing (and minimizing) is done. */
export async function fuzz(opts: FuzzOptions): Promise<FuzzStats> {
  const stats: FuzzStats = {
    execs: 0, success: 0, poisoned: 0, mismatches: 0, crashes: 0, timeouts: 0, crashesNotReproduced: 0,
    skips: {}, poisons: {}, knobs: {}, findings: [], startedAt: Date.now(), fuzzMs: 0, reduceMs: 0,
  };
  const pool = fuzzPool(opts.jobs, opts.workerMemoryMb);
  const newFindings: { ref: FindingRef; case: OracleCase }[] = [];
  let next = 0;
  let batch = 8;
  const deadline = opts.timeMs === undefined ? Infinity : stats.startedAt + opts.timeMs;
  const stopped = (): boolean =>
    opts.signal?.stopped === true ||
    (opts.runs !== undefined && next >= opts.runs) ||
    Date.now() >= deadline ||
    (opts.maxFindings !== undefined && newFindings.length >= opts.maxFindings);

  const record = (index: number, failure: Failure): void => {
    const c = toOracleCase(drawCases(opts.seed, index, 1, opts.overlay)[0]!);
    const signature = signatureOf(failure);
    const meta: FindingMeta = {
      signature, failure, seed: opts.seed, index, overlay: opts.overlay, engines: opts.engines, found: new Date().toISOString(),
    };
    const { dir, isNew } = saveFinding(opts.corpus, c, meta);
    const ref: FindingRef = { dir, kind: failure.kind, signature, isNew, index, detail: failure.detail };
    stats.findings.push(ref);
    if (isNew) newFindings.push({ ref, case: c });
    if (failure.kind === 'mismatch') stats.mismatches++;
    else if (failure.kind === 'crash') stats.crashes++;
    else stats.timeouts++;
  };
  const absorb = (b: BatchResult): void => {
    stats.execs += b.count;
    stats.success += b.success;
    stats.poisoned += b.poisoned;
    add(stats.skips, b.skips);
    add(stats.poisons, b.poisons);
    add(stats.knobs, b.knobs);
    for (const f of b.failures) record(f.index, failureOfVerdict(f.verdict));
  };
  const job = (start: number, count: number): FuzzJob => ({ kind: 'batch', seed: opts.seed, start, count, overlay: opts.overlay, engines: opts.engines });

  const slot = async (): Promise<void> => {
    while (!stopped()) {
      const start = next;
      const count = Math.max(1, Math.min(batch, opts.runs === undefined ? batch : opts.runs - start));
      next += count;
      const t0 = Date.now();
      const out = await pool.run(job(start, count), opts.timeoutMs);
      if (out.kind === 'ok' && out.result.kind === 'batch') {
        absorb(out.result.batch);
        const perCase = (Date.now() - t0) / count;
        batch = Math.max(1, Math.min(256, Math.round(BATCH_MS / Math.max(perCase, 0.05))));
      } else {
        // Which case was it? Each again on its own; a worker that dies again names it.
        let reproduced = false;
        for (let i = start; i < start + count; i++) {
          const one = await pool.run(job(i, 1), opts.timeoutMs);
          if (one.kind === 'ok' && one.result.kind === 'batch') absorb(one.result.batch);
          else if (one.kind !== 'ok') {
            reproduced = true;
            stats.execs++;
            record(i, failureOfWorker(one.kind, one.detail));
          }
        }
        if (!reproduced) stats.crashesNotReproduced++;
      }
      opts.onProgress?.(stats);
    }
  };
  try {
    // An empty batch first: workers that cannot even start are a broken setup, not findings.
    const hello = await pool.run(job(0, 0), 60_000);
    if (hello.kind !== 'ok') {
      throw new WorkerStartError(`fuzz workers cannot start (${hello.detail}): ${pool.lastStderr.trim().split('\n').slice(-3).join(' | ')}`);
    }
    await Promise.all(Array.from({ length: opts.jobs }, slot));
    stats.fuzzMs = Date.now() - stats.startedAt;
    if (opts.reduce) {
      const t0 = Date.now();
      const test = caseTester(pool, opts.engines, opts.timeoutMs);
      for (const f of newFindings) {
        opts.onReduce?.(f.ref);
        const min = await minimize(f.case, f.ref.signature, test, {
          deadline: Date.now() + opts.reduceTimeMs, window: opts.jobs, seed: opts.seed, index: f.ref.index, overlay: opts.overlay,
          ...(opts.reduceCandidates !== undefined ? { maxCandidates: opts.reduceCandidates } : {}),
        });
        saveMinimized(f.ref.dir, min.case, min.info);
      }
      stats.reduceMs = Date.now() - t0;
    }
  } finally {
    pool.close();
  }
  return stats;
}
