// The operand stack of the function being translated: one typed JS variable per (height,
// type), pure values kept as pending expressions (optLevel speed) until a write to something
// they read, a block boundary or a non-pure consumer forces them into their variable.
// Knows statements and stack discipline, not instructions (translateFunction.ts has those).

import type { TrapKind } from '../../errors.js';
import { ValType } from '../../types.js';
import { FuncEmitter, type TrapRole } from './FuncEmitter.js';
import { constBound } from './f64Bounds.js';

/** Stack variable names start with their type's letter (refs share one: both start null). */
export const LETTER: Readonly<Record<number, string>> = {
  [ValType.I32]: 'i', [ValType.I64]: 'j', [ValType.F32]: 'f', [ValType.F64]: 'd',
  [ValType.V128]: 'v', [ValType.FuncRef]: 'r', [ValType.ExternRef]: 'r',
};
/** Initial value of a variable of each type (v128 locals get a fresh zero vector instead). */
export const ZERO: Readonly<Record<number, string>> = {
  [ValType.I32]: '0', [ValType.I64]: '0n', [ValType.F32]: '0', [ValType.F64]: '0',
  [ValType.V128]: 'null', [ValType.FuncRef]: 'null', [ValType.ExternRef]: 'null',
};

/**
 * Deepest pending expression: deeper ones go into their variable. V8's parser recurses per
 * nesting level and overflows the stack at a few thousand; folding gains nothing that deep.
 */
const MAX_NESTING = 16;

/** One operand stack entry: in its variable, or (speed) a pending pure expression. */
export interface Entry {
  readonly type: ValType;
  /** Pending expression, or undefined once the value is in its variable. */
  expr?: string;
  /** Pending i32 0/1 as a JS boolean. */
  cond?: string;
  /**
   * Variables (locals and stack variables) the pending expression reads: a write to one
   * forces it out first. Stack variables read are at or above the entry's own height.
   */
  reads?: readonly string[];
  /** Pending compile-time constant (scalars), for folding. */
  konst?: number | bigint;
  /** Pending expression is a plain name or literal (may be written twice). */
  simple?: boolean;
  /** How many operations deep the pending expression nests. */
  nesting?: number;
  /**
   * A raw f64 value (speed): `expr` is plain JS arithmetic whose NaN results may carry the
   * host's payload; `exact` computes the spec's bits with the shared helpers. NaNs propagate
   * through every such op, so one check of the final result covers a whole tree: when it is
   * not a NaN, no step was and `expr` is exact. Only NaN-blind consumers take `expr` as is.
   */
  exact?: string;
  /** f64 (speed): the value is finite, of magnitude at most this (see f64Bounds.ts): never NaN. */
  bound?: number;
  /** Offset of the instruction that produced it: where its eventual statement maps. */
  readonly at: number;
}

/** A popped operand. */
export interface Operand extends Entry {
  readonly h: number;
  readonly js: string;
}

/** The stack model and statement writer a translator builds on. */
export class OperandStack {
  protected readonly e = new FuncEmitter();
  protected readonly stack: Entry[] = [];
  /** Stack variables used (declared in the prologue). */
  protected readonly slots = new Set<string>();
  /** Extra `let`s: inlined callees' locals and scratch variables, with initial values. */
  protected readonly lets = new Map<string, string>();
  /** Offset of the instruction being translated. */
  protected at = 0;
  /** While inlining: the call's offset, which every inlined statement maps to. */
  protected markAt: number | undefined;

  /** @param optimize optLevel speed: pending expressions and asm.js-style type hints */
  constructor(protected readonly optimize: boolean) {}

  /** Writes a statement for the current instruction; SITE characters mark trap sites of `kinds`. */
  protected stmt(text: string, kinds?: readonly TrapKind[], role?: TrapRole): void {
    this.e.mark(this.markAt ?? this.at);
    this.e.emit(text + '\n', kinds, role);
  }

  /** The variable of stack height `h` for a value of type `t`. */
  protected slot(h: number, t: ValType): string {
    const s = `${LETTER[t]}${h}`;
    this.slots.add(s);
    return s;
  }

  /** Declares a scratch variable (once per function) and returns its name. */
  protected scratch(name: string, init: string): string {
    this.lets.set(name, init);
    return name;
  }

  /**
   * The JS for the entry at height `h`. A raw f64 value (see Entry.exact) is forced into its
   * variable first unless the consumer is `rawOk` (it cannot tell NaN payloads apart).
   */
  protected js(h: number, rawOk = false): string {
    const x = this.stack[h];
    if (x.exact !== undefined && !rawOk) this.materialize(h);
    return this.stack[h].expr ?? this.slot(h, x.type);
  }

  /** `target = expr`, fixing a NaN from a raw f64 expression by its exact form. */
  protected assignText(target: string, expr: string, exact: string | undefined): string {
    if (exact === undefined) return `${target} = ${expr};`;
    const t = this.scratch('$t', '0');
    return `${t} = ${expr}; ${target} = ${notNaN(t)} ? ${t} : ${exact};`;
  }

  /**
   * The stack variable at height `h` for a write: pending values reading its old content go
   * into their own variables first. They sit below `h` (values read only stack variables at
   * or above their height), so their writes never touch what the value at `h` reads.
   */
  protected writeSlot(h: number, t: ValType): string {
    const name = this.slot(h, t);
    this.invalidate(name);
    return name;
  }

  /** Forces the entry at height `h` into its variable. */
  protected materialize(h: number): void {
    const x = this.stack[h];
    if (x.expr === undefined) return;
    this.stack[h] = { type: x.type, at: x.at };
    const target = this.writeSlot(h, x.type);
    this.e.mark(this.markAt ?? x.at);
    this.e.emit(`${this.assignText(target, x.expr, x.exact)}\n`);
  }

  /** Forces every pending value into its variable (block boundaries need them there). */
  protected flush(): void {
    for (let h = 0; h < this.stack.length; h++) this.materialize(h);
  }

  /** Before `name` is written: forces out every pending value that reads it. */
  protected invalidate(name: string): void {
    for (let h = 0; h < this.stack.length; h++) if (this.stack[h].reads?.includes(name)) this.materialize(h);
  }

  /** Pops the top `n` operands, bottom first (see {@link js} for `rawOk`). */
  protected pop(n: number, rawOk = false): Operand[] {
    const base = this.stack.length - n;
    const out: Operand[] = [];
    for (let h = base; h < this.stack.length; h++) {
      const js = this.js(h, rawOk);
      out.push({ ...this.stack[h], h, js });
    }
    this.stack.length = base;
    return out;
  }

  /** Pops the top operand. */
  protected pop1(): Operand {
    return this.pop(1)[0];
  }

  /** Pops an i32 and returns it as a JS boolean expression. */
  protected popCond(): string {
    const c = this.pop1();
    return c.cond ?? `(${c.js} !== 0)`;
  }

  /** Records a value already in its variable at the current height. */
  protected pushSlot(type: ValType): string {
    const s = this.slot(this.stack.length, type);
    this.stack.push({ type, at: this.at });
    return s;
  }

  /** Pushes a value the statement being built writes into its variable; returns the variable. */
  protected pushSlotAt(type: ValType): string {
    const s = this.writeSlot(this.stack.length, type);
    this.stack.push({ type, at: this.at });
    return s;
  }

  /** Pushes a pure value computed from `operands`: pending in speed (up to MAX_NESTING deep). */
  protected pushPure(type: ValType, expr: string, operands: readonly Operand[], extra: Partial<Entry> = {}): void {
    const h = this.stack.length;
    const nesting = 1 + Math.max(0, ...operands.map((o) => o.nesting ?? 0));
    if (this.optimize && nesting <= MAX_NESTING) {
      const reads = operands.flatMap((o) => (o.expr === undefined ? [this.slot(o.h, o.type)] : o.reads ?? []));
      this.stack.push({ type, expr, at: this.markAt ?? this.at, reads, nesting, ...extra });
      return;
    }
    this.stmt(this.assignText(this.writeSlot(h, type), expr, extra.exact));
    this.stack.push({ type, at: this.at });
  }

  /** Pushes a constant: pending in speed, a statement otherwise. */
  protected pushConst(type: ValType, literal: string, konst?: number | bigint): void {
    const bound = type === ValType.F64 && typeof konst === 'number' ? constBound(konst) : undefined;
    this.pushPure(type, literal, [], { simple: true, konst, bound });
  }

  /**
   * Speed: a value from an untyped source (parameter, call, global, helper) in asm.js form,
   * `x | 0` or `+x`. V8 then knows it is an int32 or a double, so `(a + b) | 0` becomes a
   * machine add even when its feedback has seen sums beyond int32. Identity on the value.
   */
  protected typed(type: ValType, expr: string): string {
    if (!this.optimize) return expr;
    if (type === ValType.I32 || type === ValType.F32) return `(${expr} | 0)`;
    if (type === ValType.F64) return `(+${expr})`;
    return expr;
  }

}

/**
 * JS testing that the double in variable `x` is not a NaN. `x <= x` rather than `x === x`:
 * V8 compiles an ordered compare to one branch on the carry flag, equality to two (parity and
 * zero), and the check sits in every f64 arithmetic statement.
 */
export function notNaN(x: string): string {
  return `${x} <= ${x}`;
}

/** The type of a slot variable, from its letter (refs share `r`: both start null). */
export function slotType(name: string): ValType {
  switch (name[0]) {
    case 'i': return ValType.I32;
    case 'j': return ValType.I64;
    case 'f': return ValType.F32;
    case 'd': return ValType.F64;
    case 'v': return ValType.V128;
    default: return ValType.FuncRef;
  }
}

