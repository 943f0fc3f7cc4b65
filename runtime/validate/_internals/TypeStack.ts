// The operand and control stacks of the spec's validation algorithm (appendix "Validation
// Algorithm"), on preallocated typed arrays reused across functions. Knows nothing about
// opcodes or immediates; the caller drives it instruction by instruction.

import { CompileError } from '../../errors.js';
import { valTypeName, type ValType } from '../../types.js';

/** The operand type of unreachable code, matching any type. No ValType is 0. */
export const UNKNOWN = 0;

/** Control frame of a `block`. */
export const K_BLOCK = 0;
/** Control frame of a `loop`: branches to it carry its start types. */
export const K_LOOP = 1;
/** Control frame of an `if` before its `else` (or implicit empty else). */
export const K_IF = 2;
/** Control frame of the `else` branch of an `if`. */
export const K_ELSE = 3;
/** The outermost frame: the function body itself. */
export const K_FUNC = 4;

/** A result type as the validator sees it (ValType codes). */
export type Types = readonly number[];

function typeName(t: number): string {
  return t === UNKNOWN ? 'unknown' : valTypeName(t as ValType);
}

/** Operand stack of value types plus control frames; reports errors as invalid CompileErrors. */
export class TypeStack {
  private vals = new Int32Array(1024);
  /** Operand stack height. */
  sp = 0;
  private kinds = new Uint8Array(64);
  private heights = new Int32Array(64);
  private unreachables = new Uint8Array(64);
  private starts: Types[] = [];
  private ends: Types[] = [];
  /** Number of open control frames; label `l` is frame `depth - 1 - l`. */
  depth = 0;
  /** Offset of the instruction being checked, for error reports. */
  at = 0;
  /** Function index (imports included) of the body being checked. */
  funcIndex = 0;
  private scratch = new Int32Array(64);

  /** Empties both stacks for a new function body. */
  reset(funcIndex: number): void {
    this.sp = 0;
    this.depth = 0;
    this.funcIndex = funcIndex;
  }

  /** Throws the invalid CompileError for the current instruction. */
  fail(message: string): never {
    throw new CompileError('invalid', message, this.at, this.funcIndex);
  }

  /** Pushes an operand type. */
  push(t: number): void {
    if (this.sp === this.vals.length) this.vals = grow(this.vals);
    this.vals[this.sp++] = t;
  }

  /** Pushes `ts` in order. */
  pushVals(ts: Types): void {
    for (let i = 0; i < ts.length; i++) this.push(ts[i]);
  }

  /** Pops any operand; UNKNOWN when the frame is unreachable and has nothing left. */
  pop(): number {
    const f = this.depth - 1;
    if (this.sp === this.heights[f]) {
      if (this.unreachables[f] !== 0) return UNKNOWN;
      this.fail('type mismatch: instruction requires an operand but the stack is empty');
    }
    return this.vals[--this.sp];
  }

  /** Pops an operand that must be `expect`; returns the actual type (maybe UNKNOWN). */
  popExpect(expect: number): number {
    const f = this.depth - 1;
    if (this.sp === this.heights[f]) {
      if (this.unreachables[f] !== 0) return UNKNOWN;
      this.fail(`type mismatch: instruction requires [${typeName(expect)}] but the stack is empty`);
    }
    const actual = this.vals[--this.sp];
    if (actual !== expect && actual !== UNKNOWN) {
      this.fail(`type mismatch: instruction requires [${typeName(expect)}] but stack has [${typeName(actual)}]`);
    }
    return actual;
  }

  /**
   * The hot path for fixed signatures: pops params `ps` and pushes `rs` when the top of the
   * stack already holds exactly `ps` above the frame's height; otherwise the general path
   * (unreachable code, errors) runs.
   */
  applySig(ps: Types, rs: Types): void {
    const n = ps.length;
    const sp = this.sp;
    const v = this.vals;
    let fast = sp - this.heights[this.depth - 1] >= n;
    for (let i = 0; fast && i < n; i++) fast = v[sp - n + i] === ps[i];
    if (fast && sp - n + rs.length <= v.length) {
      let top = sp - n;
      for (let i = 0; i < rs.length; i++) v[top++] = rs[i];
      this.sp = top;
      return;
    }
    for (let i = n - 1; i >= 0; i--) this.popExpect(ps[i]);
    for (let i = 0; i < rs.length; i++) this.push(rs[i]);
  }

  /** Pops operands matching `ts` (the last type first). */
  popVals(ts: Types): void {
    for (let i = ts.length - 1; i >= 0; i--) this.popExpect(ts[i]);
  }

  /**
   * Checks the top of the stack against `ts` and leaves the popped types (UNKNOWN included)
   * in place: the spec's `push_vals(pop_vals(ts))`, which can turn missing operands of
   * unreachable code into explicit UNKNOWNs.
   */
  popPushVals(ts: Types): void {
    const n = ts.length;
    if (this.scratch.length < n) this.scratch = new Int32Array(n);
    for (let i = n - 1; i >= 0; i--) this.scratch[i] = this.popExpect(ts[i]);
    for (let i = 0; i < n; i++) this.push(this.scratch[i]);
  }

  /** Opens a frame; its start types are pushed (the caller has already popped them). */
  pushCtrl(kind: number, start: Types, end: Types): void {
    const d = this.depth;
    if (d === this.kinds.length) {
      this.kinds = grow(this.kinds);
      this.heights = grow(this.heights);
      this.unreachables = grow(this.unreachables);
    }
    this.kinds[d] = kind;
    this.heights[d] = this.sp;
    this.unreachables[d] = 0;
    this.starts[d] = start;
    this.ends[d] = end;
    this.depth = d + 1;
    this.pushVals(start);
  }

  /** Closes the innermost frame, checking it left exactly its end types; returns its index. */
  popCtrl(): number {
    const f = this.depth - 1;
    this.popVals(this.ends[f]);
    if (this.sp !== this.heights[f]) {
      this.fail(`type mismatch: block leaves ${this.sp - this.heights[f]} extra value(s) on the stack`);
    }
    this.depth = f;
    return f;
  }

  /** Kind (K_*) of frame `frame` (0 is the outermost). */
  kindOf(frame: number): number {
    return this.kinds[frame];
  }

  /** Types frame `frame` started with (its block type's params). */
  startTypes(frame: number): Types {
    return this.starts[frame];
  }

  /** Types frame `frame` must end with (its block type's results). */
  endTypes(frame: number): Types {
    return this.ends[frame];
  }

  /** Types a branch to label `l` carries (loops branch to their start); caller checks `l`. */
  labelTypes(l: number): Types {
    const f = this.depth - 1 - l;
    return this.kinds[f] === K_LOOP ? this.starts[f] : this.ends[f];
  }

  /** After br/br_table/return/unreachable: drop the frame's operands, make it polymorphic. */
  setUnreachable(): void {
    const f = this.depth - 1;
    this.sp = this.heights[f];
    this.unreachables[f] = 1;
  }
}

function grow<T extends Int32Array | Uint8Array>(a: T): T {
  const bigger = new (a.constructor as new (n: number) => T)(a.length * 2);
  bigger.set(a);
  return bigger;
}
