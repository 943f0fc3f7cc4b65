// A long-lived pool of child processes for jobs submitted one at a time (the fuzz loop, the
// reducer's candidates), speaking harness/exec/pool.ts's worker protocol (`serveJobs`). A worker
// that dies (signal, exit, out of memory) or hangs past its job's timeout is replaced at once
// (the replacement warms up while the caller records the crash), and so, quietly, is one past
// its age limit. Not a scheduler: jobs queue in order.

import { fork, type ChildProcess } from 'node:child_process';
import type { JobOutcome } from '../exec/pool.js';

/** Options for a {@link WorkerPool}. */
export interface WorkerPoolOptions {
  /** Module path of the worker script (it must call `serveJobs`). */
  readonly script: string;
  /** Number of workers. */
  readonly size: number;
  /** Extra node flags for the workers (e.g. `--max-old-space-size=512`). */
  readonly execArgv?: readonly string[];
  /** The workers' environment (default: this process's). */
  readonly env?: NodeJS.ProcessEnv;
  /** Called once, when the pool closes and its workers are killed (e.g. to remove their files). */
  readonly onClose?: () => void;
  /**
   * Keep one started, idle worker in reserve to replace a dead one at once: a worker takes a
   * few hundred ms to start, which would otherwise be paid by every crashing job.
   */
  readonly spare?: boolean;
  /**
   * Retire a worker once it has lived this long: after the job it is running, it is replaced
   * (by the spare when there is one) without any outcome saying so. V8 slows down over a long
   * run of very many short, different modules (its wasm compilations above all: 3x the share
   * after 30,000 cases), and a fresh process does not.
   */
  readonly retireAfterMs?: number;
}

interface Worker {
  child: ChildProcess;
  /** The last few KB the worker wrote to stderr (why it died, for crash details). */
  stderr: string;
  busy: boolean;
  /** When the process was started (Date.now()). */
  readonly bornAt: number;
}

interface Pending<J, R> {
  readonly job: J;
  readonly timeoutMs: number;
  readonly resolve: (o: JobOutcome<R>) => void;
}

const STDERR_TAIL = 4096;

/** Why a worker's process ended, in words (signal, exit code, out of memory). */
function deathDetail(code: number | null, signal: NodeJS.Signals | null, stderr: string): string {
  if (/heap out of memory|Reached heap limit|Allocation failed/i.test(stderr)) return 'out of memory';
  return signal ? `killed by ${signal}` : `exited with code ${code}`;
}

/** A pool of child processes running jobs, isolating the caller from whatever the jobs do. */
export class WorkerPool<J, R> {
  private readonly workers: Worker[] = [];
  private readonly queue: Pending<J, R>[] = [];
  private spare: Worker | undefined;
  private closed = false;
  /** The stderr tail of the last worker that died, for reporting a pool that cannot start. */
  lastStderr = '';

  constructor(private readonly opts: WorkerPoolOptions) {
    for (let i = 0; i < Math.max(1, opts.size); i++) this.workers.push(this.spawn());
    if (opts.spare === true) this.spare = this.spawn();
  }

  /** Number of workers. */
  get size(): number {
    return this.workers.length;
  }

  private spawn(): Worker {
    const child = fork(this.opts.script, [], {
      execArgv: [...(this.opts.execArgv ?? [])],
      env: this.opts.env ?? process.env,
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    const w: Worker = { child, stderr: '', busy: false, bornAt: Date.now() };
    // A failed send or spawn surfaces as 'close' (reported there); an unhandled 'error' would kill us.
    child.on('error', () => {});
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (s: string) => {
      w.stderr = (w.stderr + s).slice(-STDERR_TAIL);
    });
    // An idle worker that dies (it should not) is simply replaced.
    child.once('exit', () => {
      if (w === this.spare) this.spare = this.closed ? undefined : this.spawn();
      else if (!w.busy) this.replace(w);
    });
    return w;
  }

  private replace(w: Worker): void {
    const i = this.workers.indexOf(w);
    if (i < 0) return;
    w.child.removeAllListeners('exit');
    if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
    if (this.closed) {
      this.workers.splice(i, 1);
      return;
    }
    const fresh = this.spare ?? this.spawn();
    if (this.spare !== undefined) this.spare = this.spawn();
    this.workers[i] = fresh;
    this.dispatch();
  }

  /** Runs `job` on a worker; resolves with its result, or a crash or timeout outcome. Never rejects. */
  run(job: J, timeoutMs: number): Promise<JobOutcome<R>> {
    if (this.closed) return Promise.resolve({ kind: 'crash', detail: 'pool closed' });
    return new Promise((resolve) => {
      this.queue.push({ job, timeoutMs, resolve });
      this.dispatch();
    });
  }

  private dispatch(): void {
    for (const w of this.workers) {
      if (this.queue.length === 0) return;
      if (w.busy || !w.child.connected) continue;
      this.start(w, this.queue.shift()!);
    }
  }

  private start(w: Worker, p: Pending<J, R>): void {
    w.busy = true;
    w.stderr = '';
    const child = w.child;
    let settled = false;
    const settle = (outcome: JobOutcome<R>, dead: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.removeListener('message', onMessage);
      child.removeListener('close', onClose);
      w.busy = false;
      p.resolve(outcome);
      const retire = this.opts.retireAfterMs !== undefined && Date.now() - w.bornAt >= this.opts.retireAfterMs;
      if (dead || retire) this.replace(w);
      else this.dispatch();
    };
    const onMessage = (msg: { ok: true; result: R } | { ok: false; error: string }): void => {
      if (msg.ok) settle({ kind: 'ok', result: msg.result }, false);
      else settle({ kind: 'crash', detail: `worker error: ${msg.error.split('\n')[0]}` }, true);
    };
    // 'close' (not 'exit'): by then stderr has been read to the end, so OOM can be told apart.
    const onClose = (code: number | null, signal: NodeJS.Signals | null): void => {
      this.lastStderr = w.stderr;
      settle({ kind: 'crash', detail: deathDetail(code, signal, w.stderr) }, true);
    };
    const timer = setTimeout(() => settle({ kind: 'timeout', detail: `no answer within ${p.timeoutMs} ms` }, true), p.timeoutMs);
    child.on('message', onMessage);
    child.once('close', onClose);
    child.send({ job: p.job });
  }

  /** Stops every worker; queued jobs resolve as crashes ("pool closed"). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const p of this.queue.splice(0)) p.resolve({ kind: 'crash', detail: 'pool closed' });
    if (this.spare !== undefined) this.workers.push(this.spare);
    this.spare = undefined;
    for (const w of this.workers.splice(0)) {
      w.child.removeAllListeners('exit');
      if (w.child.connected) w.child.disconnect();
      w.child.kill('SIGKILL');
    }
    this.opts.onClose?.();
  }
}
