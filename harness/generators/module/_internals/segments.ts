// Module-level entries that are not code: limits, constant expressions, global initializers and
// the element and data segments with every 2.0 encoding (flags 0-7 and 0-2). A segment whose
// target is missing becomes passive; offsets sit near 0, near the end, or (trap-eager swarms)
// far out of range, so instantiation may trap, which is a valid outcome.

import type { ByteWriter } from '../../../wasm/ByteWriter.js';
import { ValType, type RefType } from '../../../../runtime/types.js';
import { Tape } from '../Tape.js';
import { f32Bits, f64Bits, i32Value, i64Value, v128Value } from '../values.js';
import type { DataShape, ElemShape, GlobalShape, TableShape } from '../shape.js';

const END = 0x0b;

/** Limits: flag, min, optional max. */
export function writeLimits(w: ByteWriter, min: number, max: number | null): void {
  if (max === null) w.u8(0).uleb(min);
  else w.u8(1).uleb(min).uleb(max);
}

/** `i32.const v; end`. */
function i32Expr(w: ByteWriter, v: number): void {
  w.u8(0x41).sleb32(v).u8(END);
}

/** A global's initializer: a constant of its type from its choices (a null or ref.func for refs). */
export function writeGlobalInit(w: ByteWriter, g: GlobalShape, numFuncs: number, memBytes: number): void {
  const t = new Tape(g.init);
  switch (g.type) {
    case ValType.I32: w.u8(0x41).sleb32(i32Value(t, memBytes)); break;
    case ValType.I64: w.u8(0x42).sleb(i64Value(t)); break;
    case ValType.F32: w.u8(0x43).bits32(f32Bits(t)); break;
    case ValType.F64: w.u8(0x44).bits64(f64Bits(t)); break;
    case ValType.V128: w.u8(0xfd).uleb(0x0c).bytes(v128Value(t)); break;
    default: {
      const f = t.next(numFuncs + 1);
      if (g.type === ValType.FuncRef && f < numFuncs) w.u8(0xd2).uleb(f);
      else w.u8(0xd0).u8(g.type);
    }
  }
  w.u8(END);
}

/**
 * An active segment's offset for `len` items in a space of `size`: inside (mostly), flush
 * with the end, or (when `wild`, one time in eight) one past the end or far out of range.
 * A segment longer than the space only stays active when the choice is wild.
 */
function segmentOffset(choice: number, size: number, len: number, wild: boolean): number {
  const k = choice >>> 4;
  const room = Math.max(0, size - len);
  switch (choice % 16) {
    case 12: case 13: return room;
    case 14: return wild ? room + 1 : room;
    case 15: return wild ? -1 - (k % 16) : 0;
    default: return k % (room + 1);
  }
}

/** Whether an active segment of `len` items at offset choice `choice` may stay as it is. */
function staysActive(choice: number, size: number, len: number, wild: boolean): boolean {
  return len <= size || (wild && choice % 16 >= 14);
}

/** Where an element segment goes and what it holds, decided once for the writer and the bodies. */
export interface ElemPlan {
  /** 0 active, 1 passive, 2 declarative (an active segment without a fitting table is passive). */
  readonly mode: number;
  readonly type: RefType;
  /** The table of an active segment, else -1. */
  readonly table: number;
  readonly offset: number;
  /** Expression encoding (flags 4-7). */
  readonly exprs: boolean;
  /** Table index written explicitly (flags 2 and 6). */
  readonly explicit: boolean;
  /** Each item's function index, or null for a null reference. */
  readonly items: readonly (number | null)[];
}

/** Plans one element segment; `tables` are the module's tables, `wild` allows out-of-range offsets. */
export function planElem(e: ElemShape, tables: readonly TableShape[], numFuncs: number, wild: boolean): ElemPlan {
  let mode = e.mode;
  let table = -1;
  let chosen = e.items;
  if (mode === 0) {
    const fits = tables.flatMap((t, i) => (t.elem === e.type ? [i] : []));
    if (fits.length > 0) table = fits[e.table % fits.length]!;
    const size = table < 0 ? 0 : tables[table]!.min;
    // Too long for the table: cut to fit (keeping it active), unless the choice is wild.
    if (!staysActive(e.offset, size, chosen.length, wild)) chosen = chosen.slice(0, size);
    if (table < 0 || chosen.length === 0) {
      mode = 1;
      chosen = e.items;
    }
  }
  if (mode !== 0) table = -1;
  const exprs = e.exprs || e.type !== ValType.FuncRef || numFuncs === 0;
  const items = chosen.map((item) => {
    if (!exprs) return item % numFuncs;
    const f = item % (numFuncs + 1);
    return e.type === ValType.FuncRef && f < numFuncs ? f : null;
  });
  return {
    mode,
    type: e.type,
    table,
    offset: mode === 0 ? segmentOffset(e.offset, tables[table]!.min, items.length, wild) : 0,
    exprs,
    explicit: table !== 0 || ((e.table >>> 4) & 1) === 1 || e.type !== ValType.FuncRef,
    items,
  };
}

/** Writes a planned element segment. */
export function writeElem(w: ByteWriter, p: ElemPlan): void {
  const flags = p.mode === 0 ? (p.explicit ? 2 : 0) : p.mode === 1 ? 1 : 3;
  w.u8(flags | (p.exprs ? 4 : 0));
  if (p.mode === 0) {
    if (p.explicit) w.uleb(p.table);
    i32Expr(w, p.offset);
  }
  if (flags !== 0) w.u8(p.exprs ? p.type : 0x00); // reftype, or elemkind funcref
  w.uleb(p.items.length);
  for (const f of p.items) {
    if (!p.exprs) w.uleb(f!);
    else if (f !== null) w.u8(0xd2).uleb(f).u8(END);
    else w.u8(0xd0).u8(p.type).u8(END);
  }
}

/** Writes one data segment; active ones need `hasMemory`. */
export function writeData(w: ByteWriter, d: DataShape, hasMemory: boolean, memBytes: number, wild: boolean): void {
  const active = d.active && hasMemory && staysActive(d.offset, memBytes, d.bytes.length, wild);
  if (!active) w.u8(1);
  else {
    if (d.explicit) w.u8(2).uleb(0);
    else w.u8(0);
    i32Expr(w, segmentOffset(d.offset, memBytes, d.bytes.length, wild));
  }
  w.uleb(d.bytes.length).bytes(d.bytes);
}
