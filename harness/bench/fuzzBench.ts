// Fuzzer throughput: the same fixed set of cases (one seed, indices 0..N) generated only, run
// in this process, and run through the worker pool with 1 and 2 workers. The 1-worker figure
// against the in-process one is the cost of isolation (IPC, the worker's own startup excluded).

import { handleJob, type FuzzJob } from '../fuzz/jobs.js';
import { fuzzPool } from '../fuzz/cliOptions.js';
import { drawCases, toOracleCase } from '../fuzz/target.js';
import type { EngineName } from '../oracles/types.js';
import type { BenchRow } from './_internals/measure.js';

const SEED = 20260101;
const CASES = 600;
const BATCH = 50;
const ENGINES: readonly EngineName[] = ['interp', 'compiled', 'v8'];

const batch = (start: number, count: number): FuzzJob => ({ kind: 'batch', seed: SEED, start, count, overlay: {}, engines: ENGINES });

async function throughPool(jobs: number): Promise<number> {
  const pool = fuzzPool(jobs);
  try {
    // Warm every worker (startup and JIT) on cases outside the measured range.
    await Promise.all(Array.from({ length: jobs }, (_, i) => pool.run(batch(CASES + i * 20, 20), 60_000)));
    const start = performance.now();
    const all: Promise<unknown>[] = [];
    for (let s = 0; s < CASES; s += BATCH) all.push(pool.run(batch(s, BATCH), 120_000));
    await Promise.all(all);
    return CASES / ((performance.now() - start) / 1000);
  } finally {
    pool.close();
  }
}

/** The fuzzBench rows (cases per second). */
export async function fuzzBench(): Promise<BenchRow[]> {
  let t = performance.now();
  for (let s = 0; s < CASES; s += BATCH) drawCases(SEED, s, BATCH).map(toOracleCase);
  const genRate = CASES / ((performance.now() - t) / 1000);
  handleJob(batch(CASES, 20)); // warm up
  t = performance.now();
  for (let s = 0; s < CASES; s += BATCH) handleJob(batch(s, BATCH));
  const inProcess = CASES / ((performance.now() - t) / 1000);
  const one = await throughPool(1);
  const two = await throughPool(2);
  const row = (c: string, value: number, extra: Partial<BenchRow> = {}): BenchRow => ({
    bench: 'fuzz', case: c, metric: `cases/s (${CASES} cases, seed ${SEED})`, value, unit: 'cases/s', ...extra,
  });
  return [
    row('generate only', genRate),
    row('in process (3 engines)', inProcess),
    row('pool --jobs 1', one, { ratio: inProcess / one, baseline: 'in process', note: 'isolation overhead' }),
    row('pool --jobs 2', two, { ratio: two / inProcess, baseline: 'in process', note: 'speed-up on 2 workers' }),
  ];
}
