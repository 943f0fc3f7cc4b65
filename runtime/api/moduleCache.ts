// The on-disk module cache (knob `moduleCache`): artifacts under a key of the wasm bytes, every
// codegen knob and the runtime version, so no setting that changes code can be served another
// setting's code. Bounded in size: past a soft limit, the least recently used entries go
// (every build of the runtime has a new version, so a developer's old entries never hit again).

import { createHash } from 'node:crypto';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../errors.js';
import type { Config } from '../config/knobs.js';
import { codegenKnobs } from '../compiled/CompiledModule.js';
import { runtimeVersion } from '../version.js';

/** What the cache did, per engine (tests and `crucible` reports read it). */
export interface ModuleCacheStats {
  hits: number;
  misses: number;
  /** Entries that existed but were refused (corrupt, other version): recompiled and replaced. */
  rejected: number;
  stores: number;
  /** Entries that could not be written (a full disk, permissions): counted, never thrown. */
  writeErrors: number;
  /** Entries this engine's stores removed to keep the directory under its size limit. */
  evicted: number;
}

/** The cache directory: `CRUCIBLE_CACHE_DIR`, else `$XDG_CACHE_HOME/crucible/modules`, else `~/.cache/crucible/modules`. */
export function moduleCacheDir(): string {
  const env = process.env.CRUCIBLE_CACHE_DIR;
  if (env !== undefined && env !== '') return env;
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'crucible', 'modules');
}

/** The cache key of `bytes` compiled under `config`: hex sha256 of version, codegen knobs and bytes. */
export function moduleCacheKey(bytes: Uint8Array, config: Config): string {
  return createHash('sha256')
    .update(runtimeVersion()).update('\0')
    .update(codegenKnobs(config)).update('\0')
    .update(bytes)
    .digest('hex');
}

/** The entry's path for `key` in `dir` (two-level fan-out keeps directories small). */
export function moduleCachePath(dir: string, key: string): string {
  return join(dir, key.slice(0, 2), `${key.slice(2)}.cwasm`);
}

/** The soft size limit when `CRUCIBLE_CACHE_MAX_MB` is not set: 1 GiB, as Wasmtime's cache. */
export const DEFAULT_CACHE_MAX_MB = 1024;

/** The cache's soft size limit in bytes: `CRUCIBLE_CACHE_MAX_MB` (a whole number >= 1), else 1 GiB. */
export function moduleCacheLimit(): number {
  const env = process.env.CRUCIBLE_CACHE_MAX_MB;
  if (env === undefined || env === '') return DEFAULT_CACHE_MAX_MB * 2 ** 20;
  const mb = Number(env);
  if (!Number.isInteger(mb) || mb < 1) throw new ConfigError(`CRUCIBLE_CACHE_MAX_MB must be a whole number of MiB >= 1, got ${JSON.stringify(env)}`);
  return mb * 2 ** 20;
}

/**
 * Brings `dir` under `limit` bytes when it is over: removes entries least recently used first
 * (an entry's mtime is its last store or hit) until the rest fill at most 3/4 of the limit,
 * so trimming is rare. Other processes may be reading and writing the same directory: an
 * entry that vanished meanwhile is skipped, and a reader keeps a removed entry it already
 * mapped. Returns the number of entries removed.
 */
export function trimModuleCache(dir: string, limit: number): number {
  const entries: { path: string; size: number; used: number }[] = [];
  let total = 0;
  for (const fan of readdirOrEmpty(dir)) {
    for (const name of readdirOrEmpty(join(dir, fan))) {
      if (!name.endsWith('.cwasm')) continue; // temp files of writes in flight included
      const path = join(dir, fan, name);
      try {
        const st = statSync(path);
        entries.push({ path, size: st.size, used: st.mtimeMs });
        total += st.size;
      } catch {
        // removed by another process since the listing
      }
    }
  }
  if (total <= limit) return 0;
  entries.sort((a, b) => a.used - b.used);
  let removed = 0;
  for (const e of entries) {
    if (total <= limit * 0.75) break;
    rmSync(e.path, { force: true });
    total -= e.size;
    removed++;
  }
  return removed;
}

function readdirOrEmpty(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
