// Knob coverage: which value (or, for whole-number knobs, which part of the range) each case's
// config used, as `knob=bucket` strings, and the share of all buckets a run has seen. Buckets
// a narrowing function (forDifferential) never lets through are reported apart, not missed.

import { DEFAULT_CONFIG, knobList, type Config, type Knob } from '../../runtime/config/knobs.js';

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

/** A value of `k` in bucket `b` (for whole numbers: the default, else the end of the range nearest, if not the default). */
function valueIn(k: Knob, b: string): unknown {
  if (k.kind === 'bool') return b === 'true';
  if (k.kind === 'enum') return b;
  if (b === 'default') return k.default;
  if (b === 'low') return k.min === k.default ? k.min + 1 : k.min;
  return k.max === k.default ? k.max - 1 : k.max;
}

/** The `knob=bucket`s `narrow` never lets through: set in a default config, narrowed, they land elsewhere. */
export function narrowedAway(narrow: (c: Config) => Config): string[] {
  return knobList().flatMap(([name, k]) => bucketsOf(k)
    .filter((b) => bucket(k, narrow({ ...DEFAULT_CONFIG, [name]: valueIn(k, b) })[name]) !== b)
    .map((b) => `${name}=${b}`));
}

/** What a run has seen of the buckets. */
export interface KnobCoverage {
  covered: number;
  /** Every bucket, less the narrowed-away ones not seen. */
  total: number;
  /** Buckets that could have come up and never did. */
  missing: string[];
  /** Buckets the narrowing rules out, not seen. */
  narrowed: string[];
}

/** Seen buckets over all buckets but the ones `narrowed` (from narrowedAway) rules out, and the ones never seen. */
export function knobCoverage(seen: Readonly<Record<string, number>>, narrowed: readonly string[] = []): KnobCoverage {
  const all = allKnobBuckets();
  const isSeen = (b: string) => seen[b]! > 0;
  const out = narrowed.filter((b) => !isSeen(b));
  const missing = all.filter((b) => !isSeen(b) && !out.includes(b));
  return { covered: all.filter(isSeen).length, total: all.length - out.length, missing, narrowed: out };
}
