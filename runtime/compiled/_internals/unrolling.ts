// Which loops the compiled tier unrolls: innermost loops (no loop inside) with short bodies.
// V8 pays per JS loop iteration for things a wasm engine does not (a stack check, re-checking
// the cached DataView's map and length); a body written out n times pays them once every n iterations.
// Leaves out the rewriting itself (translateFunction.ts) and any trip-count analysis.

import { Reader } from '../../binary/Reader.js';
import { readOp } from '../../opcodes/readOp.js';
import { readImm } from '../../exec/readImm.js';

/**
 * Most instructions an unrolled loop's copies may have together: a body of n instructions is
 * written out `UNROLL_BUDGET / n` times (at most {@link UNROLL_MAX_COPIES}, at least 2), as a
 * native compiler sizes an unroll by the code it adds. Four copies of matmul_f64's inner loop
 * (17 instructions) run it about 9% faster than two, eight about 12%.
 */
export const UNROLL_BUDGET = 96;

/** The most copies of a body, however short. */
export const UNROLL_MAX_COPIES = 4;

/** Most instructions (its `end` excluded) an unrolled loop's body may have. */
export const UNROLL_LIMIT = 48;

/** How many copies of a loop body of `size` instructions the budget allows (2 to 4). */
export function unrollCopies(size: number): number {
  return Math.max(2, Math.min(UNROLL_MAX_COPIES, Math.floor(UNROLL_BUDGET / Math.max(size, 1))));
}

/**
 * The instruction count of the loop whose body starts at byte `start` of `bytes` (just after
 * the loop's block type; its `end` excluded) when it has no loop inside and at most
 * {@link UNROLL_LIMIT} instructions, else undefined. `end` bounds the scan (the function
 * body's end); the body is validated.
 */
export function unrollableSize(bytes: Uint8Array, start: number, end: number): number | undefined {
  const r = new Reader(bytes, start, end);
  let depth = 0;
  for (let count = 0; r.pos < end; count++) {
    const op = readOp(r);
    readImm(r, op.imm);
    if (op.name === 'end') {
      if (depth === 0) return count;
      depth--;
    } else if (op.name === 'loop' || count >= UNROLL_LIMIT) {
      return undefined;
    } else if (op.name === 'block' || op.name === 'if') {
      depth++;
    }
  }
  return undefined;
}
