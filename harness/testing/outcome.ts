// How one call ended on one engine, in engine-neutral terms, and the comparison of two such
// endings (a reference engine's and ours) into a verdict: same, poisoned (an engine limit such
// as stack exhaustion makes the comparison meaningless) or differ, always with a reason.

import type { TrapKind } from '../../runtime/errors.js';
import { isArithmeticNaNBits, isCanonicalNaNBits, isFloat, isNaNBits, showBits, type Bits, type ScalarType } from './bits.js';

/** The end of one call. A trap lists the kinds it may stand for (ours: exactly one). */
export type Outcome =
  | { readonly kind: 'values'; readonly values: readonly Bits[] }
  | { readonly kind: 'trap'; readonly kinds: readonly TrapKind[]; readonly message: string }
  | { readonly kind: 'exhausted'; readonly message: string }
  | { readonly kind: 'error'; readonly error: unknown };

/**
 * What the spec lets a NaN result be. `exact`: the bits are determined (abs, neg, copysign,
 * reinterpret, const, loads); `canonical`: any canonical NaN (every NaN input was canonical);
 * `arithmetic`: any NaN with the quiet bit set.
 */
export type NanRule = 'exact' | 'canonical' | 'arithmetic';

/** Verdict of one comparison. */
export type Verdict =
  | { readonly kind: 'same' }
  | { readonly kind: 'poisoned'; readonly why: string }
  | { readonly kind: 'differ'; readonly why: string };

/** How to read the values being compared. */
export interface CompareRules {
  /** Result types, to know which values are floats. */
  readonly results: readonly ScalarType[];
  /** NaN rule per result (default `exact` for all). */
  readonly nan?: readonly NanRule[];
}

/** Short text of an outcome for failure messages. */
export function showOutcome(o: Outcome, results: readonly ScalarType[]): string {
  switch (o.kind) {
    case 'values': return `[${o.values.map((v, i) => showBits(results[i] ?? 'i64', v)).join(', ')}]`;
    case 'trap': return `trap ${o.kinds.map((k) => `"${k}"`).join('|')}`;
    case 'exhausted': return `stack exhausted (${o.message})`;
    case 'error': return `error ${String((o.error as Error)?.stack ?? o.error)}`;
  }
}

/** Whether `ours` may stand in for `ref` under `rules`; `ref` is the reference engine's outcome. */
export function compareOutcomes(ref: Outcome, ours: Outcome, rules: CompareRules): Verdict {
  const differ = (extra = ''): Verdict => ({
    kind: 'differ',
    why: `reference ${showOutcome(ref, rules.results)}, ours ${showOutcome(ours, rules.results)}${extra}`,
  });
  if (ref.kind === 'exhausted' || ours.kind === 'exhausted') {
    return { kind: 'poisoned', why: `stack exhaustion (${ref.kind === 'exhausted' ? 'reference' : 'ours'})` };
  }
  if (ref.kind !== ours.kind) return differ();
  if (ref.kind === 'error') return ref.error === (ours as typeof ref).error ? { kind: 'same' } : differ(' (not the same object)');
  if (ref.kind === 'trap') {
    const mine = (ours as typeof ref).kinds;
    return mine.length === 1 && ref.kinds.includes(mine[0]!) ? { kind: 'same' } : differ();
  }
  const theirs = ref.values;
  const mine = (ours as typeof ref).values;
  if (theirs.length !== mine.length) return differ(' (result count)');
  for (let i = 0; i < theirs.length; i++) {
    if (theirs[i] === mine[i]) continue;
    const t = rules.results[i];
    const rule = rules.nan?.[i] ?? 'exact';
    if (t === undefined || !isFloat(t) || rule === 'exact' || !isNaNBits(t, theirs[i]!)) return differ(` (result ${i})`);
    const ok = rule === 'canonical' ? isCanonicalNaNBits(t, mine[i]!) : isArithmeticNaNBits(t, mine[i]!);
    if (!ok) return differ(` (result ${i} is not ${rule === 'canonical' ? 'a canonical' : 'an arithmetic'} NaN)`);
  }
  return { kind: 'same' };
}
