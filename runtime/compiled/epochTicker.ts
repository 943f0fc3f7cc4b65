// Advances an engine's epoch from another thread. Wasm runs synchronously, so no JS timer
// of this thread can fire while it loops; a worker thread sharing the epoch's memory can,
// and epoch checks (function entry, loop headers) then see the deadline pass.

import { Worker } from 'node:worker_threads';

/** A running ticker. */
export interface EpochTicker {
  /** Resolves once the worker runs (ticks start within one interval after that). */
  readonly ready: Promise<void>;
  /** Stops ticking and ends the worker. */
  stop(): Promise<void>;
}

// CommonJS: an `eval` worker is a script. Atomics.add is the same increment Engine uses.
const TICKER = `
const { workerData } = require('node:worker_threads');
setInterval(() => Atomics.add(workerData.epoch, 0, 1), workerData.intervalMs);
`;

/**
 * Starts advancing `epoch[0]` by one every `intervalMs` milliseconds on a worker thread.
 * `epoch` must be backed by a SharedArrayBuffer (Engine.epoch is). Once running, the worker
 * does not keep the process alive.
 */
export function startEpochTicker(epoch: Int32Array, intervalMs: number): EpochTicker {
  if (!(epoch.buffer instanceof SharedArrayBuffer)) throw new TypeError('the epoch must live in a SharedArrayBuffer');
  const worker = new Worker(TICKER, { eval: true, workerData: { epoch, intervalMs } });
  const ready = new Promise<void>((resolve, reject) => {
    // Referenced until it runs, so awaiting `ready` keeps the process alive; not after.
    worker.once('online', () => {
      worker.unref();
      resolve();
    });
    worker.once('error', reject);
  });
  return {
    ready,
    stop: async () => {
      await worker.terminate();
    },
  };
}
