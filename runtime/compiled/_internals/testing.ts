// TEST-ONLY helpers for the compiled tier's tests: wat to bytes (optionally with a name
// section), instances through the real API on either tier, outcomes as exact bits so two
// tiers can be compared, and byte-pattern lookups for expected backtrace offsets.

import wabtInit from 'wabt';
import * as assert from 'uvu/assert';
import { Engine } from '../../api/Engine.js';
import { Module } from '../../api/Module.js';
import { Store } from '../../api/Store.js';
import { Linker } from '../../api/Linker.js';
import type { Instance } from '../../api/Instance.js';
import type { Extern } from '../../api/externs.js';
import { Trap, type Frame } from '../../errors.js';
import type { Config } from '../../config/knobs.js';
import { rawArray, type FuncInstance, type Raw } from '../../instance/objects.js';
import { f64ToBits } from '../../numeric/_internals/scratch.js';
import type { CodeImage } from '../CodeImage.js';
import type { CompiledModule } from '../CompiledModule.js';

const wabt = await wabtInit();
const FEATURES = {
  multi_value: true, bulk_memory: true, reference_types: true, simd: true,
  sat_float_to_int: true, sign_extension: true, mutable_globals: true,
};

/** Assembles wat text; `names` writes a name section from the text's `$ids`. */
export function watToBytes(text: string, names = false): Uint8Array {
  const m = wabt.parseWat('test.wat', text, FEATURES);
  try {
    m.resolveNames();
    m.validate();
    return m.toBinary({ write_debug_names: names }).buffer;
  } finally {
    m.destroy();
  }
}

function toBytes(source: string | Uint8Array): Uint8Array {
  return typeof source === 'string' ? watToBytes(source, true) : source;
}

/** An instance plus what tests look at. */
export interface Setup {
  readonly engine: Engine;
  readonly store: Store;
  readonly module: Module;
  readonly instance: Instance;
  readonly bytes: Uint8Array;
  /** The compiled module's code image (compiled tier only). */
  readonly image: CodeImage;
  fn(name: string): FuncInstance;
  /**
   * Calls an export. Not for NaN doubles: V8 canonicalizes NaNs in a rest-parameter array of
   * doubles before they get here; build a rawArray and use `fn(name).invoke` for those.
   */
  call(name: string, ...args: Raw[]): Raw[];
}

/** Imports by `module.name`: externs, or functions. */
export type TestImports = Readonly<Record<string, Extern | FuncInstance>>;

/** Compiles `source` on the tier and knobs of `config` (compiled by default). */
export function compile(source: string | Uint8Array, config: Partial<Config> = {}): Module {
  const bytes = typeof source === 'string' ? watToBytes(source, true) : source;
  return new Module(new Engine({ tier: 'compiled', ...config }), bytes);
}

/**
 * Instantiates `source` (text, bytes, or a module compiled by {@link compile}) on the tier
 * and knobs of `config` (compiled by default), in `store` or a new one.
 */
export function setup(source: string | Uint8Array | Module, config: Partial<Config> = {}, imports: TestImports = {}, store?: Store): Setup {
  const module = source instanceof Module ? source : store !== undefined ? new Module(store.engine, toBytes(source)) : compile(source, config);
  const engine = module.engine;
  const bytes = module.info.bytes;
  const s = store ?? new Store(engine);
  const linker = new Linker();
  for (const [key, v] of Object.entries(imports)) {
    const dot = key.indexOf('.');
    const ext: Extern = 'kind' in v && typeof v.kind === 'string' ? (v as Extern) : { kind: 'func', func: v as FuncInstance };
    linker.define(key.slice(0, dot), key.slice(dot + 1), ext);
  }
  const instance = linker.instantiate(s, module);
  const fn = (name: string): FuncInstance => {
    const f = instance.getFunc(name);
    if (f === undefined) throw new Error(`no exported function ${name}`);
    return f;
  };
  return {
    engine, store: s, module, instance, bytes, fn,
    image: (module.prepared as CompiledModule).image,
    call: (name, ...args) => {
      const a = rawArray(args.length);
      args.forEach((x, i) => (a[i] = x));
      return fn(name).invoke(a);
    },
  };
}

/** A host function. */
export function hostFunc(params: FuncInstance['type']['params'], results: FuncInstance['type']['results'], body: (args: Raw[]) => Raw[]): FuncInstance {
  return { type: { params, results }, invoke: body };
}

/** A value as comparable exact data: doubles as their bits, vectors as byte lists. */
export function exact(v: Raw): unknown {
  if (typeof v === 'number' && !Object.is(v, v | 0)) return `f64:${f64ToBits(v)}`;
  if (v instanceof Uint8Array) return `v128:${Array.from(v).join(',')}`;
  return v;
}

/** What a call did, as data: its results (exact) or its trap (kind, message, frames). */
export type Outcome =
  | { readonly ok: unknown[] }
  | { readonly trap: string; readonly message: string; readonly frames: Frame[] };

/** Runs `f` and returns its outcome; host errors are rethrown. */
export function outcome(f: () => Raw[]): Outcome {
  try {
    return { ok: f().map(exact) };
  } catch (e) {
    if (e instanceof Trap) return { trap: e.kind, message: e.message, frames: e.frames };
    throw e;
  }
}

/** The trap `f` throws (fails the test when it does not trap). */
export function catchTrap(f: () => unknown): Trap {
  try {
    f();
  } catch (e) {
    if (e instanceof Trap) return e;
    throw e;
  }
  throw new Error('expected a trap');
}

/** Absolute offset of the only occurrence of `pattern` in the body of function `funcIndex`. */
export function offsetIn(s: Setup, funcIndex: number, pattern: readonly number[]): number {
  const m = s.module.info;
  const body = m.funcs[funcIndex - m.numImportedFuncs];
  const hits: number[] = [];
  for (let i = body.codeStart; i + pattern.length <= body.codeEnd; i++) {
    if (pattern.every((b, k) => s.bytes[i + k] === b)) hits.push(i);
  }
  assert.is(hits.length, 1, `pattern ${pattern} must occur once in function ${funcIndex}`);
  return hits[0];
}
