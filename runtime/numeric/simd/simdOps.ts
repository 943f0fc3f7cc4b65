// The one lookup table of SIMD (v128) instructions that neither touch memory nor branch, keyed
// by text-format mnemonic, shared by both tiers. Memory instructions are in simdMemoryOps.ts.

import { bitwiseOps } from './bitwise.js';
import { compareOps } from './compare.js';
import { convertOps } from './convert.js';
import { floatArithOps } from './floatArith.js';
import { intArithOps } from './intArith.js';
import { laneOps } from './lanes.js';
import { reduceOps } from './reduce.js';
import { shiftOps } from './shifts.js';
import type { SimdOp } from './_internals/types.js';
import { widenNarrowOps } from './widenNarrow.js';

export type { SimdOp } from './_internals/types.js';

/**
 * Every non-memory, non-control SIMD instruction (plus v128.const), by mnemonic such as
 * `i8x16.add_sat_s`. Operands come in stack order (first pushed first) and the immediate, if
 * any, last: a lane index, the 16 shuffle lane indices, or v128.const's 16 bytes. v128 values
 * are 16-byte little-endian Uint8Arrays, never mutated (each call returns a fresh one); i32 and
 * f32 (raw bits) are signed int32 numbers, i64 a signed bigint, f64 a number. Float NaN results
 * are deterministic: canonical when all NaN operands are, else the first non-canonical NaN
 * operand quieted.
 */
export const simdOps: Readonly<Record<string, SimdOp>> = Object.freeze({
  ...bitwiseOps,
  ...laneOps,
  ...compareOps,
  ...intArithOps,
  ...shiftOps,
  ...reduceOps,
  ...widenNarrowOps,
  ...floatArithOps,
  ...convertOps,
});
