// The Engine: a Config plus the tier it selects. Modules are compiled for one engine.

import { DEFAULT_CONFIG, type Config } from '../config/knobs.js';
import { configFrom } from '../config/loadConfig.js';
import { interpTier } from '../interp/interpTier.js';
import { compiledTier } from '../compiled/compiledTier.js';
import type { Tier } from '../tier.js';
import { ConfigError } from '../errors.js';

/** Holds a configuration and the execution tier it selects. */
export class Engine {
  readonly config: Config;
  readonly tier: Tier;
  /**
   * The epoch counter, in shared memory so another thread (see `startEpochTicker`) can
   * advance it while wasm runs; stores with epoch interruption compare it to their deadline.
   */
  readonly epoch = new Int32Array(new SharedArrayBuffer(4));

  /** @param config a full or partial config; unknown keys are rejected */
  constructor(config: Partial<Config> = {}) {
    this.config = configFrom(config, DEFAULT_CONFIG);
    this.tier = tierFor(this.config);
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
