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

/** A register file no run is using, kept for the next (most runs are short: no allocation). */
let spareF64: Float64Array | undefined;

/**
 * The f64 register file at least `n` slots long: `fstk` itself, or a larger copy of it (the
 * spare one when `fstk` is empty and the spare is long enough; the caller then owns it).
 */
export function f64File(fstk: Float64Array, n: number): Float64Array {
  if (fstk.length >= n) return fstk;
  if (fstk.length === 0 && spareF64 !== undefined && spareF64.length >= n) {
    const taken = spareF64;
    spareF64 = undefined;
    return taken;
  }
  const grown = new Float64Array(Math.max(n, 2 * fstk.length, 64));
  grown.set(fstk);
  return grown;
}

/** The longest file kept as the spare (512 KiB): a deep f64 recursion's file is let go. */
const SPARE_F64_MAX = 1 << 16;

/** A run is done with its register file: it becomes the spare (unless empty or huge). */
export function releaseF64(fstk: Float64Array): void {
  if (fstk.length > 0 && fstk.length <= SPARE_F64_MAX) spareF64 = fstk;
}

/** Frame entry for the f64 register file: f64 params move there, declared f64 locals start 0. */
export function enterF64(l: Lowered, stack: Raw[], fp: number, fstk: Float64Array): void {
  const params = l.f64Params;
  for (let i = 0; i < params.length; i++) fstk[fp + params[i]] = stack[fp + params[i]] as number;
  const locals = l.f64Locals;
  for (let i = 0; i < locals.length; i++) fstk[fp + locals[i]] = 0;
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
  const frame = (l: Lowered, slot: number): Frame => {
    const f: Frame = { func: l.funcIndex };
    const name = names.get(l.funcIndex);
    if (name !== undefined) f.name = name;
    if (withOffsets) f.offset = l.offs[slot];
    return f;
  };
  t.frames.push(frame(cur, at));
  // rets[i] is just past the call instruction, so rets[i] - 1 is one of its slots.
  for (let i = frames.length - 1; i >= 0; i--) t.frames.push(frame(frames[i], rets[i] - 1));
  return t;
}
