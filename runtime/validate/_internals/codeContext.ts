// Facts about a module that every function body's validation consults, computed once per
// ModuleInfo and cached: chiefly the set of "declared" functions `ref.func` may name.
// Module-level field checks are not here (see the decoder's validateModuleFields).

import { Reader } from '../../binary/Reader.js';
import type { ConstExpr, ModuleInfo } from '../../types.js';

/** Per-module data shared by the validation of all its bodies. */
export interface CodeContext {
  /** `declared[f] === 1` when function `f` may be the target of `ref.func` in a body. */
  readonly declared: Uint8Array;
  /** A cursor over the module bytes, repositioned for each body. */
  readonly reader: Reader;
}

const cache = new WeakMap<ModuleInfo, CodeContext>();

/** The cached context of `m`, built on first use. */
export function codeContext(m: ModuleInfo): CodeContext {
  let ctx = cache.get(m);
  if (ctx === undefined) {
    ctx = { declared: declaredFunctions(m), reader: new Reader(m.bytes) };
    cache.set(m, ctx);
  }
  return ctx;
}

// The spec's C.refs: functions referenced anywhere in the module except in function bodies
// and the start section, i.e. in element segments, global initialisers and exports.
function declaredFunctions(m: ModuleInfo): Uint8Array {
  const declared = new Uint8Array(m.funcTypes.length);
  const note = (e: ConstExpr | undefined): void => {
    if (e !== undefined && e.kind === 'ref.func' && e.index < declared.length) declared[e.index] = 1;
  };
  for (const seg of m.elems) {
    note(seg.offset);
    for (const e of seg.init) note(e);
  }
  for (const g of m.globals) note(g.init);
  for (const d of m.datas) note(d.offset);
  for (const x of m.exports) if (x.kind === 'func' && x.index < declared.length) declared[x.index] = 1;
  return declared;
}
