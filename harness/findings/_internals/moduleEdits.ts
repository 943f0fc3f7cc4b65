// The reducer's edits on a module binary, each one smaller or simpler than its input: drop
// the start function, an export, a data or element segment, a whole function; replace a body
// by the plainest one of its type; delete a run of instructions; zero a constant. An edit may
// produce an invalid module (deleting half a block): the reducer validates every candidate.

import { Reader } from '../../../runtime/binary/Reader.js';
import { ValType } from '../../../runtime/types.js';
import { ByteWriter } from '../../wasm/ByteWriter.js';
import { instrs, readBodies, writeBodies, type Body } from '../../fuzz/wasm/code.js';
import { readDatas, readElems, readExports, typeBody, typeEntries, writeDatas, writeElems, writeExports, type ExportEntry } from '../../fuzz/wasm/entries.js';
import { DroppedFuncError, remapFuncs } from '../../fuzz/wasm/remapFuncs.js';
import { findSection, joinSections, SEC, splitSections, withSection, type Section } from '../../fuzz/wasm/sections.js';

/** A module split for editing, with what the edits need to know. */
export interface Editable {
  readonly sections: readonly Section[];
  /** Type index of each defined function. */
  readonly funcTypes: readonly number[];
  /** Result types of each type. */
  readonly results: readonly (readonly ValType[])[];
  readonly importedFuncs: number;
  readonly bodies: readonly Body[];
  readonly exports: readonly ExportEntry[];
}

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
  let importedFuncs = 0;
  const imp = findSection(sections, SEC.import);
  if (imp !== undefined) {
    const r = new Reader(imp.body);
    const n = r.u32();
    for (let i = 0; i < n; i++) {
      r.name();
      r.name();
      const kind = r.u8();
      if (kind === 0) { importedFuncs++; r.u32(); }
      else if (kind === 1) { r.u8(); const f = r.u8(); r.u32(); if (f & 1) r.u32(); }
      else if (kind === 2) { const f = r.u8(); r.u32(); if (f & 1) r.u32(); }
      else { r.u8(); r.u8(); }
    }
  }
  const code = findSection(sections, SEC.code);
  const exp = findSection(sections, SEC.export);
  return {
    sections, funcTypes, results, importedFuncs,
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

/** Without the last function type (valid only while nothing uses it), or undefined when none is left. */
export function dropLastType(m: Editable): Uint8Array | undefined {
  const types = typeEntries(findSection(m.sections, SEC.type)?.body ?? Uint8Array.of(0));
  if (types.length === 0) return undefined;
  return joinSections(withSection(m.sections, SEC.type, types.length === 1 ? undefined : typeBody(types.slice(0, -1))));
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
