// One reader per known section, each appending to a shared builder. Like the reference
// interpreter they read with the module's end as the limit; the caller then checks that the
// section's declared size was consumed exactly. Function bodies are only sized, not decoded.

import type {
  CustomSection, DataSegment, ElemSegment, Export, ExternKind, FuncType, Global, GlobalType,
  Import, MemoryType, RefType, TableType, ConstExpr,
} from '../../types.js';
import { ValType } from '../../types.js';
import { CompileError } from '../../errors.js';
import { UNEXPECTED_END, type Reader } from '../Reader.js';
import { limitError, MODULE_LIMITS as L } from '../limits.js';
import type { DecodeFacts } from './decodeFacts.js';
import { DecodedBody } from './DecodedBody.js';
import { readConstExpr } from './readConstExpr.js';
import {
  readFuncType, readGlobalType, readMemoryType, readRefType, readTableType, readValType,
} from './readTypes.js';

/** Everything decoded so far; the sections fill it in order. */
export interface Builder {
  readonly facts: DecodeFacts;
  readonly types: FuncType[];
  readonly imports: Import[];
  /** Type index of each function, imports first. */
  readonly funcTypes: number[];
  readonly tableTypes: TableType[];
  readonly memoryTypes: MemoryType[];
  readonly globalTypes: GlobalType[];
  numImportedFuncs: number;
  numImportedTables: number;
  numImportedMemories: number;
  numImportedGlobals: number;
  readonly tables: TableType[];
  readonly memories: MemoryType[];
  readonly globals: Global[];
  readonly exports: Export[];
  start?: number;
  readonly elems: ElemSegment[];
  dataCount?: number;
  readonly bodies: DecodedBody[];
  /** Local declarations of all bodies, as (count, type) pairs; see DecodedBody. */
  readonly localDecls: number[];
  readonly datas: DataSegment[];
  readonly customs: CustomSection[];
}

/** A section reader: the cursor is at the section's contents, `end` is where they stop. */
export type SectionReader = (r: Reader, b: Builder, end: number) => void;

/** A vector length, also checked against an implementation limit. */
function limitedCount(r: Reader, what: string, max: number): number {
  const at = r.pos;
  const n = r.count();
  if (n > max) throw limitError(what, n, max, at);
  return n;
}

function readTypes(r: Reader, b: Builder): void {
  const n = limitedCount(r, 'type count', L.maxTypes);
  for (let i = 0; i < n; i++) b.types.push(readFuncType(r));
}

function readImports(r: Reader, b: Builder): void {
  const n = limitedCount(r, 'import count', L.maxImports);
  const offsets = (b.facts.importOffsets = new Uint32Array(n));
  for (let i = 0; i < n; i++) {
    const at = r.pos;
    offsets[i] = at;
    const module = r.name();
    const name = r.name();
    const kind = r.u8();
    let imp: Import;
    switch (kind) {
      case 0: {
        const typeIndex = r.u32();
        imp = { module, name, desc: { kind: 'func', typeIndex } };
        b.funcTypes.push(typeIndex);
        b.numImportedFuncs++;
        if (b.numImportedFuncs > L.maxFunctions) throw limitError('function count', b.numImportedFuncs, L.maxFunctions, at);
        break;
      }
      case 1: {
        const type = readTableType(r);
        imp = { module, name, desc: { kind: 'table', type } };
        b.tableTypes.push(type);
        b.numImportedTables++;
        if (b.numImportedTables > L.maxTables) throw limitError('table count', b.numImportedTables, L.maxTables, at);
        break;
      }
      case 2: {
        const type = readMemoryType(r);
        imp = { module, name, desc: { kind: 'memory', type } };
        b.memoryTypes.push(type);
        b.numImportedMemories++;
        break;
      }
      case 3: {
        const type = readGlobalType(r);
        imp = { module, name, desc: { kind: 'global', type } };
        b.globalTypes.push(type);
        b.numImportedGlobals++;
        if (b.numImportedGlobals > L.maxGlobals) throw limitError('global count', b.numImportedGlobals, L.maxGlobals, at);
        break;
      }
      default:
        r.fail('malformed import kind', r.pos - 1);
    }
    b.imports.push(imp);
  }
}

function readFunctions(r: Reader, b: Builder): void {
  const n = limitedCount(r, 'function count', L.maxFunctions - b.numImportedFuncs);
  const offsets = (b.facts.funcOffsets = new Uint32Array(n));
  for (let i = 0; i < n; i++) {
    offsets[i] = r.pos;
    b.funcTypes.push(r.u32());
  }
}

function readTables(r: Reader, b: Builder): void {
  const n = limitedCount(r, 'table count', L.maxTables - b.numImportedTables);
  const offsets = (b.facts.tableOffsets = new Uint32Array(n));
  for (let i = 0; i < n; i++) {
    offsets[i] = r.pos;
    const t = readTableType(r);
    b.tables.push(t);
    b.tableTypes.push(t);
  }
}

function readMemories(r: Reader, b: Builder): void {
  const n = r.count();
  const offsets = (b.facts.memoryOffsets = new Uint32Array(n));
  for (let i = 0; i < n; i++) {
    offsets[i] = r.pos;
    const m = readMemoryType(r);
    b.memories.push(m);
    b.memoryTypes.push(m);
  }
}

function readGlobals(r: Reader, b: Builder): void {
  const n = limitedCount(r, 'global count', L.maxGlobals - b.numImportedGlobals);
  const offsets = (b.facts.globalOffsets = new Uint32Array(n));
  for (let i = 0; i < n; i++) {
    offsets[i] = r.pos;
    const type = readGlobalType(r);
    b.globals.push({ type, init: readConstExpr(r, b.facts) });
    b.globalTypes.push(type);
  }
}

const EXPORT_KINDS: readonly ExternKind[] = ['func', 'table', 'memory', 'global'];

function readExports(r: Reader, b: Builder): void {
  const n = limitedCount(r, 'export count', L.maxExports);
  const offsets = (b.facts.exportOffsets = new Uint32Array(n));
  for (let i = 0; i < n; i++) {
    offsets[i] = r.pos;
    const name = r.name();
    const kind = EXPORT_KINDS[r.u8()];
    if (kind === undefined) r.fail('malformed export kind', r.pos - 1);
    b.exports.push({ name, kind, index: r.u32() });
  }
}

function readStart(r: Reader, b: Builder): void {
  b.facts.startOffset = r.pos;
  b.start = r.u32();
}

/** The elemkind byte of the index-list encodings: only 0x00 (funcref) exists in 2.0. */
function readElemKind(r: Reader): RefType {
  if (r.u8() !== 0) r.fail('malformed element kind', r.pos - 1);
  return ValType.FuncRef;
}

function readFuncIndices(r: Reader): ConstExpr[] {
  const n = limitedCount(r, 'element segment entry count', L.maxElemEntries);
  const out: ConstExpr[] = [];
  for (let i = 0; i < n; i++) out.push({ kind: 'ref.func', index: r.u32() });
  return out;
}

function readElemExprs(r: Reader, facts: DecodeFacts): ConstExpr[] {
  const n = limitedCount(r, 'element segment entry count', L.maxElemEntries);
  const out: ConstExpr[] = [];
  for (let i = 0; i < n; i++) out.push(readConstExpr(r, facts));
  return out;
}

// Flags bit 0: passive or declarative; bit 1: explicit table index (active) or declarative
// (otherwise); bit 2: entries are expressions with a reference type, not function indices.
function readElem(r: Reader, b: Builder): ElemSegment {
  const flags = r.u32();
  if (flags > 7) r.fail('malformed elements segment kind', r.pos - 1);
  const active = (flags & 1) === 0;
  const table = flags === 2 || flags === 6 ? r.u32() : 0;
  const offset = active ? readConstExpr(r, b.facts) : undefined;
  const mode = active ? 'active' : flags & 2 ? 'declarative' : 'passive';
  const exprs = (flags & 4) !== 0;
  // Flags 0 and 4 imply funcref; the others spell the type (or the elemkind) out.
  const type = flags === 0 || flags === 4 ? ValType.FuncRef : exprs ? readRefType(r) : readElemKind(r);
  const init = exprs ? readElemExprs(r, b.facts) : readFuncIndices(r);
  return offset === undefined ? { mode, table, type, init } : { mode, table, offset, type, init };
}

function readElems(r: Reader, b: Builder): void {
  const n = limitedCount(r, 'element segment count', L.maxElemSegments);
  const offsets = (b.facts.elemOffsets = new Uint32Array(n));
  for (let i = 0; i < n; i++) {
    offsets[i] = r.pos;
    b.elems.push(readElem(r, b));
  }
}

function readDataCount(r: Reader, b: Builder): void {
  b.dataCount = r.u32();
}

function readCode(r: Reader, b: Builder): void {
  const n = limitedCount(r, 'function body count', L.maxFunctions);
  const moduleEnd = r.end;
  for (let i = 0; i < n; i++) {
    const offset = r.pos;
    const size = r.count();
    if (size > L.maxFunctionSize) throw limitError('function body size', size, L.maxFunctionSize, offset);
    const bodyStart = r.pos;
    const bodyEnd = bodyStart + size;
    // A count mismatch is reported once the whole module is read, as the reference does.
    const typeIndex = i < b.funcTypes.length - b.numImportedFuncs ? b.funcTypes[b.numImportedFuncs + i] : 0;
    r.end = bodyEnd;
    const declStart = b.localDecls.length;
    readLocals(r, b.types[typeIndex]?.params.length ?? 0, b.localDecls);
    r.end = moduleEnd;
    b.bodies.push(new DecodedBody(typeIndex, offset, r.pos, bodyEnd, b.localDecls, declStart, b.localDecls.length));
    r.pos = bodyEnd;
  }
}

/** Appends local declarations as (count, type) pairs to `decls`, checking the locals limit. */
function readLocals(r: Reader, numParams: number, decls: number[]): void {
  const at = r.pos;
  const groups = r.count();
  let total = numParams;
  for (let i = 0; i < groups; i++) {
    const count = r.u32();
    decls.push(count, readValType(r));
    total += count;
  }
  // The spec's own bound is 2^32 - 1; production engines stop far lower, params included.
  if (total > L.maxLocals) {
    throw new CompileError('malformed', `too many locals: ${total} exceeds implementation limit of ${L.maxLocals}`, at);
  }
}

function readDataSegment(r: Reader, b: Builder): DataSegment {
  const flags = r.u32();
  if (flags > 2) r.fail('malformed data segment kind', r.pos - 1);
  if (flags === 1) return { mode: 'passive', memory: 0, bytes: r.bytesN(r.count()) };
  const memory = flags === 2 ? r.u32() : 0;
  const offset = readConstExpr(r, b.facts);
  return { mode: 'active', memory, offset, bytes: r.bytesN(r.count()) };
}

function readDatas(r: Reader, b: Builder): void {
  const n = limitedCount(r, 'data segment count', L.maxDataSegments);
  const offsets = (b.facts.dataOffsets = new Uint32Array(n));
  for (let i = 0; i < n; i++) {
    offsets[i] = r.pos;
    b.datas.push(readDataSegment(r, b));
  }
}

function readCustom(r: Reader, b: Builder, end: number): void {
  const name = r.name();
  // A name running past the declared size: the reference fails skipping a negative length.
  if (r.pos > end) r.fail(UNEXPECTED_END, r.end);
  b.customs.push({ name, offset: r.pos, bytes: r.bytesN(end - r.pos) });
}

/** Section readers by section id. */
export const SECTION_READERS: readonly SectionReader[] = [
  readCustom, readTypes, readImports, readFunctions, readTables, readMemories, readGlobals,
  readExports, readStart, readElems, readCode, readDatas, readDataCount,
];
