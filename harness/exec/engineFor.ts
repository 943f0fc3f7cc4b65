// Engines by config for the harness: runs under the same config (a spec worker's scripts, a
// replayed case, a reducer's candidates) reuse one engine, as an embedder keeps one, and with
// it the engine's memory pool. Leaves out any other engine state: stores stay per run.

import { Engine } from '../../runtime/api/Engine.js';
import type { Config } from '../../runtime/config/knobs.js';
import { lruGet } from './lru.js';

// Enough for a spec worker cycling through the whole matrix (about 16 configs per tier);
// random configs rarely repeat, and an evicted engine is only garbage.
const CACHE_SIZE = 40;
const engines = new Map<string, Engine>();

/** The Engine of `config` (cached, least recently used dropped). Throws ConfigError when the Engine refuses it. */
export function engineFor(config: Config): Engine {
  return lruGet(engines, JSON.stringify(config), CACHE_SIZE, () => new Engine(config));
}
