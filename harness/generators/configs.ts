// Engine configs drawn from the knob table: the matrix (defaults, then each knob at each of
// its extremes, one at a time) and swarm-style random configs from a seed. Consumers narrow
// a random config with a named function that says why (see forSpec).

import fc from 'fast-check';
import { DEFAULT_CONFIG, knobList, type Config, type Knob, type KnobName } from '../../runtime/config/knobs.js';

/** A config with the name reports give it. */
export interface NamedConfig {
  name: string;
  config: Config;
}

function extremes(k: Knob): unknown[] {
  if (k.kind === 'bool') return [!k.default];
  if (k.kind === 'int') return [k.min, k.max].filter((v) => v !== k.default);
  return k.values.filter((v) => v !== k.default);
}

/**
 * Defaults, plus each knob (other than `fixed`) at each of its non-default extremes, one knob at
 * a time. Knobs in `fixed` keep `base`'s value (the tier, for example).
 */
export function configMatrix(base: Config = DEFAULT_CONFIG, fixed: readonly KnobName[] = ['tier']): NamedConfig[] {
  const out: NamedConfig[] = [{ name: 'default', config: base }];
  for (const [name, knob] of knobList()) {
    if (fixed.includes(name)) continue;
    for (const v of extremes(knob)) {
      if (v === base[name]) continue;
      out.push({ name: `${name}=${v}`, config: { ...base, [name]: v } as Config });
    }
  }
  return out;
}

/** A fast-check arbitrary of whole configs, every knob drawn from its own arbitrary. */
export function configArbitrary(): fc.Arbitrary<Config> {
  const fields = Object.fromEntries(knobList().map(([name, k]) => [name, k.arbitrary() as fc.Arbitrary<unknown>]));
  return fc.record(fields) as fc.Arbitrary<Config>;
}

/**
 * Narrows a random config for spec runs: only the tier, to the one asked for. Fuel and epoch
 * interruption may stay on: the spec runner gives such stores unlimited fuel and a far
 * deadline unless a file's header says otherwise, so they exercise those code paths.
 */
export function forSpec(c: Config, tier: Config['tier']): Config {
  return { ...c, tier };
}

/** `n` random configs from `seed`, named `random#i(seed)`, narrowed by `narrow`. */
export function randomConfigs(n: number, seed: number, narrow: (c: Config) => Config): NamedConfig[] {
  const drawn = fc.sample(configArbitrary(), { numRuns: n, seed });
  return drawn.map((c, i) => ({ name: `random#${i}(seed ${seed})`, config: narrow(c) }));
}

/** Only the knobs that differ from the defaults: how reports print a config. */
export function configDiff(c: Config): Partial<Record<KnobName, unknown>> {
  const out: Partial<Record<KnobName, unknown>> = {};
  for (const [name] of knobList()) if (c[name] !== DEFAULT_CONFIG[name]) out[name] = c[name];
  return out;
}

/**
 * Narrows a random config for the differential fuzzer (harness/fuzz): the config is the
 * compiled tier's, since the oracle runs the interpreter and V8 beside it, so `tier` is
 * `compiled`, and the module cache is off (see below). Everything else stays random: fuel
 * is given per case by the oracle, and the epoch deadline of a fresh store is never reached,
 * so both knobs only change generated code.
 */
export function forDifferential(c: Config): Config {
  // moduleCache off: every fuzz case is a new module, so a cache would only grow on disk by
  // one entry per case, never hit; the cache has its own tests and runs in the spec matrix.
  // maxCallDepth at most FUZZ_MAX_CALL_DEPTH: generated recursion that runs away does so on
  // every engine, so a deeper limit only makes those cases slower; the spec matrix runs the
  // limit's top.
  return { ...c, tier: 'compiled', moduleCache: false, maxCallDepth: Math.min(c.maxCallDepth, FUZZ_MAX_CALL_DEPTH) };
}

/** The deepest call stack forDifferential lets a fuzz case have. */
export const FUZZ_MAX_CALL_DEPTH = 20_000;
