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
/** Our implementation limit on pages: under 2 GiB keeps typed-array indexing safe, and the
 * interpreter's int32 bounds checks exact (run.ts). */
export const MAX_PAGES = 32767;

/**
 * Where a memory's buffer lives when it is not a plain ArrayBuffer: a memory backend's
 * mapping (see runtime/memory), which grows in place instead of by copying.
 */
export interface MemoryBacking {
  /**
   * Grows the mapping behind `memory` (the current buffer) to `newBytes`; returns the buffer
   * that is the memory from then on, or undefined when the system refuses (address space,
   * mprotect), which makes `memory.grow` return -1 as the spec allows.
   */
  growMemory(memory: ArrayBuffer, newBytes: number): ArrayBuffer | undefined;
}

// Every disposed memory shows this: zero length, so any access traps out of bounds.
const DISPOSED = new ArrayBuffer(0);

/**
 * A linear memory. `buffer` and the views are replaced on growth (and on disposal): both tiers
 * re-read them after anything that may have grown the memory, so they must always change
 * together (see {@link MemoryInstance.adopt}).
 */
export class MemoryInstance {
  buffer: ArrayBuffer;
  u8: Uint8Array;
  view: DataView;
  /** The backend mapping growth goes through, or undefined for a plain ArrayBuffer. */
  backing: MemoryBacking | undefined;
  /** True once its store was disposed: it shows no bytes and cannot grow. */
  disposed = false;

  /**
   * @param buffer the memory's bytes, exactly `pages` pages (default: a fresh zeroed buffer)
   * @param backing where `buffer` lives, when a memory backend made it
   */
  constructor(public pages: number, readonly max: number | undefined, buffer?: ArrayBuffer, backing?: MemoryBacking) {
    if (pages > MAX_PAGES) throw new Trap(TrapKind.MemoryOutOfBounds, 'memory size exceeds implementation limit');
    if (buffer !== undefined && buffer.byteLength !== pages * PAGE_SIZE) {
      throw new RangeError(`memory buffer holds ${buffer.byteLength} bytes, not ${pages} pages`);
    }
    this.buffer = buffer ?? new ArrayBuffer(pages * PAGE_SIZE);
    this.u8 = new Uint8Array(this.buffer);
    this.view = new DataView(this.buffer);
    this.backing = backing;
  }

  /** Makes `buffer` the memory's bytes (same size in pages unless `pages` says otherwise). */
  adopt(buffer: ArrayBuffer, pages = this.pages): void {
    this.buffer = buffer;
    this.u8 = new Uint8Array(buffer);
    this.view = new DataView(buffer);
    this.pages = pages;
  }

  /**
   * Empties the memory for good: a pooled mapping is about to be reused by another
   * instance, and code or views still holding this memory must not read that instance's data.
   */
  detach(): void {
    this.adopt(DISPOSED, 0);
    this.backing = undefined;
    this.disposed = true;
  }

  /** Grows by `delta` pages; returns the old size in pages, or -1 when it cannot. */
  grow(delta: number): number {
    const old = this.pages;
    const next = old + delta;
    if (this.disposed || delta < 0 || next > (this.max ?? 65536) || next > MAX_PAGES) return -1;
    if (delta === 0) return old;
    if (this.backing !== undefined) {
      const grown = this.backing.growMemory(this.buffer, next * PAGE_SIZE);
      if (grown === undefined) return -1;
      this.adopt(grown, next);
      return old;
    }
    const buffer = new ArrayBuffer(next * PAGE_SIZE);
    new Uint8Array(buffer).set(this.u8);
    this.adopt(buffer, next);
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
