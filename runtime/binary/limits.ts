// Implementation limits on module structure, the values V8 and Wasmtime impose, so a module
// either engine rejects for size is rejected here too. Body-internal limits (br_table size)
// belong to the body validator.

import { CompileError } from '../errors.js';

/** Structural implementation limits (V8's `wasm-limits.h` values unless noted). */
export const MODULE_LIMITS = {
  /** Function types in the type section. */
  maxTypes: 1_000_000,
  /** Functions, imported and defined together. */
  maxFunctions: 1_000_000,
  /** Entries in the import section. */
  maxImports: 100_000,
  /** Entries in the export section. */
  maxExports: 100_000,
  /** Globals, imported and defined together. */
  maxGlobals: 1_000_000,
  /** Tables, imported and defined together. */
  maxTables: 100_000,
  /** Element segments. */
  maxElemSegments: 10_000_000,
  /** Entries in one element segment. */
  maxElemEntries: 10_000_000,
  /** Data segments. */
  maxDataSegments: 100_000,
  /** Initial size of a table, in elements (the maximum may be larger: it only caps growth). */
  maxTableInitial: 10_000_000,
  /** Bytes in one function body, its local declarations included. */
  maxFunctionSize: 7_654_321,
  /** Parameters plus declared locals of one function. */
  maxLocals: 50_000,
  /** Parameters of one function type. */
  maxParams: 1_000,
  /** Results of one function type. */
  maxResults: 1_000,
} as const;

/**
 * The error for exceeding an implementation limit. Kind 'malformed': the module is not wrong by
 * the spec's rules, but like the engines we refuse to decode it, before any validation.
 */
export function limitError(what: string, n: number, max: number, offset: number): CompileError {
  return new CompileError('malformed', `${what} ${n} exceeds implementation limit of ${max}`, offset);
}
