// Flag values shared by `crucible fuzz`, `repro` and `reduce`: the engine list, a knob overlay
// (only the knobs given, checked against the knob table), and the worker pool they all use.

import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { UsageError } from '../cli/errors.js';
import { ConfigError } from '../../runtime/errors.js';
import { checkKnob } from '../../runtime/config/loadConfig.js';
import type { Config } from '../../runtime/config/knobs.js';
import { ENGINE_NAMES, type EngineName } from '../oracles/types.js';
import { WorkerPool } from './WorkerPool.js';
import type { FuzzJob, FuzzJobResult } from './jobs.js';

/** Parses `--engines a,b,c` (at least two of interp, compiled, v8). */
export function enginesFlag(text: string | undefined, fallback: readonly EngineName[] = ENGINE_NAMES): EngineName[] {
  if (text === undefined) return [...fallback];
  const names = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  for (const n of names) {
    if (!(ENGINE_NAMES as readonly string[]).includes(n)) throw new UsageError(`--engines takes names among ${ENGINE_NAMES.join(', ')}, got ${JSON.stringify(n)}`);
  }
  const unique = [...new Set(names)] as EngineName[];
  if (unique.length < 2) throw new UsageError('--engines needs at least two engines to compare');
  return unique;
}

/** Parses `--config JSON|FILE` as an overlay: only the knobs it names, each checked (ConfigError). */
export function overlayFlag(text: string | undefined): Partial<Config> {
  if (text === undefined) return {};
  let json = text;
  if (!text.trimStart().startsWith('{')) {
    try {
      json = readFileSync(text, 'utf8');
    } catch (e) {
      throw new ConfigError(`cannot read config file ${text}: ${(e as Error).message}`);
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (e) {
    throw new ConfigError(`config is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new ConfigError('a config must be a JSON object of knob values');
  return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, checkKnob(k, v)])) as Partial<Config>;
}

/** A pool of fuzz workers (harness/fuzz/worker.ts). */
export function fuzzPool(size: number, workerMemoryMb = 512): WorkerPool<FuzzJob, FuzzJobResult> {
  return new WorkerPool<FuzzJob, FuzzJobResult>({
    script: fileURLToPath(new URL('./worker.js', import.meta.url)),
    size,
    execArgv: [`--max-old-space-size=${workerMemoryMb}`],
    spare: true,
  });
}
