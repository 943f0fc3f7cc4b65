// Stack and frame helpers of the interpreter loop (run.ts): frame entry, branch unwinds,
// calls out to other FuncInstances, and the backtrace a trap leaves with. No dispatch here.

import { Trap, TrapKind, type Frame } from '../../errors.js';
import type { FuncInstance, Raw } from '../../instance/objects.js';
import { moduleNames } from '../../binary/names.js';
import { isStackOverflow } from '../../exec/jsLimits.js';
import type { InterpFunc } from './InterpFunc.js';
import type { Lowered } from './lower.js';

/**
 * Pushes the zero values of `l`'s declared locals above its params, and makes the stack long
 * enough for the whole frame (Lowered.maxHeight): this loop is the only place it grows.
 */
export function pushLocals(l: Lowered, stack: Raw[], sp: number): number {
  const zeros = l.localZeros;
  const base = sp - l.nParams;
  for (let n = base + l.maxHeight; stack.length < n; ) stack.push(null);
  for (let i = 0; i < zeros.length; i++) stack[sp++] = zeros[i];
  const v = l.v128Locals;
  for (let i = 0; i < v.length; i++) stack[base + v[i]] = new Uint8Array(16);
  return sp;
}

/** Frame entry for a register file: `params` move there from the value stack, and the declared
 * `locals` start at 0 (the frame at `fp` in both). */
export function enterRegs(params: readonly number[], locals: readonly number[], stack: Raw[], fp: number, file: Float64Array | Int32Array): void {
  for (let i = 0; i < params.length; i++) file[fp + params[i]] = stack[fp + params[i]] as number;
  for (let i = 0; i < locals.length; i++) file[fp + locals[i]] = 0;
}

/** Moves the top `n` values down to slot `dst` (dst <= sp - n) and returns the new sp. */
export function unwind(stack: Raw[], sp: number, dst: number, n: number): number {
  const from = sp - n;
  if (from !== dst) for (let i = 0; i < n; i++) stack[dst + i] = stack[from + i];
  return dst + n;
}

/** Calls a function that is not ours through its `invoke`; returns the new sp. */
export function callOut(f: FuncInstance, stack: Raw[], sp: number): number {
  const np = f.type.params.length;
  // slice keeps the stack's generic elements kind, so NaN payloads survive into the args.
  const results = f.invoke(stack.slice(sp - np, sp));
  sp -= np;
  const nr = f.type.results.length;
  for (let i = 0; i < nr; i++) stack[sp++] = results[i];
  return sp;
}

/**
 * The error to rethrow: a Trap (or a JS stack overflow, turned into one) gets this run's
 * frames appended, innermost first; anything else is a host error and stays as it is.
 */
export function withFrames(err: unknown, entry: InterpFunc, cur: Lowered, at: number, frames: Lowered[], rets: number[]): unknown {
  let t: Trap;
  if (err instanceof Trap) t = err;
  else if (isStackOverflow(err)) t = new Trap(TrapKind.CallStackExhausted);
  else return err;
  const names = moduleNames(entry.instance.module).funcs;
  const withOffsets = entry.interp.options.addressMap !== false;
  // `at` and the return positions are absolute in the code text (space.ts).
  const frame = (l: Lowered, pos: number): Frame => {
    const f: Frame = { func: l.funcIndex };
    const name = names.get(l.funcIndex);
    if (name !== undefined) f.name = name;
    if (withOffsets) f.offset = l.offs[pos - l.start];
    return f;
  };
  t.frames.push(frame(cur, at));
  // rets[i] is just past the call instruction, so rets[i] - 1 is one of its slots.
  for (let i = frames.length - 1; i >= 0; i--) t.frames.push(frame(frames[i], rets[i] - 1));
  return t;
}
