// Renumbers the function index space of a module: every place a function index appears (call,
// ref.func, element segments, global initializers, exports, start) is mapped. Used to insert
// imports in front of defined functions and to drop functions while reducing.

import { ByteWriter } from '../../wasm/ByteWriter.js';
import { readOp } from '../../../runtime/opcodes/readOp.js';
import { skipImmediates } from '../../../runtime/binary/_internals/skipImmediates.js';
import { readBodies, writeBodies } from './code.js';
import { readElems, readExports, readGlobals, writeElems, writeExports, writeGlobals } from './entries.js';
import { findSection, SEC, withSection, type Section } from './sections.js';
import { Reader } from '../../../runtime/binary/Reader.js';

/** A reference to a function the map dropped: the rewrite is impossible. */
export class DroppedFuncError extends Error {
  override readonly name = 'DroppedFuncError';
}

/** Maps old function indices to new ones; undefined means the function is gone. */
export type FuncMap = (oldIndex: number) => number | undefined;

function mapped(map: FuncMap, f: number): number {
  const n = map(f);
  if (n === undefined) throw new DroppedFuncError(`function ${f} is still referenced`);
  return n;
}

const CALL = 0x10;
const REF_FUNC = 0xd2;

/**
 * `code` (instructions or a const expression) with call and ref.func indices mapped. The
 * bytes between those instructions are copied in runs, skipped over rather than decoded: host
 * instrumentation remaps every generated module, so this is on the fuzzer's hot path.
 */
export function remapCode(code: Uint8Array, map: FuncMap): Uint8Array {
  const r = new Reader(code);
  const w = new ByteWriter(code.length + 16);
  let copied = 0;
  while (!r.atEnd()) {
    const start = r.pos;
    const op = readOp(r);
    if (op.prefix !== 0 || (op.code !== CALL && op.code !== REF_FUNC)) {
      skipImmediates(r, op);
      continue;
    }
    const index = mapped(map, r.u32());
    w.bytes(code.subarray(copied, start)).u8(op.code).uleb(index);
    copied = r.pos;
  }
  return w.bytes(code.subarray(copied)).finish();
}

/**
 * `sections` with every function index mapped by `map`. Exports of dropped functions are
 * removed; any other reference to a dropped function throws DroppedFuncError. The code
 * section's bodies are NOT added or removed: callers adjust the function and code sections.
 */
export function remapFuncs(sections: readonly Section[], map: FuncMap): Section[] {
  let out = [...sections];
  const code = findSection(out, SEC.code);
  if (code !== undefined) {
    const bodies = readBodies(code.body).map((b) => ({ locals: b.locals, code: remapCode(b.code, map) }));
    out = withSection(out, SEC.code, writeBodies(bodies));
  }
  const elem = findSection(out, SEC.elem);
  if (elem !== undefined) {
    const entries = readElems(elem.body).map((e) => ({
      ...e,
      funcs: e.funcs?.map((f) => mapped(map, f)),
      exprs: e.exprs?.map((x) => remapCode(x, map)),
    }));
    out = withSection(out, SEC.elem, writeElems(entries));
  }
  const global = findSection(out, SEC.global);
  if (global !== undefined) {
    out = withSection(out, SEC.global, writeGlobals(readGlobals(global.body).map((g) => ({ ...g, init: remapCode(g.init, map) }))));
  }
  const exp = findSection(out, SEC.export);
  if (exp !== undefined) {
    const entries = readExports(exp.body).flatMap((e) => {
      if (e.kind !== 0) return [e];
      const n = map(e.index);
      return n === undefined ? [] : [{ ...e, index: n }];
    });
    out = withSection(out, SEC.export, writeExports(entries));
  }
  const start = findSection(out, SEC.start);
  if (start !== undefined) {
    const f = new Reader(start.body).u32();
    out = withSection(out, SEC.start, new ByteWriter(6).uleb(mapped(map, f)).finish());
  }
  return out;
}
