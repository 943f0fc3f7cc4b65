// A function of a compiled instance. `invoke` is the boundary between JS and compiled code:
// it raises the stack trace limit, restores the call depth on every exit, and turns what
// leaves (traps, stack overflow, guard faults) into Traps with wasm backtraces.

import { rawArray, type FuncInstance, type InstanceState, type Raw, type StoreState } from '../instance/objects.js';
import type { FuncType } from '../types.js';
import type { CompiledModule } from './CompiledModule.js';
import { leaving, raiseStackTraceLimit } from './backtrace.js';
import type { DirectCallable, JsFunction } from './_internals/runtimeSupport.js';

/** The compiled tier's FuncInstance for one defined function of one instance. */
export class CompiledFunc implements FuncInstance, DirectCallable {
  private fn: JsFunction | undefined;

  /**
   * @param compiled the module's compiled code
   * @param instance the defining instance
   * @param index index in the function index space
   * @param type the function's signature
   */
  constructor(
    readonly compiled: CompiledModule,
    readonly instance: InstanceState,
    readonly index: number,
    readonly type: FuncType,
  ) {}

  /** The JS function itself (compiled calling convention); binds the instance on first use. */
  raw(): JsFunction {
    return (this.fn ??= this.compiled.functionsOf(this.instance)[this.index - this.instance.module.numImportedFuncs]);
  }

  /** Direct calls are for code of the same store only: call depth is counted per store. */
  rawIn(store: StoreState): JsFunction | undefined {
    return store === this.instance.store ? this.raw() : undefined;
  }

  /** Runs the function. Traps are thrown as Trap with a backtrace; host errors propagate as is. */
  invoke(args: Raw[]): Raw[] {
    const fn = this.raw();
    const store = this.instance.store;
    const depth0 = store.depth;
    const limit = raiseStackTraceLimit();
    try {
      const r = this.compiled.enter(fn, args);
      const n = this.type.results.length;
      // A generic array: f64 results keep their NaN payloads.
      const out = rawArray(n);
      if (n === 1) out[0] = r;
      else for (let i = 0; i < n; i++) out[i] = (r as Raw[])[i];
      return out;
    } catch (e) {
      store.depth = depth0;
      throw leaving(e);
    } finally {
      Error.stackTraceLimit = limit;
    }
  }
}
