// Test helper: wat text -> binary (wabt) -> decodeModule -> a hand-built instance run by the
// interpreter. Supports function imports only and skips the start function; the real
// instantiation (runtime/api) is deliberately not used, so these tests exercise the tier alone.

import wabtInit from 'wabt';
import { decodeModule } from '../../binary/decodeModule.js';
import {
  GlobalInstance, MemoryInstance, TableInstance,
  type FuncInstance, type InstanceState, type Raw, type StoreState,
} from '../../instance/objects.js';
import type { ConstExpr, FuncType } from '../../types.js';
import { InterpModule } from './InterpModule.js';

const wabt = await wabtInit();
const FEATURES = {
  multi_value: true, bulk_memory: true, reference_types: true, simd: true,
  sat_float_to_int: true, sign_extension: true, mutable_globals: true,
};

/** Assembles wat text to a (wabt-validated) binary. */
export function watToBytes(text: string): Uint8Array {
  const m = wabt.parseWat('test.wat', text, FEATURES);
  try {
    m.resolveNames();
    m.validate();
    return m.toBinary({}).buffer;
  } finally {
    m.destroy();
  }
}

/** Options of {@link testInstance}. */
export interface TestOptions {
  /** Lower with fuel charges and give the store this much fuel. */
  readonly fuel?: number;
  /** Lower with the inline i32 fast paths (default true). */
  readonly inline?: boolean;
  /** Lower with fused ops (default true; see fuse.ts). */
  readonly fuse?: boolean;
  /** Function imports by `module.name`. */
  readonly imports?: Readonly<Record<string, FuncInstance>>;
  /** StoreState.maxDepth (default 10000). */
  readonly maxDepth?: number;
  /** Share a store with another test instance. */
  readonly store?: StoreState;
}

/** An instance plus conveniences for tests. */
export interface TestInstance {
  readonly state: InstanceState;
  readonly bytes: Uint8Array;
  /** An exported function by name (throws when missing). */
  fn(name: string): FuncInstance;
  /** Calls an exported function. */
  call(name: string, ...args: Raw[]): Raw[];
}

/** Builds an interpreter instance of `source` (wat text or a binary). */
export function testInstance(source: string | Uint8Array, opts: TestOptions = {}): TestInstance {
  const bytes = typeof source === 'string' ? watToBytes(source) : source;
  const info = decodeModule(bytes);
  const prepared = new InterpModule(info, {
    fuel: opts.fuel !== undefined, inline: opts.inline ?? true, fuse: opts.fuse ?? true,
  });
  const store: StoreState = opts.store ?? {
    depth: 0, maxDepth: opts.maxDepth ?? 10000, fuel: opts.fuel, epoch: new Int32Array(1), epochDeadline: Number.MAX_SAFE_INTEGER,
  };
  const state: InstanceState = {
    module: info, store, funcs: [], tables: [], memories: [], globals: [], elems: [], datas: [],
  };
  for (const imp of info.imports) {
    const f = opts.imports?.[`${imp.module}.${imp.name}`];
    if (imp.desc.kind !== 'func' || f === undefined) throw new Error(`test import ${imp.module}.${imp.name} missing`);
    state.funcs.push(f);
  }
  for (let i = info.numImportedFuncs; i < info.funcTypes.length; i++) state.funcs.push(prepared.makeFunc(state, i));
  const evalConst = (e: ConstExpr): Raw =>
    e.kind === 'global.get' ? state.globals[e.index].value
      : e.kind === 'ref.null' ? null
        : e.kind === 'ref.func' ? state.funcs[e.index]
          : e.value;
  for (const t of info.tables) state.tables.push(new TableInstance(t, new Array(t.limits.min).fill(null)));
  for (const m of info.memories) state.memories.push(new MemoryInstance(m.limits.min, m.limits.max));
  for (const g of info.globals) state.globals.push(new GlobalInstance(g.type, evalConst(g.init)));
  info.elems.forEach((seg, i) => {
    const refs = seg.init.map(evalConst);
    if (seg.mode === 'active') state.tables[seg.table].elements.splice(evalConst(seg.offset!) as number, refs.length, ...refs);
    state.elems.push(seg.mode === 'passive' ? refs : []);
  });
  info.datas.forEach((seg) => {
    if (seg.mode === 'active') state.memories[seg.memory].u8.set(seg.bytes, evalConst(seg.offset!) as number);
    state.datas.push(seg.mode === 'passive' ? seg.bytes : new Uint8Array(0));
  });

  const fn = (name: string): FuncInstance => {
    const e = info.exports.find((x) => x.name === name && x.kind === 'func');
    if (e === undefined) throw new Error(`no exported function ${name}`);
    return state.funcs[e.index];
  };
  return { state, bytes, fn, call: (name, ...args) => fn(name).invoke(args) };
}

/** A host function of type `type` running `body`. */
export function hostFunc(type: FuncType, body: (args: Raw[]) => Raw[]): FuncInstance {
  return { type, invoke: body };
}
