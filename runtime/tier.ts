// The contract between the runtime API and an execution tier. A tier prepares a validated
// module once, then makes the callable FuncInstance for each defined function of each
// instance. Instantiation itself (imports, segments, start) is tier-independent.

import type { FuncInstance, InstanceState } from './instance/objects.js';
import type { ModuleInfo } from './types.js';
import type { Config } from './config/knobs.js';

/** A module prepared by one tier (lowered for the interpreter, translated for the compiler). */
export interface TierModule {
  /**
   * Creates the function instance for function `funcIndex` (in the function index space, so
   * at least `module.numImportedFuncs`) of `instance`. Called while the instance is being
   * built: `instance.funcs` may not be complete yet, so read it at call time.
   */
  makeFunc(instance: InstanceState, funcIndex: number): FuncInstance;
}

/** What a tier reads when preparing a module: the engine's whole config. */
export type TierOptions = Config;

/** An execution tier. */
export interface Tier {
  readonly name: 'interp' | 'compiled';
  prepare(module: ModuleInfo, options: TierOptions): TierModule;
}
