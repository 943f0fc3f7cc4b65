// Externs: the four kinds of entity that cross module boundaries, and the import-matching
// rules of WebAssembly 2.0 (exact function types, limits subtyping, exact global types).

import {
  FuncInstance, GlobalInstance, MemoryInstance, TableInstance,
} from '../instance/objects.js';
import { sameFuncType, type ImportDesc, type Limits, type ModuleInfo } from '../types.js';

/** An entity that can be imported or exported. */
export type Extern =
  | { readonly kind: 'func'; readonly func: FuncInstance }
  | { readonly kind: 'table'; readonly table: TableInstance }
  | { readonly kind: 'memory'; readonly memory: MemoryInstance }
  | { readonly kind: 'global'; readonly global: GlobalInstance };

export { sameFuncType };

function limitsMatch(actualMin: number, actualMax: number | undefined, want: Limits): boolean {
  if (actualMin < want.min) return false;
  if (want.max === undefined) return true;
  return actualMax !== undefined && actualMax <= want.max;
}

/** Whether `ext` satisfies the import `desc` of module `m`; returns a reason when not. */
export function importMismatch(m: ModuleInfo, desc: ImportDesc, ext: Extern): string | undefined {
  if (ext.kind !== desc.kind) return `expected ${desc.kind}, got ${ext.kind}`;
  switch (desc.kind) {
    case 'func': {
      const f = (ext as { func: FuncInstance }).func;
      return sameFuncType(f.type, m.types[desc.typeIndex]) ? undefined : 'function type differs';
    }
    case 'table': {
      const t = (ext as { table: TableInstance }).table;
      if (t.type.elem !== desc.type.elem) return 'element type differs';
      return limitsMatch(t.elements.length, t.type.limits.max, desc.type.limits) ? undefined : 'table limits do not match';
    }
    case 'memory': {
      const mem = (ext as { memory: MemoryInstance }).memory;
      return limitsMatch(mem.pages, mem.max, desc.type.limits) ? undefined : 'memory limits do not match';
    }
    case 'global': {
      const g = (ext as { global: GlobalInstance }).global;
      return g.type.type === desc.type.type && g.type.mutable === desc.type.mutable ? undefined : 'global type differs';
    }
  }
}
