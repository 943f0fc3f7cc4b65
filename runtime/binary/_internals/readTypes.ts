// Readers for the type encodings shared by several sections: value, reference, function,
// table, memory and global types, and limits. Messages follow the reference interpreter,
// which reads type codes as 7-bit signed LEBs (so a continuation bit is "too long").

import type { FuncType, GlobalType, Limits, MemoryType, RefType, TableType, ValType } from '../../types.js';
import type { Reader } from '../Reader.js';
import { limitError, MODULE_LIMITS } from '../limits.js';

const TOO_LONG = 'integer representation too long';

/** A value type (i32 i64 f32 f64 v128 funcref externref). */
export function readValType(r: Reader): ValType {
  const b = r.u8();
  if (b >= 0x7c) {
    if (b & 0x80) r.fail(TOO_LONG);
    return b as ValType;
  }
  if (b >= 0x71) {
    if (b !== 0x7b) r.fail('malformed vector type', r.pos - 1);
    return b as ValType;
  }
  if (b !== 0x70 && b !== 0x6f) r.fail('malformed reference type', r.pos - 1);
  return b as ValType;
}

/** A reference type (funcref or externref). */
export function readRefType(r: Reader): RefType {
  const b = r.u8();
  if (b & 0x80) r.fail(TOO_LONG);
  if (b !== 0x70 && b !== 0x6f) r.fail('malformed reference type', r.pos - 1);
  return b as RefType;
}

/** A function type: 0x60, parameter types, result types. */
export function readFuncType(r: Reader): FuncType {
  const b = r.u8();
  if (b & 0x80) r.fail(TOO_LONG);
  if (b !== 0x60) r.fail('malformed function type', r.pos - 1);
  const params = readResultType(r, 'parameters', MODULE_LIMITS.maxParams);
  const results = readResultType(r, 'results', MODULE_LIMITS.maxResults);
  return { params, results };
}

function readResultType(r: Reader, what: string, max: number): ValType[] {
  const at = r.pos;
  const n = r.count(1);
  if (n > max) throw limitError(`function type ${what} count`, n, max, at);
  const out: ValType[] = [];
  for (let i = 0; i < n; i++) out.push(readValType(r));
  return out;
}

/** Limits: a flag (0: min only, 1: min and max) read as the reference's 1-bit LEB. */
export function readLimits(r: Reader): Limits {
  const flag = r.u8();
  if ((flag & 0x7f) > 1) r.fail('integer too large', r.pos - 1);
  if (flag & 0x80) r.fail(TOO_LONG);
  const min = r.u32();
  return flag === 1 ? { min, max: r.u32() } : { min };
}

/** A table type: element reference type, then limits. */
export function readTableType(r: Reader): TableType {
  const elem = readRefType(r);
  return { elem, limits: readLimits(r) };
}

/** A memory type: limits in 64 KiB pages. */
export function readMemoryType(r: Reader): MemoryType {
  return { limits: readLimits(r) };
}

// Global types are immutable values with 14 possible shapes: share them rather than
// allocating one per global.
const GLOBAL_TYPES: GlobalType[] = [];
for (const type of [0x7f, 0x7e, 0x7d, 0x7c, 0x7b, 0x70, 0x6f] as ValType[]) {
  GLOBAL_TYPES[type * 2] = Object.freeze({ type, mutable: false });
  GLOBAL_TYPES[type * 2 + 1] = Object.freeze({ type, mutable: true });
}

/** A global type: value type, then mutability (0 const, 1 var). The result is shared and frozen. */
export function readGlobalType(r: Reader): GlobalType {
  const type = readValType(r);
  const m = r.u8();
  if (m > 1) r.fail('malformed mutability', r.pos - 1);
  return GLOBAL_TYPES[type * 2 + m];
}
