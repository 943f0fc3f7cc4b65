// Evaluates 2.0 constant expressions (initializers of globals and segments) against the
// instance being built.

import type { ConstExpr } from '../types.js';
import type { InstanceState, Raw } from '../instance/objects.js';

/** The value of a constant expression in `inst`. */
export function evalConst(e: ConstExpr, inst: InstanceState): Raw {
  switch (e.kind) {
    case 'global.get':
      return inst.globals[e.index].value;
    case 'ref.null':
      return null;
    case 'ref.func':
      return inst.funcs[e.index];
    default:
      return e.value;
  }
}
