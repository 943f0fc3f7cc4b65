// Decodes a WebAssembly 2.0 binary into a ModuleInfo: header, section order and sizes, every
// section's encoding. It does not validate (see validateModuleFields) and leaves function
// bodies as byte ranges for the body validator; custom sections are kept undecoded.

import { CompileError } from '../errors.js';
import type { ModuleInfo } from '../types.js';
import { Reader } from './Reader.js';
import { decodeFacts, newFacts } from './_internals/decodeFacts.js';
import { SECTION_READERS, type Builder } from './_internals/readSections.js';

/** The 4-byte magic `\0asm` and version 1, as little-endian u32s. */
const MAGIC = 0x6d736100;
const VERSION = 1;

/**
 * Position of each known section id in the required order; custom sections (id 0) go
 * anywhere. The data count section (12) sits between element (9) and code (10).
 */
const SECTION_RANK: readonly number[] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 10];

/**
 * Decodes `bytes` as a WebAssembly 2.0 module. Throws a CompileError of kind 'malformed'
 * (with the spec reference interpreter's message) for anything the binary format rejects,
 * including implementation limits; throws nothing else, whatever the input.
 */
export function decodeModule(bytes: Uint8Array): ModuleInfo {
  const r = new Reader(bytes);
  readHeader(r);
  const b = newBuilder();
  let lastRank = 0;
  while (r.pos < bytes.length) {
    const idAt = r.pos;
    const id = r.u8();
    if (id >= SECTION_RANK.length) r.fail('malformed section id', idAt);
    if (id !== 0) {
      // The reference reads sections in order and stops at the first one out of place.
      const rank = SECTION_RANK[id];
      if (rank <= lastRank) r.fail('unexpected content after last section', idAt);
      lastRank = rank;
    }
    const size = r.count();
    const start = r.pos;
    const end = start + size;
    SECTION_READERS[id](r, b, end);
    if (r.pos !== end) r.fail('section size mismatch', start);
  }
  const numDefinedFuncs = b.funcTypes.length - b.numImportedFuncs;
  if (numDefinedFuncs !== b.bodies.length) {
    throw new CompileError('malformed', 'function and code section have inconsistent lengths', bytes.length);
  }
  if (b.dataCount !== undefined && b.dataCount !== b.datas.length) {
    throw new CompileError('malformed', 'data count and data section have inconsistent lengths', bytes.length);
  }
  const m = finish(bytes, b);
  decodeFacts.set(m, b.facts);
  return m;
}

function readHeader(r: Reader): void {
  const n = r.bytes.length;
  // The reference reads the header as two u32s; a short read is the plain end of input.
  if (n < 4) r.fail('unexpected end', n);
  if (u32le(r.bytes, 0) !== MAGIC) r.fail('magic header not detected', 0);
  if (n < 8) r.fail('unexpected end', n);
  if (u32le(r.bytes, 4) !== VERSION) r.fail('unknown binary version', 4);
  r.pos = 8;
}

function u32le(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}

function newBuilder(): Builder {
  return {
    facts: newFacts(),
    types: [], imports: [], funcTypes: [], tableTypes: [], memoryTypes: [], globalTypes: [],
    numImportedFuncs: 0, numImportedTables: 0, numImportedMemories: 0, numImportedGlobals: 0,
    tables: [], memories: [], globals: [], exports: [], elems: [], bodies: [], localDecls: [], datas: [], customs: [],
  };
}

function finish(bytes: Uint8Array, b: Builder): ModuleInfo {
  return {
    bytes,
    types: b.types,
    imports: b.imports,
    funcs: b.bodies,
    tables: b.tables,
    memories: b.memories,
    globals: b.globals,
    exports: b.exports,
    start: b.start,
    elems: b.elems,
    datas: b.datas,
    dataCount: b.dataCount,
    customs: b.customs,
    numImportedFuncs: b.numImportedFuncs,
    numImportedTables: b.numImportedTables,
    numImportedMemories: b.numImportedMemories,
    numImportedGlobals: b.numImportedGlobals,
    funcTypes: b.funcTypes,
    tableTypes: b.tableTypes,
    memoryTypes: b.memoryTypes,
    globalTypes: b.globalTypes,
  };
}
