// The one interface every engine under differential test implements (our tiers, V8), in bits
// form. Adapters live one per file (ourEngine.ts, v8Engine.ts). Imports, memories, tables and
// v128 or reference values are left out until a differential test needs them.

import type { Bits, ScalarType } from './bits.js';
import type { Outcome } from './outcome.js';

/** An export's signature, as scalar type names. */
export interface BitsSignature {
  readonly params: readonly ScalarType[];
  readonly results: readonly ScalarType[];
}

/** An instantiated module on one engine. */
export interface DiffInstance {
  /** Calls export `name` of signature `sig` with `args` in bits form; never throws for wasm-level failures. */
  call(name: string, sig: BitsSignature, args: readonly Bits[]): Outcome;
}

/** An engine that can run modules for comparison. */
export interface DiffEngine {
  /** Short name for reports (`interp`, `compiled`, `v8`). */
  readonly name: string;
  /** Compiles and instantiates `bytes` (a module without imports). Throws when it cannot. */
  instantiate(bytes: Uint8Array): DiffInstance;
}
