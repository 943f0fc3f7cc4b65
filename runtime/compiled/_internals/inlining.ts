// Which functions the inlineSmallFunctions knob may inline: short straight-line leaves that
// cannot trap, call or branch. Nothing inside them can ever be a backtrace frame, so inlining
// cannot change a trap's frames; the call's depth check stays at the call site.

import { Reader } from '../../binary/Reader.js';
import { readOp } from '../../opcodes/readOp.js';
import type { OpInfo } from '../../opcodes/table.js';
import type { ModuleInfo } from '../../types.js';
import { readImm } from '../../exec/readImm.js';
import { NUMERIC_FNS } from '../../exec/numericFns.js';

/** Most instructions (final `end` excluded) an inlined body may have. */
export const INLINE_LIMIT = 12;

const PLAIN = new Set([
  'nop', 'drop', 'select', 'select_t', 'local.get', 'local.set', 'local.tee', 'global.get', 'global.set',
  'i32.const', 'i64.const', 'f32.const', 'f64.const', 'ref.null', 'ref.is_null', 'ref.func',
]);

function inlinableOp(op: OpInfo): boolean {
  if (PLAIN.has(op.name)) return true;
  // Pure numeric ops: a fixed signature, no trap, no memory, a shared implementation.
  return op.params !== undefined && op.traps.length === 0 && op.memBytes === undefined && NUMERIC_FNS[op.id] !== undefined;
}

/** True when defined function `funcIndex` of `module` is small enough and safe to inline. */
export function isInlinable(module: ModuleInfo, funcIndex: number): boolean {
  if (funcIndex < module.numImportedFuncs) return false;
  const body = module.funcs[funcIndex - module.numImportedFuncs];
  const r = new Reader(module.bytes, body.codeStart, body.codeEnd);
  let count = 0;
  while (r.pos < body.codeEnd) {
    const op = readOp(r);
    readImm(r, op.imm);
    if (op.name === 'end') return r.pos === body.codeEnd; // only the body's own end
    if (!inlinableOp(op) || ++count > INLINE_LIMIT) return false;
  }
  return false;
}
