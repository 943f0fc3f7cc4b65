// Binary codecs for the small ModuleInfo parts shared by encodeModuleMeta and decodeModuleMeta:
// value types, limits, table/memory/global types and constant expressions. Scalars are kept
// bit-exact (i64 as 8 bytes, f64 by its raw bits so NaN payloads and -0 survive).

import { ValType, type ConstExpr, type ExternKind, type GlobalType, type Limits, type MemoryType, type RefType, type TableType } from '../../types.js';
import type { ByteSink } from './ByteSink.js';
import type { ByteSource } from './ByteSource.js';

/** First byte of encoded metadata; bumped whenever its layout changes. */
export const META_VERSION = 1;

/** Extern kinds and element/data modes by their written code (the index). */
export const EXTERN_KINDS: readonly ExternKind[] = ['func', 'table', 'memory', 'global'];
/** Element segment modes by code. */
export const ELEM_MODES = ['active', 'passive', 'declarative'] as const;
/** Data segment modes by code. */
export const DATA_MODES = ['active', 'passive'] as const;

/** Value types by their own binary code, which is also how they are written. */
const VAL_TYPES: readonly (ValType | undefined)[] = (() => {
  const t: (ValType | undefined)[] = [];
  for (const v of Object.values(ValType)) t[v] = v;
  return t;
})();
const REF_TYPES: readonly (RefType | undefined)[] = VAL_TYPES.map((t) =>
  t === ValType.FuncRef || t === ValType.ExternRef ? t : undefined);

/** Reads a value type. */
export function readValType(r: ByteSource): ValType {
  return r.pick(VAL_TYPES as ValType[], 'value type');
}

/** Reads a reference type. */
export function readRefType(r: ByteSource): RefType {
  return r.pick(REF_TYPES as RefType[], 'reference type');
}

/** Writes limits: a has-max flag, min, then max if present. */
export function writeLimits(w: ByteSink, l: Limits): void {
  w.u8(l.max === undefined ? 0 : 1).uleb(l.min);
  if (l.max !== undefined) w.uleb(l.max);
}

/** Reads limits in the decoder's shape (no `max` key when there is none). */
export function readLimits(r: ByteSource): Limits {
  const flag = r.pick([0, 1], 'limits flag');
  const min = r.uleb();
  return flag === 1 ? { min, max: r.uleb() } : { min };
}

/** Writes a table type. */
export function writeTableType(w: ByteSink, t: TableType): void {
  w.u8(t.elem);
  writeLimits(w, t.limits);
}

/** Reads a table type. */
export function readTableType(r: ByteSource): TableType {
  const elem = readRefType(r);
  return { elem, limits: readLimits(r) };
}

/** Reads a memory type. */
export function readMemoryType(r: ByteSource): MemoryType {
  return { limits: readLimits(r) };
}

/** Writes a global type. */
export function writeGlobalType(w: ByteSink, g: GlobalType): void {
  w.u8(g.type).u8(g.mutable ? 1 : 0);
}

/** Reads a global type. */
export function readGlobalType(r: ByteSource): GlobalType {
  const type = readValType(r);
  return { type, mutable: r.pick([false, true], 'mutability') };
}

type Kind = ConstExpr['kind'];
type Of<K extends Kind> = Extract<ConstExpr, { kind: K }>;

/** How each kind of constant expression is written and read; the tag is the row's index. */
const CONST_ROWS: { [K in Kind]: { write(w: ByteSink, e: Of<K>): void; read(r: ByteSource): Of<K> } } = {
  'i32.const': { write: (w, e) => w.sleb(e.value), read: (r) => ({ kind: 'i32.const', value: r.sleb() }) },
  'i64.const': { write: (w, e) => w.i64(e.value), read: (r) => ({ kind: 'i64.const', value: r.i64() }) },
  // The runtime holds f32 constants as their raw bits in an int32.
  'f32.const': { write: (w, e) => w.u32(e.value >>> 0), read: (r) => ({ kind: 'f32.const', value: r.u32() | 0 }) },
  'f64.const': { write: (w, e) => w.f64(e.value), read: (r) => ({ kind: 'f64.const', value: r.f64() }) },
  'v128.const': { write: (w, e) => w.bytes(exactly16(e.value)), read: (r) => ({ kind: 'v128.const', value: r.sub(16).slice() }) },
  'global.get': { write: (w, e) => w.uleb(e.index), read: (r) => ({ kind: 'global.get', index: r.uleb() }) },
  'ref.null': { write: (w, e) => w.u8(e.type), read: (r) => ({ kind: 'ref.null', type: readRefType(r) }) },
  'ref.func': { write: (w, e) => w.uleb(e.index), read: (r) => ({ kind: 'ref.func', index: r.uleb() }) },
};
function exactly16(b: Uint8Array): Uint8Array {
  if (b.length !== 16) throw new TypeError(`v128 constant of ${b.length} bytes`);
  return b;
}

const CONST_KINDS = Object.keys(CONST_ROWS) as Kind[];
const CONST_TAG = new Map(CONST_KINDS.map((k, i) => [k, i]));

/** Writes a constant expression: its kind's tag, then its operand. */
export function writeConstExpr(w: ByteSink, e: ConstExpr): void {
  const tag = CONST_TAG.get(e.kind);
  if (tag === undefined) throw new TypeError(`unknown constant expression kind ${String(e.kind)}`);
  w.u8(tag);
  (CONST_ROWS[e.kind].write as (w: ByteSink, e: ConstExpr) => void)(w, e);
}

/** Reads a constant expression. */
export function readConstExpr(r: ByteSource): ConstExpr {
  return CONST_ROWS[r.pick(CONST_KINDS, 'constant expression kind')].read(r);
}

/** Writes an optional constant expression behind a presence flag. */
export function writeOptConstExpr(w: ByteSink, e: ConstExpr | undefined): void {
  w.u8(e === undefined ? 0 : 1);
  if (e !== undefined) writeConstExpr(w, e);
}

/** Reads an optional constant expression. */
export function readOptConstExpr(r: ByteSource): ConstExpr | undefined {
  return r.pick([false, true], 'presence flag') ? readConstExpr(r) : undefined;
}

/** Writes an optional u32 behind a presence flag (u32 + 1 would not fit a u32 LEB). */
export function writeOptU32(w: ByteSink, v: number | undefined): void {
  w.u8(v === undefined ? 0 : 1);
  if (v !== undefined) w.uleb(v);
}

/** Reads an optional u32. */
export function readOptU32(r: ByteSource): number | undefined {
  return r.pick([false, true], 'presence flag') ? r.uleb() : undefined;
}
