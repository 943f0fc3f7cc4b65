// What the decoder learns that ModuleInfo has no place for, kept beside it for validation:
// byte offsets of entries (for error positions) and the contents of constant-expression slots
// that were not a single constant instruction. Hand-built ModuleInfos simply have none.

import type { ConstExpr, ModuleInfo } from '../../types.js';

/** One instruction of a non-simple constant expression: a constant one, or any other by name. */
export type ConstSlotInstr = ConstExpr | { readonly kind: 'nonconst'; readonly name: string };

/**
 * Byte offsets of entries, index-aligned with the ModuleInfo arrays (defined entries only).
 * Typed arrays sized by the section's count: one allocation per section, none per entry.
 */
export interface DecodeFacts {
  importOffsets: Uint32Array;
  funcOffsets: Uint32Array;
  tableOffsets: Uint32Array;
  memoryOffsets: Uint32Array;
  globalOffsets: Uint32Array;
  exportOffsets: Uint32Array;
  elemOffsets: Uint32Array;
  dataOffsets: Uint32Array;
  startOffset: number;
  /**
   * Constant-expression slots that held anything but one constant instruction before `end`
   * (nothing, several instructions, a non-constant one). The slot's ConstExpr is a placeholder
   * object used as the key; validation always rejects it with the spec's message.
   */
  readonly oddConsts: Map<ConstExpr, { readonly instrs: readonly ConstSlotInstr[]; readonly offset: number }>;
}

/** A fresh, empty record. */
export function newFacts(): DecodeFacts {
  const none = new Uint32Array(0);
  return {
    importOffsets: none, funcOffsets: none, tableOffsets: none, memoryOffsets: none, globalOffsets: none,
    exportOffsets: none, elemOffsets: none, dataOffsets: none, startOffset: 0,
    oddConsts: new Map(),
  };
}

/** Facts per decoded module; absent for modules not produced by decodeModule. */
export const decodeFacts = new WeakMap<ModuleInfo, DecodeFacts>();
