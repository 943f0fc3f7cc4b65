// Gives a generated module host calls to compare: imports the oracle's logging functions
// (oracles/hostSet.ts HOST_LOGGERS) and makes every defined function log its entry, with its
// scalar parameters, so engines must agree on the order and arguments of every call made.
// The generator itself imports nothing; this is the fuzz target's choice, not the generator's.

import { Reader } from '../../runtime/binary/Reader.js';
import { ValType } from '../../runtime/types.js';
import { ByteWriter } from '../wasm/ByteWriter.js';
import { HOST_LOGGERS, HOST_MODULE } from '../oracles/hostSet.js';
import { readBodies, writeBodies } from './wasm/code.js';
import { readImports, typeBody, typeEntries, writeImports, type ImportEntry } from './wasm/entries.js';
import { remapFuncs } from './wasm/remapFuncs.js';
import { findSection, joinSections, SEC, splitSections, withSection } from './wasm/sections.js';

const LOGGED = [ValType.I32, ValType.I64, ValType.F32, ValType.F64] as const;
const LOGGER_NAME = [HOST_LOGGERS.i32, HOST_LOGGERS.i64, HOST_LOGGERS.f32, HOST_LOGGERS.f64];
/** At most this many parameters are logged per entry (keeps instrumented bodies small). */
const MAX_LOGGED_PARAMS = 3;

function paramsOf(typeEntry: Uint8Array): ValType[] {
  const r = new Reader(typeEntry, 1);
  const n = r.u32();
  const out: ValType[] = [];
  for (let i = 0; i < n; i++) out.push(r.u8() as ValType);
  return out;
}

/**
 * `bytes` with the four loggers imported (after any existing function imports) and a log call
 * at the entry of every defined function: `log_<t>(tag, param)` for each of its first scalar
 * parameters, or `log_i32(tag, 0)` when it has none. The tag is the function's index before
 * instrumentation. A module without functions is returned unchanged.
 */
export function instrumentHost(bytes: Uint8Array): Uint8Array {
  let sections = splitSections(bytes);
  const code = findSection(sections, SEC.code);
  const funcSec = findSection(sections, SEC.func);
  if (code === undefined || funcSec === undefined) return bytes;
  const types = typeEntries(findSection(sections, SEC.type)?.body ?? new Uint8Array([0]));
  const firstLoggerType = types.length;
  const loggerTypes = LOGGED.map((t) => Uint8Array.of(0x60, 2, ValType.I32, t, 0));
  sections = withSection(sections, SEC.type, typeBody([...types, ...loggerTypes]));

  const imports = readImports(findSection(sections, SEC.import)?.body ?? new Uint8Array([0]));
  const importedFuncs = imports.filter((i) => i.kind === 0).length;
  const loggers: ImportEntry[] = LOGGED.map((_, k) => ({
    module: HOST_MODULE, name: LOGGER_NAME[k]!, kind: 0, typeIndex: firstLoggerType + k,
    desc: new ByteWriter(6).uleb(firstLoggerType + k).finish(),
  }));
  // Function imports come first in the index space, in import order: put ours after the others.
  const lastFunc = imports.reduce((at, imp, i) => (imp.kind === 0 ? i + 1 : at), 0);
  sections = withSection(sections, SEC.import, writeImports([...imports.slice(0, lastFunc), ...loggers, ...imports.slice(lastFunc)]));
  sections = remapFuncs(sections, (f) => (f < importedFuncs ? f : f + LOGGED.length));

  const fr = new Reader(funcSec.body);
  const funcTypes = Array.from({ length: fr.u32() }, () => fr.u32());
  const bodies = readBodies(findSection(sections, SEC.code)!.body).map((b, i) => {
    const tag = importedFuncs + i;
    const params = paramsOf(types[funcTypes[i]!]!);
    const w = new ByteWriter(32 + b.code.length);
    let logged = 0;
    params.forEach((t, p) => {
      const k = LOGGED.indexOf(t as (typeof LOGGED)[number]);
      if (k < 0 || logged >= MAX_LOGGED_PARAMS) return;
      logged++;
      w.u8(0x41).sleb32(tag).u8(0x20).uleb(p).u8(0x10).uleb(importedFuncs + k);
    });
    if (logged === 0) w.u8(0x41).sleb32(tag).u8(0x41).u8(0).u8(0x10).uleb(importedFuncs);
    w.bytes(b.code);
    return { locals: b.locals, code: w.finish() };
  });
  return joinSections(withSection(sections, SEC.code, writeBodies(bodies)));
}
