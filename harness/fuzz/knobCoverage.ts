// Knob coverage: which value (or, for whole-number knobs, which part of the range) each case's
// config used, as `knob=bucket` strings, and the share of all buckets a run has seen.

import { knobList, type Config, type Knob } from '../../runtime/config/knobs.js';

function bucketsOf(k: Knob): string[] {
  if (k.kind === 'bool') return ['true', 'false'];
  if (k.kind === 'enum') return [...k.values];
  return ['default', 'low', 'high'];
}

function bucket(k: Knob, v: unknown): string {
  if (k.kind !== 'int') return String(v);
  if (v === k.default) return 'default';
  return (v as number) < (k.min + k.max) / 2 ? 'low' : 'high';
}

/** The `knob=bucket` strings of `config` (user-facing knobs only). */
export function knobBuckets(config: Config): string[] {
  return knobList().map(([name, k]) => `${name}=${bucket(k, config[name])}`);
}

/** Every possible `knob=bucket`. */
export function allKnobBuckets(): string[] {
  return knobList().flatMap(([name, k]) => bucketsOf(k).map((b) => `${name}=${b}`));
}

/** Seen buckets over all buckets, and the buckets never seen. */
export function knobCoverage(seen: Readonly<Record<string, number>>): { covered: number; total: number; missing: string[] } {
  const all = allKnobBuckets();
  const missing = all.filter((b) => !(seen[b]! > 0));
  return { covered: all.length - missing.length, total: all.length, missing };
}
