// Sorts every row of the opcode table into one generator family, by rules on its name and
// immediate kind, so that a new opcode in runtime/opcodes/table.ts is generated without edits
// here (or fails loudly at load when no rule claims it). No opcode list of our own.

import { OPS, type OpInfo } from '../../../runtime/opcodes/table.js';
import type { Family } from './swarm.js';

/**
 * A swarm family, or `base`: locals, constants, drop, select, nop, which every body needs, and
 * i32.add, the instruction real code is made of most (addresses, indices, counters): a swarm
 * that switches integer arithmetic off still computes addresses.
 */
export type OpFamily = Family | 'base';

const CONVERSION = /^[if](32|64)\.(wrap|extend|trunc_|convert|demote|promote|reinterpret)/;

// First matching rule wins; the order matters (a SIMD load is `simd`, not `memory`).
const RULES: readonly [test: (o: OpInfo) => boolean, family: OpFamily][] = [
  [(o) => o.prefix === 0xfd, 'simd'],
  [(o) => o.memBytes !== undefined, 'memory'],
  [(o) => o.name === 'memory.size' || o.name === 'memory.grow', 'memoryGrow'],
  [(o) => o.name.startsWith('memory.') || o.name === 'data.drop', 'bulkMemory'],
  [(o) => o.name.startsWith('table.') || o.name === 'elem.drop' || o.name === 'call_indirect', 'tables'],
  [(o) => o.name.startsWith('ref.') || o.name === 'select_t', 'refTypes'],
  [(o) => o.name.startsWith('global.'), 'globals'],
  [(o) => o.name === 'call', 'calls'],
  [(o) => o.name === 'unreachable', 'traps'],
  [(o) => ['blocktype', 'label', 'br_table'].includes(o.imm) || ['else', 'end', 'return'].includes(o.name), 'control'],
  [(o) => /^(nop|drop|select|local\.\w+|[if](32|64)\.const|i32\.add)$/.test(o.name), 'base'],
  [(o) => CONVERSION.test(o.name), 'conversions'],
  [(o) => /^i(32|64)\./.test(o.name), 'intArith'],
  [(o) => /^f(32|64)\./.test(o.name), 'floatArith'],
];

/** Thrown at load when an opcode table row matches no family rule. */
export class UnclassifiedOpError extends Error {
  override readonly name = 'UnclassifiedOpError';
}

/** The family of `op`. */
export function familyOf(op: OpInfo): OpFamily {
  for (const [test, family] of RULES) if (test(op)) return family;
  throw new UnclassifiedOpError(`opcode ${op.name} belongs to no generator family`);
}

/** Every opcode of the table, grouped by family (table order inside a group). */
export const FAMILY_OPS: ReadonlyMap<OpFamily, readonly OpInfo[]> = (() => {
  const m = new Map<OpFamily, OpInfo[]>();
  for (const op of OPS) {
    const f = familyOf(op);
    let list = m.get(f);
    if (list === undefined) m.set(f, (list = []));
    list.push(op);
  }
  return m;
})();
