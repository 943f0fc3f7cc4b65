// The lowering's peephole: `local.get` and `i32.const` are held back as pending operands, so
// that the i32/f64 op, load or store that consumes them reads the local (or constant) directly,
// and a following `local.set`/`local.tee`/`br_if`/`if` is folded into the op (see codes.ts for
// every fused op and the exact wasm sequence it stands for). A pending operand may stay pending
// under values computed above it (`acc x y f64.mul f64.add`: acc is read by the add). Leaves out
// control flow: lower.ts flushes the pending operands before any other instruction, label or
// fuel charge.

import { C, F64_BIN, I32_BIN, LOADS } from './codes.js';
import type { Emitter } from './Emitter.js';
import { PAIR_COMMUTES, pairCode, TWO_LOADS } from './pairs.js';

/** Where a value lives: the value stack, the f64 register file or the i32 one (codes.ts). */
export type Bank = 's' | 'f' | 'i';

/**
 * One pending operand of the stack top the peephole tracks, at fp-relative `height` (its
 * value-stack slot not yet written): a local or an i32 constant held back, or a fused op's
 * result in its register file's slot (`reg`).
 */
type Entry =
  | { readonly kind: 'local'; readonly local: number; readonly height: number }
  | { readonly kind: 'const'; readonly value: number; readonly height: number }
  | { readonly kind: 'reg'; readonly bank: 'f' | 'i'; readonly height: number };

/** Copies a slot of one bank to a slot of another, by `from + to`. */
const MOVES: Readonly<Record<string, C>> = { sf: C.MOVE_SF, si: C.MOVE_SI, ff: C.MOVE_F, ii: C.MOVE, ss: C.MOVE_S };

/** The local ops by the bank the local lives in (the value stack, or a register file); the
 * `local.get` form also pushes a fused result from its register file's slot. */
export const LOCAL_OPS: Readonly<Record<Bank, Readonly<Record<number, C>>>> = {
  s: { [C.LOCAL_GET]: C.LOCAL_GET, [C.LOCAL_SET]: C.LOCAL_SET, [C.LOCAL_TEE]: C.LOCAL_TEE },
  f: { [C.LOCAL_GET]: C.LOCAL_GET_F, [C.LOCAL_SET]: C.LOCAL_SET_F, [C.LOCAL_TEE]: C.LOCAL_TEE_F },
  i: { [C.LOCAL_GET]: C.LOCAL_GET_I, [C.LOCAL_SET]: C.LOCAL_SET_I, [C.LOCAL_TEE]: C.LOCAL_TEE_I },
};

/** The value op emitted last, which the next instruction may rewrite into a fused form. */
interface Rewritable {
  /** Where it starts in the code: rewriting truncates back to here. */
  readonly pos: number;
  /** Where it ends (a pair may absorb it only when nothing was emitted since). */
  readonly end: number;
  /** Byte offset of its wasm instruction (a rewritten load must still trap there). */
  readonly at: number;
  /** Per word of `head`, when they differ (two loads: the second's immediates have its own). */
  readonly ats?: readonly number[];
  /** A load emitted right before this load (nothing between): the two may become one *_LL. */
  readonly before?: Rewritable;
  /** fp-relative height of its result (where its first operand was). */
  readonly hm: number;
  /** Opcode and operand immediates of the fused form; `d s` follow. */
  readonly head: readonly number[];
  /** For compares and eqz: the wasm op and its operand immediates (slot, slot or constant). */
  readonly cond?: { readonly name: string; readonly ops: readonly number[]; readonly konst: boolean };
  /** A compare whose first operand is the local an increment just before it wrote. */
  readonly inc?: Increment;
}

/** A fused op replacing ops just emitted: its head, where it starts, its offsets. */
interface Fused {
  readonly head: number[];
  readonly pos: number;
  readonly at: number;
  readonly ats?: readonly number[];
}

/** An in-place increment of a local, emitted last: a loop-closing branch may absorb it. */
interface Increment {
  /** Where it starts in the code, and where it ends (nothing may have been emitted since). */
  readonly pos: number;
  readonly end: number;
  /** The local and the amount (a subtraction of c is an increment by -c). */
  readonly local: number;
  readonly k: number;
}

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

/** Loop-closing branches by compare: [slot-slot, slot-constant] (see Fuser.branchHead). */
const INC_BRANCH: Readonly<Record<string, readonly [C, C]>> = {
  'i32.ne': [C.INC_BR_NE_RR, C.INC_BR_NE_RI], 'i32.lt_s': [C.INC_BR_LT_S_RR, C.INC_BR_LT_S_RI],
  'i32.lt_u': [C.INC_BR_LT_U_RR, C.INC_BR_LT_U_RI],
};

/** Ops whose operands may be swapped, so `k x op` still gets the slot-constant form. */
const COMMUTES = new Set(['i32.add', 'i32.mul', 'i32.and', 'i32.or', 'i32.xor', 'i32.eq', 'i32.ne']);

const STORES: Readonly<Record<string, C>> = {
  'i32.store': C.I32_STORE_R, 'f64.store': C.F64_STORE_R, 'i32.store8': C.I32_STORE8_R, 'i32.store16': C.I32_STORE16_R,
};

/**
 * The peephole state of one body being lowered.
 *
 * Invariant: while code runs, sp is at the first pending entry's height (the value stack below
 * it is all written). Pushes (LOCAL_GET*, CONST) therefore materialize the pending entries in
 * order, from the bottom; fused ops set sp from an immediate, and sp-relative (plain) ops are
 * emitted only when nothing below their operands is pending.
 */
export class Fuser {
  /** The pending stack top, bottom first, contiguous up to the current height (empty: none). */
  private entries: Entry[] = [];
  /** Set by the instruction being lowered; becomes `prev` for the next one. */
  private last: Rewritable | undefined;
  /** The op the previous instruction emitted, if rewritable (nothing emitted since). */
  private prev: Rewritable | undefined;
  /** An increment a following compare or branch may absorb; kept only across operand pushes. */
  private inc: Increment | undefined;
  /** The value op emitted last, kept across operand pushes: a pair may absorb it (pairHead). */
  private held: Rewritable | undefined;
  /** The in-place add emitted last (`local += v`): a second one right after it joins it. */
  private bumped: { readonly pos: number; readonly end: number; readonly code: number; readonly local: number; readonly konst: boolean; readonly v: number } | undefined;
  /** The MOVE/MOVE2 emitted last: a MOVE right after it (nothing emitted between) joins it. */
  private moves: { readonly pos: number; readonly end: number } | undefined;

  /**
   * @param e the emitter of the body being lowered
   * @param banks per local: where it lives (an f64 or i32 local in its register file)
   */
  constructor(private readonly e: Emitter, private readonly banks: readonly Bank[]) {}

  /** Starts a new wasm instruction: only the one just before it may be rewritten. */
  begin(): void {
    this.prev = this.last;
    this.last = undefined;
  }

  /** Materializes every pending operand and forgets the rewritable op. */
  flush(): void {
    this.materializeBelow(this.entries.length);
    this.prev = this.last = this.inc = this.held = this.moves = this.bumped = undefined;
  }

  /**
   * Lowers `name` fused when it is a op the peephole knows; `plain` emits its unfused form.
   * `h` is the wasm operand height before it (fp-relative). Returns the height after it, or -1
   * when the op is not handled here (nothing was emitted, nothing flushed).
   */
  lower(name: string, imm: { a: number; b: number; value?: unknown }, h: number, plain: () => void): number {
    const prev = this.prev;
    const inc = this.inc;
    const held = prev ?? this.held;
    this.prev = this.inc = this.held = undefined;
    switch (name) {
      case 'local.get':
        this.entries.push({ kind: 'local', local: imm.a, height: h });
        this.inc = inc;
        this.held = held;
        return h + 1;
      case 'i32.const':
        this.entries.push({ kind: 'const', value: imm.value as number, height: h });
        this.inc = inc;
        this.held = held;
        return h + 1;
      case 'local.set':
      case 'local.tee':
        this.setLocal(imm.a, name === 'local.tee', prev, h);
        return name === 'local.tee' ? h : h - 1;
    }
    const bin = I32_BIN[name];
    if (bin !== undefined) {
      const p = this.entries;
      const n = p.length;
      if (COMMUTES.has(name) && n >= 2 && p[n - 2].kind === 'const' && p[n - 1].kind === 'local') {
        const [x, y] = [p[n - 2], p[n - 1]];
        p[n - 2] = { ...y, height: x.height };
        p[n - 1] = { ...x, height: y.height };
      }
      this.value(name, h, 'ii', true, [bin[0], bin[1]], plain, undefined, inc, held);
      return h - 1;
    }
    if (name === 'i32.eqz') {
      this.value(name, h, 'i', false, [C.I32_EQZ_R, C.I32_EQZ_R], plain);
      return h;
    }
    const f64 = F64_BIN[name];
    if (f64 !== undefined) {
      // Always the fused form: the plain one is an indirect call through the numeric table.
      this.value(name, h, 'ff', false, [f64, f64], undefined, undefined, undefined, held);
      return h - 1;
    }
    const load = LOADS[name];
    if (load !== undefined) {
      this.value(name, h, 'i', false, [load, load], plain, imm.b, undefined, held);
      return h;
    }
    const store = STORES[name];
    if (store !== undefined) {
      // Nothing pending: both operands are on the value stack, as the plain store wants them.
      if (this.entries.length === 0) plain();
      else {
        const { slots } = this.operands(name === 'f64.store' ? 'if' : 'ii', false, h);
        this.emitAll([store, slots[0], slots[1], imm.b, this.matTop(h - 2)]);
      }
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
    const inc = this.inc;
    this.prev = this.inc = this.held = this.bumped = undefined;
    const p = this.entries;
    const top = p[p.length - 1];
    if (top?.kind === 'local') {
      const a = top.local;
      if (!negate && p.length === 1 && a === inc?.local && this.e.len === inc.end) {
        // `... local.tee a br_if`: the increment and the branch in one.
        this.e.len = inc.pos;
        p.length = 0;
        this.emitAll([C.INC_BR_NZ, a, inc.k]);
        return h - 1;
      }
      this.materializeBelow(p.length - 1);
      p.length = 0;
      this.emitAll([negate ? C.BR_Z_R : C.BR_NZ_R, a]);
      return h - 1;
    }
    if (top?.kind !== 'reg') return -1;
    if (prev?.cond === undefined || p.length > 1) {
      // An i32 computed by a fused op: branch on its slot.
      this.materializeBelow(p.length - 1);
      p.length = 0;
      this.emitAll([negate ? C.BR_Z_R : C.BR_NZ_R, top.height]);
      return h - 1;
    }
    // The compare just emitted (its result is the top, nothing below is pending): one code.
    p.length = 0;
    const { name, ops, konst } = prev.cond;
    const loopClose = INC_BRANCH[name];
    if (!negate && prev.inc !== undefined && loopClose !== undefined) {
      // `... local.tee a y cmp br_if`: the increment, the compare and the branch in one.
      this.e.len = prev.inc.pos;
      this.emitAll([loopClose[konst ? 1 : 0], prev.inc.local, prev.inc.k, ops[1]]);
      return prev.hm;
    }
    this.e.len = prev.pos;
    if (name === 'i32.eqz') this.emitAll([negate ? C.BR_NZ_R : C.BR_Z_R, ops[0]]);
    else this.emitAll([BRANCH[negate ? NEGATED[name] : name][konst ? 1 : 0], ...ops]);
    return prev.hm;
  }

  /** local.set / local.tee d at height h: into the op just emitted, as a move, or plain. */
  private setLocal(d: number, tee: boolean, prev: Rewritable | undefined, h: number): void {
    const p = this.entries;
    const top = p[p.length - 1];
    // Pending reads of local d below the top must happen before d changes.
    let reads = 0;
    for (let i = 0; i < p.length - 1; i++) {
      const x = p[i];
      if (x.kind === 'local' && x.local === d) reads = i + 1;
    }
    const bank = this.banks[d];
    if (top?.kind === 'local' || top?.kind === 'const' || (top?.kind === 'reg' && prev === undefined)) {
      this.materializeBelow(reads);
      p.pop();
      // (A constant is an i32: local d is one too.)
      if (top.kind === 'const') this.emitAll([C.SET_CONST, top.value, d]);
      else if (bank === 'i') this.move(top.kind === 'local' ? top.local : top.height, d);
      else this.emitAll([MOVES[bank + bank], top.kind === 'local' ? top.local : top.height, d]);
    } else if (prev !== undefined) {
      // The top is the result of the op just emitted: it writes d instead (after the reads).
      this.e.len = prev.pos;
      this.materializeBelow(reads);
      p.pop();
      const pos = this.e.len;
      const sp = this.matTop(h - 1);
      this.emitHead(prev.head, prev.at, prev.ats, [d, sp]);
      const [code, a, k] = prev.head;
      if ((code === C.I32_ADD_RI || code === C.I32_SUB_RI) && a === d) {
        this.inc = { pos, end: this.e.len, local: d, k: code === C.I32_ADD_RI ? k : -k | 0 };
      }
      if (tee) this.bumped = undefined; // a tee's increment is left for the branch it feeds
      else this.bump(prev.head, d, pos, sp);
    } else {
      // A materialized top and sp-relative LOCAL_SET/TEE: a set needs nothing pending below.
      this.materializeBelow(tee ? reads : p.length - 1);
      this.emitAll([LOCAL_OPS[bank][tee ? C.LOCAL_TEE : C.LOCAL_SET], d]);
      if (!tee) p.pop();
      return;
    }
    if (tee) p.push({ kind: 'local', local: d, height: h - 1 });
  }

  /**
   * After `head` was emitted at `pos` writing d: when it adds a constant or a slot to d in place,
   * it joins an in-place add just before it (nothing emitted between, no label) into one INC2_*
   * code, run in order. (A branch can then no longer absorb the second, which costs no code:
   * the branch is one either way. A tee's increment is not joined: it feeds a branch.)
   */
  private bump(head: readonly number[], d: number, pos: number, sp: number): void {
    const [code, a, b] = head;
    const before = this.bumped;
    this.bumped = undefined;
    let add: { readonly konst: boolean; readonly v: number } | undefined;
    if (code === C.I32_ADD_RI && a === d) add = { konst: true, v: b };
    else if (code === C.I32_SUB_RI && a === d) add = { konst: true, v: -b | 0 };
    else if (code === C.I32_ADD_RR && (a === d || b === d)) add = { konst: false, v: a === d ? b : a };
    if (add === undefined) return;
    // (The code check: a branch may have absorbed the one before into a code of its length.)
    if (before === undefined || before.end !== pos || this.e.code[before.pos] !== before.code) {
      this.bumped = { pos, end: this.e.len, code, local: d, ...add };
      return;
    }
    const codes = before.konst ? [C.INC2_II, C.INC2_IR] : [C.INC2_RI, C.INC2_RR];
    this.e.len = before.pos;
    this.emitAll([codes[add.konst ? 0 : 1], before.local, before.v, d, add.v, sp]);
    this.inc = undefined;
  }

  /**
   * MOVE a d, joined to the MOVE or MOVE2 just before it when nothing was emitted since (a
   * label flushes, so none falls between them): they run in order, in one dispatch.
   */
  private move(a: number, d: number): void {
    const m = this.moves;
    const e = this.e;
    const joins = m !== undefined && e.len === m.end && (e.code[m.pos] === C.MOVE || e.code[m.pos] === C.MOVE2);
    if (joins) {
      e.code[m.pos] = e.code[m.pos] === C.MOVE ? C.MOVE2 : C.MOVE3;
      this.emitAll([a, d]);
      this.moves = { pos: m.pos, end: e.len };
      return;
    }
    const pos = e.len;
    this.emitAll([C.MOVE, a, d]);
    this.moves = { pos, end: e.len };
  }

  /**
   * A value op with an operand per letter of `banks`: fused (`codes[0]` slot operands, `codes[1]` a constant last)
   * when any operand is pending, anything below them is, or there is no `plain`; else `plain`.
   * Either way it may be rewritten by the next instruction. `extra` is an immediate after the
   * operands (a load's offset). `inc`: an increment emitted just before, which a compare reading
   * its local first may absorb. f64 ops and loads leave their result in the f64 register file.
   */
  private value(name: string, h: number, banks: string, konstOk: boolean, codes: readonly [C, C], plain: (() => void) | undefined, extra?: number, inc?: Increment, prev?: Rewritable): void {
    const n = banks.length;
    const isCond = name === 'i32.eqz' || BRANCH[name] !== undefined;
    // A branch fused with the compare needs everything below the compare materialized.
    if (isCond) this.materializeBelow(Math.max(0, this.entries.length - n));
    const hm = h - n;
    // Nothing pending: the operands are on the value stack, as the plain op wants them.
    const stacked = plain !== undefined && this.entries.length === 0;
    const { slots, konst } = stacked
      ? { slots: Array.from({ length: n }, (_, i) => hm + i), konst: undefined }
      : this.operands(banks, konstOk, h);
    const ops = konst === undefined ? slots : [...slots, konst];
    let head = [codes[konst === undefined ? 0 : 1], ...ops];
    if (extra !== undefined) head.push(extra);
    let pos = this.e.len;
    let at = this.e.at;
    let ats: readonly number[] | undefined;
    const fused = !stacked && prev !== undefined && konst === undefined ? this.twoLoads(name, slots, prev) ?? this.pairHead(name, slots, prev) : undefined;
    if (fused !== undefined) {
      // The ops it absorbs are dropped (it computes their results itself) and their loads
      // still trap where they did.
      ({ head, pos, at, ats } = fused);
      this.e.len = pos;
    }
    if (stacked) {
      // Its operands and result are on the value stack: no fused form (over register files)
      // may stand in for it later.
      plain!();
      return;
    }
    // The result stays in its register file: sp is unchanged by it.
    const bank = name.startsWith('f64.') ? 'f' : 'i';
    this.emitHead(head, at, ats, [hm, this.matTop(hm)]);
    this.entries.push({ kind: 'reg', bank, height: hm });
    this.last = {
      pos, end: this.e.len, at, ats, hm, head,
      cond: isCond ? { name, ops, konst: konst !== undefined } : undefined,
      inc: isCond && inc !== undefined && slots[0] === inc.local && pos === inc.end ? inc : undefined,
      before: LOADS[name] !== undefined && prev?.end === pos && prev.head[0] === head[0] ? prev : undefined,
    };
  }

  /**
   * `name` over two loads just emitted, one after the other (nothing between), that load its
   * operands in order: one *_LL code in their place. Else undefined.
   */
  private twoLoads(name: string, slots: readonly number[], prev: Rewritable): Fused | undefined {
    const two = TWO_LOADS[name];
    const first = prev.before;
    if (two === undefined || first === undefined || this.e.len !== prev.end || prev.head[0] !== two[1]) return undefined;
    if (slots[0] !== first.hm || slots[1] !== prev.hm) return undefined;
    const head = [two[0], ...first.head.slice(1), ...prev.head.slice(1)];
    return { head, pos: first.pos, at: first.at, ats: [first.at, first.at, first.at, prev.at, prev.at] };
  }

  /**
   * The head (`pair a b c`) of the pair running `name` over `slots` when one operand is the
   * result of `prev`, the op emitted just before (nothing emitted since): the last, or the
   * first of an op that commutes. Else undefined.
   */
  private pairHead(name: string, slots: readonly number[], prev: Rewritable): Fused | undefined {
    if (slots.length !== 2 || this.e.len !== prev.end || prev.cond !== undefined) return undefined;
    const code = pairCode(name, prev.head[0]);
    if (code === undefined) return undefined;
    let a: number;
    if (slots[1] === prev.hm) a = slots[0];
    else if (slots[0] === prev.hm && PAIR_COMMUTES.has(name)) a = slots[1];
    else return undefined;
    const ats = prev.ats === undefined ? undefined : [prev.ats[0], prev.ats[0], ...prev.ats.slice(1)];
    return { head: [code, a, ...prev.head.slice(1)], pos: prev.pos, at: prev.at, ats };
  }

  /** Emits `head`, each word tagged with its offset (`ats`, else `at`), then `rest` (at `at`). */
  private emitHead(head: readonly number[], at: number, ats: readonly number[] | undefined, rest: readonly number[]): void {
    const now = this.e.at;
    for (let i = 0; i < head.length; i++) {
      this.e.at = ats?.[i] ?? at;
      this.e.emit(head[i]);
    }
    this.e.at = at;
    this.emitAll(rest);
    this.e.at = now;
  }

  /**
   * Pops the top operands (height h before), one per letter of `banks`: their slots in that
   * register file ('f' f64, 'i' i32), with the last left a constant when `konstOk` and it is
   * one. A constant that cannot stay, or a value on the value stack (below the pending ones),
   * is first copied to its slot in the register file (the fused op that follows sets sp).
   */
  private operands(banks: string, konstOk: boolean, h: number): { slots: number[]; konst?: number } {
    const p = this.entries;
    const n = banks.length;
    const first = p.length - n;
    const slots: number[] = [];
    let konst: number | undefined;
    for (let i = 0; i < n; i++) {
      const bank = banks[i] as Bank;
      const x = first + i >= 0 ? p[first + i] : undefined;
      // (Validated code: a local or a fused op's result is already in the bank the op reads.)
      if (x === undefined) {
        this.emitAll([MOVES['s' + bank], h - n + i, h - n + i]);
        slots.push(h - n + i);
      } else if (x.kind === 'local') slots.push(x.local);
      else if (x.kind === 'reg') slots.push(x.height);
      else if (konstOk && i === n - 1) konst = x.value;
      else {
        this.emitAll([C.SET_CONST, x.value, x.height]);
        slots.push(x.height);
      }
    }
    p.length = Math.max(0, first);
    return { slots, konst };
  }

  /** Pushes the bottom `count` pending entries onto the value stack, in order (sp is just below
   * the first), and stops tracking them. */
  private materializeBelow(count: number): void {
    const p = this.entries;
    for (let i = 0; i < count; i++) {
      const x = p[i];
      if (x.kind === 'const') this.emitAll([C.CONST, x.value]);
      else if (x.kind === 'reg') this.emitAll([LOCAL_OPS[x.bank][C.LOCAL_GET], x.height]);
      else this.emitAll([LOCAL_OPS[this.banks[x.local]][C.LOCAL_GET], x.local]);
    }
    p.splice(0, Math.max(0, count));
  }

  /** Where sp stands once the entries are as now: at the first pending one (`h`, the current
   * height, when nothing is pending). */
  private matTop(h: number): number {
    const p = this.entries;
    return p.length > 0 ? p[0].height : h;
  }

  private emitAll(xs: readonly number[]): void {
    for (const x of xs) this.e.emit(x);
  }
}
