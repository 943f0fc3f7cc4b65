// Argument checks of the TypeScript twin, with the same codes and message text as the
// addon's args.c, so callers see one behaviour whichever backend is active. Leaves out
// system errors (those come from node:fs and are only re-wrapped).

import { MemoryImageError } from '../MemoryImageError.js';

/** The page size the twin assumes: the addon's on x86-64, where Crucible runs. */
export const TWIN_PAGE_SIZE = 4096;

/** Throws the addon's TypeError equivalent. */
export function invalidArg(fn: string, message: string): never {
  throw new MemoryImageError('ERR_INVALID_ARG', `${fn}: ${message}`);
}

/** Throws the addon's RangeError equivalent. */
export function outOfRange(fn: string, message: string): never {
  throw new MemoryImageError('ERR_OUT_OF_RANGE', `${fn}: ${message}`);
}

/** A byte count: a number that is a non-negative safe integer. */
export function checkSize(fn: string, name: string, value: unknown): number {
  if (typeof value !== 'number') invalidArg(fn, `${name} must be a number`);
  if (!Number.isSafeInteger(value) || value < 0) {
    outOfRange(fn, `${name} must be a non-negative safe integer, got ${value}`);
  }
  return value;
}

/** A non-empty path string without NUL (a NUL would name a different file). */
export function checkPath(fn: string, value: unknown): string {
  if (typeof value !== 'string') invalidArg(fn, 'path must be a string');
  if (value.length === 0) invalidArg(fn, 'path must not be empty');
  if (value.includes('\0')) invalidArg(fn, 'path must not contain NUL');
  return value;
}

/** Allocates a zeroed buffer, reporting V8's allocation failure as the addon's ENOMEM. */
export function allocate(fn: string, bytes: number): ArrayBuffer {
  try {
    return new ArrayBuffer(bytes);
  } catch (error) {
    throw new MemoryImageError('ENOMEM', `${fn}: ENOMEM, cannot allocate ${bytes} bytes`, {
      syscall: 'ArrayBuffer',
      cause: error,
    });
  }
}

/** Re-wraps a node:fs error with the function name in front, as the addon words it. */
export function fsError(fn: string, error: unknown): MemoryImageError {
  const wrapped = MemoryImageError.from(error, 'ERR_SYSTEM');
  return new MemoryImageError(wrapped.code, `${fn}: ${wrapped.message}`, {
    ...(wrapped.syscall !== undefined && { syscall: wrapped.syscall }),
    ...(wrapped.path !== undefined && { path: wrapped.path }),
    cause: error,
  });
}
