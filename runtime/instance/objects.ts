// Runtime objects shared by both tiers: function, memory, table and global instances, the
// per-store execution state, and the instance record the tiers execute against. Nothing here
// executes wasm code: tiers supply a function's `invoke`.

import type { FuncType, GlobalType, ModuleInfo, RefType, TableType } from '../types.js';
import { Trap, TrapKind } from '../errors.js';

/**
 * A raw wasm value in the runtime representation: i32 number (signed), i64 bigint (signed),
 * f32 number holding the raw bits as a signed int32, f64 number, v128 Uint8Array(16),
 * funcref a FuncInstance or null, externref any JS value with null as the null reference.
 */
export type Raw = number | bigint | Uint8Array | FuncInstance | null | unknown;

/** Per-store execution state, shared by every instance in the store. */
export interface StoreState {
  /** Current wasm call depth (host frames do not count). */
  depth: number;
  /** Deepest call depth allowed before `call stack exhausted`. */
  maxDepth: number;
  /** Remaining fuel when fuel is on; undefined when off. */
  fuel?: number;
  /** The engine's epoch counter (shared memory: other threads may advance it). */
  readonly epoch: Int32Array;
  /** With epoch interruption on, running code traps "interrupt" once `epoch[0] >= epochDeadline`. */
  epochDeadline: number;
}

/** A function: defined by a wasm instance, or provided by the host. */
export interface FuncInstance {
  readonly type: FuncType;
  /** The instance that defines it, or undefined for host functions. */
  readonly instance?: InstanceState;
  /** Index in its instance's function index space (defined functions only). */
  readonly index?: number;
  /** Calls the function. Traps are thrown as `Trap`; host errors propagate unchanged. */
  invoke(args: Raw[]): Raw[];
}

/** Largest memory: 65536 pages of 64 KiB (4 GiB), which JS ArrayBuffers cannot hold. */
export const PAGE_SIZE = 65536;
/** Our implementation limit on pages (2 GiB minus a page keeps typed-array indexing safe). */
export const MAX_PAGES = 32767;

/** A linear memory. `buffer` and the views are replaced on growth: re-read after calls. */
export class MemoryInstance {
  buffer: ArrayBuffer;
  u8: Uint8Array;
  view: DataView;
  constructor(public pages: number, readonly max: number | undefined) {
    if (pages > MAX_PAGES) throw new Trap(TrapKind.MemoryOutOfBounds, 'memory size exceeds implementation limit');
    this.buffer = new ArrayBuffer(pages * PAGE_SIZE);
    this.u8 = new Uint8Array(this.buffer);
    this.view = new DataView(this.buffer);
  }

  /** Grows by `delta` pages; returns the old size in pages, or -1 when it cannot. */
  grow(delta: number): number {
    const old = this.pages;
    const next = old + delta;
    if (delta < 0 || next > (this.max ?? 65536) || next > MAX_PAGES) return -1;
    if (delta === 0) return old;
    const buffer = new ArrayBuffer(next * PAGE_SIZE);
    const u8 = new Uint8Array(buffer);
    u8.set(this.u8);
    this.buffer = buffer;
    this.u8 = u8;
    this.view = new DataView(buffer);
    this.pages = next;
    return old;
  }
}

/** A table of references (FuncInstance | null for funcref; any JS value | null for externref). */
export class TableInstance {
  constructor(
    readonly type: TableType,
    public elements: Raw[],
  ) {}

  get elemType(): RefType {
    return this.type.elem;
  }

  /** Grows by `delta` filled with `init`; returns the old size, or -1 when it cannot. */
  grow(delta: number, init: Raw): number {
    const old = this.elements.length;
    const max = this.type.limits.max ?? 0xffffffff;
    if (delta < 0 || old + delta > max || old + delta > 10_000_000) return -1;
    for (let i = 0; i < delta; i++) this.elements.push(init);
    return old;
  }
}

/** A global variable. */
export class GlobalInstance {
  constructor(
    readonly type: GlobalType,
    public value: Raw,
  ) {}
}

/**
 * Everything a tier needs to run an instance's code: the module and the resolved index
 * spaces (imports first), plus segment state that `data.drop`/`elem.drop` change.
 */
export interface InstanceState {
  readonly module: ModuleInfo;
  readonly store: StoreState;
  readonly funcs: FuncInstance[];
  readonly tables: TableInstance[];
  readonly memories: MemoryInstance[];
  readonly globals: GlobalInstance[];
  /** Element segments' references; a dropped (or active/declarative, after init) segment is []. */
  readonly elems: Raw[][];
  /** Data segments' bytes; a dropped (or active, after init) segment is empty. */
  readonly datas: Uint8Array[];
}

/**
 * A JS array of `n` slots safe for raw values. V8 quiets signalling NaNs stored into an array
 * whose elements are all doubles, so an `args`/`results` array built with `[]`, `map` or
 * `push` of f64 values would change NaN payloads. A non-number element at creation fixes the
 * array's elements kind as generic for its whole life.
 */
export function rawArray(n: number): Raw[] {
  if (n === 0) {
    const a: Raw[] = [null];
    a.length = 0;
    return a;
  }
  return new Array(n).fill(null);
}
