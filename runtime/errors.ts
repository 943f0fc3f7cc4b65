// Typed errors for the whole runtime: compile-time (malformed vs invalid), link-time,
// runtime traps with an exact kind, and configuration errors. Host errors are NOT wrapped:
// an exception thrown by an import propagates as itself.

/** Whether a module failed to decode (`malformed`) or to validate (`invalid`). */
export type CompileErrorKind = 'malformed' | 'invalid';

/**
 * A module was rejected. `message` starts with the spec testsuite's expected text
 * ("unexpected end", "type mismatch", ...) so `assert_malformed`/`assert_invalid` can be
 * checked with the reference interpreter's prefix rule.
 */
export class CompileError extends Error {
  override readonly name = 'CompileError';
  /**
   * @param kind malformed (binary format) or invalid (validation)
   * @param message spec-style message
   * @param offset byte offset in the module binary where the problem was found
   * @param funcIndex function index (in the function index space) when inside a body
   */
  constructor(
    readonly kind: CompileErrorKind,
    message: string,
    readonly offset: number,
    readonly funcIndex?: number,
  ) {
    super(message);
  }
}

/** Instantiation failed to resolve or type-check an import. */
export class LinkError extends Error {
  override readonly name = 'LinkError';
}

/**
 * Every way wasm execution can trap. The value is the spec's message text, which the
 * testsuite matches by prefix.
 */
export const TrapKind = {
  Unreachable: 'unreachable',
  MemoryOutOfBounds: 'out of bounds memory access',
  TableOutOfBounds: 'out of bounds table access',
  IndirectCallToNull: 'uninitialized element',
  UndefinedElement: 'undefined element',
  IndirectCallTypeMismatch: 'indirect call type mismatch',
  IntegerDivideByZero: 'integer divide by zero',
  IntegerOverflow: 'integer overflow',
  InvalidConversionToInteger: 'invalid conversion to integer',
  CallStackExhausted: 'call stack exhausted',
  OutOfFuel: 'all fuel consumed',
  Interrupt: 'interrupt',
} as const;
/** A trap kind's message text. */
export type TrapKind = (typeof TrapKind)[keyof typeof TrapKind];

/** One frame of a wasm backtrace, innermost first. */
export interface Frame {
  /** Index in the function index space. */
  func: number;
  /** Name from the name section, when present. */
  name?: string;
  /** Byte offset from the start of the module binary (for outer frames: of the call). */
  offset?: number;
}

/** Wasm execution trapped. Never used for host errors. */
export class Trap extends Error {
  override readonly name = 'Trap';
  /** Wasm backtrace, innermost first; filled in by the tier that caught the trap. */
  frames: Frame[] = [];
  constructor(readonly kind: TrapKind, message: string = kind) {
    super(message);
  }
}

/** A configuration value or file was wrong (unknown key, wrong type, out of range). */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * The interpreter's code space could not hold a function while runs were active: a resource
 * limit of this runtime (like running out of memory), not a wasm trap.
 */
export class CodeSpaceExhausted extends RangeError {
  override readonly name = 'CodeSpaceExhausted';
}

/** Throws a trap of the given kind. Used by both tiers and the shared numeric helpers. */
export function trap(kind: TrapKind): never {
  throw new Trap(kind);
}
