// The swarm record a generated module is drawn from: which instruction families it may use,
// the features it may rely on and its size limits, picked as a whole before the module itself
// (swarm testing). How a family maps to opcodes is families.ts; this file only decides "which".

import fc from 'fast-check';

/** Instruction families a module may draw from (see families.ts for the opcodes of each). */
export const FAMILIES = [
  'intArith', 'floatArith', 'conversions', 'memory', 'bulkMemory', 'memoryGrow', 'tables',
  'refTypes', 'globals', 'control', 'simd', 'calls', 'traps',
] as const;
/** One switchable instruction family. */
export type Family = (typeof FAMILIES)[number];

/**
 * Everything a module is generated under. Families off never appear; families on may. `traps`
 * is a bias rather than a set of opcodes: on, `unreachable` is allowed and memory offsets and
 * constants lean toward bounds; off, addresses are masked into the first page and offsets stay
 * small so that most memory accesses succeed.
 */
export interface Swarm {
  readonly families: Readonly<Record<Family, boolean>>;
  /** Function types and block types with several results, and blocks with parameters. */
  readonly multiValue: boolean;
  /**
   * Loops without counters and calls without a budget: the module may run forever, so the
   * oracle MUST run it with fuel. Off, every loop has a bounded counter and every function
   * entry spends one unit of an exported call budget, so every call terminates on its own.
   */
  readonly fuel: boolean;
  /**
   * Follow every float operation whose NaN results the spec leaves engine-chosen (sign and
   * payload) with code that makes any NaN canonical, so engines must agree bit for bit on all
   * later state (memory, globals, results). Differential oracles want it on.
   */
  readonly canonicalNans: boolean;
  /**
   * An exported i64 `checksum` global: values the body would throw away (left over at the
   * end of a block, most `drop`s) are folded into it instead, so engines must agree on them
   * too. Off, they are dropped: dead computations (which still must trap) stay in the mix.
   */
  readonly checksum: boolean;
  /** Upper bounds on the module's size. */
  readonly maxFuncs: number;
  readonly maxTypes: number;
  readonly maxParams: number;
  readonly maxResults: number;
  readonly maxLocals: number;
  /** Choices per function body (each becomes one or a few instructions). */
  readonly maxBody: number;
  /** Deepest nesting of blocks, loops and ifs. */
  readonly maxDepth: number;
  /** Most back-edges one loop may take per entry (loops are bounded unless `fuel`). */
  readonly loopIters: number;
  /** Function entries an instance may make in total before functions return early (unless `fuel`). */
  readonly callBudget: number;
  readonly maxTables: number;
  readonly maxGlobals: number;
  readonly maxDatas: number;
  readonly maxElems: number;
}

const allFamilies = (on: boolean): Record<Family, boolean> =>
  Object.fromEntries(FAMILIES.map((f) => [f, on])) as Record<Family, boolean>;

/** Every family and feature on, moderate sizes: the widest single configuration. */
export const FULL_SWARM: Swarm = {
  families: allFamilies(true),
  multiValue: true,
  fuel: false,
  canonicalNans: false,
  checksum: true,
  maxFuncs: 4,
  maxTypes: 6,
  maxParams: 4,
  maxResults: 3,
  maxLocals: 4,
  maxBody: 60,
  maxDepth: 4,
  loopIters: 3,
  callBudget: 1000,
  maxTables: 2,
  maxGlobals: 4,
  maxDatas: 3,
  maxElems: 3,
};

/**
 * Random swarms: each family on with probability 1/2, sizes small-biased. Shrinks toward
 * families off and smaller limits. `callBudget` sometimes exceeds the default call depth so that
 * unbounded recursion reaches "call stack exhausted" instead of the budget.
 */
export function swarmArbitrary(): fc.Arbitrary<Swarm> {
  return fc.record({
    families: fc.record(Object.fromEntries(FAMILIES.map((f) => [f, fc.boolean()])) as Record<Family, fc.Arbitrary<boolean>>),
    multiValue: fc.boolean(),
    fuel: fc.oneof({ arbitrary: fc.constant(false), weight: 3 }, { arbitrary: fc.constant(true), weight: 1 }),
    canonicalNans: fc.boolean(),
    checksum: fc.oneof({ arbitrary: fc.constant(true), weight: 3 }, { arbitrary: fc.constant(false), weight: 1 }),
    maxFuncs: fc.noBias(fc.integer({ min: 1, max: 6 })),
    maxTypes: fc.noBias(fc.integer({ min: 1, max: 8 })),
    maxParams: fc.integer({ min: 0, max: 5 }),
    maxResults: fc.integer({ min: 0, max: 4 }),
    maxLocals: fc.integer({ min: 0, max: 6 }),
    maxBody: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 200 })),
    maxDepth: fc.integer({ min: 1, max: 6 }),
    loopIters: fc.integer({ min: 0, max: 4 }),
    callBudget: fc.constantFrom(50, 1000, 25_000),
    maxTables: fc.integer({ min: 0, max: 3 }),
    maxGlobals: fc.integer({ min: 0, max: 5 }),
    maxDatas: fc.integer({ min: 0, max: 4 }),
    maxElems: fc.integer({ min: 0, max: 4 }),
  });
}

/**
 * Narrows a swarm for differential oracles: no unbounded loops or recursion (an engine without
 * fuel, such as V8, must see every call end on its own), canonical NaNs (so every engine must
 * compute the same bits everywhere, not only the same NaN classes) and a checksum (so values
 * computed and thrown away are compared too).
 */
export function forDifferential(s: Swarm): Swarm {
  return { ...s, fuel: false, canonicalNans: true, checksum: true };
}
