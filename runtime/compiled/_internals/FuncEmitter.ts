// Builds one function's JS text while recording, relative to the function's start, where each
// wasm instruction's code begins (address map) and where each trap site stands (trap table).
// Knows nothing about wasm semantics: the translator decides what to write and mark.

import type { TrapKind } from '../../errors.js';

/**
 * What a trap site is. `check`: a call that may throw a Trap (helper or trap thrower).
 * `guard`: a DataView access whose RangeError means "out of bounds memory access" (guarded
 * bounds checks). `prologueDepth`: the depth check in a prologue, whose trap belongs to the
 * caller's call instruction, as in the interpreter.
 */
export type TrapRole = 'check' | 'guard' | 'prologueDepth';

/** A trap site: a text position V8 reports for a throwing call, and what may be thrown there. */
export interface TrapSite {
  readonly pos: number;
  readonly kinds: readonly TrapKind[];
  readonly role: TrapRole;
}

/** Marks a trap site inside text passed to {@link FuncEmitter.emit}; never emitted itself. */
export const SITE = '\u0001';

/** Accumulates text plus address-map entries and trap sites, positions relative to its start. */
export class FuncEmitter {
  private readonly parts: string[] = [];
  /** Current length of the text. */
  len = 0;
  /** Address-map entries as flat pairs: text position, wasm byte offset. */
  readonly addr: number[] = [];
  readonly sites: TrapSite[] = [];

  /**
   * Appends `text`. Each {@link SITE} character in it is removed and records a trap site of
   * `kinds` at its position: put it just before the callee name V8 reports for the call.
   */
  emit(text: string, kinds?: readonly TrapKind[], role: TrapRole = 'check'): void {
    let from = 0;
    for (;;) {
      const i = text.indexOf(SITE, from);
      if (i < 0) break;
      this.push(text.slice(from, i));
      if (kinds === undefined) throw new Error('compiled: trap site marker without trap kinds');
      this.sites.push({ pos: this.len, kinds, role });
      from = i + 1;
    }
    this.push(text.slice(from));
  }

  /** Starts the code of the wasm instruction at byte `offset` here. */
  mark(offset: number): void {
    const n = this.addr.length;
    if (n > 0 && this.addr[n - 1] === offset) return;
    if (n > 0 && this.addr[n - 2] === this.len) {
      this.addr[n - 1] = offset; // nothing was written for the previous mark
      return;
    }
    this.addr.push(this.len, offset);
  }

  /** The text so far. */
  text(): string {
    return this.parts.join('');
  }

  private push(s: string): void {
    if (s.length === 0) return;
    this.parts.push(s);
    this.len += s.length;
  }
}
