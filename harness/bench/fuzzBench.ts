// Fuzzer throughput in steady state: the same cases (one seed, fixed indices) generated only,
// run through the worker pool with 1 and 2 workers, and run in a process of their own without
// a pool (this file run as a script, with the flags a lone worker gets). Each runner first
// warms up on other cases of the seed (V8 takes a few thousand cases to settle the runtime's
// JIT, which a fuzz run of minutes amortizes) and starts once the previous one is gone; each
// runs twice, in fresh processes, and the better run counts (JIT recompilations land at
// random and move a single run by 20%). The 1-worker figure against the in-process one is the
// cost of isolation: the same process flags and warm-up, only the pool and its messages
// differ. Worker start-up is excluded.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { handleJob, type FuzzJob } from '../fuzz/jobs.js';
import { fuzzPool, workerFlags } from '../fuzz/cliOptions.js';
import { useScratch } from '../fuzz/scratch.js';
import { primeInterpreter } from '../../runtime/interp/primeInterpreter.js';
import { drawCases, toOracleCase } from '../fuzz/target.js';
import type { EngineName } from '../oracles/types.js';
import type { BenchRow } from './_internals/measure.js';

const SEED = 20260101;
/** Measured cases: indices [0, CASES). */
const CASES = 2000;
/** Fresh runs of each runner; the fastest counts. */
const REPEATS = 2;
/** Warm-up cases per runner, drawn after the measured ones. */
const WARMUP = 1500;
const BATCH = 50;
/** Idle time before each runner, so leftover background work of the last one is done. */
const SETTLE_MS = 1500;
/** Heap limit of the workers (fuzz's default). */
const WORKER_MEMORY_MB = 512;
const ENGINES: readonly EngineName[] = ['interp', 'compiled', 'v8'];
/** The argument that makes this file the in-process runner. */
const IN_PROCESS = '--fuzz-bench-in-process';

const batch = (start: number, count: number): FuzzJob => ({ kind: 'batch', seed: SEED, start, count, overlay: {}, engines: ENGINES });
const settle = (): Promise<void> => new Promise((r) => setTimeout(r, SETTLE_MS));

async function throughPool(jobs: number): Promise<number> {
  const pool = fuzzPool(jobs, WORKER_MEMORY_MB);
  try {
    // Each worker warms up on about WARMUP cases outside the measured range.
    const share = Math.ceil(WARMUP / BATCH);
    await Promise.all(Array.from({ length: jobs }, async (_, w) => {
      for (let k = 0; k < share; k++) await pool.run(batch(CASES + (w * share + k) * BATCH, BATCH), 120_000);
    }));
    await settle();
    const start = performance.now();
    const all: Promise<unknown>[] = [];
    for (let s = 0; s < CASES; s += BATCH) all.push(pool.run(batch(s, BATCH), 120_000));
    await Promise.all(all);
    return CASES / ((performance.now() - start) / 1000);
  } finally {
    pool.close();
  }
}

/**
 * Runs a batch in a task of its own, as a worker runs each message. The event loop must turn
 * between batches: V8 keeps every object a WeakRef was made for alive until the current task
 * ends (the runtime keeps WeakRefs to code images, for backtraces, and to a store's memories),
 * so one synchronous loop over all batches would hold every case's code and memory to the end
 * and measure the garbage collector instead.
 */
async function inOwnTask(job: FuzzJob): Promise<void> {
  handleJob(job);
  await new Promise((r) => setImmediate(r));
}

/** The in-process runner's body: warm up, then the measured cases; prints the rate. */
async function inProcessRunner(): Promise<void> {
  useScratch();
  primeInterpreter(); // as a fuzz worker does
  for (let s = 0; s < WARMUP; s += BATCH) await inOwnTask(batch(CASES + s, BATCH));
  await settle();
  const start = performance.now();
  for (let s = 0; s < CASES; s += BATCH) await inOwnTask(batch(s, BATCH));
  process.stdout.write(`${CASES / ((performance.now() - start) / 1000)}\n`);
}

/** Runs this file as the in-process runner, with a lone worker's flags. */
function inProcess(): number {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, [...workerFlags(1, WORKER_MEMORY_MB), self, IN_PROCESS], { encoding: 'utf8' });
  const rate = Number(r.stdout.trim());
  if (r.status !== 0 || !(rate > 0)) throw new Error(`in-process fuzz runner failed (${r.status}): ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  return rate;
}

/** The best of REPEATS runs of `run`, each after the machine settles. */
async function best(run: () => number | Promise<number>): Promise<number> {
  let top = 0;
  for (let i = 0; i < REPEATS; i++) {
    await settle();
    top = Math.max(top, await run());
  }
  return top;
}

/** The fuzzBench rows (cases per second). */
export async function fuzzBench(): Promise<BenchRow[]> {
  drawCases(SEED, CASES, BATCH).map(toOracleCase); // warm up the generator
  const t = performance.now();
  for (let s = 0; s < CASES; s += BATCH) drawCases(SEED, s, BATCH).map(toOracleCase);
  const genRate = CASES / ((performance.now() - t) / 1000);
  const here = await best(inProcess);
  const one = await best(() => throughPool(1));
  const two = await best(() => throughPool(2));
  const row = (c: string, value: number, extra: Partial<BenchRow> = {}): BenchRow => ({
    bench: 'fuzz', case: c, metric: `cases/s (${CASES} cases, seed ${SEED})`, value, unit: 'cases/s', ...extra,
  });
  return [
    row('generate only', genRate),
    row('in process (3 engines)', here),
    row('pool --jobs 1', one, { ratio: here / one, baseline: 'in process', note: 'isolation overhead' }),
    row('pool --jobs 2', two, { ratio: two / here, baseline: 'in process', note: 'speed-up on 2 workers' }),
  ];
}

if (process.argv[2] === IN_PROCESS) {
  inProcessRunner().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
