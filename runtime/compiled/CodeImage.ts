// The code image of a compiled module, laid out like a native compiler's: a text section (the
// script text) with the functions one after another and filler between them, a function
// table of (start, length), a trap table, and an optional address map from text positions to
// wasm byte offsets. Lookups by text position turn a V8 stack frame into a wasm frame.

import type { Frame } from '../errors.js';
import type { ModuleInfo } from '../types.js';
import { moduleNames } from '../binary/names.js';
import type { TrapSite } from './_internals/FuncEmitter.js';

/** Trap-table entries and their roles (defined where the text is written). */
export type { TrapRole, TrapSite } from './_internals/FuncEmitter.js';

/** Where one function's code stands in the text. */
export interface FuncRange {
  /** Index in the function index space. */
  readonly func: number;
  readonly start: number;
  readonly length: number;
  /** A stub forwarding to the interpreter, which reports that function's frames itself. */
  readonly interpreted?: boolean;
}

/**
 * Text position to wasm byte offset: `offsets[i]` holds from `positions[i]` up to the next
 * entry (positions ascending; each function's first entry is at its start).
 */
export interface AddressMap {
  readonly positions: Int32Array;
  readonly offsets: Int32Array;
}

/** A span of the text (the entry trampoline). */
export interface TextSpan {
  readonly start: number;
  readonly length: number;
}

/** Index of the last element of ascending `xs` that is <= `x`, or -1. */
function floorIndex(xs: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The function table, trap table and optional address map of a code image. */
export interface CodeTables {
  /** Function table, ascending by start. */
  readonly funcs: readonly FuncRange[];
  /** Trap table, ascending by position. */
  readonly trapSites: readonly TrapSite[];
  /** Present when the generateAddressMap knob is on. */
  readonly addressMap: AddressMap | undefined;
}

/**
 * A compiled module's code image and the lookups backtraces need. The tables may be given
 * lazily (an artifact reads them from its file on first need, like the names).
 */
export class CodeImage {
  private lineStarts: number[] | undefined;
  private tables: CodeTables | (() => CodeTables);
  private lookup: { starts: Int32Array; sitePositions: Int32Array } | undefined;

  /**
   * @param module the module compiled
   * @param filename the script's name (identifies it in V8 stack frames)
   * @param text the text section: the whole script
   * @param tables the function and trap tables and the address map, or a function reading them
   * @param entry the trampoline through which every call from outside enters the code
   * @param padding filler bytes between consecutive functions
   */
  constructor(
    readonly module: ModuleInfo,
    readonly filename: string,
    readonly text: string,
    tables: CodeTables | (() => CodeTables),
    readonly entry: TextSpan,
    readonly padding: number,
  ) {
    this.tables = tables;
  }

  private get resolved(): CodeTables {
    if (typeof this.tables === 'function') this.tables = this.tables();
    return this.tables;
  }

  private get index(): { starts: Int32Array; sitePositions: Int32Array } {
    if (this.lookup === undefined) {
      const t = this.resolved;
      this.lookup = { starts: Int32Array.from(t.funcs, (f) => f.start), sitePositions: Int32Array.from(t.trapSites, (s) => s.pos) };
    }
    return this.lookup;
  }

  /** Function table, ascending by start. */
  get funcs(): readonly FuncRange[] {
    return this.resolved.funcs;
  }

  /** Trap table, ascending by position. */
  get trapSites(): readonly TrapSite[] {
    return this.resolved.trapSites;
  }

  /** The address map, when the generateAddressMap knob is on. */
  get addressMap(): AddressMap | undefined {
    return this.resolved.addressMap;
  }

  /** The text position of a V8 (1-based) line and column in this script. */
  position(line: number, column: number): number {
    if (this.lineStarts === undefined) {
      // Only `\n` can end a line: the text holds no module-provided characters.
      const starts = [0];
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
    }
    return (this.lineStarts[line - 1] ?? Infinity) + column - 1;
  }

  /** The function whose code contains `pos`, or undefined (prelude, padding, epilogue). */
  funcAt(pos: number): FuncRange | undefined {
    const i = floorIndex(this.index.starts, pos);
    if (i < 0) return undefined;
    const f = this.funcs[i];
    return pos < f.start + f.length ? f : undefined;
  }

  /** The wasm byte offset of the code at `pos`, or undefined without an address map or outside functions. */
  offsetAt(pos: number): number | undefined {
    const map = this.addressMap;
    if (map === undefined || this.funcAt(pos) === undefined) return undefined;
    const i = floorIndex(map.positions, pos);
    return i < 0 ? undefined : map.offsets[i];
  }

  /** The trap site at exactly `pos`, if any. */
  trapSiteAt(pos: number): TrapSite | undefined {
    const positions = this.index.sitePositions;
    const i = floorIndex(positions, pos);
    return i >= 0 && positions[i] === pos ? this.trapSites[i] : undefined;
  }

  /** True when `pos` is inside the entry trampoline. */
  isEntry(pos: number): boolean {
    return pos >= this.entry.start && pos < this.entry.start + this.entry.length;
  }

  /** The wasm frame for code at `pos` of function `range`. */
  frame(range: FuncRange, pos: number): Frame {
    const f: Frame = { func: range.func };
    const name = moduleNames(this.module).funcs.get(range.func);
    if (name !== undefined) f.name = name;
    const offset = this.offsetAt(pos);
    if (offset !== undefined) f.offset = offset;
    return f;
  }
}
