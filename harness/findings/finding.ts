// The record of a finding as saved in finding.json, and the files a finding folder holds.
// A folder is self-contained: module + config + calls replay it; seed + index regenerate it.

import type { Config } from '../../runtime/config/knobs.js';
import type { EngineName } from '../oracles/types.js';
import type { Failure } from './signature.js';

/** File names inside `<corpus>/crashes/<signature>/`. */
export const FILES = {
  wasm: 'module.wasm',
  wat: 'module.wat',
  config: 'config.json',
  calls: 'calls.json',
  meta: 'finding.json',
  report: 'report.md',
  minWasm: 'min.wasm',
  minWat: 'min.wat',
  minConfig: 'min-config.json',
  minCalls: 'min-calls.json',
} as const;

/** What reduction achieved (kept in finding.json once it ran). */
export interface MinimizedInfo {
  readonly bytes: number;
  readonly calls: number;
  /** Knobs reset to their defaults without losing the failure. */
  readonly knobsReset: readonly string[];
  /** Candidates tried and kept, per stage. */
  readonly stages: Readonly<Record<string, { tried: number; kept: number; ms: number }>>;
  /** Stopped by the time budget before trying everything. */
  readonly timedOut: boolean;
  /** Stopped by the candidate budget (MinimizeOptions.maxCandidates) before trying everything. */
  readonly outOfCandidates?: boolean;
}

/** finding.json. */
export interface FindingMeta {
  readonly signature: string;
  readonly failure: Failure;
  /** The fuzz run's seed and the case's index in it (absent for hand-made cases). */
  readonly seed?: number;
  readonly index?: number;
  /** Knobs the fuzz run forced on every case (`crucible fuzz --config`). */
  readonly overlay?: Partial<Config>;
  /** The engines the case ran on. */
  readonly engines: readonly EngineName[];
  readonly found: string;
  readonly minimized?: MinimizedInfo;
}
