// Splits a ModuleInfo for an artifact: the small metadata (everything but function bodies,
// data bytes and custom section payloads) in a compact binary form, the data segments' bytes
// concatenated, and the name section's payload. Function bodies stay in the module bytes.

import type { ModuleInfo } from '../types.js';
import { ByteSink } from './_internals/ByteSink.js';
import {
  DATA_MODES, ELEM_MODES, EXTERN_KINDS, META_VERSION, writeConstExpr, writeGlobalType, writeLimits, writeOptConstExpr, writeOptU32, writeTableType,
} from './_internals/metaCodec.js';

/** The three parts `encodeModuleMeta` makes; each goes in its own artifact section. */
export interface EncodedModuleMeta {
  /** The small metadata, for an eager section. */
  readonly meta: Uint8Array;
  /** Every data segment's bytes, concatenated in segment order. */
  readonly data: Uint8Array;
  /** The payload of the first `name` custom section (a view into the module bytes), if any. */
  readonly names: Uint8Array | undefined;
}

/**
 * Encodes `info` for `decodeModuleMeta`. Every constant is kept bit-exact. `info.bytes`, the
 * function bodies and custom payloads other than names are not read: the caller stores the
 * module bytes itself.
 */
export function encodeModuleMeta(info: ModuleInfo): EncodedModuleMeta {
  const w = new ByteSink(1024).u8(META_VERSION);
  w.uleb(info.types.length);
  for (const t of info.types) {
    w.uleb(t.params.length);
    for (const p of t.params) w.u8(p);
    w.uleb(t.results.length);
    for (const r of t.results) w.u8(r);
  }
  w.uleb(info.imports.length);
  for (const imp of info.imports) {
    w.str(imp.module).str(imp.name).u8(EXTERN_KINDS.indexOf(imp.desc.kind));
    const d = imp.desc;
    if (d.kind === 'func') w.uleb(d.typeIndex);
    else if (d.kind === 'table') writeTableType(w, d.type);
    else if (d.kind === 'memory') writeLimits(w, d.type.limits);
    else writeGlobalType(w, d.type);
  }
  w.uleb(info.tables.length);
  for (const t of info.tables) writeTableType(w, t);
  w.uleb(info.memories.length);
  for (const m of info.memories) writeLimits(w, m.limits);
  w.uleb(info.globals.length);
  for (const g of info.globals) {
    writeGlobalType(w, g.type);
    writeConstExpr(w, g.init);
  }
  w.uleb(info.exports.length);
  for (const e of info.exports) w.str(e.name).u8(EXTERN_KINDS.indexOf(e.kind)).uleb(e.index);
  writeOptU32(w, info.start);
  w.uleb(info.elems.length);
  for (const e of info.elems) {
    w.u8(ELEM_MODES.indexOf(e.mode)).uleb(e.table);
    writeOptConstExpr(w, e.offset);
    w.u8(e.type).uleb(e.init.length);
    for (const x of e.init) writeConstExpr(w, x);
  }
  let dataLength = 0;
  w.uleb(info.datas.length);
  for (const d of info.datas) {
    w.u8(DATA_MODES.indexOf(d.mode)).uleb(d.memory);
    writeOptConstExpr(w, d.offset);
    w.uleb(dataLength).uleb(d.bytes.length);
    dataLength += d.bytes.length;
  }
  writeOptU32(w, info.dataCount);
  // Custom payloads stay where they are: the name section in its own part, the rest in the
  // module bytes at the recorded offset.
  w.uleb(info.customs.length);
  for (const c of info.customs) w.str(c.name).uleb(c.offset).uleb(c.bytes.length);
  w.uleb(info.numImportedFuncs).uleb(info.numImportedTables).uleb(info.numImportedMemories).uleb(info.numImportedGlobals);
  w.uleb(info.funcTypes.length);
  for (const t of info.funcTypes) w.uleb(t);
  w.uleb(info.tableTypes.length);
  for (const t of info.tableTypes) writeTableType(w, t);
  w.uleb(info.memoryTypes.length);
  for (const m of info.memoryTypes) writeLimits(w, m.limits);
  w.uleb(info.globalTypes.length);
  for (const g of info.globalTypes) writeGlobalType(w, g);

  const data = new Uint8Array(dataLength);
  let at = 0;
  for (const d of info.datas) {
    data.set(d.bytes, at);
    at += d.bytes.length;
  }
  return { meta: w.finish(), data, names: info.customs.find((c) => c.name === 'name')?.bytes };
}
