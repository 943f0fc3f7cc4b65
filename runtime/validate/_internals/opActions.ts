// Per-opcode facts the validator needs beyond the shared opcode table: which validation routine
// handles an op (a small integer for a dense switch), its SIMD lane count and natural alignment.
// Derived once from OPS; the stack effects themselves stay in the shared table.

import { OPS, PLAIN_OPS, type ImmKind } from '../../opcodes/table.js';

/**
 * Validation routine of an op. Fixed ops take no immediate: the table's params/results are the
 * whole check. Codes below Unreachable read or check an immediate, then apply the fixed
 * signature; the others (the table's special ops) are handled entirely by hand. A const enum so the
 * validator's switch sees literal case values (a dense jump table, not a chain of loads).
 */
export const enum Act {
  Fixed = 0,
  SkipI32 = 1,
  SkipI64 = 2,
  SkipF32 = 3,
  SkipF64 = 4,
  SkipV128 = 5,
  Memarg = 6,
  MemoryZero = 7,
  Lane = 8,
  MemargLane = 9,
  Shuffle = 10,
  DataDrop = 11,
  ElemDrop = 12,
  MemoryInit = 13,
  MemoryCopy = 14,
  TableInit = 15,
  TableCopy = 16,
  Unreachable = 32,
  Nop = 33,
  Block = 34,
  Loop = 35,
  If = 36,
  Else = 37,
  End = 38,
  Br = 39,
  BrIf = 40,
  BrTable = 41,
  Return = 42,
  Call = 43,
  CallIndirect = 44,
  Drop = 45,
  Select = 46,
  SelectT = 47,
  LocalGet = 48,
  LocalSet = 49,
  LocalTee = 50,
  GlobalGet = 51,
  GlobalSet = 52,
  TableGet = 53,
  TableSet = 54,
  RefNull = 55,
  RefIsNull = 56,
  RefFunc = 57,
  TableGrow = 58,
  TableSize = 59,
  TableFill = 60,
}

const SPECIAL_BY_NAME: Readonly<Record<string, number>> = {
  unreachable: Act.Unreachable, nop: Act.Nop, block: Act.Block, loop: Act.Loop, if: Act.If,
  else: Act.Else, end: Act.End, br: Act.Br, br_if: Act.BrIf, br_table: Act.BrTable, return: Act.Return, call: Act.Call,
  call_indirect: Act.CallIndirect, drop: Act.Drop, select: Act.Select, select_t: Act.SelectT,
  'local.get': Act.LocalGet, 'local.set': Act.LocalSet, 'local.tee': Act.LocalTee,
  'global.get': Act.GlobalGet, 'global.set': Act.GlobalSet, 'table.get': Act.TableGet,
  'table.set': Act.TableSet, 'ref.null': Act.RefNull, 'ref.is_null': Act.RefIsNull,
  'ref.func': Act.RefFunc, 'table.grow': Act.TableGrow, 'table.size': Act.TableSize,
  'table.fill': Act.TableFill,
};

// Immediates of fixed-signature ops; the name disambiguates the 0xfc ops sharing a kind.
const FIXED_BY_IMM: Partial<Record<ImmKind, number>> = {
  none: Act.Fixed, i32: Act.SkipI32, i64: Act.SkipI64, f32: Act.SkipF32, f64: Act.SkipF64, v128: Act.SkipV128,
  memarg: Act.Memarg, memory: Act.MemoryZero, lane: Act.Lane, memarg_lane: Act.MemargLane,
  shuffle: Act.Shuffle, data: Act.DataDrop, elem: Act.ElemDrop, data_memory: Act.MemoryInit, memory_memory: Act.MemoryCopy,
  elem_table: Act.TableInit, table_table: Act.TableCopy,
};

/** Validation routine of each op, by `OpInfo.id`. */
export const ACTION: Uint8Array = new Uint8Array(OPS.length);
/** A {@link PLAIN_ACTION} entry: the byte is a prefix or illegal; read it with readOp. */
export const VIA_READ_OP = 255;
/**
 * Action of each single-byte opcode by its byte, so the validator's hot loop goes from byte
 * to routine with one load.
 */
export const PLAIN_ACTION: Uint8Array = new Uint8Array(256).fill(VIA_READ_OP);
/** Lane count of SIMD lane ops (the exclusive bound of the lane immediate), by op id. */
export const LANES: Uint8Array = new Uint8Array(OPS.length);
/** log2 of the bytes a memory op accesses: the largest valid alignment exponent, by op id. */
export const NATURAL_ALIGN: Uint8Array = new Uint8Array(OPS.length);

const SHAPE_LANES: Readonly<Record<string, number>> = {
  i8x16: 16, i16x8: 8, i32x4: 4, f32x4: 4, i64x2: 2, f64x2: 2,
};

for (const op of OPS) {
  const special = SPECIAL_BY_NAME[op.name];
  let action: number | undefined;
  if (op.params === undefined) action = special;
  else if (special === undefined) action = FIXED_BY_IMM[op.imm];
  // A new special or immediate kind in the shared table must get a routine here, not fall
  // silently into the fixed-signature path.
  if (action === undefined) throw new Error(`validator: no rule for opcode ${op.name}`);
  ACTION[op.id] = action;
  if (op.memBytes !== undefined) {
    NATURAL_ALIGN[op.id] = Math.log2(op.memBytes);
    // load/store lane ops: one lane is the accessed size.
    if (op.imm === 'memarg_lane') LANES[op.id] = 16 / op.memBytes;
  }
  if (op.imm === 'lane') LANES[op.id] = SHAPE_LANES[op.name.slice(0, 5)] ?? 0;
  if (op.imm === 'lane' && LANES[op.id] === 0) throw new Error(`validator: no lane count for ${op.name}`);
}
for (let b = 0; b < 256; b++) {
  const op = PLAIN_OPS[b];
  if (op !== undefined) PLAIN_ACTION[b] = ACTION[op.id];
}
