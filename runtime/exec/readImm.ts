// Reads the immediates of one instruction, whatever its kind, into one small record. Both
// tiers use it for live and dead code alike, so skipping unreachable code can never get out
// of step with the binary. No validation: bodies are validated before they are translated.

import type { Reader } from '../binary/Reader.js';
import type { ImmKind } from '../opcodes/table.js';

/** The immediates of one instruction. Fields not used by a kind are left at their defaults. */
export interface Imm {
  /** First index-like immediate: label, function, local, global, table, type, block type, lane. */
  a: number;
  /** Second one: memarg offset (u32), table of call_indirect, source table, lane of a memarg_lane. */
  b: number;
  /** br_table labels (default last). */
  labels: number[];
  /** A constant: i32 or f32 bits (number), i64 (bigint), f64 (number), v128/shuffle bytes. */
  value: number | bigint | Uint8Array;
}

/** Reads the immediates of kind `kind` at the cursor. */
export function readImm(r: Reader, kind: ImmKind): Imm {
  const imm: Imm = { a: 0, b: 0, labels: [], value: 0 };
  switch (kind) {
    case 'none':
      break;
    case 'blocktype':
      imm.a = r.s33();
      break;
    case 'label': case 'func': case 'local': case 'global': case 'table': case 'elem': case 'data':
      imm.a = r.u32();
      break;
    case 'br_table': {
      const n = r.u32();
      for (let i = 0; i <= n; i++) imm.labels.push(r.u32());
      break;
    }
    case 'call_indirect': case 'table_table': case 'elem_table':
      imm.a = r.u32();
      imm.b = r.u32();
      break;
    case 'memarg':
      r.u32(); // alignment: a hint, irrelevant to execution
      imm.b = r.u32();
      break;
    case 'memarg_lane':
      r.u32();
      imm.b = r.u32();
      imm.a = r.u8();
      break;
    case 'memory':
      r.u8();
      break;
    case 'data_memory':
      imm.a = r.u32();
      r.u8();
      break;
    case 'memory_memory':
      r.u8();
      r.u8();
      break;
    case 'i32':
      imm.value = r.s32();
      break;
    case 'i64':
      imm.value = r.s64();
      break;
    case 'f32':
      imm.value = r.f32Bits();
      break;
    case 'f64':
      imm.value = r.f64();
      break;
    case 'v128': case 'shuffle':
      imm.value = r.bytesN(16).slice();
      break;
    case 'lane':
      imm.a = r.u8();
      break;
    case 'select_t': {
      const n = r.u32();
      for (let i = 0; i < n; i++) r.u8();
      break;
    }
    case 'reftype':
      imm.a = r.u8();
      break;
  }
  return imm;
}
