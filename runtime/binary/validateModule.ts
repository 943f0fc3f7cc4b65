// Module-level validation of a decoded module: index bounds, limits, constant expressions,
// segment and start types, export names, one memory at most. Function bodies are the body
// validator's. Checks run in the spec reference interpreter's order, with its messages.

import { CompileError } from '../errors.js';
import { ValType, type ConstExpr, type Limits, type ModuleInfo } from '../types.js';
import { decodeFacts, type DecodeFacts } from './_internals/decodeFacts.js';
import { limitError, MODULE_LIMITS } from './limits.js';

function invalid(message: string, at: number): never {
  throw new CompileError('invalid', message, at);
}

const MAX_PAGES = 0x1_0000;
const MAX_TABLE = 0xffff_ffff;

/**
 * Validates everything in `m` except function bodies. Throws a CompileError of kind 'invalid'
 * with the spec's message ("unknown global 1", "type mismatch", ...), or of kind 'malformed'
 * for an implementation limit that only shows once the module is known to be valid otherwise
 * (a table's initial size).
 */
export function validateModuleFields(m: ModuleInfo): void {
  const facts = decodeFacts.get(m);
  const at = (list: Uint32Array | undefined, i: number): number => list?.[i] ?? 0;

  for (let i = 0; i < m.imports.length; i++) {
    const d = m.imports[i].desc;
    const o = at(facts?.importOffsets, i);
    if (d.kind === 'func') typeIndex(m, d.typeIndex, o);
    else if (d.kind === 'table') checkLimits(d.type.limits, MAX_TABLE, 'table size must be at most 2^32-1', o);
    else if (d.kind === 'memory') checkLimits(d.type.limits, MAX_PAGES, 'memory size must be at most 65536 pages (4GiB)', o);
  }
  for (let i = m.numImportedFuncs; i < m.funcTypes.length; i++) {
    typeIndex(m, m.funcTypes[i], at(facts?.funcOffsets, i - m.numImportedFuncs));
  }
  for (let i = 0; i < m.globals.length; i++) {
    const g = m.globals[i];
    checkConst(m, facts, g.init, g.type.type, at(facts?.globalOffsets, i));
  }
  for (let i = 0; i < m.tables.length; i++) {
    checkLimits(m.tables[i].limits, MAX_TABLE, 'table size must be at most 2^32-1', at(facts?.tableOffsets, i));
  }
  for (let i = 0; i < m.memories.length; i++) {
    checkLimits(m.memories[i].limits, MAX_PAGES, 'memory size must be at most 65536 pages (4GiB)', at(facts?.memoryOffsets, i));
  }
  for (let i = 0; i < m.elems.length; i++) checkElem(m, facts, i, at(facts?.elemOffsets, i));
  for (let i = 0; i < m.datas.length; i++) {
    const d = m.datas[i];
    const o = at(facts?.dataOffsets, i);
    if (d.mode !== 'active') continue;
    if (d.memory >= m.memoryTypes.length) invalid(`unknown memory ${d.memory}`, o);
    checkConst(m, facts, d.offset!, ValType.I32, o);
  }
  if (m.start !== undefined) checkStart(m, m.start, facts?.startOffset ?? 0);
  checkExports(m, facts);
  if (m.memoryTypes.length > 1) invalid('multiple memories', at(facts?.memoryOffsets, 1 - m.numImportedMemories));
  for (const t of m.tableTypes) {
    if (t.limits.min > MODULE_LIMITS.maxTableInitial) {
      throw limitError('table initial size', t.limits.min, MODULE_LIMITS.maxTableInitial, 0);
    }
  }
}

function typeIndex(m: ModuleInfo, x: number, o: number): void {
  if (x >= m.types.length) invalid(`unknown type ${x}`, o);
}

function checkLimits(l: Limits, range: number, message: string, o: number): void {
  if (l.min > range) invalid(message, o);
  if (l.max === undefined) return;
  if (l.max > range) invalid(message, o);
  if (l.min > l.max) invalid('size minimum must not be greater than maximum', o);
}

function checkElem(m: ModuleInfo, facts: DecodeFacts | undefined, i: number, o: number): void {
  const seg = m.elems[i];
  for (const e of seg.init) checkConst(m, facts, e, seg.type, o);
  if (seg.mode !== 'active') return;
  const table = m.tableTypes[seg.table];
  if (table === undefined) invalid(`unknown table ${seg.table}`, o);
  checkConst(m, facts, seg.offset!, ValType.I32, o);
  if (table.elem !== seg.type) invalid('type mismatch', o);
}

function checkStart(m: ModuleInfo, x: number, o: number): void {
  if (x >= m.funcTypes.length) invalid(`unknown function ${x}`, o);
  const t = m.types[m.funcTypes[x]];
  if (t.params.length !== 0 || t.results.length !== 0) invalid('start function must have type [] -> []', o);
}

const EXPORT_SPACE = { func: 'funcTypes', table: 'tableTypes', memory: 'memoryTypes', global: 'globalTypes' } as const;
const EXPORT_NOUN = { func: 'function', table: 'table', memory: 'memory', global: 'global' } as const;

function checkExports(m: ModuleInfo, facts: DecodeFacts | undefined): void {
  const names = new Set<string>();
  for (let i = 0; i < m.exports.length; i++) {
    const x = m.exports[i];
    const o = facts?.exportOffsets[i] ?? 0;
    if (x.index >= m[EXPORT_SPACE[x.kind]].length) invalid(`unknown ${EXPORT_NOUN[x.kind]} ${x.index}`, o);
    if (names.has(x.name)) invalid('duplicate export name', o);
    names.add(x.name);
  }
}

/**
 * Checks a constant expression of type `expected`. In 2.0 it may read only imported globals,
 * and they must be immutable. Slots the decoder found odd (see decodeFacts) are reported as
 * the reference does: first any non-constant instruction, then any unknown function, then
 * the wrong number of values as a type mismatch.
 */
function checkConst(m: ModuleInfo, facts: DecodeFacts | undefined, e: ConstExpr, expected: ValType, o: number): void {
  // Odd slots are rare (the module is invalid); skipping the lookup spares an identity hash per expression.
  const odd = facts === undefined || facts.oddConsts.size === 0 ? undefined : facts.oddConsts.get(e);
  if (odd === undefined) {
    if (constType(m, e, o) !== expected) invalid('type mismatch', o);
    return;
  }
  for (const ins of odd.instrs) {
    if (ins.kind === 'nonconst') invalid('constant expression required', odd.offset);
    if (ins.kind === 'global.get') constType(m, ins, odd.offset);
  }
  for (const ins of odd.instrs) if (ins.kind === 'ref.func') constType(m, ins, odd.offset);
  invalid('type mismatch', odd.offset);
}

function constType(m: ModuleInfo, e: ConstExpr, o: number): ValType {
  switch (e.kind) {
    case 'i32.const': return ValType.I32;
    case 'i64.const': return ValType.I64;
    case 'f32.const': return ValType.F32;
    case 'f64.const': return ValType.F64;
    case 'v128.const': return ValType.V128;
    case 'ref.null': return e.type;
    case 'ref.func':
      if (e.index >= m.funcTypes.length) invalid(`unknown function ${e.index}`, o);
      return ValType.FuncRef;
    case 'global.get': {
      if (e.index >= m.numImportedGlobals) invalid(`unknown global ${e.index}`, o);
      const g = m.globalTypes[e.index];
      if (g.mutable) invalid('constant expression required', o);
      return g.type;
    }
  }
}
