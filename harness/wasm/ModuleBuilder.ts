// A small binary module writer: types, imports, functions with raw code bytes, memories,
// tables, globals, exports. Used by benchmarks, tests and generators that need modules
// without going through text. It writes what it is given; validity is the caller's concern.

import { ByteWriter } from './ByteWriter.js';

/** Unsigned LEB128 (through ByteWriter, the harness's one LEB implementation). */
export function uleb(n: number): number[] {
  return new ByteWriter(8).uleb(n).toArray();
}

/** Signed LEB128 of a number (safe integer range) or bigint. */
export function sleb(v: number | bigint): number[] {
  return new ByteWriter(16).sleb(BigInt(v)).toArray();
}

/** A length-prefixed UTF-8 name. */
export function name(s: string): number[] {
  return new ByteWriter().name(s).toArray();
}

function vec(items: number[][]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

/** Builds a module section by section. */
export class ModuleBuilder {
  private types: number[][] = [];
  private imports: number[][] = [];
  private funcs: number[] = [];
  private codes: number[][] = [];
  private memories: number[][] = [];
  private exports: number[][] = [];
  private globals: number[][] = [];

  /** Adds a function type; returns its index. */
  type(params: number[], results: number[]): number {
    this.types.push([0x60, ...uleb(params.length), ...params, ...uleb(results.length), ...results]);
    return this.types.length - 1;
  }

  /** Adds a defined function with local declarations `[count, type][]` and body bytes (without the final end). */
  func(typeIndex: number, locals: [number, number][], body: number[]): number {
    this.funcs.push(typeIndex);
    const decl = vec(locals.map(([n, t]) => [...uleb(n), t]));
    const code = [...decl, ...body, 0x0b];
    this.codes.push([...uleb(code.length), ...code]);
    return this.funcs.length - 1;
  }

  /** Adds a memory with limits in pages. */
  memory(min: number, max?: number): this {
    this.memories.push(max === undefined ? [0x00, ...uleb(min)] : [0x01, ...uleb(min), ...uleb(max)]);
    return this;
  }

  /** Adds a global with an init expression's bytes (without end). */
  global(type: number, mutable: boolean, init: number[]): this {
    this.globals.push([type, mutable ? 1 : 0, ...init, 0x0b]);
    return this;
  }

  /** Exports entity `index` of `kind` (0 func, 1 table, 2 memory, 3 global). */
  export(exportName: string, kind: number, index: number): this {
    this.exports.push([...name(exportName), kind, ...uleb(index)]);
    return this;
  }

  /** The module binary. */
  build(): Uint8Array {
    const out: number[] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
    const section = (id: number, items: number[][]) => {
      if (items.length === 0) return;
      const body = vec(items);
      out.push(id, ...uleb(body.length));
      for (const b of body) out.push(b);
    };
    section(1, this.types);
    section(2, this.imports);
    section(3, this.funcs.map((t) => uleb(t)));
    section(5, this.memories);
    section(6, this.globals);
    section(7, this.exports);
    section(10, this.codes);
    return Uint8Array.from(out);
  }
}
