// Decoded entries of the sections module rewrites touch (imports, exports, globals, element and
// data segments), each with an encoder that writes it back in the same form (same flags), so a
// rewrite changes only what it means to. Constant expressions stay raw bytes.

import { Reader } from '../../../runtime/binary/Reader.js';
import { ByteWriter } from '../../wasm/ByteWriter.js';
import { findSection, SEC, skipConstExpr, vecBody, vecEntries, type Section } from './sections.js';

/** An import: module, name, kind byte and the raw descriptor after it. */
export interface ImportEntry {
  readonly module: string;
  readonly name: string;
  readonly kind: number;
  /** For functions: the type index. */
  readonly typeIndex: number;
  readonly desc: Uint8Array;
}

/** An export: name, kind byte (0 func, 1 table, 2 memory, 3 global) and index. */
export interface ExportEntry {
  readonly name: string;
  readonly kind: number;
  readonly index: number;
}

/** A global: type byte, mutability and raw init expression (with its `end`). */
export interface GlobalEntry {
  readonly type: number;
  readonly mutable: number;
  readonly init: Uint8Array;
}

/** An element segment in any of the eight encodings. */
export interface ElemEntry {
  readonly flags: number;
  readonly table: number;
  /** Raw offset expression (active segments). */
  readonly offset?: Uint8Array;
  /** The elemkind (flags 1-3) or reftype (flags 5-7) byte. */
  readonly kindByte?: number;
  /** Function indices (flags 0-3) ... */
  readonly funcs?: readonly number[];
  /** ... or raw expressions (flags 4-7). */
  readonly exprs?: readonly Uint8Array[];
}

/** A data segment: flags 0 (active, memory 0), 1 (passive), 2 (active, explicit memory). */
export interface DataEntry {
  readonly flags: number;
  readonly memory: number;
  readonly offset?: Uint8Array;
  readonly bytes: Uint8Array;
}

function constExpr(r: Reader): Uint8Array {
  const start = r.pos;
  skipConstExpr(r);
  return r.bytes.subarray(start, r.pos);
}

function descSkip(r: Reader, kind: number): void {
  if (kind === 0) r.u32();
  else if (kind === 1) { r.u8(); limits(r); }
  else if (kind === 2) limits(r);
  else { r.u8(); r.u8(); }
}

function limits(r: Reader): void {
  const flag = r.u8();
  r.u32();
  if (flag & 1) r.u32();
}

/** Decodes an import section. */
export function readImports(body: Uint8Array): ImportEntry[] {
  const r = new Reader(body);
  const n = r.u32();
  const out: ImportEntry[] = [];
  for (let i = 0; i < n; i++) {
    const module = r.name();
    const name = r.name();
    const kind = r.u8();
    const at = r.pos;
    const typeIndex = kind === 0 ? r.u32() : (descSkip(r, kind), -1);
    out.push({ module, name, kind, typeIndex, desc: body.subarray(at, r.pos) });
  }
  return out;
}

/** Encodes an import section. */
export function writeImports(entries: readonly ImportEntry[]): Uint8Array {
  const w = new ByteWriter(128).uleb(entries.length);
  for (const e of entries) w.name(e.module).name(e.name).u8(e.kind).bytes(e.desc);
  return w.finish();
}

/** Decodes an export section. */
export function readExports(body: Uint8Array): ExportEntry[] {
  const r = new Reader(body);
  const n = r.u32();
  const out: ExportEntry[] = [];
  for (let i = 0; i < n; i++) out.push({ name: r.name(), kind: r.u8(), index: r.u32() });
  return out;
}

/** Encodes an export section. */
export function writeExports(entries: readonly ExportEntry[]): Uint8Array {
  const w = new ByteWriter(128).uleb(entries.length);
  for (const e of entries) w.name(e.name).u8(e.kind).uleb(e.index);
  return w.finish();
}

/** Decodes a global section. */
export function readGlobals(body: Uint8Array): GlobalEntry[] {
  const r = new Reader(body);
  const n = r.u32();
  const out: GlobalEntry[] = [];
  for (let i = 0; i < n; i++) out.push({ type: r.u8(), mutable: r.u8(), init: constExpr(r) });
  return out;
}

/** Encodes a global section. */
export function writeGlobals(entries: readonly GlobalEntry[]): Uint8Array {
  const w = new ByteWriter(128).uleb(entries.length);
  for (const e of entries) w.u8(e.type).u8(e.mutable).bytes(e.init);
  return w.finish();
}

/** Decodes an element section. */
export function readElems(body: Uint8Array): ElemEntry[] {
  const r = new Reader(body);
  const n = r.u32();
  const out: ElemEntry[] = [];
  for (let i = 0; i < n; i++) {
    const flags = r.u32();
    const table = flags === 2 || flags === 6 ? r.u32() : 0;
    const offset = (flags & 1) === 0 ? constExpr(r) : undefined;
    const kindByte = (flags & 3) !== 0 ? r.u8() : undefined;
    const count = r.u32();
    if (flags & 4) {
      const exprs: Uint8Array[] = [];
      for (let k = 0; k < count; k++) exprs.push(constExpr(r));
      out.push({ flags, table, offset, kindByte, exprs });
    } else {
      const funcs: number[] = [];
      for (let k = 0; k < count; k++) funcs.push(r.u32());
      out.push({ flags, table, offset, kindByte, funcs });
    }
  }
  return out;
}

/** Encodes an element section. */
export function writeElems(entries: readonly ElemEntry[]): Uint8Array {
  const w = new ByteWriter(128).uleb(entries.length);
  for (const e of entries) {
    w.uleb(e.flags);
    if (e.flags === 2 || e.flags === 6) w.uleb(e.table);
    if (e.offset !== undefined) w.bytes(e.offset);
    if (e.kindByte !== undefined) w.u8(e.kindByte);
    if (e.exprs !== undefined) {
      w.uleb(e.exprs.length);
      for (const x of e.exprs) w.bytes(x);
    } else {
      w.uleb(e.funcs!.length);
      for (const f of e.funcs!) w.uleb(f);
    }
  }
  return w.finish();
}

/** Decodes a data section. */
export function readDatas(body: Uint8Array): DataEntry[] {
  const r = new Reader(body);
  const n = r.u32();
  const out: DataEntry[] = [];
  for (let i = 0; i < n; i++) {
    const flags = r.u32();
    const memory = flags === 2 ? r.u32() : 0;
    const offset = flags === 1 ? undefined : constExpr(r);
    const len = r.u32();
    out.push({ flags, memory, offset, bytes: r.bytesN(len) });
  }
  return out;
}

/** Encodes a data section. */
export function writeDatas(entries: readonly DataEntry[]): Uint8Array {
  const w = new ByteWriter(128).uleb(entries.length);
  for (const e of entries) {
    w.uleb(e.flags);
    if (e.flags === 2) w.uleb(e.memory);
    if (e.offset !== undefined) w.bytes(e.offset);
    w.uleb(e.bytes.length).bytes(e.bytes);
  }
  return w.finish();
}

/** Raw entries of a type section (each `0x60 params results`). */
export function typeEntries(body: Uint8Array): Uint8Array[] {
  return vecEntries(body, (r) => {
    r.u8();
    r.skip(r.u32());
    r.skip(r.u32());
  });
}

/** A type section body from raw entries. */
export const typeBody = vecBody;

/**
 * Number of parameters of each defined function, from the type and function sections (a
 * body's locals are numbered after them, so code rewrites put scratch locals after both).
 */
export function paramCounts(sections: readonly Section[]): number[] {
  const types = findSection(sections, SEC.type);
  const params = (types === undefined ? [] : typeEntries(types.body)).map((e) => new Reader(e, 1).u32());
  const funcs = findSection(sections, SEC.func);
  if (funcs === undefined) return [];
  const r = new Reader(funcs.body);
  return Array.from({ length: r.u32() }, () => params[r.u32()]!);
}
