// What a V8 (node 20) WebAssembly error means in our terms: the TrapKinds a RuntimeError
// message can stand for, and stack overflow, which is an engine limit rather than a trap to
// compare. Messages were read off node 20's V8; other errors are left for callers to judge.

import { TrapKind } from '../../runtime/errors.js';

/**
 * V8 message pattern -> our trap kinds it may stand for. V8 merges some spec messages
 * (call_indirect's null and signature traps; an index past a table for call_indirect and
 * table ops; NaN and out-of-range float-to-int), so a row can allow several kinds.
 */
const ROWS: readonly (readonly [RegExp, readonly TrapKind[]])[] = [
  [/^unreachable$/, [TrapKind.Unreachable]],
  [/^memory access out of bounds$/, [TrapKind.MemoryOutOfBounds]],
  [/^data segment .*out of bounds$/, [TrapKind.MemoryOutOfBounds]],
  [/^table index is out of bounds$/, [TrapKind.TableOutOfBounds, TrapKind.UndefinedElement]],
  [/^element segment .*out of bounds$/, [TrapKind.TableOutOfBounds]],
  [/^null function or function signature mismatch$/, [TrapKind.IndirectCallToNull, TrapKind.IndirectCallTypeMismatch]],
  [/^(divide|remainder) by zero$/, [TrapKind.IntegerDivideByZero]],
  [/^divide result unrepresentable$/, [TrapKind.IntegerOverflow]],
  [/^float unrepresentable in integer range$/, [TrapKind.IntegerOverflow, TrapKind.InvalidConversionToInteger]],
];

/** How a V8 call ended, when it did not return. */
export type V8Failure =
  | { readonly kind: 'trap'; readonly message: string; readonly kinds: readonly TrapKind[] }
  | { readonly kind: 'exhausted'; readonly message: string };

/** An error from V8 that is neither a known trap nor stack overflow (a new message, a bug). */
export class UnknownV8ErrorError extends Error {
  override readonly name = 'UnknownV8ErrorError';
}

/**
 * Classifies an exception thrown by a V8 wasm call. Returns undefined for errors that are
 * not V8's (a host function's own exception, which callers compare by identity); throws
 * UnknownV8ErrorError for a RuntimeError whose message is in no row, so the table grows
 * deliberately rather than silently.
 */
export function classifyV8Error(e: unknown): V8Failure | undefined {
  if (e instanceof RangeError && /Maximum call stack size exceeded/.test(e.message)) {
    return { kind: 'exhausted', message: e.message };
  }
  if (!(e instanceof WebAssembly.RuntimeError)) return undefined;
  // Traps during instantiation (segments, start) carry the API function's name first.
  const text = e.message.replace(/^WebAssembly\.Instance\(\): /, '');
  for (const [pattern, kinds] of ROWS) {
    if (pattern.test(text)) return { kind: 'trap', message: e.message, kinds };
  }
  throw new UnknownV8ErrorError(`unmapped V8 RuntimeError: ${e.message}`);
}
