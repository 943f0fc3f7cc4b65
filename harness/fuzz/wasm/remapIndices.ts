// Renumbers the table, global or type index space of a module: every instruction that names a
// table (call_indirect, table.*, table.init/copy), a global (global.get/set, in bodies and
// constant expressions) or a type (call_indirect, block types), element segments' tables,
// functions' and function imports' types, and exports. Used by the reducer to drop tables,
// globals, types and imports. Functions have their own (remapFuncs.ts); memories are left out
// (2.0 has one, and dropping it is only valid while nothing uses it).

import { ByteWriter } from '../../wasm/ByteWriter.js';
import type { ImmKind } from '../../../runtime/opcodes/table.js';
import { readBodies, rewriteCode, writeBodies, type Instr } from './code.js';
import {
  readDatas, readElems, readExports, readGlobals, readImports, writeDatas, writeElems, writeExports, writeGlobals, writeImports, type ElemEntry,
} from './entries.js';
import { Reader } from '../../../runtime/binary/Reader.js';
import { findSection, SEC, withSection, type Section } from './sections.js';

/** A reference to a table, global or type the map dropped: the rewrite is impossible. */
export class DroppedIndexError extends Error {
  override readonly name = 'DroppedIndexError';
}

/** Maps old indices to new ones; undefined means the entry is gone. */
export type IndexMap = (oldIndex: number) => number | undefined;

/** The spaces this file renumbers. */
export type Space = 'table' | 'global' | 'type';

/**
 * Per space, the immediate kinds that hold an index of it, and which of the (u32) immediates
 * `a`/`b` it is. Every kind listed is one or two u32 immediates, so the instruction can be
 * written back from `a` and `b`.
 */
const INDEX_FIELDS: Readonly<Record<Space, Partial<Record<ImmKind, readonly ('a' | 'b')[]>>>> = {
  table: { table: ['a'], call_indirect: ['b'], table_table: ['a', 'b'], elem_table: ['b'] },
  global: { global: ['a'] },
  type: { call_indirect: ['a'] },
};
const TWO_IMMEDIATES: ReadonlySet<ImmKind> = new Set(['call_indirect', 'table_table', 'elem_table']);
/** Export kind bytes per space (types are not exported). */
const EXPORT_KIND: Readonly<Record<Space, number | undefined>> = { table: 1, global: 3, type: undefined };

function mapped(map: IndexMap, space: Space, i: number): number {
  const n = map(i);
  if (n === undefined) throw new DroppedIndexError(`${space} ${i} is still referenced`);
  return n;
}

/** `ins` written back with its `space` indices mapped, or undefined when it names none. */
function remapInstr(ins: Instr, space: Space, map: IndexMap): number[] | undefined {
  // A block type is an s33: a type index when not negative (negative: a value type or none).
  if (ins.op.imm === 'blocktype') {
    if (space !== 'type' || ins.imm.a < 0) return undefined;
    return new ByteWriter(8).u8(ins.op.code).sleb32(mapped(map, space, ins.imm.a)).toArray();
  }
  const fields = INDEX_FIELDS[space][ins.op.imm];
  if (fields === undefined) return undefined;
  const imm = { a: ins.imm.a, b: ins.imm.b };
  for (const f of fields) imm[f] = mapped(map, space, imm[f]);
  const w = new ByteWriter(12);
  if (ins.op.prefix === 0) w.u8(ins.op.code);
  else w.u8(ins.op.prefix).uleb(ins.op.code);
  w.uleb(imm.a);
  if (TWO_IMMEDIATES.has(ins.op.imm)) w.uleb(imm.b);
  return w.toArray();
}

/** `code` (a body or a constant expression) with the `space` indices it names mapped. */
export function remapIndicesInCode(code: Uint8Array, space: Space, map: IndexMap): Uint8Array {
  return rewriteCode(code, (ins) => remapInstr(ins, space, map));
}

/**
 * An active segment's table mapped. Segments of flags 0 and 4 imply table 0: one that moves
 * off table 0 takes the explicit form (2 with the funcref elemkind, 6 with the funcref type).
 */
function remapElemTable(e: ElemEntry, map: IndexMap): ElemEntry {
  if ((e.flags & 1) !== 0) return e; // passive or declarative: no table
  const table = mapped(map, 'table', e.table);
  if (table === 0 || e.flags === 2 || e.flags === 6) return { ...e, table };
  return e.flags === 0 ? { ...e, flags: 2, table, kindByte: 0x00 } : { ...e, flags: 6, table, kindByte: 0x70 };
}

/**
 * `sections` with every index of `space` mapped by `map`. Exports of dropped entries are
 * removed; any other reference to one throws DroppedIndexError. The import, table and global
 * sections' entries are NOT added or removed: callers adjust them.
 */
export function remapIndices(sections: readonly Section[], space: Space, map: IndexMap): Section[] {
  let out = [...sections];
  const code = findSection(out, SEC.code);
  if (code !== undefined) {
    const bodies = readBodies(code.body).map((b) => ({ locals: b.locals, code: remapIndicesInCode(b.code, space, map) }));
    out = withSection(out, SEC.code, writeBodies(bodies));
  }
  const elem = findSection(out, SEC.elem);
  if (elem !== undefined) {
    const entries = readElems(elem.body).map((e) => {
      const moved = space === 'table' ? remapElemTable(e, map) : e;
      return {
        ...moved,
        offset: moved.offset && remapIndicesInCode(moved.offset, space, map),
        exprs: moved.exprs?.map((x) => remapIndicesInCode(x, space, map)),
      };
    });
    out = withSection(out, SEC.elem, writeElems(entries));
  }
  if (space === 'global') {
    const global = findSection(out, SEC.global);
    if (global !== undefined) {
      const entries = readGlobals(global.body).map((g) => ({ ...g, init: remapIndicesInCode(g.init, space, map) }));
      out = withSection(out, SEC.global, writeGlobals(entries));
    }
    const data = findSection(out, SEC.data);
    if (data !== undefined) {
      const entries = readDatas(data.body).map((d) => ({ ...d, offset: d.offset && remapIndicesInCode(d.offset, space, map) }));
      out = withSection(out, SEC.data, writeDatas(entries));
    }
  }
  if (space === 'type') out = remapFuncTypes(out, map);
  const exp = findSection(out, SEC.export);
  if (exp !== undefined && EXPORT_KIND[space] !== undefined) {
    const entries = readExports(exp.body).flatMap((e) => {
      if (e.kind !== EXPORT_KIND[space]) return [e];
      const n = map(e.index);
      return n === undefined ? [] : [{ ...e, index: n }];
    });
    out = withSection(out, SEC.export, writeExports(entries));
  }
  return out;
}

/** `sections` with the type index of every defined function and function import mapped. */
function remapFuncTypes(sections: readonly Section[], map: IndexMap): Section[] {
  let out = [...sections];
  const funcs = findSection(out, SEC.func);
  if (funcs !== undefined) {
    const r = new Reader(funcs.body);
    const types = Array.from({ length: r.u32() }, () => mapped(map, 'type', r.u32()));
    const w = new ByteWriter(8 + types.length * 2).uleb(types.length);
    for (const t of types) w.uleb(t);
    out = withSection(out, SEC.func, w.finish());
  }
  const imp = findSection(out, SEC.import);
  if (imp !== undefined) {
    const entries = readImports(imp.body).map((e) => {
      if (e.kind !== 0) return e;
      const typeIndex = mapped(map, 'type', e.typeIndex);
      return { ...e, typeIndex, desc: new ByteWriter(5).uleb(typeIndex).finish() };
    });
    out = withSection(out, SEC.import, writeImports(entries));
  }
  return out;
}
