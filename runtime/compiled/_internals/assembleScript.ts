// Lays out a module's translated functions as one script: prelude (helpers and constants),
// the entry trampoline, the per-instance closure holding the functions one after another with
// exactly `padding` filler bytes between them, and their return. Computes the absolute
// function table, trap table and address map of the result.

import type { AddressMap, FuncRange, TextSpan } from '../CodeImage.js';
import type { TrapSite } from './FuncEmitter.js';
import type { ModuleScope } from './ModuleScope.js';
import { fnName, type FuncCode } from './translateFunction.js';

/** The script text and its tables, positions absolute. */
export interface Assembled {
  readonly text: string;
  readonly funcs: readonly FuncRange[];
  readonly sites: readonly TrapSite[];
  readonly addressMap: AddressMap;
  readonly entry: TextSpan;
}

/** Filler of exactly `n` bytes: a comment when it fits, else spaces. */
export function filler(n: number): string {
  return n >= 4 ? `/*${'.'.repeat(n - 4)}*/` : ' '.repeat(n);
}

// Every call from outside enters through this function, so each entry shows up in V8 stack
// traces as a frame at a known position: it delimits one activation's frames from the next.
const ENTRY = 'function $enter(f, a) { return f.apply(undefined, a); }';

/**
 * The script for `codes` (the module's defined functions, in index order). Evaluating it gives
 * a function of the runtime support object returning `{ enter, instantiate }`.
 */
export function assembleScript(scope: ModuleScope, codes: readonly FuncCode[], padding: number): Assembled {
  const parts: string[] = [];
  let len = 0;
  const put = (s: string): number => {
    const at = len;
    parts.push(s);
    len += s.length;
    return at;
  };
  put('(function (rt) {\n"use strict";\n');
  put(scope.prelude());
  const entry = { start: put(ENTRY), length: ENTRY.length };
  put('\nreturn { enter: $enter, instantiate: function ($I) {\n');
  put(scope.instanceHeader());

  const funcs: FuncRange[] = [];
  const sites: TrapSite[] = [];
  const positions: number[] = [];
  const offsets: number[] = [];
  const pad = filler(padding);
  codes.forEach((c, i) => {
    if (i > 0) put(pad);
    const start = put(c.text);
    funcs.push(c.interpreted ? { func: c.funcIndex, start, length: c.text.length, interpreted: true } : { func: c.funcIndex, start, length: c.text.length });
    for (const s of c.sites) sites.push({ ...s, pos: s.pos + start });
    for (let k = 0; k < c.addr.length; k += 2) {
      positions.push(c.addr[k] + start);
      offsets.push(c.addr[k + 1]);
    }
  });
  put(`\nreturn [${codes.map((c) => fnName(c.funcIndex)).join(', ')}];\n} };\n})`);
  return {
    text: parts.join(''),
    funcs,
    sites,
    addressMap: { positions: Int32Array.from(positions), offsets: Int32Array.from(offsets) },
    entry,
  };
}
