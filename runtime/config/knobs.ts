// The one knob table. Every engine knob is declared here once (name, type, default, doc, how
// to draw a random value, whether it affects code generation); the Config type, defaults,
// CLI flags, JSON load/save and the random config generator all derive from it.

import fc from 'fast-check';

interface KnobBase<T> {
  readonly doc: string;
  readonly default: T;
  /** True when the knob changes generated code (so it belongs in cache keys/fingerprints). */
  readonly codegen: boolean;
  /** How the random (swarm) config generator draws a value. */
  readonly arbitrary: () => fc.Arbitrary<T>;
  /**
   * Test-only knob: left out of {@link knobList} (so of `crucible knobs`, the config matrix and
   * random configs) but still loadable from JSON, so a saved finding can name it.
   */
  readonly hidden?: true;
}
/** A yes/no knob. */
export interface BoolKnob extends KnobBase<boolean> {
  readonly kind: 'bool';
}
/** A whole-number knob with an inclusive range. */
export interface IntKnob extends KnobBase<number> {
  readonly kind: 'int';
  readonly min: number;
  readonly max: number;
}
/** A knob taking one of a fixed set of strings. */
export interface EnumKnob<V extends string = string> extends KnobBase<V> {
  readonly kind: 'enum';
  readonly values: readonly V[];
}
/** Any knob. */
export type Knob = BoolKnob | IntKnob | EnumKnob;

function bool(def: boolean, codegen: boolean, doc: string): BoolKnob {
  return { kind: 'bool', default: def, codegen, doc, arbitrary: () => fc.boolean() };
}
function int(def: number, min: number, max: number, codegen: boolean, doc: string, arbitrary?: () => fc.Arbitrary<number>): IntKnob {
  return { kind: 'int', default: def, min, max, codegen, doc, arbitrary: arbitrary ?? (() => fc.integer({ min, max })) };
}
function oneOf<V extends string>(values: readonly V[], def: V, codegen: boolean, doc: string): EnumKnob<V> {
  return { kind: 'enum', values, default: def, codegen, doc, arbitrary: () => fc.constantFrom(...values) };
}

/** Every knob, by name. Adding a knob is one entry here. */
export const KNOBS = {
  tier: oneOf(['interp', 'compiled'] as const, 'interp', true, 'Execution tier: the reference interpreter or the wasm-to-JS compiler.'),
  maxCallDepth: int(10_000, 1000, 100_000, false, 'Deepest wasm call depth before a "call stack exhausted" trap.', () =>
    fc.oneof(fc.constant(10_000), fc.integer({ min: 1000, max: 20_000 }), fc.integer({ min: 1000, max: 100_000 })),
  ),
  consumeFuel: bool(false, true, 'Charge one unit of fuel per instruction (end/else free), checked at function entry and loop headers.'),
  epochInterruption: bool(false, true, 'Check the store\'s epoch deadline at function entry and loop headers; past it, trap with "interrupt".'),
  paddingBetweenFunctions: int(0, 0, 65535, true, 'Filler bytes between functions in the compiled code image (positions shift; results must not).', () =>
    fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 0, max: 65535 })),
  ),
  generateAddressMap: bool(true, true, 'Keep a code-position to wasm-offset map so trap backtraces carry wasm byte offsets.'),
  optLevel: oneOf(['none', 'speed'] as const, 'speed', true, 'Compiled tier optimisation: none translates op by op; speed caches memory views and locals, folds constants, elides checks.'),
  boundsChecks: oneOf(['explicit', 'guarded'] as const, 'explicit', true, 'Memory bounds checks: explicit compare per access, or guarded (typed-array access, out-of-range detected after the fact).'),
  inlineSmallFunctions: bool(false, true, 'Compiled tier: inline calls to small leaf functions.'),
  unrollLoops: bool(true, true, 'Compiled tier, optLevel speed: write small innermost loops out 2 to 4 times, by body size (fuel, epoch and backtraces unchanged).'),
  memoryInitCow: bool(true, false, 'Initialize a module\'s memory from a copy-on-write image when its data segments allow (re-instantiating costs an madvise, not a copy).'),
  forceMemoryInitMemfd: bool(false, false, 'Make memory images in a memfd even when the module was loaded from an artifact file that could be mapped directly.'),
  poolingAllocator: bool(false, false, 'Take memories from per-engine pool slots, reset (madvise) and reused when their store is disposed.'),
  serializeRoundtrip: bool(false, false, 'Harness: compile, serialize, write the artifact to a file and load it back with deserializeFile before running.'),
  moduleCache: bool(false, false, 'Keep compiled artifacts in an on-disk cache keyed by the wasm bytes, codegen knobs and runtime version (directory: CRUCIBLE_CACHE_DIR, default ~/.cache/crucible).'),
  // Hidden, test-only: proves the fuzzer's oracle and worker isolation catch real faults
  // (harness/fuzz/faultInjection.test.ts). Never drawn at random: its arbitrary is the default.
  faultInjection: {
    ...oneOf(['none', 'miscompile-i32-sub', 'miscompile-i32-add', 'crash-worker'] as const, 'none', true,
      'TEST ONLY: make the compiled tier miscompile i32.sub or i32.add, or make a fuzz worker crash on modules using i32.add.'),
    arbitrary: () => fc.constant('none' as const),
    hidden: true as const,
  },
};

/** The knob table's type, for generic code. */
export type KnobTable = typeof KNOBS;
/** A knob's name. */
export type KnobName = keyof KnobTable;
type ValueOf<K> = K extends EnumKnob<infer V> ? V : K extends BoolKnob ? boolean : K extends IntKnob ? number : never;

/** A full engine configuration: one value per knob. */
export type Config = { readonly [K in KnobName]: ValueOf<KnobTable[K]> };

/** Every knob at its default. */
export const DEFAULT_CONFIG: Config = Object.fromEntries(
  Object.entries(KNOBS).map(([name, knob]) => [name, knob.default]),
) as Config;

/** The user-facing knobs as a list, in table order (hidden test-only knobs left out). */
export function knobList(): [KnobName, Knob][] {
  return (Object.entries(KNOBS) as [KnobName, Knob][]).filter(([, k]) => k.hidden !== true);
}
