// The `crucible` host module our own spectests import (registered like `spectest`): a host
// function that throws, one that calls back into wasm, and one that advances the epoch.
// Deliberately tiny: each function exists for a runner assertion or a runtime behaviour.

import type { Engine } from '../../runtime/api/Engine.js';
import type { Linker } from '../../runtime/api/Linker.js';
import type { FuncInstance, Raw } from '../../runtime/instance/objects.js';
import { ValType, type FuncType } from '../../runtime/types.js';

/** The error `crucible.throw_error` throws: a host error, never a trap. */
export class CrucibleHostError extends Error {
  override readonly name = 'CrucibleHostError';
}

/** What the runner needs to see of the host module after defining it. */
export interface CrucibleHost {
  /** The last error a `crucible` function threw, to check it arrives as the same object. */
  lastThrown: CrucibleHostError | undefined;
}

/**
 * Defines the `crucible` module in `linker`, bound to `engine` (for the epoch):
 * - `throw_error (param i32)`: throws `CrucibleHostError("crucible.throw_error <n>")`;
 * - `call_back (param funcref i32) (result i32)`: calls the [i32] -> [i32] function with
 *   the i32 and returns its result (a trap inside passes through the host frame);
 * - `tick_epoch`: advances the engine's epoch by one.
 */
export function defineCrucible(linker: Linker, engine: Engine): CrucibleHost {
  const host: CrucibleHost = { lastThrown: undefined };
  const hostThrow = (message: string): never => {
    const e = new CrucibleHostError(message);
    host.lastThrown = e;
    throw e;
  };
  const { I32, FuncRef } = ValType;
  const func = (params: ValType[], results: ValType[], invoke: (args: Raw[]) => Raw[]): FuncInstance => {
    const type: FuncType = { params, results };
    return { type, invoke };
  };
  const defs: [string, FuncInstance][] = [
    ['throw_error', func([I32], [], (args) => hostThrow(`crucible.throw_error ${args[0] as number}`))],
    [
      'call_back',
      func([FuncRef, I32], [I32], (args) => {
        const f = args[0] as FuncInstance | null;
        const t = f?.type;
        if (f === null || t === undefined || t.params.length !== 1 || t.params[0] !== I32 || t.results.length !== 1 || t.results[0] !== I32) {
          return hostThrow('crucible.call_back needs a (func (param i32) (result i32))');
        }
        return f.invoke([args[1]]);
      }),
    ],
    [
      'tick_epoch',
      func([], [], () => {
        engine.incrementEpoch();
        return [];
      }),
    ],
  ];
  for (const [name, f] of defs) linker.define('crucible', name, { kind: 'func', func: f });
  return host;
}
