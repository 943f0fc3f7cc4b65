// Infrequent instructions the main loop hands to helpers: table access, bulk memory and table
// operations, segment drops and the SIMD memory forms. The semantics live in runtime/exec
// (shared with the compiled tier); these adapters only move values on the interpreter's stack.

import type { InstanceState, Raw } from '../../instance/objects.js';
import { OPS } from '../../opcodes/table.js';
import * as bulk from '../../exec/bulkOps.js';
import { SIMD_MEMORY_FNS } from '../../exec/simdMemory.js';

/**
 * A rare op: works on the value stack in place and returns the new stack pointer. `a` and `b`
 * are the op's two lowered immediates (see lower.ts for which is which).
 */
export type RareFn = (inst: InstanceState, stack: Raw[], sp: number, a: number, b: number) => number;

const n = (x: Raw): number => x as number;

const tableAndBulkOps: Record<string, RareFn> = {
  'table.get': (inst, stack, sp, t) => {
    stack[sp - 1] = bulk.tableGet(inst, t, n(stack[sp - 1]));
    return sp;
  },
  'table.set': (inst, stack, sp, t) => {
    bulk.tableSet(inst, t, n(stack[sp - 2]), stack[sp - 1]);
    return sp - 2;
  },
  'table.size': (inst, stack, sp, t) => {
    stack[sp] = bulk.tableSize(inst, t);
    return sp + 1;
  },
  'table.grow': (inst, stack, sp, t) => {
    stack[sp - 2] = bulk.tableGrow(inst, t, stack[sp - 2], n(stack[sp - 1]));
    return sp - 1;
  },
  'table.fill': (inst, stack, sp, t) => {
    bulk.tableFill(inst, t, n(stack[sp - 3]), stack[sp - 2], n(stack[sp - 1]));
    return sp - 3;
  },
  'table.copy': (inst, stack, sp, dstTable, srcTable) => {
    bulk.tableCopy(inst, dstTable, srcTable, n(stack[sp - 3]), n(stack[sp - 2]), n(stack[sp - 1]));
    return sp - 3;
  },
  'table.init': (inst, stack, sp, elem, t) => {
    bulk.tableInit(inst, elem, t, n(stack[sp - 3]), n(stack[sp - 2]), n(stack[sp - 1]));
    return sp - 3;
  },
  'elem.drop': (inst, _stack, sp, elem) => {
    bulk.elemDrop(inst, elem);
    return sp;
  },
  'memory.init': (inst, stack, sp, data) => {
    bulk.memoryInit(inst, data, n(stack[sp - 3]), n(stack[sp - 2]), n(stack[sp - 1]));
    return sp - 3;
  },
  'data.drop': (inst, _stack, sp, data) => {
    bulk.dataDrop(inst, data);
    return sp;
  },
  'memory.copy': (inst, stack, sp) => {
    bulk.memoryCopy(inst, n(stack[sp - 3]), n(stack[sp - 2]), n(stack[sp - 1]));
    return sp - 3;
  },
  'memory.fill': (inst, stack, sp) => {
    bulk.memoryFill(inst, n(stack[sp - 3]), n(stack[sp - 2]), n(stack[sp - 1]));
    return sp - 3;
  },
};

/** SIMD memory forms: `a` is the lane (lane forms only), `b` the memarg offset's int32 bits. */
function simdMemoryFn(id: number): RareFn | undefined {
  const fn = SIMD_MEMORY_FNS[id];
  if (fn === undefined) return undefined;
  const op = OPS[id];
  // Lane loads and all stores take a v128 operand above the address.
  if (op.params!.length === 1) {
    return (inst, stack, sp, _lane, offset) => {
      stack[sp - 1] = fn(inst.memories[0].u8, n(stack[sp - 1]), offset);
      return sp;
    };
  }
  if (op.results!.length === 1) {
    return (inst, stack, sp, lane, offset) => {
      stack[sp - 2] = fn(inst.memories[0].u8, n(stack[sp - 2]), offset, stack[sp - 1] as Uint8Array, lane);
      return sp - 1;
    };
  }
  return (inst, stack, sp, lane, offset) => {
    fn(inst.memories[0].u8, n(stack[sp - 2]), offset, stack[sp - 1] as Uint8Array, lane);
    return sp - 2;
  };
}

/** `RARE_FNS[op.id]` runs opcode row `op` when it is a rare op, else undefined. */
export const RARE_FNS: readonly (RareFn | undefined)[] = OPS.map(
  (op) => tableAndBulkOps[op.name] ?? simdMemoryFn(op.id),
);
