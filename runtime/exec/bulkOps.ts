// Table access, bulk memory and table operations and segment drops on plain values, shared by
// both tiers (the interpreter adapts them to its value stack, compiled code calls them). Each
// bounds-checks everything before it writes anything (2.0), so a trapping op changes nothing.

import { trap, TrapKind } from '../errors.js';
import type { InstanceState, Raw } from '../instance/objects.js';

const EMPTY_DATA = new Uint8Array(0);

/** True when [start, start+n) fits in `length`; all three are unsigned and at most 2^32. */
function inBounds(start: number, n: number, length: number): boolean {
  return start + n <= length;
}

/** table.get: the element at `i` of table `t`. */
export function tableGet(inst: InstanceState, t: number, i: number): Raw {
  const elems = inst.tables[t].elements;
  const at = i >>> 0;
  if (at >= elems.length) trap(TrapKind.TableOutOfBounds);
  return elems[at];
}

/** table.set: stores `value` at `i` of table `t`. */
export function tableSet(inst: InstanceState, t: number, i: number, value: Raw): void {
  const elems = inst.tables[t].elements;
  const at = i >>> 0;
  if (at >= elems.length) trap(TrapKind.TableOutOfBounds);
  elems[at] = value;
}

/** table.size */
export function tableSize(inst: InstanceState, t: number): number {
  return inst.tables[t].elements.length;
}

/** table.grow: the old size, or -1. */
export function tableGrow(inst: InstanceState, t: number, init: Raw, n: number): number {
  return inst.tables[t].grow(n >>> 0, init);
}

/** table.fill */
export function tableFill(inst: InstanceState, t: number, i: number, value: Raw, n: number): void {
  const elems = inst.tables[t].elements;
  const at = i >>> 0;
  const count = n >>> 0;
  if (!inBounds(at, count, elems.length)) trap(TrapKind.TableOutOfBounds);
  for (let k = 0; k < count; k++) elems[at + k] = value;
}

/** table.copy from table `srcTable` to `dstTable`. */
export function tableCopy(inst: InstanceState, dstTable: number, srcTable: number, d: number, s: number, n: number): void {
  const dst = inst.tables[dstTable].elements;
  const src = inst.tables[srcTable].elements;
  const dd = d >>> 0;
  const ss = s >>> 0;
  const count = n >>> 0;
  if (!inBounds(ss, count, src.length) || !inBounds(dd, count, dst.length)) trap(TrapKind.TableOutOfBounds);
  // Copy in the direction that never reads an already-overwritten slot (same table, overlap).
  if (dd <= ss) for (let k = 0; k < count; k++) dst[dd + k] = src[ss + k];
  else for (let k = count - 1; k >= 0; k--) dst[dd + k] = src[ss + k];
}

/** table.init from element segment `elem` into table `t`. */
export function tableInit(inst: InstanceState, elem: number, t: number, d: number, s: number, n: number): void {
  const dst = inst.tables[t].elements;
  const src = inst.elems[elem];
  const dd = d >>> 0;
  const ss = s >>> 0;
  const count = n >>> 0;
  if (!inBounds(ss, count, src.length) || !inBounds(dd, count, dst.length)) trap(TrapKind.TableOutOfBounds);
  for (let k = 0; k < count; k++) dst[dd + k] = src[ss + k];
}

/** elem.drop */
export function elemDrop(inst: InstanceState, elem: number): void {
  inst.elems[elem] = [];
}

/** memory.init from data segment `data` into memory 0. */
export function memoryInit(inst: InstanceState, data: number, d: number, s: number, n: number): void {
  const mem = inst.memories[0].u8;
  const src = inst.datas[data];
  const dd = d >>> 0;
  const ss = s >>> 0;
  const count = n >>> 0;
  if (!inBounds(ss, count, src.length) || !inBounds(dd, count, mem.length)) trap(TrapKind.MemoryOutOfBounds);
  mem.set(src.subarray(ss, ss + count), dd);
}

/** data.drop */
export function dataDrop(inst: InstanceState, data: number): void {
  inst.datas[data] = EMPTY_DATA;
}

/** memory.copy within memory 0 (memmove semantics). */
export function memoryCopy(inst: InstanceState, d: number, s: number, n: number): void {
  const mem = inst.memories[0].u8;
  const dd = d >>> 0;
  const ss = s >>> 0;
  const count = n >>> 0;
  if (!inBounds(ss, count, mem.length) || !inBounds(dd, count, mem.length)) trap(TrapKind.MemoryOutOfBounds);
  mem.copyWithin(dd, ss, ss + count);
}

/** memory.fill of memory 0 with the low byte of `value`. */
export function memoryFill(inst: InstanceState, d: number, value: number, n: number): void {
  const mem = inst.memories[0].u8;
  const dd = d >>> 0;
  const count = n >>> 0;
  if (!inBounds(dd, count, mem.length)) trap(TrapKind.MemoryOutOfBounds);
  mem.fill(value & 0xff, dd, dd + count);
}
