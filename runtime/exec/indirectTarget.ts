// call_indirect's lookup, shared by both tiers: table element, null and signature checks in
// the spec's order, with the reference interpreter's messages. The call itself is the tier's.

import { trap, Trap, TrapKind } from '../errors.js';
import type { FuncInstance, TableInstance } from '../instance/objects.js';
import { sameFuncType, type FuncType } from '../types.js';

/**
 * The function `call_indirect` calls: element `index` (an i32, read unsigned) of `table`.
 * Traps "undefined element N" past the end, "uninitialized element N" on null, and
 * "indirect call type mismatch" when its type is not `expected`.
 */
export function indirectTarget(table: TableInstance, index: number, expected: FuncType): FuncInstance {
  const elems = table.elements;
  const i = index >>> 0;
  // The element index in the message matches the reference interpreter's text.
  if (i >= elems.length) throw new Trap(TrapKind.UndefinedElement, `undefined element ${i}`);
  const f = elems[i] as FuncInstance | null | undefined;
  if (f === null || f === undefined) throw new Trap(TrapKind.IndirectCallToNull, `uninitialized element ${i}`);
  if (!sameFuncType(f.type, expected)) trap(TrapKind.IndirectCallTypeMismatch);
  return f;
}
