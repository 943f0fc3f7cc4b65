// A finding's signature: what failed, stripped of values, hashed. Two cases with the same
// signature are taken to be the same bug: the second is counted, not saved, and the reducer
// keeps a smaller case only if it fails with the same signature.
//
// Hashed, as JSON: [kind, engines, key] where
// - kind is `mismatch`, `crash` or `timeout`;
// - engines are the two engines that differed, reference first (`interp`,`compiled`), or
//   `validator`,`v8`|`generator` for a module our validator rejects; empty for crash/timeout;
// - key is the oracle's value-free description: the aspect and, for outcomes, the outcome
//   kinds with trap kinds (`trap(integer overflow)/values`, `result:i32`, `memory:bytes`,
//   `host-calls:args`, `fuel`, `error(other:TypeError)`, with `denan:` in front when the
//   difference only shows on the NaN-canonicalized module); for a crash, how the worker died
//   (`killed by SIGSEGV`, `exited with code 1`, `out of memory`, `worker error: <name>`);
//   for a timeout, `timeout`.
// The call index, export names and values are left out: they change while reducing.

import { createHash } from 'node:crypto';
import type { CaseVerdict } from '../oracles/types.js';

/** The kinds of finding. */
export type FindingKind = 'mismatch' | 'crash' | 'timeout';

/** What a signature is computed from. */
export interface Failure {
  readonly kind: FindingKind;
  readonly engines: readonly string[];
  readonly key: string;
  /** For people: what differed, with values. Not hashed. */
  readonly detail: string;
  /** Index of the call where it showed, -1 for instantiation. Not hashed. */
  readonly call?: number;
}

/** The failure of a failed verdict. */
export function failureOfVerdict(v: CaseVerdict & { kind: 'failed' }): Failure {
  const m = v.mismatch;
  return { kind: 'mismatch', engines: m.engines, key: m.key, detail: m.detail, call: m.call };
}

/** The failure of a worker that died or hung on a case (`detail` from the pool). */
export function failureOfWorker(kind: 'crash' | 'timeout', detail: string): Failure {
  // "worker error: TypeError: x is not a function" keeps only the error's name.
  const key = kind === 'timeout' ? 'timeout' : detail.replace(/^(worker error: [A-Za-z]+).*$/s, '$1');
  return { kind, engines: [], key, detail };
}

/** The signature: 16 hex digits of SHA-256 over [kind, engines, key]. */
export function signatureOf(f: Failure): string {
  return createHash('sha256').update(JSON.stringify([f.kind, f.engines, f.key])).digest('hex').slice(0, 16);
}
