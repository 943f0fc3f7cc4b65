// Builds one function body from a tape of choices with a typed operand stack and control
// frames, so that it validates by construction: operands are reused from the stack or made on
// the spot, every frame closes with its exact result types, and loops stay bounded unless the
// swarm relies on fuel. Which instruction comes next is buildBody.ts.

import { ByteWriter } from '../../wasm/ByteWriter.js';
import { ValType, type FuncType } from '../../../runtime/types.js';
import { op as opNamed, type OpInfo } from '../../../runtime/opcodes/table.js';
import type { ModuleCtx } from './moduleCtx.js';
import type { Tape } from './Tape.js';
import { f32Bits, f64Bits, i32Value, i64Value, v128Value } from './values.js';
import { IMMEDIATES } from './_internals/immediates.js';
import { canonicalizeResult } from './_internals/canonicalNans.js';

/** A control frame: the function body, a block, a loop or an if. */
export interface Frame {
  readonly kind: 'func' | 'block' | 'loop' | 'if';
  readonly params: readonly ValType[];
  readonly results: readonly ValType[];
  /** Operand stack height below the frame's values. */
  readonly height: number;
  hasElse: boolean;
  /** The loop's counter local, or -1. */
  readonly counter: number;
}

/** A block type: what it takes and gives, and how it is encoded. */
export interface BlockType {
  readonly params: readonly ValType[];
  readonly results: readonly ValType[];
  /** Encoded as a type index (s33) rather than 0x40 or a value type. */
  readonly index: number;
}

const O = {
  drop: opNamed('drop'), localGet: opNamed('local.get'), localSet: opNamed('local.set'), localTee: opNamed('local.tee'),
  globalGet: opNamed('global.get'), globalSet: opNamed('global.set'), i32Const: opNamed('i32.const'),
  i64Const: opNamed('i64.const'), f32Const: opNamed('f32.const'), f64Const: opNamed('f64.const'),
  v128Const: opNamed('v128.const'), refNull: opNamed('ref.null'), refFunc: opNamed('ref.func'),
  i32And: opNamed('i32.and'), i32Sub: opNamed('i32.sub'), i32GeS: opNamed('i32.ge_s'), i32Eqz: opNamed('i32.eqz'),
  end: opNamed('end'), else: opNamed('else'), if: opNamed('if'), return: opNamed('return'),
  i64ExtendI32U: opNamed('i64.extend_i32_u'), i32ReinterpretF32: opNamed('i32.reinterpret_f32'),
  i64ReinterpretF64: opNamed('i64.reinterpret_f64'), i64x2ExtractLane: opNamed('i64x2.extract_lane'),
  refIsNull: opNamed('ref.is_null'), i64Rotl: opNamed('i64.rotl'), i64Xor: opNamed('i64.xor'),
};

/** Rotation applied to the checksum before each fold (odd, so every bit moves around). */
const CHECKSUM_ROTATION = 7;

/** Most operand-producing instructions nested inside one operand (keeps operands small). */
const MAX_OPERAND_DEPTH = 2;
/** Most instructions generated after an unconditional transfer before its frame is closed. */
const MAX_DEAD_INSTRUCTIONS = 2;
/** An address mask keeping accesses inside the first page (trap-averse swarms). */
const ADDRESS_MASK = 0xfff;

/** One function body under construction. */
export class BodyBuilder {
  readonly code = new ByteWriter(256);
  readonly stack: ValType[] = [];
  readonly frames: Frame[] = [];
  /** Params, then declared locals, then locals the builder adds (loop counters, scratch). */
  readonly locals: ValType[];
  /** Locals generated code may touch: params and the shape's declared locals. */
  readonly userLocals: number;
  private readonly numParams: number;
  private readonly counters: number[] = [];
  private loopDepth = 0;
  private readonly scratch = new Map<number, number>();

  constructor(
    readonly ctx: ModuleCtx,
    readonly type: FuncType,
    declared: readonly ValType[],
    readonly tape: Tape,
  ) {
    this.locals = [...type.params, ...declared];
    this.userLocals = this.locals.length;
    this.numParams = type.params.length;
  }

  /** Declared locals (params excluded) after building, builder-added ones included. */
  declaredLocals(): ValType[] {
    return this.locals.slice(this.numParams);
  }

  get top(): Frame {
    return this.frames[this.frames.length - 1]!;
  }

  /** Values the current frame may pop. */
  get avail(): number {
    return this.stack.length - this.top.height;
  }

  // ---- emitting ----

  /** Writes an opcode (its immediates are the caller's). */
  op(o: OpInfo): this {
    if (o.prefix === 0) this.code.u8(o.code);
    else this.code.u8(o.prefix).uleb(o.code);
    return this;
  }

  /** Applies a fixed stack effect to the tracked stack. */
  effect(pop: number, push: readonly ValType[]): void {
    this.stack.length -= pop;
    for (const t of push) this.stack.push(t);
  }

  /**
   * Frame depth (`frames.length`) at which code became unreachable, or 0 while it is live.
   * Frames opened inside dead code are dead too; closing the frame at this depth (or starting
   * its else-arm) makes code live again.
   */
  deadAt = 0;
  /** Instructions still to emit in dead code before buildBody closes its frame. */
  deadBudget = 0;

  /**
   * After an unconditional transfer. Generation goes on in the dead rest of the frame on an
   * empty concrete stack (valid: the polymorphic stack of unreachable code admits more), but
   * only for a few instructions: what never runs can be neither observed nor miscompiled
   * observably, and validators and compilers need only a taste of it.
   */
  dead(): void {
    this.stack.length = this.top.height;
    if (this.deadAt === 0) {
      this.deadAt = this.frames.length;
      this.deadBudget = this.tape.next(MAX_DEAD_INSTRUCTIONS + 1);
    }
  }

  // ---- operands ----

  /** True when the top `k` values are `types[0..k)`. */
  private topIs(types: readonly ValType[], k: number): boolean {
    const base = this.stack.length - k;
    for (let j = 0; j < k; j++) if (this.stack[base + j] !== types[j]) return false;
    return true;
  }

  /**
   * Makes the top of the stack `types`: reuses the longest run of matching values already on
   * top (so results flow into later instructions) and produces the rest.
   */
  need(types: readonly ValType[]): void {
    let k = Math.min(this.avail, types.length);
    while (k > 0 && !this.topIs(types, k)) k--;
    for (let i = k; i < types.length; i++) this.produce(types[i]!, 0);
  }

  /** Pushes a fresh value of type `t`: a constant, a local, a global, or a small expression. */
  produce(t: ValType, depth: number): void {
    const c = this.tape.next(depth >= MAX_OPERAND_DEPTH ? 3 : 7);
    if (c === 1 && this.localGet(t)) return;
    if (c === 2 && this.globalGet(t)) return;
    if (c >= 3 && c <= 5) {
      const ops = this.ctx.byResult.get(t);
      if (ops !== undefined && this.fixed(this.tape.pick(ops), depth + 1)) return;
    }
    if (c === 6 && t === ValType.FuncRef && this.ctx.funcTypes.length > 0) {
      this.op(O.refFunc).code.uleb(this.tape.next(this.ctx.funcTypes.length));
      this.stack.push(t);
      return;
    }
    this.constant(t);
  }

  private localGet(t: ValType): boolean {
    const start = this.tape.next(this.userLocals + 1);
    for (let i = 0; i < this.userLocals; i++) {
      const x = (start + i) % this.userLocals;
      if (this.locals[x] === t) {
        this.op(O.localGet).code.uleb(x);
        this.stack.push(t);
        return true;
      }
    }
    return false;
  }

  private globalGet(t: ValType): boolean {
    const gs = this.ctx.globals;
    const start = this.tape.next(gs.length + 1);
    for (let i = 0; i < gs.length; i++) {
      const x = (start + i) % gs.length;
      if (gs[x]!.type === t) {
        this.op(O.globalGet).code.uleb(x);
        this.stack.push(t);
        return true;
      }
    }
    return false;
  }

  /** Pushes a constant of type `t` (a null for reference types). */
  constant(t: ValType): void {
    const w = this.code;
    switch (t) {
      case ValType.I32: this.op(O.i32Const); w.sleb32(i32Value(this.tape, this.ctx.memBytes)); break;
      case ValType.I64: this.op(O.i64Const); w.sleb(i64Value(this.tape)); break;
      case ValType.F32: this.op(O.f32Const); w.bits32(f32Bits(this.tape)); break;
      case ValType.F64: this.op(O.f64Const); w.bits64(f64Bits(this.tape)); break;
      case ValType.V128: this.op(O.v128Const); w.bytes(v128Value(this.tape)); break;
      default: this.op(O.refNull); w.u8(t);
    }
    this.stack.push(t);
  }

  /** A zero of type `t` with no tape reads (budget early returns). */
  private zero(t: ValType): void {
    switch (t) {
      case ValType.I32: this.op(O.i32Const).code.u8(0); break;
      case ValType.I64: this.op(O.i64Const).code.u8(0); break;
      case ValType.F32: this.op(O.f32Const).code.bits32(0); break;
      case ValType.F64: this.op(O.f64Const).code.bits64(0n); break;
      case ValType.V128: this.op(O.v128Const).code.bytes(new Uint8Array(16)); break;
      default: this.op(O.refNull).code.u8(t);
    }
  }

  /**
   * Emits fixed-signature opcode `o` with operands taken from the stack (depth 0) or freshly
   * produced (inside an operand, depth > 0). False, emitting nothing, when the module lacks what
   * its immediate names (a memory, a data segment...).
   */
  fixed(o: OpInfo, depth: number): boolean {
    const imm = IMMEDIATES[o.imm];
    if (imm === undefined || !imm.ok(this, o)) return false;
    const ps = o.params!;
    if (o.memBytes !== undefined && this.ctx.maskAddresses) {
      // Address first, masked, then the other operands made fresh on top of it.
      if (depth === 0) this.need([ValType.I32]);
      else this.produce(ValType.I32, depth);
      this.op(O.i32Const).code.sleb32(ADDRESS_MASK);
      this.op(O.i32And);
      for (let i = 1; i < ps.length; i++) this.produce(ps[i]!, depth);
    } else if (depth === 0 && o.traps.length > 0 && this.ctx.swarm.families.traps && this.tape.next(4) === 0) {
      // Trap-eager: fresh edge constants, where a zero divisor, INT_MIN / -1 or a NaN to
      // truncate is likely, rather than whatever the stack holds.
      for (const p of ps) this.constant(p);
    } else if (depth === 0) {
      this.need(ps);
    } else {
      for (const p of ps) this.produce(p, depth);
    }
    this.op(o);
    imm.write(this, o);
    this.effect(ps.length, o.results!);
    if (this.ctx.swarm.canonicalNans) canonicalizeResult(this, o);
    return true;
  }

  // ---- values thrown away ----

  /** Throws away the value on top: folded into the checksum when the module has one, else dropped. */
  discard(): void {
    if (this.ctx.checksumGlobal >= 0) this.fold();
    else this.op(O.drop).stack.pop();
  }

  /**
   * Folds the value on top into the checksum global: its bits as an i64 (v128: both halves
   * xor-ed; references: whether null), then `checksum = rotl(checksum, 7) ^ bits`. Built from
   * reinterprets, rotl and xor only, so an arithmetic op under test is never part of the fold.
   */
  fold(): void {
    const t = this.stack[this.stack.length - 1]!;
    switch (t) {
      case ValType.I32: this.op(O.i64ExtendI32U); break;
      case ValType.I64: break;
      case ValType.F32: this.op(O.i32ReinterpretF32).op(O.i64ExtendI32U); break;
      case ValType.F64: this.op(O.i64ReinterpretF64); break;
      case ValType.V128: {
        const s = this.scratchLocal(ValType.V128, 63);
        this.op(O.localTee).code.uleb(s);
        this.op(O.i64x2ExtractLane).code.u8(0);
        this.op(O.localGet).code.uleb(s);
        this.op(O.i64x2ExtractLane).code.u8(1);
        this.op(O.i64Xor);
        break;
      }
      default: this.op(O.refIsNull).op(O.i64ExtendI32U);
    }
    const g = this.ctx.checksumGlobal;
    this.op(O.globalGet).code.uleb(g);
    this.op(O.i64Const).code.sleb(BigInt(CHECKSUM_ROTATION));
    this.op(O.i64Rotl);
    this.op(O.i64Xor);
    this.op(O.globalSet).code.uleb(g);
    this.stack.pop();
  }

  // ---- locals ----

  /** A builder-owned local of type `t`, the `slot`-th of that type (reused across uses). */
  scratchLocal(t: ValType, slot: number): number {
    const key = t * 64 + slot;
    let x = this.scratch.get(key);
    if (x === undefined) {
      this.scratch.set(key, (x = this.locals.length));
      this.locals.push(t);
    }
    return x;
  }

  // ---- control ----

  /** Types a branch to frame `f` carries. */
  labelTypes(f: Frame): readonly ValType[] {
    return f.kind === 'loop' ? f.params : f.results;
  }

  /** The frame label `l` names. */
  frameAt(l: number): Frame {
    return this.frames[this.frames.length - 1 - l]!;
  }

  /** Draws a block type: empty, one value type, or (multi-value) any function type by index. */
  blockType(): BlockType {
    const { types, valTypes, swarm } = this.ctx;
    if (swarm.multiValue && this.tape.flip()) {
      const index = this.tape.next(types.length);
      return { params: types[index]!.params, results: types[index]!.results, index };
    }
    const c = this.tape.next(valTypes.length + 1);
    return { params: [], results: c === 0 ? [] : [valTypes[c - 1]!], index: -1 };
  }

  /** Writes a block type's encoding. */
  writeBlockType(bt: BlockType): void {
    if (bt.index >= 0) this.code.sleb32(bt.index);
    else this.code.u8(bt.results.length === 0 ? 0x40 : bt.results[0]!);
  }

  /** Opens a frame whose params are already on the stack (the opcode is written). */
  push(kind: Frame['kind'], bt: BlockType, counter = -1): void {
    this.frames.push({ kind, params: bt.params, results: bt.results, height: this.stack.length - bt.params.length, hasElse: false, counter });
    if (kind === 'loop') this.loopDepth++;
  }

  /** The counter local of a loop opened now, or -1 when loops need no counter. */
  loopCounter(): number {
    if (!this.ctx.boundedLoops) return -1;
    const level = this.loopDepth;
    while (this.counters.length <= level) {
      this.counters.push(this.locals.length);
      this.locals.push(ValType.I32);
    }
    return this.counters[level]!;
  }

  /**
   * Pushes 1 while loop `f` may take another back-edge, and spends one: the counter counts down
   * from its entry value and the condition is `--counter >= 0`.
   */
  counterCondition(f: Frame): void {
    this.op(O.localGet).code.uleb(f.counter);
    this.op(O.i32Const).code.u8(1);
    this.op(O.i32Sub);
    this.op(O.localTee).code.uleb(f.counter);
    this.op(O.i32Const).code.u8(0);
    this.op(O.i32GeS);
    this.stack.push(ValType.I32);
  }

  /**
   * Makes the frame's stack exactly `types`: keeps matching values (on top, through scratch
   * locals, or at the bottom), drops the rest and produces what is missing.
   */
  fix(types: readonly ValType[]): void {
    const h = this.top.height;
    const r = types.length;
    const avail = this.stack.length - h;
    if (avail === r && this.topIs(types, r)) return;
    if (avail > r && r > 0 && this.topIs(types, r)) {
      const slots: number[] = [];
      for (let i = r - 1; i >= 0; i--) {
        const x = this.scratchLocal(types[i]!, i);
        this.op(O.localSet).code.uleb(x);
        this.stack.pop();
        slots.push(x);
      }
      while (this.stack.length > h) this.discard();
      for (let i = r - 1; i >= 0; i--) this.op(O.localGet).code.uleb(slots[i]!);
      for (const t of types) this.stack.push(t);
      return;
    }
    let m = 0;
    while (m < avail && m < r && this.stack[h + m] === types[m]) m++;
    while (this.stack.length > h + m) this.discard();
    for (let i = m; i < r; i++) this.produce(types[i]!, 0);
  }

  /** Ends the then-arm of the current `if` and starts its else-arm. */
  elseArm(): void {
    const f = this.top;
    this.fix(f.results);
    this.op(O.else);
    this.stack.length = f.height;
    for (const t of f.params) this.stack.push(t);
    f.hasElse = true;
    if (this.deadAt === this.frames.length) this.deadAt = 0; // the else-arm is reachable on its own
  }

  /** Closes the innermost frame with its exact results (adding an else-arm where one is required). */
  closeTop(): void {
    const f = this.top;
    if (f.kind === 'if' && !f.hasElse && (!sameTypes(f.params, f.results) || this.tape.next(4) === 0)) this.elseArm();
    this.fix(f.results);
    this.op(O.end);
    this.frames.pop();
    if (this.frames.length < this.deadAt) this.deadAt = 0;
    if (f.kind === 'loop') this.loopDepth--;
    this.stack.length = f.height;
    for (const t of f.results) this.stack.push(t);
  }

  /**
   * The call-budget prologue: when the budget global is spent, return zeros at once;
   * otherwise spend one unit. It bounds the calls of a whole instance, recursion included.
   */
  budgetPrologue(g: number): void {
    this.op(O.globalGet).code.uleb(g);
    this.op(O.i32Eqz);
    this.op(O.if).code.u8(0x40);
    for (const t of this.type.results) this.zero(t);
    this.op(O.return);
    this.op(O.end);
    this.op(O.globalGet).code.uleb(g);
    this.op(O.i32Const).code.u8(1);
    this.op(O.i32Sub);
    this.op(O.globalSet).code.uleb(g);
  }
}

/** Equality of two type sequences. */
export function sameTypes(a: readonly ValType[], b: readonly ValType[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
