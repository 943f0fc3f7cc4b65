// A function defined by a wasm instance and run by the interpreter. Its code is lowered on
// first use and shared by every instance of the module; calling it from JS starts a run.

import type { FuncInstance, InstanceState, Raw } from '../../instance/objects.js';
import type { FuncType } from '../../types.js';
import type { InterpModule } from './InterpModule.js';
import type { Lowered } from './lower.js';
import { run } from './run.js';

/** The interpreter's FuncInstance for one defined function of one instance. */
export class InterpFunc implements FuncInstance {
  /**
   * @param interp the prepared module (the run loop uses it to recognise its own functions)
   * @param instance the defining instance
   * @param index index in the function index space
   * @param type the function's signature
   */
  constructor(
    readonly interp: InterpModule,
    readonly instance: InstanceState,
    readonly index: number,
    readonly type: FuncType,
  ) {}

  /** The lowered code (lowered on first use). */
  code(): Lowered {
    return this.interp.code(this.index);
  }

  /** Runs the function. Traps are thrown as Trap with a backtrace; host errors propagate as is. */
  invoke(args: Raw[]): Raw[] {
    return run(this, args);
  }
}
