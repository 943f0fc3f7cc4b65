// The body generation loop: until the tape runs out, pick a family (weighted), an opcode in it
// (weighted) and emit it if the module and stack allow, leaving dead code after a few
// instructions; then close every open frame. All validity bookkeeping is BodyBuilder's;
// opcodes come from the table through the pools.

import type { ValType, FuncType } from '../../../runtime/types.js';
import type { OpInfo } from '../../../runtime/opcodes/table.js';
import { BodyBuilder } from './BodyBuilder.js';
import type { ModuleCtx, Pool } from './moduleCtx.js';
import { Tape } from './Tape.js';
import { specialHandler } from './_internals/specials.js';

/** A generated body: declared locals (params excluded) and the code bytes after them, final `end` included. */
export interface GeneratedBody {
  readonly locals: readonly ValType[];
  readonly code: Uint8Array;
}

/** Attempts per step before giving up on it (an opcode may be impossible in this module). */
const ATTEMPTS = 4;

function pickPool(ctx: ModuleCtx, tape: Tape): Pool {
  let c = tape.next(ctx.poolTotal);
  for (const p of ctx.pools) {
    if (c < p.weight) return p;
    c -= p.weight;
  }
  return ctx.pools[0]!;
}

function pickOp(p: Pool, tape: Tape): OpInfo {
  const c = tape.next(p.cum[p.cum.length - 1]!);
  let lo = 0;
  let hi = p.cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (p.cum[mid]! > c) hi = mid;
    else lo = mid + 1;
  }
  return p.ops[lo]!;
}

function emit(b: BodyBuilder, o: OpInfo): boolean {
  const special = specialHandler(o);
  return special !== undefined ? special(b, o) : b.fixed(o, 0);
}

/** Builds the body of a function of type `type` from `choices`. */
export function buildBody(ctx: ModuleCtx, type: FuncType, declared: readonly ValType[], choices: readonly number[]): GeneratedBody {
  const tape = new Tape(choices);
  const b = new BodyBuilder(ctx, type, declared, tape);
  b.push('func', { params: [], results: type.results, index: -1 });
  if (ctx.budgetGlobal >= 0) b.budgetPrologue(ctx.budgetGlobal);
  while (!tape.done) {
    if (b.deadAt > 0 && b.deadBudget-- <= 0) {
      // Enough dead code: close frames until code is live again; a dead function body ends.
      if (b.deadAt === 1) break;
      while (b.deadAt > 0) b.closeTop();
      continue;
    }
    for (let i = 0; i < ATTEMPTS && !tape.done; i++) {
      if (emit(b, pickOp(pickPool(ctx, tape), tape))) break;
    }
  }
  while (b.frames.length > 0) b.closeTop();
  return { locals: b.declaredLocals(), code: b.code.finish() };
}
