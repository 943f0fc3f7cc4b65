// A compiled module: decoded, validated, and prepared by the engine's tier; or loaded from an
// artifact (serialize/deserialize/deserializeFile) or the on-disk module cache, which skip
// decoding bodies, validation and translation.

import { decodeModule } from '../binary/decodeModule.js';
import { validateModuleFields } from '../binary/validateModule.js';
import { validateCode } from '../validate/validateModule.js';
import { checkBodyEncoding } from '../validate/checkBodyEncoding.js';
import { CompileError } from '../errors.js';
import { ArtifactError } from '../artifact/ArtifactError.js';
import type { MemoryImageSource } from '../memory/planMemoryImage.js';
import type { TierModule } from '../tier.js';
import type { ExternKind, ModuleInfo } from '../types.js';
import type { Engine } from './Engine.js';
import { deserializeModule, serializeModule, type LoadedModule } from './moduleArtifact.js';
import { existsSync, utimesSync } from 'node:fs';
import { moduleCacheDir, moduleCacheKey, moduleCacheLimit, moduleCachePath, trimModuleCache, type ModuleCacheStats } from './moduleCache.js';
import { writeFileAtomic } from '../writeFileAtomic.js';

/**
 * Decodes and validates a module binary. Throws CompileError (malformed or invalid) and
 * nothing else.
 */
export function checkModule(bytes: Uint8Array): ModuleInfo {
  const info = decodeModule(bytes);
  try {
    validateModuleFields(info);
  } catch (e) {
    // The spec decodes the whole module before validating: a malformed body wins over an
    // invalid module field.
    if (e instanceof CompileError && e.kind === 'invalid') checkBodyEncoding(info);
    throw e;
  }
  validateCode(info);
  return info;
}

const cacheStats = new WeakMap<Engine, ModuleCacheStats>();

/** The module cache's counters for `engine` (all zero when the cache is off). */
export function moduleCacheStats(engine: Engine): ModuleCacheStats {
  let s = cacheStats.get(engine);
  if (s === undefined) cacheStats.set(engine, (s = { hits: 0, misses: 0, rejected: 0, stores: 0, writeErrors: 0, evicted: 0 }));
  return s;
}

/** Where a Module came from. */
export type ModuleOrigin = 'compiled' | 'artifact' | 'cache';

/** A validated module prepared for one engine. */
export class Module {
  readonly info: ModuleInfo;
  readonly prepared: TierModule;
  /** The memory image's file range, for modules loaded from an artifact file. */
  readonly imageSource: MemoryImageSource | undefined;
  readonly origin: ModuleOrigin;

  /**
   * Compiles `bytes` (or, with the `moduleCache` knob, loads them from the cache). Throws
   * CompileError for an invalid module. Use the static `deserialize*` functions for artifacts.
   */
  constructor(
    readonly engine: Engine,
    source: Uint8Array | LoadedModule,
  ) {
    const cached = source instanceof Uint8Array && engine.config.moduleCache ? fromCache(engine, source) : undefined;
    const loaded = source instanceof Uint8Array ? cached ?? compile(engine, source) : source;
    this.info = loaded.info;
    this.prepared = loaded.prepared;
    this.imageSource = loaded.imageSource;
    this.origin = !(source instanceof Uint8Array) ? 'artifact' : cached !== undefined ? 'cache' : 'compiled';
    if (this.origin === 'compiled' && engine.config.moduleCache) toCache(this, source as Uint8Array);
  }

  /** True when `bytes` is a valid module (no exception). */
  static validate(bytes: Uint8Array): boolean {
    try {
      checkModule(bytes);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * This module as an artifact: code, V8's code cache, tables, names, memory image and
   * metadata. An artifact is code: load only artifacts you made (docs/architecture.md).
   */
  serialize(): Uint8Array {
    return serializeModule(this.engine, this.info, this.prepared);
  }

  /**
   * Loads an artifact from memory for `engine`, checking every section's checksum first.
   * Throws ArtifactError when it is corrupt or was made by another runtime build or under
   * other codegen knobs.
   */
  static deserialize(engine: Engine, artifact: Uint8Array): Module {
    return new Module(engine, deserializeModule(engine, artifact));
  }

  /**
   * Loads an artifact file for `engine` ("mmap and go"): only the header, metadata and code
   * are mapped and checked now; names, code tables, data and the memory image are mapped and
   * checked when first needed, and the image maps straight from the file. The file must not
   * change while the module lives. Throws ArtifactError like `deserialize`.
   */
  static deserializeFile(engine: Engine, path: string): Module {
    return new Module(engine, deserializeModule(engine, { path }));
  }

  /** The module's imports, as (module, name, kind). */
  imports(): { module: string; name: string; kind: ExternKind }[] {
    return this.info.imports.map((i) => ({ module: i.module, name: i.name, kind: i.desc.kind }));
  }

  /** The module's exports, as (name, kind). */
  exports(): { name: string; kind: ExternKind }[] {
    return this.info.exports.map((e) => ({ name: e.name, kind: e.kind }));
  }
}

function compile(engine: Engine, bytes: Uint8Array): LoadedModule {
  const info = checkModule(bytes);
  return { info, prepared: engine.tier.prepare(info, engine.config), imageSource: undefined };
}

/** A cache hit, loaded; undefined on a miss or a refused entry (which is then replaced). */
function fromCache(engine: Engine, bytes: Uint8Array): LoadedModule | undefined {
  const stats = moduleCacheStats(engine);
  const path = moduleCachePath(moduleCacheDir(), moduleCacheKey(bytes, engine.config));
  if (!existsSync(path)) {
    stats.misses++;
    return undefined;
  }
  try {
    const loaded = deserializeModule(engine, { path });
    stats.hits++;
    touch(path);
    return loaded;
  } catch (e) {
    if (!(e instanceof ArtifactError)) throw e;
    stats.rejected++;
    stats.misses++;
    return undefined;
  }
}

/** Marks a hit entry as used now, for the size limit's least-recently-used order. */
function touch(path: string): void {
  const now = new Date();
  try {
    utimesSync(path, now, now);
  } catch {
    // Trimmed by another process meanwhile: this load already has what it needs.
  }
}

/** Stores since this process started; the directory is measured after the first and every TRIM_EVERY-th. */
let storesHere = 0;
const TRIM_EVERY = 64;

/** Stores a fresh compilation. The cache is an accelerator: a failed write is counted, not thrown. */
function toCache(module: Module, bytes: Uint8Array): void {
  const stats = moduleCacheStats(module.engine);
  const dir = moduleCacheDir();
  const limit = moduleCacheLimit(); // a bad CRUCIBLE_CACHE_MAX_MB is a ConfigError, not a write error
  try {
    // Atomic: a reader never maps half an artifact; concurrent writers leave one whole entry.
    writeFileAtomic(moduleCachePath(dir, moduleCacheKey(bytes, module.engine.config)), module.serialize());
    stats.stores++;
    if (storesHere++ % TRIM_EVERY === 0) stats.evicted += trimModuleCache(dir, limit);
  } catch (e) {
    if (!(e instanceof Error && 'code' in e)) throw e;
    stats.writeErrors++;
  }
}
