// Flag values shared by `crucible fuzz`, `repro` and `reduce`: the engine list, a knob overlay
// (only the knobs given, checked against the knob table), and the worker pool they all use.

import { fileURLToPath } from 'node:url';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { UsageError } from '../cli/errors.js';
import { ConfigError } from '../../runtime/errors.js';
import { checkKnob } from '../../runtime/config/loadConfig.js';
import type { Config } from '../../runtime/config/knobs.js';
import { ENGINE_NAMES, type EngineName } from '../oracles/types.js';
import { WorkerPool } from './WorkerPool.js';
import type { FuzzJob, FuzzJobResult } from './jobs.js';
import { fastTempDir, SCRATCH_ROOT_ENV } from './scratch.js';

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

/** The soft limit of the OS stack of this process (inherited by its children) in bytes, when known. */
function osStackLimit(): number | undefined {
  if (!existsSync('/proc/self/limits')) return undefined;
  const line = /^Max stack size\s+(\S+)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
  if (line === null) return undefined;
  return line[1] === 'unlimited' ? Infinity : Number(line[1]);
}

/** V8's JS stack for the workers, in KB: room for deep (legal) wasm recursion, within the OS stack. */
const WORKER_STACK_KB = 4000;
/** V8's default JS stack size, in KB. */
const V8_DEFAULT_STACK_KB = 984;

/**
 * Node flags of the fuzz workers.
 * - The heap limit turns runaway memory into a crash finding.
 * - A larger JS stack (half the OS stack, at most WORKER_STACK_KB): with V8's default, V8 and
 *   the compiled tier ran out of stack on calls a few thousand frames deep that the
 *   interpreter completes, which poisoned those cases instead of comparing them.
 * - With a worker per core, each runs V8 single-threaded: a worker's background JIT and GC
 *   threads would otherwise take another worker's core (fuzzing keeps V8 recompiling, about
 *   half a core's worth per worker), and the contention costs more than the work. With cores
 *   to spare, V8 keeps its helper threads, which use them.
 */
export function workerFlags(size: number, workerMemoryMb: number): string[] {
  const flags = [`--max-old-space-size=${workerMemoryMb}`];
  const os = osStackLimit();
  const stackKb = os === undefined ? 0 : Math.min(WORKER_STACK_KB, Math.floor(os / 1024 / 2));
  if (stackKb > V8_DEFAULT_STACK_KB) flags.push(`--stack-size=${stackKb}`);
  if (size >= availableParallelism()) flags.push('--single-threaded');
  return flags;
}

/**
 * How long a fuzz worker lives: after 40,000 cases in one process a case costs 60% more
 * (measured: ~300 -> ~185 cases/s, with the JS heap steady), while a spare worker, started and
 * primed in advance, takes over at the cost of re-warming V8 (a few seconds at ~75% speed).
 */
const WORKER_LIFETIME_MS = 90_000;

/**
 * A pool of fuzz workers (harness/fuzz/worker.ts). Their scratch folders (scratch.ts) live
 * under one root this process removes when the pool closes: workers die by SIGKILL, and one
 * that crashed leaves its files behind.
 */
export function fuzzPool(size: number, workerMemoryMb = 512): WorkerPool<FuzzJob, FuzzJobResult> {
  const root = mkdtempSync(join(fastTempDir(), 'crucible-fuzz-'));
  return new WorkerPool<FuzzJob, FuzzJobResult>({
    script: fileURLToPath(new URL('./worker.js', import.meta.url)),
    size,
    execArgv: workerFlags(size, workerMemoryMb),
    env: { ...process.env, [SCRATCH_ROOT_ENV]: root },
    onClose: () => rmSync(root, { recursive: true, force: true }),
    spare: true,
    retireAfterMs: WORKER_LIFETIME_MS,
  });
}
