// Instantiation with WebAssembly 2.0 semantics: resolve imports, create the index spaces
// (defined memories from the engine's allocator, maybe already showing their data image),
// initialize active segments in order (a trap leaves earlier writes visible), drop them, then
// run the start function. The resulting Instance exposes exports by name.

import { LinkError } from '../errors.js';
import {
  GlobalInstance, MemoryInstance, TableInstance,
  type FuncInstance, type InstanceState, type Raw,
} from '../instance/objects.js';
import type { Module } from './Module.js';
import { StoreDisposedError, type Store } from './Store.js';
import type { MemoryAllocator } from '../memory/MemoryAllocator.js';
import { importMismatch, type Extern } from './externs.js';
import { evalConst } from './constExpr.js';
import { dataDrop, elemDrop, memoryInit, tableInit } from '../exec/bulkOps.js';

/** Supplies imports by (module, name). */
export type ImportResolver = (module: string, name: string) => Extern | undefined;

/** An instantiated module. */
export class Instance {
  readonly exports: ReadonlyMap<string, Extern>;

  /**
   * Instantiates `module` in `store`. Throws LinkError for missing or mismatched imports,
   * and Trap when segment initialization or the start function traps.
   */
  constructor(
    readonly store: Store,
    readonly module: Module,
    resolve: ImportResolver,
  ) {
    if (module.engine !== store.engine) throw new LinkError('module and store belong to different engines');
    if (store.disposed) throw new StoreDisposedError('cannot instantiate in a disposed store');
    const info = module.info;
    const state: InstanceState = {
      module: info, store: store.state, funcs: [], tables: [], memories: [], globals: [], elems: [], datas: [],
    };
    this.state = state;
    for (const imp of info.imports) {
      const ext = resolve(imp.module, imp.name);
      if (ext === undefined) throw new LinkError(`unknown import ${imp.module}::${imp.name}`);
      const why = importMismatch(info, imp.desc, ext);
      if (why !== undefined) throw new LinkError(`incompatible import type for ${imp.module}::${imp.name}: ${why}`);
      if (ext.kind === 'func') state.funcs.push(ext.func);
      else if (ext.kind === 'table') state.tables.push(ext.table);
      else if (ext.kind === 'memory') state.memories.push(ext.memory);
      else state.globals.push(ext.global);
    }
    for (let i = info.numImportedFuncs; i < info.funcTypes.length; i++) state.funcs.push(module.prepared.makeFunc(state, i));
    for (const t of info.tables) state.tables.push(new TableInstance(t, new Array(t.limits.min).fill(null)));
    const allocator = store.engine.memoryAllocator;
    const image = allocator.imageSourceFor(module);
    let imaged: MemoryInstance | undefined;
    info.memories.forEach((m, i) => {
      const index = info.numImportedMemories + i;
      const made = allocator.allocate(m, index === image?.plan.memory ? image : undefined);
      store.adoptMemory(made.memory);
      if (made.imaged) imaged = made.memory;
      state.memories.push(made.memory);
    });
    for (const g of info.globals) state.globals.push(new GlobalInstance(g.type, evalConst(g.init, state)));
    for (const seg of info.elems) state.elems.push(seg.init.map((e) => evalConst(e, state)));
    for (const seg of info.datas) state.datas.push(seg.bytes);

    const exports = new Map<string, Extern>();
    for (const e of info.exports) exports.set(e.name, externOf(state, e.kind, e.index));
    this.exports = exports;

    initSegments(state, imaged, allocator);
    if (info.start !== undefined) state.funcs[info.start].invoke([]);
  }

  /** The instance's runtime state (for tiers and the harness). */
  readonly state: InstanceState;

  /** An exported function, or undefined. */
  getFunc(name: string): FuncInstance | undefined {
    const e = this.exports.get(name);
    return e?.kind === 'func' ? e.func : undefined;
  }

  /** An exported memory, or undefined. */
  getMemory(name: string): MemoryInstance | undefined {
    const e = this.exports.get(name);
    return e?.kind === 'memory' ? e.memory : undefined;
  }

  /** An exported table, or undefined. */
  getTable(name: string): TableInstance | undefined {
    const e = this.exports.get(name);
    return e?.kind === 'table' ? e.table : undefined;
  }

  /** An exported global, or undefined. */
  getGlobal(name: string): GlobalInstance | undefined {
    const e = this.exports.get(name);
    return e?.kind === 'global' ? e.global : undefined;
  }
}

function externOf(s: InstanceState, kind: Extern['kind'], index: number): Extern {
  switch (kind) {
    case 'func': return { kind, func: s.funcs[index] };
    case 'table': return { kind, table: s.tables[index] };
    case 'memory': return { kind, memory: s.memories[index] };
    case 'global': return { kind, global: s.globals[index] };
  }
}

/**
 * Active element then data segments, in order, exactly as the spec defines instantiation:
 * `table.init` / `memory.init` of the whole segment, then `elem.drop` / `data.drop` (the same
 * shared operations the tiers run). Declarative element segments are dropped too.
 *
 * `imaged` is memory 0 when it already shows its image (every active data segment applied;
 * the plan only exists when none of them can trap), so its segments are only dropped. The
 * image went in before the element segments, which is unobservable unless one of them traps:
 * a function already stored into an imported table could then read the memory, and must see
 * zeros, so the image is withdrawn.
 */
function initSegments(s: InstanceState, imaged: MemoryInstance | undefined, allocator: MemoryAllocator): void {
  const info = s.module;
  try {
    info.elems.forEach((seg, i) => {
      if (seg.mode === 'active') tableInit(s, i, seg.table, evalConst(seg.offset!, s) as number, 0, s.elems[i].length);
      if (seg.mode !== 'passive') elemDrop(s, i);
    });
  } catch (e) {
    if (imaged !== undefined) allocator.withdrawImage(imaged);
    throw e;
  }
  info.datas.forEach((seg, i) => {
    if (seg.mode !== 'active') return;
    if (imaged === undefined || s.memories[seg.memory] !== imaged) memoryInit(s, i, evalConst(seg.offset!, s) as number, 0, seg.bytes.length);
    dataDrop(s, i);
  });
}

/** Calls a function with arguments in the runtime representation. */
export function call(func: FuncInstance, args: Raw[]): Raw[] {
  return func.invoke(args);
}
