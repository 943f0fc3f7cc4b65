// Which scalar memory accesses a function makes, by reach (offset + size), and which reaches
// get a cached limit for explicit bounds checks (see limitText in memoryAccess.ts). Leaves out
// SIMD accesses: their shared helpers check bounds themselves.

import { Reader } from '../../binary/Reader.js';
import { readOp } from '../../opcodes/readOp.js';
import type { ModuleInfo } from '../../types.js';
import { readImm } from '../../exec/readImm.js';
import { accessReach, isScalarAccess } from './memoryAccess.js';

/**
 * Most limits a function caches: each is recomputed after every call that may grow memory,
 * and each is one more live value competing for V8's registers.
 */
export const MAX_LIMITS = 4;

/**
 * How many scalar loads and stores defined function `funcIndex` has per reach, or undefined
 * when it has none (optLevel speed caches memory views in functions that have some).
 */
export function memoryReaches(m: ModuleInfo, funcIndex: number): ReadonlyMap<number, number> | undefined {
  const body = m.funcs[funcIndex - m.numImportedFuncs];
  const r = new Reader(m.bytes, body.codeStart, body.codeEnd);
  const counts = new Map<number, number>();
  while (r.pos < body.codeEnd) {
    const op = readOp(r);
    const imm = readImm(r, op.imm);
    if (!isScalarAccess(op.name)) continue;
    const reach = accessReach(op.name, imm.b);
    counts.set(reach, (counts.get(reach) ?? 0) + 1);
  }
  return counts.size > 0 ? counts : undefined;
}

/**
 * The reaches to cache limits for: the {@link MAX_LIMITS} most used (the first seen among
 * equals). Reaches of 2^31 and more are left out: they keep the exact double check.
 */
export function limitedReaches(counts: ReadonlyMap<number, number>): number[] {
  return [...counts].filter(([reach]) => reach < 2 ** 31).sort((a, b) => b[1] - a[1]).slice(0, MAX_LIMITS).map(([reach]) => reach);
}
