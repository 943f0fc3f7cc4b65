// Fixtures for runtime/memory tests: the backends to run on (the addon when it loads, the
// TypeScript twin always), engines with a forced backend, and modules from text. Leaves out
// assertions: each test states its own.

import { Engine } from '../../api/Engine.js';
import { Module } from '../../api/Module.js';
import { Store } from '../../api/Store.js';
import { Linker } from '../../api/Linker.js';
import type { Instance } from '../../api/Instance.js';
import type { Extern } from '../../api/externs.js';
import type { Config } from '../../config/knobs.js';
import type { MemoryAllocatorOptions } from '../MemoryAllocator.js';
import type { MemoryBackend } from '../../../native/memoryImages.js';
import { backendsUnderTest } from '../../../native/_internals/backendsUnderTest.js';
import { loadWabt, watToWasm } from '../../../harness/wat/watToWasm.js';

/** The twin always, the addon when it loads: native's own test fixture. */
export { backendsUnderTest };

/** Both tiers. */
export const TIERS: readonly Config['tier'][] = ['interp', 'compiled'];

/** The memory knob settings worth telling apart. */
export const MEMORY_CONFIGS: readonly Partial<Config>[] = [
  {},
  { memoryInitCow: false },
  { poolingAllocator: true },
  { poolingAllocator: true, memoryInitCow: false },
];

/** An engine on `backend` with `config`. */
export function engineOn(backend: MemoryBackend, config: Partial<Config>, memory: Omit<MemoryAllocatorOptions, 'backend'> = {}): Engine {
  return new Engine(config, { memory: { ...memory, backend } });
}

await loadWabt();

/** Compiles a module text for `engine`. */
export function compile(engine: Engine, text: string): Module {
  return new Module(engine, watToWasm(text));
}

/** Instantiates `module` in `store` with imports keyed `module.name`. */
export function instantiate(store: Store, module: Module, imports: Record<string, Extern> = {}): Instance {
  const linker = new Linker();
  for (const [key, ext] of Object.entries(imports)) {
    const dot = key.indexOf('.');
    linker.define(key.slice(0, dot), key.slice(dot + 1), ext);
  }
  return linker.instantiate(store, module);
}

/** Runs `f` and returns what it threw (failing when it returns). */
export function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected an exception');
}

/** A label for a test case. */
export function label(backend: MemoryBackend, tier: string, config: Partial<Config>): string {
  return `${backend.name}/${tier}/${JSON.stringify(config)}`;
}

export { Store };
