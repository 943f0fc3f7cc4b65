// The per-op-id function table for plain numeric instructions: built once from the shared
// scalar and SIMD tables by each opcode row's mnemonic. Memory, control and reference ops are
// not in it (each tier handles them itself, with the helpers beside this file).

import { OPS } from '../opcodes/table.js';
import { scalarOps } from '../numeric/scalarOps.js';
import { simdOps } from '../numeric/simd/simdOps.js';

/** A numeric op implementation: operands in stack order, immediate (lane, shuffle) last. */
export type NumericFn = (...args: any[]) => unknown;

/** `NUMERIC_FNS[op.id]` implements opcode row `op`, or is undefined for non-numeric ops. */
export const NUMERIC_FNS: readonly (NumericFn | undefined)[] = OPS.map(
  (op) => (scalarOps[op.name] ?? simdOps[op.name]) as NumericFn | undefined,
);
