// Steps over an instruction's immediates by the opcode table's ImmKind, checking only their
// encoding (LEB exactness, reserved zero bytes, type codes). Used where instructions must be
// decoded but not validated: inside constant expressions that are not a single constant.

import type { ImmKind, OpInfo } from '../../opcodes/table.js';
import type { Reader } from '../Reader.js';
import { readRefType, readValType } from './readTypes.js';

function zeroByte(r: Reader): void {
  if (r.u8() !== 0) r.fail('zero byte expected', r.pos - 1);
}

/** A block type: 0x40, a value type, or an s33 type index. */
export function skipBlockType(r: Reader): void {
  const b = r.peek();
  if (b === 0x40) r.pos++;
  else if ((b & 0xc0) === 0x40) readValType(r);
  else r.s33();
}

const SKIP: Record<ImmKind, (r: Reader) => void> = {
  none: () => {},
  blocktype: skipBlockType,
  label: (r) => void r.u32(),
  br_table: (r) => {
    const n = r.count(1);
    for (let i = 0; i <= n; i++) r.u32();
  },
  func: (r) => void r.u32(),
  call_indirect: (r) => {
    r.u32();
    r.u32();
  },
  local: (r) => void r.u32(),
  global: (r) => void r.u32(),
  table: (r) => void r.u32(),
  memarg: (r) => {
    r.u32();
    r.u32();
  },
  memory: zeroByte,
  i32: (r) => void r.s32(),
  i64: (r) => void r.s64(),
  f32: (r) => r.skip(4),
  f64: (r) => r.skip(8),
  v128: (r) => r.skip(16),
  shuffle: (r) => r.skip(16),
  lane: (r) => r.skip(1),
  memarg_lane: (r) => {
    r.u32();
    r.u32();
    r.skip(1);
  },
  select_t: (r) => {
    const n = r.count(1);
    for (let i = 0; i < n; i++) readValType(r);
  },
  reftype: (r) => void readRefType(r),
  elem: (r) => void r.u32(),
  data: (r) => void r.u32(),
  table_table: (r) => {
    r.u32();
    r.u32();
  },
  elem_table: (r) => {
    r.u32();
    r.u32();
  },
  data_memory: (r) => {
    r.u32();
    zeroByte(r);
  },
  memory_memory: (r) => {
    zeroByte(r);
    zeroByte(r);
  },
};

/** Reads past the immediates of `op`, whose opcode has just been read. */
export function skipImmediates(r: Reader, op: OpInfo): void {
  SKIP[op.imm](r);
}
