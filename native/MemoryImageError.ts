// The one error type of the memory backends, with a Node-style `code` so callers branch
// on data, not message text. Leaves out wasm traps: a failed grow is the runtime's to
// turn into -1, and out-of-bounds accesses never reach this layer.

/** Codes besides errno names (`ENOENT`, `ENOMEM`, ...) that a backend reports. */
export type MemoryImageErrorCode =
  | 'ERR_INVALID_ARG'
  | 'ERR_OUT_OF_RANGE'
  | 'ERR_NATIVE_UNAVAILABLE'
  | 'ERR_NAPI'
  | (string & {});

/** What went wrong, coarsely: the caller's arguments, or the system. */
export type MemoryImageErrorKind = 'invalid-argument' | 'out-of-range' | 'system';

/** Details a backend can attach, mirroring Node's system errors. */
export interface MemoryImageErrorDetails {
  /** The system call that failed (`open`, `mmap`, ...). */
  syscall?: string;
  /** The file involved, when there is one. */
  path?: string;
  /** The original error (from the addon or `node:fs`). */
  cause?: unknown;
}

/** A memory backend refused its arguments or the system refused a call. */
export class MemoryImageError extends Error {
  override readonly name = 'MemoryImageError';
  readonly syscall?: string;
  readonly path?: string;

  /**
   * @param code `ERR_INVALID_ARG`, `ERR_OUT_OF_RANGE`, or an errno name
   * @param message `<function>: <what>`, the same text from both backends where possible
   */
  constructor(
    readonly code: MemoryImageErrorCode,
    message: string,
    details: MemoryImageErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    if (details.syscall !== undefined) this.syscall = details.syscall;
    if (details.path !== undefined) this.path = details.path;
  }

  /** Bad argument types, sizes that do not fit, or a failure of the system. */
  get kind(): MemoryImageErrorKind {
    if (this.code === 'ERR_INVALID_ARG') return 'invalid-argument';
    if (this.code === 'ERR_OUT_OF_RANGE') return 'out-of-range';
    return 'system';
  }

  /** Wraps anything a backend threw; an existing MemoryImageError passes through. */
  static from(error: unknown, fallbackCode: MemoryImageErrorCode = 'ERR_NAPI'): MemoryImageError {
    if (error instanceof MemoryImageError) return error;
    const e = error as { code?: unknown; message?: unknown; syscall?: unknown; path?: unknown };
    const code = typeof e?.code === 'string' ? e.code : fallbackCode;
    const message = typeof e?.message === 'string' ? e.message : String(error);
    const details: MemoryImageErrorDetails = { cause: error };
    if (typeof e?.syscall === 'string') details.syscall = e.syscall;
    if (typeof e?.path === 'string') details.path = e.path;
    return new MemoryImageError(code, message, details);
  }
}
