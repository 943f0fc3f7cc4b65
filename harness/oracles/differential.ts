// The differential oracle: runs one case on several engines in lockstep and returns a verdict.
// The first engine is the reference; every other engine is compared with it after
// instantiation and after each call. A V8 disagreement is re-checked on the NaN-canonicalized
// module before it counts (the spec lets NaN bits differ; see denan.ts).

import { checkModule } from '../../runtime/api/Module.js';
import { compareRecords, compareSnapshots, type PairRules, type Step } from './comparePair.js';
import { denan } from './denan.js';
import type { CaseVerdict, EngineSession, Mismatch, OracleCase, OracleEngine, PreparedCase } from './types.js';

interface Pair {
  readonly other: number;
  readonly rules: PairRules;
  live: boolean;
}

const ours = (e: OracleEngine): boolean => e.name !== 'v8';

/** Runs `c` on `engines` (reference first) and compares them. Never throws for wasm-level failures. */
export function runDifferential(c: OracleCase, engines: readonly OracleEngine[]): CaseVerdict {
  return run(c, engines, true);
}

function run(c: OracleCase, engines: readonly OracleEngine[], retryDenan: boolean): CaseVerdict {
  const skips: string[] = [];
  const poisons: string[] = [];
  let info;
  try {
    info = checkModule(c.bytes);
  } catch (e) {
    const v8Accepts = WebAssembly.validate(c.bytes);
    const mismatch: Mismatch = {
      engines: ['validator', v8Accepts ? 'v8' : 'generator'],
      aspect: 'module',
      call: -1,
      key: v8Accepts ? 'module:rejected-by-ours' : 'module:invalid',
      detail: `our validator rejects the module: ${(e as Error).message}${v8Accepts ? ' (V8 accepts it)' : ' (V8 too)'}`,
    };
    return { kind: 'failed', mismatch, skips, poisons };
  }
  const p: PreparedCase = { ...c, info };
  const live = engines.filter((e) => {
    const why = e.canRun(p);
    if (why !== undefined) skips.push(`${e.name}: ${why}`);
    return why === undefined;
  });
  if (live.length < 2) return { kind: 'success', skips, poisons };
  const found = lockstep(p, live, skips, poisons);
  if (found === undefined) return { kind: poisons.length > 0 ? 'poisoned' : 'success', skips, poisons };
  if (found.deferred !== undefined) {
    // Only V8 disagreed: does it still when no NaN bits are left to the engines' choice?
    const canonical = retryDenan ? denan(c.bytes) : undefined;
    if (canonical !== undefined) {
      const again = run({ ...c, bytes: canonical }, [live[0]!, ...live.filter((e) => e.name === 'v8')], false);
      if (again.kind !== 'failed') {
        poisons.push('v8: NaN nondeterminism');
        return { kind: 'poisoned', skips, poisons };
      }
      const m = again.mismatch;
      return { kind: 'failed', mismatch: { ...m, key: `denan:${m.key}`, detail: `${m.detail} (after NaN canonicalization)` }, skips, poisons };
    }
    return { kind: 'failed', mismatch: found.deferred, skips, poisons };
  }
  return { kind: 'failed', mismatch: found.now!, skips, poisons };
}

/**
 * Runs the sessions call by call. Returns undefined when every pair agreed (or stopped), else
 * the mismatch: `now` for one between our tiers, `deferred` when only a V8 pair differed.
 */
function lockstep(
  c: PreparedCase,
  engines: readonly OracleEngine[],
  skips: string[],
  poisons: string[],
): { now?: Mismatch; deferred?: Mismatch } | undefined {
  const sessions: EngineSession[] = [];
  let found: { now?: Mismatch; deferred?: Mismatch } | undefined;
  try {
    for (const e of engines) sessions.push(e.open(c));
    found = compareSessions(c, engines, sessions, skips, poisons);
  } finally {
    // Every session is closed, even after a throw; a failing close is a finding of its own
    // (our store refuses to dispose while it thinks wasm code is running: a leaked call depth).
    sessions.forEach((s, k) => {
      try {
        s.close();
      } catch (e) {
        const name = (e as Error)?.name ?? typeof e;
        const m: Mismatch = {
          engines: [engines[0]!.name, engines[k]!.name], aspect: 'error', call: c.calls.length,
          key: `error(close:${name})`, detail: `closing the ${engines[k]!.name} session threw ${name}: ${(e as Error)?.message ?? String(e)}`,
        };
        if (found?.now === undefined) found = { now: m };
      }
    });
  }
  return found;
}

/** The lockstep comparison proper, over sessions already open. */
function compareSessions(
  c: PreparedCase,
  engines: readonly OracleEngine[],
  sessions: readonly EngineSession[],
  skips: string[],
  poisons: string[],
): { now?: Mismatch; deferred?: Mismatch } | undefined {
  const pairs: Pair[] = engines.slice(1).map((e, i) => ({
    other: i + 1,
    rules: { jsBoundary: !ours(e) || !ours(engines[0]!), fuel: ours(e) && ours(engines[0]!) && c.config.consumeFuel },
    live: true,
  }));
  let deferred: Mismatch | undefined;
  const judge = (pair: Pair, step: Step, call: number): Mismatch | undefined => {
    if (step.kind === 'same') return undefined;
    pair.live = false;
    const name = engines[pair.other]!.name;
    if (step.kind === 'skip') skips.push(`${name}: ${step.reason}`);
    else if (step.kind === 'poison') poisons.push(`${name}: ${step.reason}`);
    else {
      const m: Mismatch = { engines: [engines[0]!.name, name], aspect: step.aspect, call, key: step.key, detail: step.detail };
      if (name !== 'v8') return m;
      deferred ??= m;
    }
    return undefined;
  };
  const compareAll = (records: (ReturnType<EngineSession['call']> | undefined)[], call: number): Mismatch | undefined => {
    for (const pair of pairs) {
      if (!pair.live) continue;
      const step = compareRecords(records[0]!, records[pair.other]!, pair.rules);
      const m = judge(pair, call < 0 && step.kind === 'differ' && step.aspect === 'outcome' ? { ...step, aspect: 'instantiate' } : step, call);
      if (m !== undefined) return m;
    }
    // State after a trapping call counts; after a failed instantiation there is none to read.
    const ok = records[0]!.outcome.kind === 'values' || (call >= 0 && records[0]!.outcome.kind === 'trap');
    if (!ok) return undefined;
    const refState = sessions[0]!.snapshot();
    for (const pair of pairs) {
      if (!pair.live) continue;
      const m = judge(pair, compareSnapshots(refState, sessions[pair.other]!.snapshot(), pair.rules), call);
      if (m !== undefined) return m;
    }
    return undefined;
  };

  const now = compareAll(sessions.map((s) => s.instantiated), -1);
  if (now !== undefined) return { now };
  if (sessions[0]!.instantiated.outcome.kind !== 'values') return deferred && { deferred };
  for (let i = 0; i < c.calls.length; i++) {
    if (!pairs.some((p) => p.live)) break;
    const call = c.calls[i]!;
    const ref = sessions[0]!.call(call);
    if (ref.outcome.kind === 'exhausted') {
      // Every pair is poisoned whatever the others do: spare them the (deep, slow) call.
      const limit = ref.outcome.message.startsWith('resource limit') ? 'resource limit' : 'stack exhaustion';
      poisons.push(`${engines[0]!.name}: ${limit}`);
      break;
    }
    const records = sessions.map((s, k) => (k === 0 ? ref : pairs[k - 1]!.live ? s.call(call) : undefined));
    const m = compareAll(records, i);
    if (m !== undefined) return { now: m };
  }
  return deferred && { deferred };
}
