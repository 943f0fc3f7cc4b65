// How the compiled tier calls the shared table, bulk-memory and segment helpers
// (exec/bulkOps.ts): which helper, how many stack operands, which immediates, what result.

import { ValType, type ModuleInfo } from '../../types.js';
import type { Imm } from '../../exec/readImm.js';
import type { HelperName } from './runtimeSupport.js';

/** One bulk op's call shape: `helper($I, ...immediates, ...operands)`. */
export interface BulkOp {
  readonly helper: HelperName;
  readonly operands: number;
  readonly immediates: (imm: Imm, m: ModuleInfo) => string[];
  /** Result type, or undefined for none. */
  readonly result: (m: ModuleInfo, imm: Imm) => ValType | undefined;
}

const none = (): undefined => undefined;
const i32 = (): ValType => ValType.I32;
const tableImm = (imm: Imm): string[] => [String(imm.a)];
const twoImm = (imm: Imm): string[] => [String(imm.a), String(imm.b)];
const noImm = (): string[] => [];

const BULK: Readonly<Record<string, BulkOp>> = {
  'table.get': { helper: 'tableGet', operands: 1, immediates: tableImm, result: (m, imm) => m.tableTypes[imm.a].elem },
  'table.set': { helper: 'tableSet', operands: 2, immediates: tableImm, result: none },
  'table.size': { helper: 'tableSize', operands: 0, immediates: tableImm, result: i32 },
  'table.grow': { helper: 'tableGrow', operands: 2, immediates: tableImm, result: i32 },
  'table.fill': { helper: 'tableFill', operands: 3, immediates: tableImm, result: none },
  'table.copy': { helper: 'tableCopy', operands: 3, immediates: twoImm, result: none },
  'table.init': { helper: 'tableInit', operands: 3, immediates: twoImm, result: none },
  'elem.drop': { helper: 'elemDrop', operands: 0, immediates: tableImm, result: none },
  'memory.init': { helper: 'memoryInit', operands: 3, immediates: tableImm, result: none },
  'data.drop': { helper: 'dataDrop', operands: 0, immediates: tableImm, result: none },
  'memory.copy': { helper: 'memoryCopy', operands: 3, immediates: noImm, result: none },
  'memory.fill': { helper: 'memoryFill', operands: 3, immediates: noImm, result: none },
};

/** The call shape of bulk op `name`, or undefined when it is not one. */
export function bulkOp(name: string): BulkOp | undefined {
  return BULK[name];
}
