// Which loops the compiled tier unrolls: innermost loops (no loop inside) with short bodies.
// V8 pays per JS loop iteration for things a wasm engine does not (a stack check, re-checking
// the cached DataView's map and length); a body written out twice pays them every other time.
// Leaves out the rewriting itself (translateFunction.ts) and any trip-count analysis.

import { Reader } from '../../binary/Reader.js';
import { readOp } from '../../opcodes/readOp.js';
import { readImm } from '../../exec/readImm.js';

/**
 * Copies of an unrolled loop's body by default (each copy is one iteration, so any count is
 * exact). Four gain matmul_f64 about 8% more than two, for twice the code.
 */
export const UNROLL_COPIES = 2;

/** Most instructions (its `end` excluded) an unrolled loop's body may have. */
export const UNROLL_LIMIT = 48;

/**
 * True when the loop whose body starts at byte `start` of `bytes` (just after the loop's block
 * type) has no loop inside and at most {@link UNROLL_LIMIT} instructions. `end` bounds the scan
 * (the function body's end); the body is validated.
 */
export function isUnrollable(bytes: Uint8Array, start: number, end: number): boolean {
  const r = new Reader(bytes, start, end);
  let depth = 0;
  for (let count = 0; r.pos < end; count++) {
    const op = readOp(r);
    readImm(r, op.imm);
    if (op.name === 'end') {
      if (depth === 0) return true;
      depth--;
    } else if (op.name === 'loop' || count >= UNROLL_LIMIT) {
      return false;
    } else if (op.name === 'block' || op.name === 'if') {
      depth++;
    }
  }
  return false;
}
