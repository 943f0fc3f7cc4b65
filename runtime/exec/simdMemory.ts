// The SIMD memory instructions on plain values, shared by both tiers: effective address,
// bounds check (always explicit), then the data half from numeric/simd/simdMemoryOps.
// Scalar loads and stores are not here: each tier inlines those.

import { trap, TrapKind } from '../errors.js';
import { OPS } from '../opcodes/table.js';
import { simdMemoryOps } from '../numeric/simd/simdMemoryOps.js';

/**
 * One SIMD memory instruction: `mem` is memory 0's bytes, `addr` the i32 address operand,
 * `offset` the memarg offset (u32, or its int32 bits), `v` the v128 operand of lane loads
 * and stores, `lane` the lane immediate. Loads return the v128; stores return undefined.
 */
export type SimdMemoryFn = (mem: Uint8Array, addr: number, offset: number, v?: Uint8Array, lane?: number) => Uint8Array | undefined;

function simdMemoryFn(name: string): SimdMemoryFn | undefined {
  const op = simdMemoryOps[name];
  if (op === undefined) return undefined;
  const size = op.bytes;
  switch (op.kind) {
    case 'load':
      return (mem, addr, offset) => {
        const ea = (addr >>> 0) + (offset >>> 0);
        if (ea + size > mem.length) trap(TrapKind.MemoryOutOfBounds);
        return op.load(mem.subarray(ea, ea + size));
      };
    case 'loadLane':
      return (mem, addr, offset, v, lane) => {
        const ea = (addr >>> 0) + (offset >>> 0);
        if (ea + size > mem.length) trap(TrapKind.MemoryOutOfBounds);
        return op.load(mem.subarray(ea, ea + size), v!, lane!);
      };
    case 'store':
    case 'storeLane':
      return (mem, addr, offset, v, lane) => {
        const ea = (addr >>> 0) + (offset >>> 0);
        if (ea + size > mem.length) trap(TrapKind.MemoryOutOfBounds);
        mem.set(op.store(v!, lane ?? 0), ea);
        return undefined;
      };
  }
}

/** `SIMD_MEMORY_FNS[op.id]` runs opcode row `op` when it is a SIMD memory op, else undefined. */
export const SIMD_MEMORY_FNS: readonly (SimdMemoryFn | undefined)[] = OPS.map((op) => simdMemoryFn(op.name));
