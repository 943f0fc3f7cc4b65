// The interpreter's prepared module: remembers the options and lowers each function body on
// its first call, so modules with many never-called functions stay cheap to instantiate.

import type { FuncInstance, InstanceState } from '../../instance/objects.js';
import type { TierModule } from '../../tier.js';
import type { ModuleInfo } from '../../types.js';
import { InterpFunc } from './InterpFunc.js';
import { lower, type LowerOptions, type Lowered } from './lower.js';

/** How the interpreter prepares and runs a module. */
export interface InterpOptions extends LowerOptions {
  /** Trap frames carry wasm byte offsets (the generateAddressMap knob; default on). */
  readonly addressMap?: boolean;
}

/** A validated module prepared for the interpreter. */
export class InterpModule implements TierModule {
  private readonly lowered: (Lowered | undefined)[] = [];

  /**
   * @param module a decoded and validated module
   * @param options lowering options, fixed for every function of the module
   */
  constructor(
    readonly module: ModuleInfo,
    readonly options: InterpOptions,
  ) {}

  /** Makes the function instance of defined function `funcIndex` of `instance`. */
  makeFunc(instance: InstanceState, funcIndex: number): FuncInstance {
    const m = this.module;
    return new InterpFunc(this, instance, funcIndex, m.types[m.funcTypes[funcIndex]]);
  }

  /** The lowered code of defined function `funcIndex`, lowering it on first use. */
  code(funcIndex: number): Lowered {
    return (this.lowered[funcIndex] ??= lower(this.module, funcIndex, this.options));
  }
}
