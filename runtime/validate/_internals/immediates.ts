// Reading the immediates the validator only needs to step over or check for shape: skipping
// constants without materialising them (no BigInt per i64.const), reserved zero bytes, block
// types, and the reference interpreter's message for a body that lacks its final `end`.

import type { Reader } from '../../binary/Reader.js';
import { limitError } from '../../binary/limits.js';
import { VALIDATION_LIMITS } from '../limits.js';

/** A block type with no params and no results (`0x40`). */
export const BT_EMPTY = 0x40;
/** Block types at or above this are `BT_INDEX + type index`. */
export const BT_INDEX = 0x100;

/** Advances past `n` raw bytes, failing like the Reader at the end of the body. */
export function skipBytes(r: Reader, n: number): void {
  if (r.end - r.pos < n) {
    r.pos = r.end;
    r.u8(); // throws the Reader's end-of-input error
  }
  r.pos += n;
}

/** Steps over a signed 64-bit LEB128 with the Reader's exactness rules, without a BigInt. */
export function skipS64(r: Reader): void {
  const start = r.pos;
  for (let i = 0; i < 9; i++) if ((r.u8() & 0x80) === 0) return;
  // Byte 10 holds bit 63 only: it must be a plain sign extension.
  const b = r.u8();
  if (b & 0x80) r.fail('integer representation too long', start);
  if (b !== 0 && b !== 0x7f) r.fail('integer too large', start);
}

/** A reserved byte that must be 0x00 (memory.size/grow/fill/copy/init). */
export function zeroByte(r: Reader): void {
  const at = r.pos;
  if (r.u8() !== 0) r.fail('zero byte expected', at);
}

/** True for the one-byte value type codes of 2.0. */
export function isValTypeCode(b: number): boolean {
  return (b >= 0x7b && b <= 0x7f) || b === 0x70 || b === 0x6f;
}

/**
 * A block type: {@link BT_EMPTY}, a value type code, or {@link BT_INDEX} + a type index.
 * A negative multi-byte s33 is returned as an index no module can have, so it validates as
 * an unknown type, as the reference interpreter treats it.
 */
export function readBlockType(r: Reader): number {
  const at = r.pos;
  const b = r.u8();
  if ((b & 0xc0) === 0x40) {
    // A single negative byte: empty or a value type.
    if (b === BT_EMPTY || isValTypeCode(b)) return b;
    r.fail('malformed value type', at);
  }
  r.pos = at;
  const index = r.s33();
  return BT_INDEX + (index < 0 ? 2 ** 33 + index : index);
}

/**
 * The target count of a br_table. Over the limit is kind 'malformed', like the decoder's
 * limits: engines refuse such a body before validating it.
 */
export function readBrTableCount(r: Reader): number {
  const at = r.pos;
  const n = r.u32();
  const max = VALIDATION_LIMITS.maxBrTableTargets;
  if (n > max) throw limitError('br_table targets', n, max, at);
  return n;
}

/** The immediate of `ref.null`: a reference type code. */
export function readRefTypeImm(r: Reader): number {
  const at = r.pos;
  const b = r.u8();
  if (b !== 0x70 && b !== 0x6f) r.fail(b & 0x80 ? 'integer representation too long' : 'malformed reference type', at);
  return b;
}

/** The type vector of `select_t`: its only type, or -1 when it has not exactly one. */
export function readSelectTypes(r: Reader): number {
  const n = r.count(1);
  let t = -1;
  for (let i = 0; i < n; i++) {
    const b = r.u8();
    if (!isValTypeCode(b)) r.fail('malformed value type', r.pos - 1);
    if (n === 1) t = b;
  }
  return t;
}

/**
 * The error for a body whose bytes end before its final `end`. The reference interpreter
 * does not stop at the body's size: it keeps reading the following bytes as instructions,
 * so its message depends on what follows. Mimicked for the cases the testsuite covers: end
 * of module, a following 0x0b taken as `end` (then the size check fails), anything else.
 */
export function missingEndMessage(bytes: Uint8Array, codeEnd: number): string {
  if (codeEnd >= bytes.length) return 'unexpected end of section or function';
  if (bytes[codeEnd] === 0x0b) return 'section size mismatch';
  return 'END opcode expected';
}
