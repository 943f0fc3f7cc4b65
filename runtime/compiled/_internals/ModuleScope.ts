// The names a module's generated functions share: runtime helpers and constants (bound once
// per script) and instance bindings (memory, tables, globals, types, imports; bound once per
// instance). Every name is made from an index, never from anything the module says.

import type { ModuleInfo } from '../../types.js';
import { f64ToBits } from '../../numeric/_internals/scratch.js';
import type { HelperName } from './runtimeSupport.js';

/** Collects what the translated functions use, then writes the declarations for it. */
export class ModuleScope {
  private readonly helpers = new Set<HelperName>();
  private readonly numerics = new Set<number>();
  private readonly simdMemories = new Set<number>();
  private readonly f64Consts = new Map<bigint, string>();
  private readonly v128Consts = new Map<string, string>();
  private readonly tables = new Set<number>();
  private readonly globals = new Set<number>();
  private readonly types = new Set<number>();
  private readonly imports = new Set<number>();
  /** Most results of any function: size of the shared multi-value return array. */
  private maxResults = 0;

  constructor(readonly module: ModuleInfo) {
    for (const t of module.types) this.maxResults = Math.max(this.maxResults, t.results.length);
  }

  /** A runtime helper by its RT name. */
  helper(name: HelperName): string {
    this.helpers.add(name);
    return `$${name}`;
  }

  /** The shared implementation of numeric op `id`. */
  numeric(id: number): string {
    this.numerics.add(id);
    return `$n${id}`;
  }

  /** The shared implementation of SIMD memory op `id`. */
  simdMemory(id: number): string {
    this.simdMemories.add(id);
    return `$m${id}`;
  }

  /** An f64 a literal cannot spell (a NaN, payload and all), built from its bits once. */
  f64Const(v: number): string {
    const bits = f64ToBits(v);
    let name = this.f64Consts.get(bits);
    if (name === undefined) {
      name = `$k${this.f64Consts.size}`;
      this.f64Consts.set(bits, name);
    }
    return name;
  }

  /** A 16-byte constant (never handed out itself: v128 values must be fresh copies). */
  v128Const(bytes: Uint8Array): string {
    const key = Array.from(bytes).join(',');
    let name = this.v128Consts.get(key);
    if (name === undefined) {
      name = `$v${this.v128Consts.size}`;
      this.v128Consts.set(key, name);
    }
    return name;
  }

  /** Table `i` of the instance. */
  table(i: number): string {
    this.tables.add(i);
    return `$T${i}`;
  }

  /** Global `i` of the instance (a GlobalInstance: read `.value`). */
  global(i: number): string {
    this.globals.add(i);
    return `$g${i}`;
  }

  /** Function type `i` of the module (call_indirect's expected type). */
  type(i: number): string {
    this.types.add(i);
    return `$ty${i}`;
  }

  /** Imported function `i`, in the compiled calling convention. */
  importFn(i: number): string {
    this.imports.add(i);
    return `$c${i}`;
  }

  /** Script-level declarations (run once per compiled module). */
  prelude(): string {
    const out: string[] = [];
    for (const h of this.helpers) out.push(`const $${h} = rt.${h};\n`);
    for (const id of this.numerics) out.push(`const $n${id} = rt.numeric[${id}];\n`);
    for (const id of this.simdMemories) out.push(`const $m${id} = rt.simdMemory[${id}];\n`);
    for (const [bits, name] of this.f64Consts) out.push(`const ${name} = rt.f64FromBits(${bits}n);\n`);
    for (const [bytes, name] of this.v128Consts) out.push(`const ${name} = new Uint8Array([${bytes}]);\n`);
    return out.join('');
  }

  /** Instance-level bindings (run on an instance's first call, when it is complete). */
  instanceHeader(): string {
    const m = this.module;
    const out = [
      'const st = $I.store, $F = $I.funcs, $ep = st.epoch;\n',
      `const $mr = rt.rawArray(${this.maxResults});\n`,
    ];
    if (m.memoryTypes.length > 0) out.push('const $M0 = $I.memories[0];\n');
    for (const i of this.tables) out.push(`const $T${i} = $I.tables[${i}];\n`);
    for (const i of this.globals) out.push(`const $g${i} = $I.globals[${i}];\n`);
    for (const i of this.types) out.push(`const $ty${i} = $I.module.types[${i}];\n`);
    for (const i of this.imports) out.push(`const $c${i} = rt.callable($F[${i}], st);\n`);
    return out.join('');
  }
}
