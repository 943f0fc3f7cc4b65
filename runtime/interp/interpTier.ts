// The interpreter tier: the exact, simple reference every other result is judged against.
// Bodies are lowered lazily to compact code (see _internals/lower.ts) and run by one loop
// with its own frame stack (_internals/run.ts). Instantiation is not done here (runtime/api).
//
// FUEL RULE (the compiled tier must match it exactly). With TierOptions.consumeFuel on:
//  - every executed instruction costs 1 unit, except `end` and `else` which cost 0 (so `nop`,
//    `block`, `loop`, `br`, `return`, `unreachable`, `call`... each cost 1);
//  - an instruction is charged before it executes: when it traps, it has been paid for, and a
//    `call` is paid for before the callee's entry check;
//  - fuel is checked only at function entry (before the body's first instruction) and at
//    each loop header (the start of the loop body, reached by falling into `loop` - which was
//    charged - or by a branch back to it, which was charged): when StoreState.fuel < 0 there
//    (or is undefined), the run traps with TrapKind.OutOfFuel and charges nothing more;
//  - so a run that consumes exactly all its fuel (fuel ends at 0) does not trap, and fuel may
//    end negative when the last stretch had no check point.
// The depth check of a call (`call stack exhausted`) happens before the callee's fuel check.
// EPOCH (epochInterruption): at the same check points, after the fuel check, the engine epoch
// at or past StoreState.epochDeadline traps `interrupt`.

import type { Tier } from '../tier.js';
import { InterpModule } from './_internals/InterpModule.js';
import { primeInterpreter } from './primeInterpreter.js';

/**
 * The interpreter tier. Its first module primes the interpreter (primeInterpreter.ts, ~20 ms
 * once per process), so V8 compiles the loop from feedback for every case however the
 * process uses it: what a kernel, a spec run or a fuzz case gets from V8 no longer depends on
 * what ran before it or on when V8 compiled (unprimed, a long kernel ran 23x or 31x V8 from
 * run to run, by V8's timing).
 */
export const interpTier: Tier = {
  name: 'interp',
  prepare: (module, options) => {
    primeInterpreter();
    return new InterpModule(module, {
      fuel: options.consumeFuel, epoch: options.epochInterruption, inline: true, addressMap: options.generateAddressMap,
    });
  },
};
