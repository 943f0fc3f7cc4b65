// Compares a trap's wasm backtrace with an `assert_backtrace` expectation. With address maps
// on, written offsets are checked; with them off, no frame may carry an offset at all.
// Names are exact: a frame written without a name expects none.

import type { ExpectedFrame } from '../wast/ast.js';
import type { Frame } from '../../runtime/errors.js';

const hex = (n: number) => '0x' + n.toString(16);

function showFrame(f: { func: number; name?: string; offset?: number }, offset: string): string {
  return `${f.func}${f.name !== undefined ? ` "${f.name}"` : ''} ${offset}`;
}

/** A backtrace as reports show it: `[0 "inner" @0x34, 1 @0x3a]`. */
export function showFrames(frames: readonly Frame[]): string {
  return `[${frames.map((f) => showFrame(f, f.offset === undefined ? '@none' : '@' + hex(f.offset))).join(', ')}]`;
}

/** The expectation as reports show it, given whether offsets are checked. */
export function showExpectedFrames(frames: readonly ExpectedFrame[], addressMap: boolean): string {
  const offset = (f: ExpectedFrame) => (!addressMap ? '@none' : f.offset === undefined ? '@any' : '@' + hex(f.offset));
  return `[${frames.map((f) => showFrame(f, offset(f))).join(', ')}]`;
}

/**
 * Where `actual` first departs from `expected`, or undefined when it matches.
 *
 * @param addressMap the config's generateAddressMap: when false expected offsets are not
 *   checked, but every actual frame must lack an offset
 */
export function backtraceMismatch(actual: readonly Frame[], expected: readonly ExpectedFrame[], addressMap: boolean): string | undefined {
  const n = Math.max(actual.length, expected.length);
  for (let i = 0; i < n; i++) {
    const a = actual[i];
    const e = expected[i];
    if (a === undefined) return `frame ${i} missing (backtrace has ${actual.length} frames, expected ${expected.length})`;
    if (e === undefined) return `extra frame ${i} (backtrace has ${actual.length} frames, expected ${expected.length})`;
    if (a.func !== e.func) return `frame ${i}: function ${a.func}, expected ${e.func}`;
    if (a.name !== e.name) return `frame ${i}: name ${JSON.stringify(a.name ?? null)}, expected ${JSON.stringify(e.name ?? null)}`;
    if (!addressMap) {
      if (a.offset !== undefined) return `frame ${i}: has offset ${hex(a.offset)} although address maps are off`;
    } else if (e.offset !== undefined && a.offset !== e.offset) {
      return `frame ${i}: offset ${a.offset === undefined ? 'none' : hex(a.offset)}, expected ${hex(e.offset)}`;
    }
  }
  return undefined;
}
