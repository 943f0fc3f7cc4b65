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
 * An active segment's offset for `len` items in a space of `size`: inside, straddling the
 * end, or (when `wild`) anywhere up to 2^32.
 */
function segmentOffset(choice: number, size: number, len: number, wild: boolean): number {
  const k = choice >>> 3;
  const room = Math.max(0, size - len);
  switch (choice % 8) {
    case 5: case 6: return wild ? room + (k % 3) - 1 : room;
    case 7: return wild ? -1 - (k % 16) : 0;
    default: return k % (room + 1);
  }
}

/** Writes one element segment; `tables` are the module's tables, `wild` allows out-of-range offsets. */
export function writeElem(w: ByteWriter, e: ElemShape, tables: readonly TableShape[], numFuncs: number, wild: boolean): void {
  let mode = e.mode;
  let table = -1;
  if (mode === 0) {
    const fits = tables.flatMap((t, i) => (t.elem === e.type ? [i] : []));
    if (fits.length > 0) table = fits[e.table % fits.length]!;
    // Trap-averse swarms make a segment that cannot fit passive rather than trap.
    if (fits.length === 0 || (!wild && e.items.length > tables[table]!.min)) mode = 1;
  }
  const exprs = e.exprs || e.type !== ValType.FuncRef || numFuncs === 0;
  if (mode !== 0) table = -1;
  const explicit = table !== 0 || ((e.table >>> 4) & 1) === 1 || e.type !== ValType.FuncRef;
  const flags = mode === 0 ? (explicit ? 2 : 0) : mode === 1 ? 1 : 3;
  w.u8(flags | (exprs ? 4 : 0));
  if (mode === 0) {
    if (explicit) w.uleb(table);
    const size = tables[table]!.min;
    i32Expr(w, segmentOffset(e.offset, size, e.items.length, wild));
  }
  if (flags !== 0) {
    if (exprs) w.u8(e.type);
    else w.u8(0x00); // elemkind funcref
  }
  w.uleb(e.items.length);
  for (const item of e.items) {
    if (!exprs) w.uleb(item % numFuncs);
    else writeRefExpr(w, e.type, item, numFuncs);
  }
}

function writeRefExpr(w: ByteWriter, type: RefType, item: number, numFuncs: number): void {
  const f = item % (numFuncs + 1);
  if (type === ValType.FuncRef && f < numFuncs) w.u8(0xd2).uleb(f).u8(END);
  else w.u8(0xd0).u8(type).u8(END);
}

/** Writes one data segment; active ones need `hasMemory`. */
export function writeData(w: ByteWriter, d: DataShape, hasMemory: boolean, memBytes: number, wild: boolean): void {
  // Trap-averse swarms keep active segments inside memory, or make them passive.
  const active = d.active && hasMemory && (wild || d.bytes.length <= memBytes);
  if (!active) w.u8(1);
  else {
    if (d.explicit) w.u8(2).uleb(0);
    else w.u8(0);
    i32Expr(w, segmentOffset(d.offset, memBytes, d.bytes.length, wild));
  }
  w.uleb(d.bytes.length).bytes(d.bytes);
}
