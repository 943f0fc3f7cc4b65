// Compares what one call did on two engines (outcome, host calls, fuel) and the state after it
// (memories, globals, tables). A step is the same, stops the pair (a skip or a poison, with its
// reason), or differs (an aspect, a value-free key for signatures, and a detail for people).

import { TrapKind } from '../../runtime/errors.js';
import { sameValue, showValue, type NanRule } from './values.js';
import type { Aspect, CallOutcome, CallRecord, HostCall, Snapshot } from './types.js';

/** What a pair of engines may be held to. */
export interface PairRules {
  /** One side is V8: values crossed its JS boundary (f32 NaNs may be quieted). */
  readonly jsBoundary: boolean;
  /** Both sides count fuel: it must agree exactly, and fuel termination is compared too. */
  readonly fuel: boolean;
}

/** The result of comparing one step. */
export type Step =
  | { readonly kind: 'same' }
  | { readonly kind: 'skip'; readonly reason: string }
  | { readonly kind: 'poison'; readonly reason: string }
  | { readonly kind: 'differ'; readonly aspect: Aspect; readonly key: string; readonly detail: string };

const SAME: Step = { kind: 'same' };

function differ(aspect: Aspect, key: string, detail: string): Step {
  return { kind: 'differ', aspect, key, detail };
}

/** Value-free name of an outcome: `values`, `trap(kind)`, `error(name)`. */
export function outcomeKey(o: CallOutcome): string {
  switch (o.kind) {
    case 'values': return 'values';
    case 'trap': return `trap(${o.kinds.join('|')})`;
    case 'error': return `error(${o.name})`;
    default: return o.kind;
  }
}

/** Text of an outcome with its values. */
export function showOutcome(o: CallOutcome): string {
  switch (o.kind) {
    case 'values': return `[${o.values.map(showValue).join(', ')}]`;
    case 'trap': return `trap "${o.message}"`;
    case 'exhausted': return `limit: ${o.message}`;
    case 'error': return `${o.name}: ${o.message}`;
    case 'skipped': return `skipped (${o.reason})`;
  }
}

function showHost(h: readonly HostCall[]): string {
  return h.length === 0 ? '(none)' : h.map((c) => `${c.name}(${c.args.map(showValue).join(', ')})`).join(' ');
}

/**
 * Compares how one call ended on `ref` and on `other`: skips and engine limits stop the pair,
 * an internal error differs whatever the other side did, traps match when their kind sets
 * meet (V8 merges some kinds), values by `sameValue` (with `nan[i]` for result `i`, where the
 * caller knows the spec's NaN rule for it).
 */
export function compareOutcomes(a: CallOutcome, b: CallOutcome, rules: PairRules, nan?: readonly NanRule[]): Step {
  if (a.kind === 'skipped') return { kind: 'skip', reason: a.reason };
  if (b.kind === 'skipped') return { kind: 'skip', reason: b.reason };
  // An internal error is a bug whatever the other side did.
  if (a.kind === 'error' || b.kind === 'error') {
    if (a.kind !== 'error' || b.kind !== 'error' || a.name !== b.name || a.message !== b.message || a.name !== 'CompileError') {
      const side = a.kind === 'error' ? `ref:${a.name}` : `other:${(b as { name: string }).name}`;
      return differ('error', `error(${side})`, `${showOutcome(a)} vs ${showOutcome(b)}`);
    }
  }
  if (a.kind === 'exhausted' || b.kind === 'exhausted') {
    const m = (a.kind === 'exhausted' ? a : b) as { message: string };
    return { kind: 'poison', reason: m.message.startsWith('resource limit') ? 'resource limit' : 'stack exhaustion' };
  }
  if (!rules.fuel && a.kind === 'trap' && a.kinds.includes(TrapKind.OutOfFuel)) return { kind: 'skip', reason: 'fuel-terminated' };
  if (a.kind !== b.kind) return differ('outcome', `${outcomeKey(a)}/${outcomeKey(b)}`, `${showOutcome(a)} vs ${showOutcome(b)}`);
  if (a.kind === 'trap') {
    const kinds = (b as typeof a).kinds;
    if (!a.kinds.some((k) => kinds.includes(k))) return differ('trap', `${outcomeKey(a)}/${outcomeKey(b)}`, `${showOutcome(a)} vs ${showOutcome(b)}`);
  } else if (a.kind === 'values') {
    const vs = (b as typeof a).values;
    if (vs.length !== a.values.length) return differ('result', 'result:count', `${showOutcome(a)} vs ${showOutcome(b)}`);
    for (let i = 0; i < vs.length; i++) {
      if (!sameValue(a.values[i]!, vs[i]!, rules.jsBoundary, nan?.[i])) {
        return differ('result', `result:${a.values[i]!.t}`, `result ${i}: ${showOutcome(a)} vs ${showOutcome(b)}`);
      }
    }
  }
  return SAME;
}

/** Compares one call (or instantiation) on `ref` and `other`: outcome, host calls, fuel left. */
export function compareRecords(ref: CallRecord, other: CallRecord, rules: PairRules): Step {
  const step = compareOutcomes(ref.outcome, other.outcome, rules);
  if (step !== SAME) return step;
  const host = compareHost(ref.host, other.host, rules.jsBoundary);
  if (host !== SAME) return host;
  if (rules.fuel && ref.fuel !== other.fuel) return differ('fuel', 'fuel', `fuel left ${ref.fuel} vs ${other.fuel}`);
  return SAME;
}

function compareHost(a: readonly HostCall[], b: readonly HostCall[], js: boolean): Step {
  const bad = (key: string) => differ('host-calls', key, `${showHost(a)} vs ${showHost(b)}`);
  if (a.length !== b.length) return bad('host-calls:count');
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.name !== y.name || x.args.length !== y.args.length) return bad('host-calls:callee');
    for (let k = 0; k < x.args.length; k++) if (!sameValue(x.args[k]!, y.args[k]!, js)) return bad('host-calls:args');
  }
  return SAME;
}

function firstDiff(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return n;
}

/** Compares the state of two engines after the same call. */
export function compareSnapshots(a: Snapshot, b: Snapshot, rules: PairRules): Step {
  for (const [name, ma] of a.memories) {
    const mb = b.memories.get(name);
    if (mb === undefined) return differ('memory', 'memory:missing', `memory ${name} missing on the other engine`);
    if (ma.length !== mb.length) return differ('memory', 'memory:size', `memory ${name}: ${ma.length} vs ${mb.length} bytes`);
    if (Buffer.compare(ma, mb) !== 0) {
      const at = firstDiff(ma, mb);
      const show = (m: Uint8Array) => Buffer.from(m.subarray(at, at + 8)).toString('hex');
      return differ('memory', 'memory:bytes', `memory ${name} differs from byte ${at}: ${show(ma)} vs ${show(mb)}`);
    }
  }
  for (const [name, ga] of a.globals) {
    const gb = b.globals.get(name);
    if (ga === undefined || gb === undefined) continue; // unreadable on one side (v128 on V8)
    if (!sameValue(ga, gb, rules.jsBoundary)) return differ('global', `global:${ga.t}`, `global ${name}: ${showValue(ga)} vs ${showValue(gb)}`);
  }
  for (const [name, ta] of a.tables) {
    const tb = b.tables.get(name);
    if (tb === undefined) return differ('table', 'table:missing', `table ${name} missing on the other engine`);
    if (ta.length !== tb.length) return differ('table', 'table:size', `table ${name}: ${ta.length} vs ${tb.length} elements`);
    for (let i = 0; i < ta.length; i++) {
      if (ta[i] !== tb[i]) return differ('table', 'table:elements', `table ${name}[${i}]: ${ta[i]} vs ${tb[i]}`);
    }
  }
  return SAME;
}
