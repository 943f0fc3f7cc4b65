// Structural equality of function types, for call_indirect's signature check. Types from the
// same module are usually the very same object, so identity is tried first.

import type { FuncType } from '../../types.js';

/** True when `a` and `b` have the same params and results. */
export function sameType(a: FuncType, b: FuncType): boolean {
  if (a === b) return true;
  if (a.params.length !== b.params.length || a.results.length !== b.results.length) return false;
  for (let i = 0; i < a.params.length; i++) if (a.params[i] !== b.params[i]) return false;
  for (let i = 0; i < a.results.length; i++) if (a.results[i] !== b.results[i]) return false;
  return true;
}
