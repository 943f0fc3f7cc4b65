// The reducer's edits on a module binary, each one smaller or simpler than its input: drop
// the start function, an export, a data or element segment, a whole function, an import, a
// global, a table, a type (renumbering what follows it); replace a body by the plainest one of its
// type; delete a run of instructions; zero a constant. An edit may produce an invalid module
// (deleting half a block): the reducer validates every candidate.

import { Reader } from '../../../runtime/binary/Reader.js';
import { ValType } from '../../../runtime/types.js';
import { ByteWriter } from '../../wasm/ByteWriter.js';
import { instrs, readBodies, writeBodies, type Body } from '../../fuzz/wasm/code.js';
import {
  readDatas, readElems, readExports, readGlobals, readImports, typeBody, typeEntries, writeDatas, writeElems, writeExports,
  writeGlobals, writeImports, type ExportEntry, type ImportEntry,
} from '../../fuzz/wasm/entries.js';
import { DroppedFuncError, remapFuncs } from '../../fuzz/wasm/remapFuncs.js';
import { DroppedIndexError, remapIndices, type Space } from '../../fuzz/wasm/remapIndices.js';
import { findSection, joinSections, SEC, splitSections, vecBody, vecEntries, withSection, type Section } from '../../fuzz/wasm/sections.js';

/** A module split for editing, with what the edits need to know. */
export interface Editable {
  readonly sections: readonly Section[];
  /** Type index of each defined function. */
  readonly funcTypes: readonly number[];
  /** Result types of each type. */
  readonly results: readonly (readonly ValType[])[];
  readonly imports: readonly ImportEntry[];
  readonly importedFuncs: number;
  readonly bodies: readonly Body[];
  readonly exports: readonly ExportEntry[];
}

/** Import kind bytes. */
const IMPORT_KIND = { func: 0, table: 1, memory: 2, global: 3 } as const;

/** Splits `bytes` for editing. */
export function editable(bytes: Uint8Array): Editable {
  const sections = splitSections(bytes);
  const types = typeEntries(findSection(sections, SEC.type)?.body ?? Uint8Array.of(0));
  const results = types.map((e) => {
    const r = new Reader(e, 1);
    r.skip(r.u32());
    const n = r.u32();
    return Array.from({ length: n }, () => r.u8() as ValType);
  });
  const fr = new Reader(findSection(sections, SEC.func)?.body ?? Uint8Array.of(0));
  const funcTypes = Array.from({ length: fr.u32() }, () => fr.u32());
  const imp = findSection(sections, SEC.import);
  const imports = imp === undefined ? [] : readImports(imp.body);
  const importedFuncs = imports.filter((i) => i.kind === IMPORT_KIND.func).length;
  const code = findSection(sections, SEC.code);
  const exp = findSection(sections, SEC.export);
  return {
    sections, funcTypes, results, imports, importedFuncs,
    bodies: code === undefined ? [] : readBodies(code.body),
    exports: exp === undefined ? [] : readExports(exp.body),
  };
}

/** The constant instruction of a type's zero (null for references). */
function zeroOf(t: ValType): number[] {
  const w = new ByteWriter(20);
  switch (t) {
    case ValType.I32: return [0x41, 0];
    case ValType.I64: return [0x42, 0];
    case ValType.F32: return [0x43, 0, 0, 0, 0];
    case ValType.F64: return [0x44, 0, 0, 0, 0, 0, 0, 0, 0];
    case ValType.V128: return w.u8(0xfd).uleb(0x0c).bytes(new Uint8Array(16)).toArray();
    default: return [0xd0, t];
  }
}

const withBodies = (m: Editable, bodies: readonly Body[]): Uint8Array => joinSections(withSection(m.sections, SEC.code, writeBodies(bodies)));

/** Without the `k`-th custom section or data count section, or undefined past the last. */
export function dropExtraSection(m: Editable, k: number): Uint8Array | undefined {
  const extras = m.sections.filter((s) => s.id === SEC.custom || s.id === SEC.dataCount);
  const gone = extras[k];
  return gone === undefined ? undefined : joinSections(m.sections.filter((s) => s !== gone));
}

/** Without the whole section `id` (memory, tables, globals...; valid only while nothing uses it), or undefined if absent. */
export function dropSection(m: Editable, id: number): Uint8Array | undefined {
  return findSection(m.sections, id) ? joinSections(withSection(m.sections, id, undefined)) : undefined;
}

/** Number of types in the type section. */
export function typeCount(m: Editable): number {
  return m.results.length;
}

/** Without type `k` (later types renumbered), or undefined while a function, import or instruction uses it. */
export function dropType(m: Editable, k: number): Uint8Array | undefined {
  const types = typeEntries(findSection(m.sections, SEC.type)!.body);
  return unlessReferenced(() => {
    const rest = types.filter((_, i) => i !== k);
    return joinSections(shiftOut(withSection(m.sections, SEC.type, rest.length === 0 ? undefined : typeBody(rest)), 'type', k));
  });
}

/** Without the start function. */
export function dropStart(m: Editable): Uint8Array | undefined {
  return findSection(m.sections, SEC.start) ? joinSections(withSection(m.sections, SEC.start, undefined)) : undefined;
}

/** Without export `k`. */
export function dropExport(m: Editable, k: number): Uint8Array {
  return joinSections(withSection(m.sections, SEC.export, writeExports(m.exports.filter((_, i) => i !== k))));
}

/** Defined function `i` with the plainest body of its type (zeros of its results), or undefined if it has it. */
export function plainBody(m: Editable, i: number): Uint8Array | undefined {
  const code = [...m.results[m.funcTypes[i]!]!.flatMap(zeroOf), 0x0b];
  const b = m.bodies[i]!;
  if (b.locals.length === 0 && b.code.length === code.length && b.code.every((x, k) => x === code[k])) return undefined;
  return withBodies(m, m.bodies.map((x, k) => (k === i ? { locals: [], code: Uint8Array.from(code) } : x)));
}

/** Number of instructions of defined function `i`, its final `end` excluded. */
export function instrCount(m: Editable, i: number): number {
  return instrs(m.bodies[i]!.code).length - 1;
}

/** Defined function `i` without instructions [from, to) (the final `end` is never deleted). */
export function deleteInstrs(m: Editable, i: number, from: number, to: number): Uint8Array {
  const b = m.bodies[i]!;
  const list = instrs(b.code);
  const w = new ByteWriter(b.code.length);
  list.forEach((ins, k) => {
    if (k < from || k >= to || k === list.length - 1) w.bytes(b.code.subarray(ins.start, ins.end));
  });
  return withBodies(m, m.bodies.map((x, k) => (k === i ? { locals: x.locals, code: w.finish() } : x)));
}

const CONSTS = new Set([0x41, 0x42, 0x43, 0x44]);

/** Defined function `i` with its `n`-th non-zero scalar constant set to zero, or undefined past the last. */
export function zeroConst(m: Editable, i: number, n: number): Uint8Array | undefined {
  const b = m.bodies[i]!;
  const list = instrs(b.code).filter((x) => x.op.prefix === 0 && CONSTS.has(x.op.code) && b.code.subarray(x.start + 1, x.end).some((y) => y !== 0));
  const target = list[n];
  if (target === undefined) return undefined;
  const code = Uint8Array.from([...b.code.subarray(0, target.start), ...zeroOf(codeType(target.op.code)), ...b.code.subarray(target.end)]);
  return withBodies(m, m.bodies.map((x, k) => (k === i ? { locals: x.locals, code } : x)));
}

function codeType(op: number): ValType {
  return op === 0x41 ? ValType.I32 : op === 0x42 ? ValType.I64 : op === 0x43 ? ValType.F32 : ValType.F64;
}

/** Number of data segments. */
export function dataCount(m: Editable): number {
  const d = findSection(m.sections, SEC.data);
  return d === undefined ? 0 : readDatas(d.body).length;
}

/** Without data segment `k` (the data count section follows). */
export function dropData(m: Editable, k: number): Uint8Array {
  const datas = readDatas(findSection(m.sections, SEC.data)!.body).filter((_, i) => i !== k);
  let s = withSection(m.sections, SEC.data, writeDatas(datas));
  if (findSection(s, SEC.dataCount)) s = withSection(s, SEC.dataCount, new ByteWriter(6).uleb(datas.length).finish());
  return joinSections(s);
}

/** Data segment `k` with no bytes, or undefined when it has none. */
export function emptyData(m: Editable, k: number): Uint8Array | undefined {
  const datas = readDatas(findSection(m.sections, SEC.data)!.body);
  if (datas[k]!.bytes.length === 0) return undefined;
  return joinSections(withSection(m.sections, SEC.data, writeDatas(datas.map((d, i) => (i === k ? { ...d, bytes: new Uint8Array(0) } : d)))));
}

/** Number of element segments. */
export function elemCount(m: Editable): number {
  const e = findSection(m.sections, SEC.elem);
  return e === undefined ? 0 : readElems(e.body).length;
}

/** Without element segment `k`. */
export function dropElem(m: Editable, k: number): Uint8Array {
  const elems = readElems(findSection(m.sections, SEC.elem)!.body).filter((_, i) => i !== k);
  return joinSections(withSection(m.sections, SEC.elem, writeElems(elems)));
}

/** Without defined function `i` (indices above it shift down), or undefined while it is referenced. */
export function dropFunc(m: Editable, i: number): Uint8Array | undefined {
  const gone = m.importedFuncs + i;
  let sections: Section[];
  try {
    sections = remapFuncs(m.sections, (f) => (f < gone ? f : f === gone ? undefined : f - 1));
  } catch (e) {
    if (e instanceof DroppedFuncError) return undefined;
    throw e;
  }
  const types = m.funcTypes.filter((_, k) => k !== i);
  const fw = new ByteWriter(32).uleb(types.length);
  for (const t of types) fw.uleb(t);
  sections = withSection(sections, SEC.func, fw.finish());
  const bodies = readBodies(findSection(sections, SEC.code)!.body).filter((_, k) => k !== i);
  return joinSections(withSection(sections, SEC.code, writeBodies(bodies)));
}

/** Number of imports. */
export function importCount(m: Editable): number {
  return m.imports.length;
}

/** How many imports of `kind` come before import `k` (its index in its space). */
function indexInSpace(m: Editable, k: number): number {
  return m.imports.slice(0, k).filter((i) => i.kind === m.imports[k]!.kind).length;
}

/** `sections` with entry `gone` of `space` removed from its index space (later ones shift down). */
function shiftOut(sections: readonly Section[], space: Space | 'func', gone: number): Section[] {
  const map = (i: number): number | undefined => (i < gone ? i : i === gone ? undefined : i - 1);
  return space === 'func' ? remapFuncs(sections, map) : remapIndices(sections, space, map);
}

/** `edit()`, or undefined when it would drop something still referenced. */
function unlessReferenced(edit: () => Uint8Array): Uint8Array | undefined {
  try {
    return edit();
  } catch (e) {
    if (e instanceof DroppedFuncError || e instanceof DroppedIndexError) return undefined;
    throw e;
  }
}

const SPACE_OF_IMPORT: Readonly<Record<number, Space | 'func' | undefined>> = { 0: 'func', 1: 'table', 3: 'global' };

/**
 * Without import `k` (its space renumbered), or undefined while something references it. A
 * memory import goes as it is: valid only once nothing uses the memory.
 */
export function dropImport(m: Editable, k: number): Uint8Array | undefined {
  const space = SPACE_OF_IMPORT[m.imports[k]!.kind];
  return unlessReferenced(() => {
    let sections = withSection(m.sections, SEC.import, writeImports(m.imports.filter((_, i) => i !== k)));
    if (space !== undefined) sections = shiftOut(sections, space, indexInSpace(m, k));
    if (m.imports.length === 1) sections = withSection(sections, SEC.import, undefined);
    return joinSections(sections);
  });
}

/** Number of defined globals. */
export function globalCount(m: Editable): number {
  const g = findSection(m.sections, SEC.global);
  return g === undefined ? 0 : readGlobals(g.body).length;
}

/** Without defined global `k` (later globals renumbered), or undefined while it is referenced. */
export function dropGlobal(m: Editable, k: number): Uint8Array | undefined {
  const globals = readGlobals(findSection(m.sections, SEC.global)!.body);
  const imported = m.imports.filter((i) => i.kind === IMPORT_KIND.global).length;
  return unlessReferenced(() => {
    const rest = globals.filter((_, i) => i !== k);
    const sections = withSection(m.sections, SEC.global, rest.length === 0 ? undefined : writeGlobals(rest));
    return joinSections(shiftOut(sections, 'global', imported + k));
  });
}

/** Number of defined tables. */
export function tableCount(m: Editable): number {
  const t = findSection(m.sections, SEC.table);
  return t === undefined ? 0 : new Reader(t.body).u32();
}

/** Without defined table `k` (later tables renumbered), or undefined while it is referenced. */
export function dropTable(m: Editable, k: number): Uint8Array | undefined {
  const tables = vecEntries(findSection(m.sections, SEC.table)!.body, (r) => {
    r.u8();
    if (r.u8() & 1) r.u32();
    r.u32();
  });
  const imported = m.imports.filter((i) => i.kind === IMPORT_KIND.table).length;
  return unlessReferenced(() => {
    const rest = tables.filter((_, i) => i !== k);
    const sections = withSection(m.sections, SEC.table, rest.length === 0 ? undefined : vecBody(rest));
    return joinSections(shiftOut(sections, 'table', imported + k));
  });
}
