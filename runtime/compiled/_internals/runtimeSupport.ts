// The helpers compiled scripts call: trap throwers, the shared numeric, bulk and SIMD memory
// operations, call adapters. Passed to every script once as `rt`; generated code binds the
// members it uses to constants. Holds no per-module or per-instance state.

import { trap, TrapKind } from '../../errors.js';
import { rawArray, type FuncInstance, type StoreState, type TableInstance } from '../../instance/objects.js';
import type { FuncType } from '../../types.js';
import { NUMERIC_FNS } from '../../exec/numericFns.js';
import { SIMD_MEMORY_FNS } from '../../exec/simdMemory.js';
import * as bulk from '../../exec/bulkOps.js';
import { indirectTarget } from '../../exec/indirectTarget.js';
import { growMemory } from '../../exec/jsLimits.js';
import { nan64Of1, nan64Of2 } from '../../numeric/_internals/nan.js';
import { f64FromBits } from '../../numeric/_internals/scratch.js';

/** A function with the compiled calling convention: params as arguments; 0, 1 or an array of results. */
export type JsFunction = (...args: any[]) => any;

/** A FuncInstance that can be called directly, bypassing `invoke`, from code of the same store. */
export interface DirectCallable {
  /** The raw function, or undefined when called from another store (depth is per store). */
  rawIn(store: StoreState): JsFunction | undefined;
}

const adapters = new WeakMap<FuncInstance, JsFunction>();

/** An `invoke` wrapped in the compiled calling convention (args via a generic array: NaN-safe). */
function adapter(f: FuncInstance): JsFunction {
  const np = f.type.params.length;
  const nr = f.type.results.length;
  return function (this: unknown) {
    const args = rawArray(np);
    // `arguments`, not a rest parameter: the copy goes straight into a generic array.
    for (let i = 0; i < np; i++) args[i] = arguments[i];
    const r = f.invoke(args);
    return nr === 1 ? r[0] : nr === 0 ? undefined : r;
  };
}

/** How code of `store` calls `f`: directly when it is compiled code of the same store. */
export function callable(f: FuncInstance, store: StoreState): JsFunction {
  const direct = (f as Partial<DirectCallable>).rawIn?.(store);
  if (direct !== undefined) return direct;
  let a = adapters.get(f);
  if (a === undefined) {
    a = adapter(f);
    adapters.set(f, a);
  }
  return a;
}

/** Everything a compiled script receives. Trap throwers are functions of their own so the call site V8 reports is the trap site. */
export const RT = {
  tUnreachable: (): never => trap(TrapKind.Unreachable),
  tMemory: (): never => trap(TrapKind.MemoryOutOfBounds),
  tDepth: (): never => trap(TrapKind.CallStackExhausted),
  tFuel: (): never => trap(TrapKind.OutOfFuel),
  tInterrupt: (): never => trap(TrapKind.Interrupt),
  numeric: NUMERIC_FNS,
  simdMemory: SIMD_MEMORY_FNS,
  nan1: nan64Of1,
  nan2: nan64Of2,
  f64FromBits,
  rawArray,
  callable,
  grow: growMemory,
  /** call_indirect: the target's lookup and checks, then how to call it. */
  indirect: (table: TableInstance, index: number, expected: FuncType, store: StoreState): JsFunction =>
    callable(indirectTarget(table, index, expected), store),
  tableGet: bulk.tableGet,
  tableSet: bulk.tableSet,
  tableSize: bulk.tableSize,
  tableGrow: bulk.tableGrow,
  tableFill: bulk.tableFill,
  tableCopy: bulk.tableCopy,
  tableInit: bulk.tableInit,
  elemDrop: bulk.elemDrop,
  memoryInit: bulk.memoryInit,
  dataDrop: bulk.dataDrop,
  memoryCopy: bulk.memoryCopy,
  memoryFill: bulk.memoryFill,
};

/** The runtime-support object's type. */
export type RuntimeSupport = typeof RT;
/** Members generated code may bind by name (the tables are bound per op id instead). */
export type HelperName = Exclude<keyof RuntimeSupport, 'numeric' | 'simdMemory'>;

