// Runs whole cases on a worker pool and names each one's failure by its signature: the test
// the reducer, `crucible repro` and `crucible reduce` use, so a case that crashes or hangs a
// worker is judged the same way as one the oracle rejects.

import { failureOfVerdict, failureOfWorker, signatureOf, type Failure } from '../findings/signature.js';
import type { JobOutcome } from '../exec/pool.js';
import type { EngineName, OracleCase } from '../oracles/types.js';
import { toWire, type FuzzJob, type FuzzJobResult } from './jobs.js';
import type { WorkerPool } from './WorkerPool.js';

/** The failure a job outcome shows, or undefined when the case passed (or was poisoned). */
export function failureOfOutcome(o: JobOutcome<FuzzJobResult>): Failure | undefined {
  if (o.kind !== 'ok') return failureOfWorker(o.kind, o.detail);
  if (o.result.kind !== 'case') return undefined;
  const v = o.result.verdict;
  return v.kind === 'failed' ? failureOfVerdict(v) : undefined;
}

/** Runs one case on the pool. */
export function runCase(pool: WorkerPool<FuzzJob, FuzzJobResult>, c: OracleCase, engines: readonly EngineName[], timeoutMs: number): Promise<JobOutcome<FuzzJobResult>> {
  return pool.run({ kind: 'case', case: toWire(c), engines }, timeoutMs);
}

/** A tester for minimize.ts: each candidate's signature (undefined when it passes), all run at once. */
export function caseTester(pool: WorkerPool<FuzzJob, FuzzJobResult>, engines: readonly EngineName[], timeoutMs: number) {
  return async (cands: readonly OracleCase[]): Promise<(string | undefined)[]> => {
    const outs = await Promise.all(cands.map((c) => runCase(pool, c, engines, timeoutMs)));
    return outs.map((o) => {
      const f = failureOfOutcome(o);
      return f === undefined ? undefined : signatureOf(f);
    });
  };
}
