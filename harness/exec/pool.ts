// A pool of child processes that run jobs one at a time each. The parent never runs the work
// itself. A worker that dies (signal, exit), or exceeds its per-job timeout, is replaced and
// its job is reported as a crash or timeout instead of a result.

import { fork, type ChildProcess } from 'node:child_process';

/** How one job ended. */
export type JobOutcome<R> =
  | { kind: 'ok'; result: R }
  | { kind: 'crash'; detail: string }
  | { kind: 'timeout'; detail: string };

/** Options for {@link runPool}. */
export interface PoolOptions {
  /** Module path of the worker script (it must call `serveJobs`). */
  script: string;
  /** Parallel workers. */
  jobs: number;
  /** Per-job time limit in ms. */
  timeoutMs: number;
  /** Extra node flags for the workers (e.g. --max-old-space-size). */
  execArgv?: string[];
}

interface Slot {
  child: ChildProcess;
}


/**
 * Runs every job on the pool, calling `onDone` as each finishes (in completion order), and
 * resolves when all are done.
 */
export async function runPool<J, R>(
  jobs: readonly J[],
  opts: PoolOptions,
  onDone: (job: J, index: number, outcome: JobOutcome<R>) => void,
): Promise<void> {
  let next = 0;
  let remaining = jobs.length;
  if (remaining === 0) return;
  const live = new Set<ChildProcess>();
  await new Promise<void>((resolveAll) => {
    const spawn = (): Slot => {
      const child = fork(opts.script, [], { execArgv: opts.execArgv ?? [], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      live.add(child);
      child.once('exit', () => live.delete(child));
      return { child };
    };
    const finish = (slot: Slot | undefined, index: number, outcome: JobOutcome<R>) => {
      onDone(jobs[index], index, outcome);
      remaining--;
      if (remaining === 0) {
        // Idle workers would keep this process alive: let them go.
        for (const child of live) if (child.connected) child.disconnect();
        resolveAll();
        return;
      }
      if (slot) feed(slot);
    };
    const feed = (slot: Slot) => {
      if (next >= jobs.length) {
        if (slot.child.connected) slot.child.disconnect();
        return;
      }
      const index = next++;
      let settled = false;
      const settle = (outcome: JobOutcome<R>, replace: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        slot.child.removeAllListeners('message');
        slot.child.removeAllListeners('exit');
        if (replace) {
          slot.child.kill('SIGKILL');
          const fresh = spawn();
          finish(fresh, index, outcome);
        } else {
          finish(slot, index, outcome);
        }
      };
      const timer = setTimeout(() => settle({ kind: 'timeout', detail: `no answer within ${opts.timeoutMs} ms` }, true), opts.timeoutMs);
      slot.child.once('message', (msg: { ok: true; result: R } | { ok: false; error: string }) => {
        if (msg.ok) settle({ kind: 'ok', result: msg.result }, false);
        else settle({ kind: 'crash', detail: msg.error }, true);
      });
      slot.child.once('exit', (code, signal) => {
        settle({ kind: 'crash', detail: signal ? `worker killed by ${signal}` : `worker exited with code ${code}` }, true);
      });
      slot.child.send({ job: jobs[index] });
    };
    const n = Math.max(1, Math.min(opts.jobs, jobs.length));
    for (let i = 0; i < n; i++) feed(spawn());
  });
}

/**
 * Worker side: answers each job message with `handle(job)`. An exception inside `handle` is
 * reported as a crash of that job.
 */
export function serveJobs<J, R>(handle: (job: J) => Promise<R> | R): void {
  process.on('message', async (msg: { job: J }) => {
    try {
      const result = await handle(msg.job);
      process.send!({ ok: true, result });
    } catch (e) {
      process.send!({ ok: false, error: e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ''}` : String(e) });
    }
  });
}
