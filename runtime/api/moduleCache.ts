// The on-disk module cache (knob `moduleCache`): artifacts under a key of the wasm bytes, every
// codegen knob and the runtime version, so no setting that changes code can be served another
// setting's code. Leaves out eviction: the directory is the user's to clear.

import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { join } from 'node:path';
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
