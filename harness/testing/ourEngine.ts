// Our runtime, one tier and config per adapter, as a DiffEngine; and the list of tiers a test
// should run on, with a tier that cannot be constructed yet reported as skipped (not failed).

import { Engine } from '../../runtime/api/Engine.js';
import { Module } from '../../runtime/api/Module.js';
import { Store } from '../../runtime/api/Store.js';
import { Linker } from '../../runtime/api/Linker.js';
import { ConfigError, Trap, TrapKind } from '../../runtime/errors.js';
import { rawArray, type FuncInstance } from '../../runtime/instance/objects.js';
import { KNOBS, type Config } from '../../runtime/config/knobs.js';
import { bitsFromRaw, rawFromBits } from './bits.js';
import type { DiffEngine, DiffInstance } from './diffEngine.js';
import type { Outcome } from './outcome.js';

/** Our runtime under `engine`'s config, as a DiffEngine. */
export function ourEngine(engine: Engine): DiffEngine {
  return {
    name: engine.config.tier,
    instantiate(bytes: Uint8Array): DiffInstance {
      const instance = new Linker().instantiate(new Store(engine), new Module(engine, bytes));
      const funcs = new Map<string, FuncInstance>();
      return {
        call(name, sig, args) {
          let f = funcs.get(name);
          if (f === undefined) {
            f = instance.getFunc(name);
            if (f === undefined) throw new Error(`no exported function ${name}`);
            if (f.type.params.length !== sig.params.length || f.type.results.length !== sig.results.length) {
              throw new Error(`${name}: signature arity differs from the caller's`);
            }
            funcs.set(name, f);
          }
          // rawArray: an all-double args array would quiet signalling NaNs in f64 arguments.
          const raw = rawArray(args.length);
          for (let i = 0; i < args.length; i++) raw[i] = rawFromBits(sig.params[i]!, args[i]!);
          let results;
          try {
            results = f.invoke(raw);
          } catch (e) {
            return ourFailure(e);
          }
          return { kind: 'values', values: results.map((r, i) => bitsFromRaw(sig.results[i]!, r)) };
        },
      };
    },
  };
}

function ourFailure(e: unknown): Outcome {
  if (!(e instanceof Trap)) return { kind: 'error', error: e };
  if (e.kind === TrapKind.CallStackExhausted) return { kind: 'exhausted', message: e.message };
  return { kind: 'trap', kinds: [e.kind], message: e.message };
}

/** A tier to test on, or the reason it is skipped. */
export type TierChoice =
  | { readonly tier: Config['tier']; readonly engine: Engine }
  | { readonly tier: Config['tier']; readonly skipped: string };

/**
 * Every tier in the knob table, each with an Engine built from `config` plus the tier, or the
 * reason it is skipped: the Engine constructor refused it (ConfigError), as a tier that is
 * not written yet does. Any other error propagates.
 */
export function tierChoices(config: Partial<Config> = {}): TierChoice[] {
  return KNOBS.tier.values.map((tier) => {
    try {
      return { tier, engine: new Engine({ ...config, tier }) };
    } catch (e) {
      if (e instanceof ConfigError) return { tier, skipped: e.message };
      throw e;
    }
  });
}
