// A block type immediate (s33) as the block's parameter and result types, for both tiers.

import type { ModuleInfo, ValType } from '../types.js';

/** The empty block type (0x40 as an s33). */
const EMPTY = -64;
const NONE: readonly ValType[] = [];

/** Parameter and result types of a `block`, `loop` or `if`. */
export interface BlockSig {
  readonly params: readonly ValType[];
  readonly results: readonly ValType[];
}

/**
 * The signature of block type `bt` (as read by readImm: a type index, or a negative s33 that
 * encodes the empty type or a single value type).
 */
export function blockSig(module: ModuleInfo, bt: number): BlockSig {
  if (bt === EMPTY) return { params: NONE, results: NONE };
  // A one-byte value type read as s33 is its byte minus 128 (0x7f i32 -> -1).
  if (bt < 0) return { params: NONE, results: [(bt + 128) as ValType] };
  return module.types[bt];
}
