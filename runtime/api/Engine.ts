// The Engine: a Config plus the tier it selects and the allocator its memories come from.
// Modules are compiled for one engine.

import { DEFAULT_CONFIG, type Config } from '../config/knobs.js';
import { moduleCacheLimit } from './moduleCache.js';
import { configFrom } from '../config/loadConfig.js';
import { interpTier } from '../interp/interpTier.js';
import { compiledTier } from '../compiled/compiledTier.js';
import type { Tier } from '../tier.js';
import { ConfigError } from '../errors.js';
import { MemoryAllocator, type MemoryAllocatorOptions, type MemoryStats } from '../memory/MemoryAllocator.js';

/** Engine parts that are not knobs: injection points for tests and embedders. */
export interface EngineOptions {
  /** Memory backend and pool bounds (default: the active backend, see `loadMemoryBackend`). */
  memory?: MemoryAllocatorOptions;
}

/** Holds a configuration and the execution tier it selects. */
export class Engine {
  readonly config: Config;
  readonly tier: Tier;
  /**
   * The epoch counter, in shared memory so another thread (see `startEpochTicker`) can
   * advance it while wasm runs; stores with epoch interruption compare it to their deadline.
   */
  readonly epoch = new Int32Array(new SharedArrayBuffer(4));

  private readonly memoryOptions: MemoryAllocatorOptions;
  private allocator: MemoryAllocator | undefined;

  /**
   * @param config a full or partial config; unknown keys are rejected
   * @param options non-knob parts (a forced memory backend, pool bounds)
   */
  constructor(config: Partial<Config> = {}, options: EngineOptions = {}) {
    this.config = configFrom(config, DEFAULT_CONFIG);
    this.tier = tierFor(this.config);
    this.memoryOptions = options.memory ?? {};
    // A bad cache size limit is refused here, where the config is, not at the first store.
    if (this.config.moduleCache) moduleCacheLimit();
  }

  /**
   * Makes the memories instances define (images, pool). Created on first use, so an engine
   * that never instantiates never loads the memory backend.
   */
  get memoryAllocator(): MemoryAllocator {
    return (this.allocator ??= new MemoryAllocator(this.config, this.memoryOptions));
  }

  /** Counters of memory creation, image use and pool reuse so far. */
  memoryStats(): MemoryStats {
    return this.memoryAllocator.stats();
  }

  /** Advances the epoch by one (callable from any thread that shares `epoch`). */
  incrementEpoch(): void {
    Atomics.add(this.epoch, 0, 1);
  }
}

function tierFor(config: Config): Tier {
  if (config.tier === 'interp') return interpTier;
  if (config.tier === 'compiled') return compiledTier;
  throw new ConfigError(`tier "${config.tier}" is not available yet`);
}
