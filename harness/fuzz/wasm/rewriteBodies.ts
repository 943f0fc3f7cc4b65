// Rewrites every function body of a module instruction by instruction, with scratch locals
// made on demand after each body's own: the one mechanism behind the fuzzer's code rewrites
// (NaN canonicalization, miscompiling an op). Leaves out every section but the code section.

import type { ValType } from '../../../runtime/types.js';
import { expandLocals, readBodies, rewriteCode, writeBodies, type Body, type Instr } from './code.js';
import { paramCounts } from './entries.js';
import { findSection, joinSections, SEC, splitSections, withSection } from './sections.js';

/** The index of a scratch local of type `t` in the body being rewritten (one per type, made on first use). */
export type ScratchLocal = (t: ValType) => number;

/**
 * What replaces `ins` (of the body `code`): its new bytes, or undefined to keep it. New code
 * that needs a local takes it from `scratch`.
 */
export type InstrEdit = (ins: Instr, code: Uint8Array, scratch: ScratchLocal) => ArrayLike<number> | undefined;

/** `bytes` with every instruction rewritten by `edit`, or undefined when `edit` kept them all. */
export function rewriteBodies(bytes: Uint8Array, edit: InstrEdit): Uint8Array | undefined {
  const sections = splitSections(bytes);
  const code = findSection(sections, SEC.code);
  if (code === undefined) return undefined;
  const params = paramCounts(sections);
  let changed = false;
  const bodies = readBodies(code.body).map((b, i): Body => {
    const base = params[i]! + expandLocals(b).length;
    const locals = new Map<ValType, number>();
    const scratch: ScratchLocal = (t) => {
      let k = locals.get(t);
      if (k === undefined) locals.set(t, (k = base + locals.size));
      return k;
    };
    let edited = false;
    const out = rewriteCode(b.code, (ins) => {
      const repl = edit(ins, b.code, scratch);
      if (repl !== undefined) edited = true;
      return repl;
    });
    if (!edited) return b;
    changed = true;
    return { locals: [...b.locals, ...[...locals.keys()].map((t) => [1, t] as const)], code: out };
  });
  return changed ? joinSections(withSection(sections, SEC.code, writeBodies(bodies))) : undefined;
}
