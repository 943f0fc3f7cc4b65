// Immediates of fixed-signature opcodes, by the opcode table's ImmKind: whether the module has
// what the immediate names, and how to draw and write one (alignments up to natural, offsets
// near 0, the memory size and 2^32, lanes in range, shuffles, constants from values.ts).
// Immediates of special opcodes (labels, locals, calls...) are written by their handlers.

import type { ImmKind, OpInfo } from '../../../../runtime/opcodes/table.js';
import { OPS } from '../../../../runtime/opcodes/table.js';
import type { BodyBuilder } from '../BodyBuilder.js';
import { f32Bits, f64Bits, i32Value, i64Value, v128Value } from '../values.js';

/** Whether an immediate can be drawn in this module, and how to write it. */
export interface Immediate {
  ok(b: BodyBuilder, o: OpInfo): boolean;
  write(b: BodyBuilder, o: OpInfo): void;
}

const always = (): boolean => true;
const hasMemory = (b: BodyBuilder): boolean => b.ctx.mem !== null;

/** Lane count of each lane-indexed opcode, by op id (from its shape prefix or access size). */
const LANES: Uint8Array = (() => {
  const out = new Uint8Array(OPS.length);
  const byShape: Record<string, number> = { i8x16: 16, i16x8: 8, i32x4: 4, f32x4: 4, i64x2: 2, f64x2: 2 };
  for (const o of OPS) {
    if (o.imm === 'lane') out[o.id] = byShape[o.name.slice(0, o.name.indexOf('.'))]!;
    if (o.imm === 'memarg_lane') out[o.id] = 16 / o.memBytes!;
  }
  return out;
})();

function memarg(b: BodyBuilder, o: OpInfo): void {
  const t = b.tape;
  const natural = Math.log2(o.memBytes!);
  b.code.uleb(t.flip() ? natural : t.next(natural + 1));
  b.code.uleb(offset(b, o.memBytes!));
}

/** A memarg offset: small, or (trap-eager swarms) near the memory size, near 2^32, or any u32. */
function offset(b: BodyBuilder, bytes: number): number {
  const t = b.tape;
  if (b.ctx.maskAddresses) return t.next(17);
  switch (t.next(16)) {
    case 10: case 11: return 0;
    case 12: return Math.max(0, b.ctx.memBytes - bytes - 8 + t.next(17));
    case 13: return 0xffffffff - t.next(33);
    case 14: return (b.ctx.memBytes + 65536 * t.next(3)) >>> 0;
    case 15: return t.bits32() >>> 0;
    default: return t.next(33);
  }
}

/** Every ImmKind a fixed-signature opcode can have. */
export const IMMEDIATES: Partial<Record<ImmKind, Immediate>> = {
  none: { ok: always, write: () => {} },
  i32: { ok: always, write: (b) => void b.code.sleb32(i32Value(b.tape, b.ctx.memBytes)) },
  i64: { ok: always, write: (b) => void b.code.sleb(i64Value(b.tape)) },
  f32: { ok: always, write: (b) => void b.code.bits32(f32Bits(b.tape)) },
  f64: { ok: always, write: (b) => void b.code.bits64(f64Bits(b.tape)) },
  v128: { ok: always, write: (b) => void b.code.bytes(v128Value(b.tape)) },
  shuffle: {
    ok: always,
    write: (b) => {
      for (let i = 0; i < 16; i++) b.code.u8(b.tape.next(32));
    },
  },
  lane: { ok: always, write: (b, o) => void b.code.u8(b.tape.next(LANES[o.id]!)) },
  memarg: { ok: hasMemory, write: memarg },
  memarg_lane: {
    ok: hasMemory,
    write: (b, o) => {
      memarg(b, o);
      b.code.u8(b.tape.next(LANES[o.id]!));
    },
  },
  memory: { ok: hasMemory, write: (b) => void b.code.u8(0) },
  memory_memory: { ok: hasMemory, write: (b) => void b.code.u8(0).u8(0) },
  data: { ok: (b) => b.ctx.codeDatas > 0, write: (b) => void b.code.uleb(b.tape.next(b.ctx.codeDatas)) },
  data_memory: {
    ok: (b) => b.ctx.codeDatas > 0 && hasMemory(b),
    write: (b) => void b.code.uleb(b.tape.next(b.ctx.codeDatas)).u8(0),
  },
  elem: { ok: (b) => b.ctx.elemTypes.length > 0, write: (b) => void b.code.uleb(b.tape.next(b.ctx.elemTypes.length)) },
  elem_table: {
    ok: (b) => b.ctx.elemTablePairs.length > 0,
    write: (b) => {
      const [e, x] = b.tape.pick(b.ctx.elemTablePairs);
      b.code.uleb(e).uleb(x);
    },
  },
  table_table: {
    ok: (b) => b.ctx.tableCopyPairs.length > 0,
    write: (b) => {
      const [dst, src] = b.tape.pick(b.ctx.tableCopyPairs);
      b.code.uleb(dst).uleb(src);
    },
  },
};
