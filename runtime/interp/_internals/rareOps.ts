// Infrequent instructions the main loop hands to helpers: table access, bulk memory and table
// operations, segment drops and the SIMD memory forms. Each bounds-checks everything before it
// writes anything (2.0 semantics), so a trapping bulk op leaves memory and tables untouched.

import { trap, TrapKind } from '../../errors.js';
import type { InstanceState, Raw } from '../../instance/objects.js';
import { OPS } from '../../opcodes/table.js';
import { simdMemoryOps } from '../../numeric/simd/simdMemoryOps.js';

/**
 * A rare op: works on the value stack in place and returns the new stack pointer. `a` and `b`
 * are the op's two lowered immediates (see lower.ts for which is which).
 */
export type RareFn = (inst: InstanceState, stack: Raw[], sp: number, a: number, b: number) => number;

const EMPTY_DATA = new Uint8Array(0);

function memBytes(inst: InstanceState): Uint8Array {
  return inst.memories[0].u8;
}

/** Checks [start, start+n) against a length; all three are already unsigned. */
function inBounds(start: number, n: number, length: number): boolean {
  return start + n <= length;
}

const tableAndBulkOps: Record<string, RareFn> = {
  'table.get': (inst, stack, sp, t) => {
    const elems = inst.tables[t].elements;
    const i = (stack[sp - 1] as number) >>> 0;
    if (i >= elems.length) trap(TrapKind.TableOutOfBounds);
    stack[sp - 1] = elems[i];
    return sp;
  },
  'table.set': (inst, stack, sp, t) => {
    const elems = inst.tables[t].elements;
    const i = (stack[sp - 2] as number) >>> 0;
    if (i >= elems.length) trap(TrapKind.TableOutOfBounds);
    elems[i] = stack[sp - 1];
    return sp - 2;
  },
  'table.size': (inst, stack, sp, t) => {
    stack[sp] = inst.tables[t].elements.length;
    return sp + 1;
  },
  'table.grow': (inst, stack, sp, t) => {
    const n = (stack[sp - 1] as number) >>> 0;
    stack[sp - 2] = inst.tables[t].grow(n, stack[sp - 2]);
    return sp - 1;
  },
  'table.fill': (inst, stack, sp, t) => {
    const elems = inst.tables[t].elements;
    const i = (stack[sp - 3] as number) >>> 0;
    const value = stack[sp - 2];
    const n = (stack[sp - 1] as number) >>> 0;
    if (!inBounds(i, n, elems.length)) trap(TrapKind.TableOutOfBounds);
    for (let k = 0; k < n; k++) elems[i + k] = value;
    return sp - 3;
  },
  'table.copy': (inst, stack, sp, dstTable, srcTable) => {
    const dst = inst.tables[dstTable].elements;
    const src = inst.tables[srcTable].elements;
    const d = (stack[sp - 3] as number) >>> 0;
    const s = (stack[sp - 2] as number) >>> 0;
    const n = (stack[sp - 1] as number) >>> 0;
    if (!inBounds(s, n, src.length) || !inBounds(d, n, dst.length)) trap(TrapKind.TableOutOfBounds);
    // Copy in the direction that never reads an already-overwritten slot (same table, overlap).
    if (d <= s) for (let k = 0; k < n; k++) dst[d + k] = src[s + k];
    else for (let k = n - 1; k >= 0; k--) dst[d + k] = src[s + k];
    return sp - 3;
  },
  'table.init': (inst, stack, sp, elem, t) => {
    const dst = inst.tables[t].elements;
    const src = inst.elems[elem];
    const d = (stack[sp - 3] as number) >>> 0;
    const s = (stack[sp - 2] as number) >>> 0;
    const n = (stack[sp - 1] as number) >>> 0;
    if (!inBounds(s, n, src.length) || !inBounds(d, n, dst.length)) trap(TrapKind.TableOutOfBounds);
    for (let k = 0; k < n; k++) dst[d + k] = src[s + k];
    return sp - 3;
  },
  'elem.drop': (inst, _stack, sp, elem) => {
    inst.elems[elem] = [];
    return sp;
  },
  'memory.init': (inst, stack, sp, data) => {
    const mem = memBytes(inst);
    const src = inst.datas[data];
    const d = (stack[sp - 3] as number) >>> 0;
    const s = (stack[sp - 2] as number) >>> 0;
    const n = (stack[sp - 1] as number) >>> 0;
    if (!inBounds(s, n, src.length) || !inBounds(d, n, mem.length)) trap(TrapKind.MemoryOutOfBounds);
    mem.set(src.subarray(s, s + n), d);
    return sp - 3;
  },
  'data.drop': (inst, _stack, sp, data) => {
    inst.datas[data] = EMPTY_DATA;
    return sp;
  },
  'memory.copy': (inst, stack, sp) => {
    const mem = memBytes(inst);
    const d = (stack[sp - 3] as number) >>> 0;
    const s = (stack[sp - 2] as number) >>> 0;
    const n = (stack[sp - 1] as number) >>> 0;
    if (!inBounds(s, n, mem.length) || !inBounds(d, n, mem.length)) trap(TrapKind.MemoryOutOfBounds);
    mem.copyWithin(d, s, s + n); // memmove semantics: overlap is handled
    return sp - 3;
  },
  'memory.fill': (inst, stack, sp) => {
    const mem = memBytes(inst);
    const d = (stack[sp - 3] as number) >>> 0;
    const value = (stack[sp - 2] as number) & 0xff;
    const n = (stack[sp - 1] as number) >>> 0;
    if (!inBounds(d, n, mem.length)) trap(TrapKind.MemoryOutOfBounds);
    mem.fill(value, d, d + n);
    return sp - 3;
  },
};

/** SIMD memory forms: `a` is the lane (lane forms only), `b` the memarg offset's int32 bits. */
function simdMemoryFn(name: string): RareFn | undefined {
  const op = simdMemoryOps[name];
  if (op === undefined) return undefined;
  const size = op.bytes;
  switch (op.kind) {
    case 'load':
      return (inst, stack, sp, _lane, offset) => {
        const mem = memBytes(inst);
        const ea = ((stack[sp - 1] as number) >>> 0) + (offset >>> 0);
        if (ea + size > mem.length) trap(TrapKind.MemoryOutOfBounds);
        stack[sp - 1] = op.load(mem.subarray(ea, ea + size));
        return sp;
      };
    case 'loadLane':
      return (inst, stack, sp, lane, offset) => {
        const mem = memBytes(inst);
        const ea = ((stack[sp - 2] as number) >>> 0) + (offset >>> 0);
        if (ea + size > mem.length) trap(TrapKind.MemoryOutOfBounds);
        stack[sp - 2] = op.load(mem.subarray(ea, ea + size), stack[sp - 1] as Uint8Array, lane);
        return sp - 1;
      };
    case 'store':
    case 'storeLane':
      return (inst, stack, sp, lane, offset) => {
        const mem = memBytes(inst);
        const ea = ((stack[sp - 2] as number) >>> 0) + (offset >>> 0);
        if (ea + size > mem.length) trap(TrapKind.MemoryOutOfBounds);
        mem.set(op.store(stack[sp - 1] as Uint8Array, lane), ea);
        return sp - 2;
      };
  }
}

/** `RARE_FNS[op.id]` runs opcode row `op` when it is a rare op, else undefined. */
export const RARE_FNS: readonly (RareFn | undefined)[] = OPS.map(
  (op) => tableAndBulkOps[op.name] ?? simdMemoryFn(op.name),
);
