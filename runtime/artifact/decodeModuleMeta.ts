// Rebuilds a ModuleInfo from encodeModuleMeta's metadata, decoding only the small parts now.
// The big parts (module bytes, function bodies, data bytes, custom payloads) are getters that
// pull from the caller's lazy sources on first read, each source called at most once.

import { CompileError } from '../errors.js';
import { decodeModule } from '../binary/decodeModule.js';
import type {
  CustomSection, DataSegment, ElemSegment, Export, FuncBody, FuncType, Global, GlobalType, Import, ImportDesc,
  MemoryType, ModuleInfo,
} from '../types.js';
import { ArtifactError } from './ArtifactError.js';
import { ByteSource } from './_internals/ByteSource.js';
import { lazyProperty, once } from './_internals/lazyProperty.js';
import {
  DATA_MODES, ELEM_MODES, EXTERN_KINDS, META_VERSION, readConstExpr, readGlobalType, readMemoryType,
  readOptConstExpr, readOptU32, readRefType, readTableType, readValType,
} from './_internals/metaCodec.js';

/** Where the big parts come from; typically lazy artifact sections. */
export interface ModuleMetaSources {
  /** `encodeModuleMeta(...).data`. */
  readonly data: () => Uint8Array;
  /** The original module bytes. */
  readonly wasm: () => Uint8Array;
  /** `encodeModuleMeta(...).names`. */
  readonly names: () => Uint8Array | undefined;
}

/**
 * The ModuleInfo `meta` describes. Calls none of `lazy`'s functions: `bytes`, `funcs`, each
 * data segment's `bytes` and each custom section's `bytes` call them on first read. The
 * result carries no decoder facts, so it is for modules already validated. Throws
 * ArtifactError('malformed') for metadata that does not decode, now or when a getter finds a
 * source inconsistent with it.
 */
export function decodeModuleMeta(meta: Uint8Array, lazy: ModuleMetaSources): ModuleInfo {
  const r = new ByteSource(meta, 'artifact module metadata');
  if (r.u8() !== META_VERSION) r.fail('unknown metadata version');
  const wasm = once(lazy.wasm);
  const data = once(lazy.data);
  const names = once(lazy.names);

  const types = list(r, 2, (): FuncType => ({ params: list(r, 1, () => readValType(r)), results: list(r, 1, () => readValType(r)) }));
  const imports = list(r, 3, (): Import => {
    const module = r.str();
    const name = r.str();
    const kind = r.pick(EXTERN_KINDS, 'import kind');
    const desc: ImportDesc = kind === 'func' ? { kind, typeIndex: r.uleb() }
      : kind === 'table' ? { kind, type: readTableType(r) }
      : kind === 'memory' ? { kind, type: readMemoryType(r) }
      : { kind, type: readGlobalType(r) };
    return { module, name, desc };
  });
  const tables = list(r, 3, () => readTableType(r));
  const memories = list(r, 2, () => readMemoryType(r));
  const globals = list(r, 4, (): Global => ({ type: readGlobalType(r), init: readConstExpr(r) }));
  const exports = list(r, 3, (): Export => ({ name: r.str(), kind: r.pick(EXTERN_KINDS, 'export kind'), index: r.uleb() }));
  const start = readOptU32(r);
  const elems = list(r, 5, (): ElemSegment => {
    const mode = r.pick(ELEM_MODES, 'element segment mode');
    const table = r.uleb();
    const offset = readOptConstExpr(r);
    const type = readRefType(r);
    const init = list(r, 2, () => readConstExpr(r));
    return offset === undefined ? { mode, table, type, init } : { mode, table, offset, type, init };
  });
  const datas = list(r, 5, (): DataSegment => {
    const mode = r.pick(DATA_MODES, 'data segment mode');
    const memory = r.uleb();
    const offset = readOptConstExpr(r);
    const seg = offset === undefined ? { mode, memory } : { mode, memory, offset };
    const at = r.uleb();
    const length = r.uleb();
    lazyProperty(seg, 'bytes', () => slice(data(), at, length, 'data segment bytes'));
    return seg as DataSegment;
  });
  const dataCount = readOptU32(r);
  let firstName = true;
  const customs = list(r, 3, (): CustomSection => {
    const name = r.str();
    const offset = r.uleb();
    const length = r.uleb();
    const c = { name, offset };
    // moduleNames reads the first `name` section: it comes from its own source, so names
    // never need the module bytes.
    const fromNames = name === 'name' && firstName;
    if (fromNames) firstName = false;
    lazyProperty(c, 'bytes', fromNames
      ? () => wholeNames(names(), length)
      : () => slice(wasm(), offset, length, `custom section '${name}'`));
    return c as CustomSection;
  });
  const numImportedFuncs = r.uleb();
  const numImportedTables = r.uleb();
  const numImportedMemories = r.uleb();
  const numImportedGlobals = r.uleb();
  const funcTypes = list(r, 1, () => r.uleb());
  const tableTypes = list(r, 3, () => readTableType(r));
  const memoryTypes = list(r, 2, (): MemoryType => readMemoryType(r));
  const globalTypes = list(r, 2, (): GlobalType => readGlobalType(r));
  r.end();

  const info = {
    types, imports, tables, memories, globals, exports, start, elems, datas, dataCount, customs,
    numImportedFuncs, numImportedTables, numImportedMemories, numImportedGlobals,
    funcTypes, tableTypes, memoryTypes, globalTypes,
  };
  lazyProperty(info, 'bytes', wasm);
  lazyProperty(info, 'funcs', () => decodeFuncs(wasm(), funcTypes.length - numImportedFuncs));
  return info as unknown as ModuleInfo;
}

/** `count` entries read by `read`, each at least `minBytes` long (so a bad count fails early). */
function list<T>(r: ByteSource, minBytes: number, read: () => T): T[] {
  const n = r.count(minBytes);
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(read());
  return out;
}

/** `length` bytes of `source` from `at`, or a malformed error naming `what`. */
function slice(source: Uint8Array, at: number, length: number, what: string): Uint8Array {
  if (at + length > source.length) {
    throw new ArtifactError('malformed', `artifact module metadata is malformed: ${what} lies outside its section`);
  }
  return source.subarray(at, at + length);
}

/** The name section's payload, which must be exactly the `length` bytes the metadata recorded. */
function wholeNames(names: Uint8Array | undefined, length: number): Uint8Array {
  if (names?.length !== length) {
    const got = names === undefined ? 'none' : `${names.length} bytes`;
    throw new ArtifactError('malformed', `artifact module metadata is malformed: the name section should have ${length} bytes, not ${got}`);
  }
  return names;
}

/** The function bodies of `wasm`, which the metadata says has `expected` of them. */
function decodeFuncs(wasm: Uint8Array, expected: number): readonly FuncBody[] {
  let funcs: readonly FuncBody[];
  try {
    funcs = decodeModule(wasm).funcs;
  } catch (e) {
    if (!(e instanceof CompileError)) throw e;
    throw new ArtifactError('malformed', `artifact module bytes do not decode: ${e.message}`);
  }
  if (funcs.length !== expected) {
    throw new ArtifactError('malformed', `artifact module bytes have ${funcs.length} functions, its metadata ${expected}`);
  }
  return funcs;
}
