// The lowering's peephole: `local.get` and `i32.const` are held back as pending operands, so
// that the i32/f64 op, load or store that consumes them reads the local (or constant) directly,
// and a following `local.set`/`local.tee`/`br_if`/`if` is folded into the op (see codes.ts for
// every fused op and the exact wasm sequence it stands for). Leaves out control flow: lower.ts
// flushes the pending operands before any other instruction, label or fuel charge.

import { C } from './codes.js';
import type { Emitter } from './Emitter.js';

/** A held-back operand: a local's slot or an i32 constant. */
type Pending = { readonly local: number; readonly value?: undefined } | { readonly local?: undefined; readonly value: number };

/** The value op emitted last, which the next instruction may rewrite into a fused form. */
interface Rewritable {
  /** Where it starts in the code: rewriting truncates back to here. */
  readonly pos: number;
  /** Byte offset of its wasm instruction (a rewritten load must still trap there). */
  readonly at: number;
  /** fp-relative sp once its operands are popped (where a pushed result lands). */
  readonly hm: number;
  /** Opcode and operand immediates of the fused form; `d s` follow. */
  readonly head: readonly number[];
  /** For compares and eqz: the wasm op and its operand immediates (slot, slot or constant). */
  readonly cond?: { readonly name: string; readonly ops: readonly number[]; readonly konst: boolean };
}

/** Fused value ops by wasm name: [slot-slot form, slot-constant form]. */
const I32_BIN: Readonly<Record<string, readonly [C, C]>> = {
  'i32.add': [C.I32_ADD_RR, C.I32_ADD_RI], 'i32.sub': [C.I32_SUB_RR, C.I32_SUB_RI],
  'i32.mul': [C.I32_MUL_RR, C.I32_MUL_RI], 'i32.and': [C.I32_AND_RR, C.I32_AND_RI],
  'i32.or': [C.I32_OR_RR, C.I32_OR_RI], 'i32.xor': [C.I32_XOR_RR, C.I32_XOR_RI],
  'i32.shl': [C.I32_SHL_RR, C.I32_SHL_RI], 'i32.shr_s': [C.I32_SHR_S_RR, C.I32_SHR_S_RI],
  'i32.shr_u': [C.I32_SHR_U_RR, C.I32_SHR_U_RI], 'i32.rotl': [C.I32_ROTL_RR, C.I32_ROTL_RI],
  'i32.rotr': [C.I32_ROTR_RR, C.I32_ROTR_RI], 'i32.eq': [C.I32_EQ_RR, C.I32_EQ_RI],
  'i32.ne': [C.I32_NE_RR, C.I32_NE_RI], 'i32.lt_s': [C.I32_LT_S_RR, C.I32_LT_S_RI],
  'i32.lt_u': [C.I32_LT_U_RR, C.I32_LT_U_RI], 'i32.gt_s': [C.I32_GT_S_RR, C.I32_GT_S_RI],
  'i32.gt_u': [C.I32_GT_U_RR, C.I32_GT_U_RI], 'i32.le_s': [C.I32_LE_S_RR, C.I32_LE_S_RI],
  'i32.le_u': [C.I32_LE_U_RR, C.I32_LE_U_RI], 'i32.ge_s': [C.I32_GE_S_RR, C.I32_GE_S_RI],
  'i32.ge_u': [C.I32_GE_U_RR, C.I32_GE_U_RI],
};

/** Compare-and-branch forms by compare: [slot-slot, slot-constant]. */
const BRANCH: Readonly<Record<string, readonly [C, C]>> = {
  'i32.eq': [C.BR_EQ_RR, C.BR_EQ_RI], 'i32.ne': [C.BR_NE_RR, C.BR_NE_RI],
  'i32.lt_s': [C.BR_LT_S_RR, C.BR_LT_S_RI], 'i32.lt_u': [C.BR_LT_U_RR, C.BR_LT_U_RI],
  'i32.gt_s': [C.BR_GT_S_RR, C.BR_GT_S_RI], 'i32.gt_u': [C.BR_GT_U_RR, C.BR_GT_U_RI],
  'i32.le_s': [C.BR_LE_S_RR, C.BR_LE_S_RI], 'i32.le_u': [C.BR_LE_U_RR, C.BR_LE_U_RI],
  'i32.ge_s': [C.BR_GE_S_RR, C.BR_GE_S_RI], 'i32.ge_u': [C.BR_GE_U_RR, C.BR_GE_U_RI],
};

/** The compare that holds exactly when the key does not (exact on integers). */
const NEGATED: Readonly<Record<string, string>> = {
  'i32.eq': 'i32.ne', 'i32.ne': 'i32.eq', 'i32.lt_s': 'i32.ge_s', 'i32.ge_s': 'i32.lt_s',
  'i32.lt_u': 'i32.ge_u', 'i32.ge_u': 'i32.lt_u', 'i32.gt_s': 'i32.le_s', 'i32.le_s': 'i32.gt_s',
  'i32.gt_u': 'i32.le_u', 'i32.le_u': 'i32.gt_u',
};

/** Ops whose operands may be swapped, so `k x op` still gets the slot-constant form. */
const COMMUTES = new Set(['i32.add', 'i32.mul', 'i32.and', 'i32.or', 'i32.xor', 'i32.eq', 'i32.ne']);

const F64_BIN: Readonly<Record<string, C>> = {
  'f64.add': C.F64_ADD_RR, 'f64.sub': C.F64_SUB_RR, 'f64.mul': C.F64_MUL_RR, 'f64.div': C.F64_DIV_RR,
};
const LOADS: Readonly<Record<string, C>> = { 'i32.load': C.I32_LOAD_R, 'f64.load': C.F64_LOAD_R };
const STORES: Readonly<Record<string, C>> = { 'i32.store': C.I32_STORE_R, 'f64.store': C.F64_STORE_R };

/** The peephole state of one body being lowered. */
export class Fuser {
  private pending: Pending[] = [];
  /** Set by the instruction being lowered; becomes `prev` for the next one. */
  private last: Rewritable | undefined;
  /** The op the previous instruction emitted, if rewritable (nothing emitted since). */
  private prev: Rewritable | undefined;

  /** @param e the emitter of the body being lowered */
  constructor(private readonly e: Emitter) {}

  /** Starts a new wasm instruction: only the one just before it may be rewritten. */
  begin(): void {
    this.prev = this.last;
    this.last = undefined;
  }

  /** Emits every pending operand, bottom first, and forgets the rewritable op. */
  flush(): void {
    this.flushBelow(this.pending.length);
    this.prev = this.last = undefined;
  }

  /**
   * Lowers `name` fused when it is a op the peephole knows; `plain` emits its unfused form.
   * `h` is the wasm operand height before it (fp-relative). Returns the height after it, or -1
   * when the op is not handled here (nothing was emitted, nothing flushed).
   */
  lower(name: string, imm: { a: number; b: number; value?: unknown }, h: number, plain: () => void): number {
    const prev = this.prev;
    this.prev = undefined;
    switch (name) {
      case 'local.get':
        this.pending.push({ local: imm.a });
        return h + 1;
      case 'i32.const':
        this.pending.push({ value: imm.value as number });
        return h + 1;
      case 'local.set':
      case 'local.tee':
        this.setLocal(imm.a, name === 'local.tee', prev);
        return name === 'local.tee' ? h : h - 1;
    }
    const bin = I32_BIN[name];
    if (bin !== undefined) {
      const p = this.pending;
      const n = p.length;
      if (COMMUTES.has(name) && n >= 2 && p[n - 2].value !== undefined && p[n - 1].local !== undefined) {
        [p[n - 2], p[n - 1]] = [p[n - 1], p[n - 2]];
      }
      this.value(name, h, 2, true, [bin[0], bin[1]], plain);
      return h - 1;
    }
    if (name === 'i32.eqz') {
      this.value(name, h, 1, false, [C.I32_EQZ_R, C.I32_EQZ_R], plain);
      return h;
    }
    const f64 = F64_BIN[name];
    if (f64 !== undefined) {
      // Always the fused form: the plain one is an indirect call through the numeric table.
      this.value(name, h, 2, false, [f64, f64], undefined);
      return h - 1;
    }
    const load = LOADS[name];
    if (load !== undefined) {
      this.value(name, h, 1, false, [load, load], plain, imm.b);
      return h;
    }
    const store = STORES[name];
    if (store !== undefined) {
      const { slots, hm, onStack } = this.operands(2, false, h);
      if (onStack === 2) plain();
      else this.emitAll([store, slots[0], slots[1], imm.b, hm]);
      return h - 2;
    }
    return -1;
  }

  /**
   * For `br_if` (jump when the condition holds) and `if` (`negate`: jump to the else when it
   * fails): emits the opcode and operand immediates of a fused compare-and-branch and returns
   * the fp-relative sp after it (the caller appends the target, then that sp). Returns -1, having
   * emitted nothing, when the condition is not a pending local or the compare just emitted.
   */
  branchHead(negate: boolean, h: number): number {
    const prev = this.prev;
    this.prev = undefined;
    const p = this.pending;
    if (p.length > 0 && p[p.length - 1].local !== undefined) {
      const a = p[p.length - 1].local!;
      this.flushBelow(p.length - 1);
      p.length = 0;
      this.emitAll([negate ? C.BR_Z_R : C.BR_NZ_R, a]);
      return h - 1;
    }
    if (prev?.cond === undefined || p.length > 0) return -1;
    const { name, ops, konst } = prev.cond;
    this.e.len = prev.pos;
    if (name === 'i32.eqz') this.emitAll([negate ? C.BR_NZ_R : C.BR_Z_R, ops[0]]);
    else this.emitAll([BRANCH[negate ? NEGATED[name] : name][konst ? 1 : 0], ...ops]);
    return prev.hm;
  }

  /** local.set / local.tee: into the op just emitted, as a move, or plain. */
  private setLocal(d: number, tee: boolean, prev: Rewritable | undefined): void {
    const p = this.pending;
    if (prev !== undefined && p.length === 0) {
      this.e.len = prev.pos;
      const at = this.e.at;
      this.e.at = prev.at;
      this.emitAll([...prev.head, d, prev.hm]);
      this.e.at = at;
    } else if (p.length > 0) {
      const top = p[p.length - 1];
      // The pending operands below may read local d: they are emitted before it changes.
      this.flushBelow(p.length - 1);
      p.length = 0;
      this.emitAll(top.local !== undefined ? [C.MOVE, top.local, d] : [C.SET_CONST, top.value!, d]);
    } else {
      this.emitAll([tee ? C.LOCAL_TEE : C.LOCAL_SET, d]);
      return;
    }
    if (tee) p.push({ local: d });
  }

  /**
   * A value op with `n` operands: fused (`codes[0]` slot operands, `codes[1]` a constant last)
   * when any operand is pending or there is no `plain`, else `plain`; either way it may be rewritten by the next
   * instruction. `extra` is an immediate after the operands (a load's offset).
   */
  private value(name: string, h: number, n: number, konstOk: boolean, codes: readonly [C, C], plain: (() => void) | undefined, extra?: number): void {
    const { slots, konst, hm, onStack } = this.operands(n, konstOk, h);
    const ops = konst === undefined ? slots : [...slots, konst];
    const head = [codes[konst === undefined ? 0 : 1], ...ops];
    if (extra !== undefined) head.push(extra);
    const pos = this.e.len;
    if (onStack === n && plain !== undefined) plain();
    else this.emitAll([...head, hm, hm + 1]);
    const isCond = name === 'i32.eqz' || BRANCH[name] !== undefined;
    this.last = { pos, at: this.e.at, hm, head, cond: isCond ? { name, ops, konst: konst !== undefined } : undefined };
  }

  /**
   * The top `n` operands as slots (the last may stay a constant when `konstOk`): pending ones
   * that cannot stay pending are emitted first. Returns their slots, the constant, and the
   * fp-relative sp once they are popped, and how many were already on the stack. Leaves nothing
   * pending.
   */
  private operands(n: number, konstOk: boolean, h: number): { slots: number[]; konst?: number; hm: number; onStack: number } {
    const p = this.pending;
    const taken = Math.min(n, p.length);
    let cut = p.length - taken;
    for (let i = cut; i < p.length; i++) {
      if (p[i].value !== undefined && !(konstOk && i === p.length - 1)) cut = i + 1;
    }
    this.flushBelow(cut);
    const hm = h - p.length; // materialized height, with the kept pending ones on top
    const onStack = n - p.length;
    const slots: number[] = [];
    for (let i = 0; i < onStack; i++) slots.push(hm - onStack + i);
    let konst: number | undefined;
    for (const x of p) {
      if (x.local !== undefined) slots.push(x.local);
      else konst = x.value;
    }
    p.length = 0;
    return { slots, konst, hm: hm - onStack, onStack };
  }

  /** Emits the bottom `count` pending operands and drops them from the pending list. */
  private flushBelow(count: number): void {
    const p = this.pending;
    for (let i = 0; i < count; i++) {
      const x = p[i];
      if (x.local !== undefined) this.emitAll([C.LOCAL_GET, x.local]);
      else this.emitAll([C.CONST, x.value!]);
    }
    p.splice(0, count);
  }

  private emitAll(xs: readonly number[]): void {
    for (const x of xs) this.e.emit(x);
  }
}
