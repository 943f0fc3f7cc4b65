// The vocabulary of the differential oracle: a case to run, one engine's session over it, what
// one call looked like on one engine, and the verdict. Engines are adapters (one per file)
// behind OracleEngine; the runner (differential.ts) only speaks these types.

import type { Config } from '../../runtime/config/knobs.js';
import type { TrapKind } from '../../runtime/errors.js';
import type { ModuleInfo } from '../../runtime/types.js';
import type { Call } from '../generators/calls.js';

/** The engines the oracle knows, in reference order (the first present is the reference). */
export const ENGINE_NAMES = ['interp', 'compiled', 'v8'] as const;
/** An engine's name. */
export type EngineName = (typeof ENGINE_NAMES)[number];

/** One test case: a module, the config our tiers run it under, and the calls to make. */
export interface OracleCase {
  readonly bytes: Uint8Array;
  /** Config for our tiers (each adapter sets its own `tier`). */
  readonly config: Config;
  /** Calls in the runtime representation (calls.ts: FuncRefArg for funcrefs). */
  readonly calls: readonly Call[];
  /** Fuel given before instantiation and before each call when `config.consumeFuel`. */
  readonly fuel: number;
  /** A call-budget global every engine resets to `initial` before each call. */
  readonly budget?: { readonly name: string; readonly initial: number };
  /** The module may run forever: only engines with fuel can run it. */
  readonly needsFuel: boolean;
}

/** A case with its module decoded (once, by the runner) for the adapters. */
export interface PreparedCase extends OracleCase {
  readonly info: ModuleInfo;
}

/**
 * A value as compared: scalars by bits (i32/f32 signed int32, i64/f64 signed bigint), v128
 * as hex, references as `func:<index in the instance's function space>`, `extern:<k>` (k
 * indexes calls.ts EXTERN_VALUES; `?` for anything else) or null.
 */
export type OValue =
  | { readonly t: 'i32' | 'f32'; readonly b: number }
  | { readonly t: 'i64' | 'f64'; readonly b: bigint }
  | { readonly t: 'v128'; readonly hex: string }
  | { readonly t: 'funcref' | 'externref'; readonly ref: string | null };

/** How a call (or instantiation) ended on one engine. */
export type CallOutcome =
  | { readonly kind: 'values'; readonly values: readonly OValue[] }
  | { readonly kind: 'trap'; readonly kinds: readonly TrapKind[]; readonly message: string }
  | { readonly kind: 'exhausted'; readonly message: string }
  /** Neither a result nor a trap: an internal error of the engine (a bug), or a rejected module. */
  | { readonly kind: 'error'; readonly name: string; readonly message: string }
  /** The engine cannot make this call faithfully (a value cannot cross its boundary). */
  | { readonly kind: 'skipped'; readonly reason: string };

/** One host function call seen during a wasm call. */
export interface HostCall {
  readonly name: string;
  readonly args: readonly OValue[];
}

/** What one call did on one engine. */
export interface CallRecord {
  readonly outcome: CallOutcome;
  readonly host: readonly HostCall[];
  /** Fuel left after the call (our tiers with fuel on). */
  readonly fuel?: number;
}

/** Observable state after a call: every exported memory, global and table, by export name. */
export interface Snapshot {
  /** Live views: compare before the next call. */
  readonly memories: ReadonlyMap<string, Uint8Array>;
  /** undefined: the engine cannot read this global faithfully (a v128 global on V8). */
  readonly globals: ReadonlyMap<string, OValue | undefined>;
  readonly tables: ReadonlyMap<string, readonly (string | null)[]>;
}

/**
 * One engine running one module: instantiated on open, then called (the differential runner
 * makes the case's calls in order; tests may make any call to an export), then closed.
 */
export interface EngineSession {
  /** How instantiation ended (`values` with no values when it succeeded). */
  readonly instantiated: CallRecord;
  /** Calls export `call.name` with `call.args`. Never throws for wasm-level failures. */
  call(call: Call): CallRecord;
  /** The state now. */
  snapshot(): Snapshot;
  /** Releases what the session holds (our tiers dispose their store); snapshots taken before are void. */
  close(): void;
}

/** An engine under differential test. */
export interface OracleEngine {
  readonly name: EngineName;
  /** Why this engine cannot run the case at all (it is then skipped with that reason), or undefined. */
  canRun(c: PreparedCase): string | undefined;
  /** Compiles and instantiates the case's module. Never throws for wasm-level failures. */
  open(c: PreparedCase): EngineSession;
}

/** The part of a comparison that differed. */
export type Aspect =
  | 'module' | 'instantiate' | 'outcome' | 'result' | 'trap' | 'host-calls' | 'fuel' | 'memory' | 'global' | 'table' | 'error';

/** The first difference found between two engines. */
export interface Mismatch {
  /** [reference, other]. */
  readonly engines: readonly [string, string];
  readonly aspect: Aspect;
  /** Index of the call in the case, -1 for instantiation. */
  readonly call: number;
  /** Value-free description, stable under reduction: part of the finding's signature. */
  readonly key: string;
  /** What differed, with values, for people. */
  readonly detail: string;
}

/** The verdict on one case. `skips` and `poisons` list reasons (one entry per occurrence). */
export type CaseVerdict =
  | { readonly kind: 'success'; readonly skips: readonly string[]; readonly poisons: readonly string[] }
  | { readonly kind: 'poisoned'; readonly skips: readonly string[]; readonly poisons: readonly string[] }
  | { readonly kind: 'failed'; readonly mismatch: Mismatch; readonly skips: readonly string[]; readonly poisons: readonly string[] };
