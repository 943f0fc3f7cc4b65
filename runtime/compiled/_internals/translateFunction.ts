// Translates one validated wasm function into one JS function declaration. Structured control
// becomes labeled blocks, `for (;;)` loops (small innermost ones unrolled) and `switch`; locals
// are `let`s; the operand stack is OperandStack's typed variables and pending expressions.
// Prologue: depth, fuel and epoch checks. Trusts the validator: invalid bodies give anything.

import { Reader } from '../../binary/Reader.js';
import { TrapKind } from '../../errors.js';
import { readOp } from '../../opcodes/readOp.js';
import type { OpInfo } from '../../opcodes/table.js';
import { ValType, type ModuleInfo } from '../../types.js';
import { rawArray } from '../../instance/objects.js';
import { readImm, type Imm } from '../../exec/readImm.js';
import { NUMERIC_FNS } from '../../exec/numericFns.js';
import { SIMD_MEMORY_FNS } from '../../exec/simdMemory.js';
import { blockSig } from '../../exec/blockSig.js';
import { fuelPlan, type FuelPlan } from '../../exec/fuelPlan.js';
import { FuncEmitter, SITE, type TrapSite } from './FuncEmitter.js';
import type { ModuleScope } from './ModuleScope.js';
import { INLINE_OPS, type InlineOp } from './inlineOps.js';
import { OperandStack, ZERO, notNaN, slotType, type Entry, type Operand } from './OperandStack.js';
import { isScalarAccess, limitText, loadText, storeText, type MemoryViews } from './memoryAccess.js';
import { limitedReaches, memoryReaches } from './memoryReaches.js';
import { bigLiteral, f64Literal, intLiteral } from './literals.js';
import { bulkOp } from './bulkCode.js';
import { f64Bound } from './f64Bounds.js';
import { unrollableSize, unrollCopies } from './unrolling.js';

/** Codegen choices, from the knobs. */
export interface TranslateOptions {
  /** optLevel speed: pending expressions, constant folding, cached memory views. */
  readonly optimize: boolean;
  /** boundsChecks guarded: DataView accesses whose RangeError is the trap. */
  readonly guarded: boolean;
  readonly fuel: boolean;
  readonly epoch: boolean;
  /** Whether a call to a function may grow memory (undefined: assume so). */
  readonly mayGrowMemory?: (funcIndex: number) => boolean;
  /** Which functions calls may inline (undefined: none). */
  readonly inlinable?: (funcIndex: number) => boolean;
  /**
   * How many times small innermost loops' bodies are written out (1: once, no unrolling;
   * undefined: as many as the body's size allows under `optimize` (unrolling.ts), else 1).
   */
  readonly unrollCopies?: number;
  /** TEST ONLY (hidden knob faultInjection): miscompile i32.sub so the fuzzer can prove it notices. */
  readonly miscompileI32Sub?: boolean;
  /** TEST ONLY (hidden knob faultInjection): miscompile i32.add, the commonest generated op. */
  readonly miscompileI32Add?: boolean;
}

/** One translated function: its text and, relative to the text's start, its marks. */
export interface FuncCode {
  readonly funcIndex: number;
  readonly text: string;
  /** Address-map entries as flat pairs (text position, wasm byte offset). */
  readonly addr: readonly number[];
  readonly sites: readonly TrapSite[];
  /** A stub forwarding to an interpreted function (see interpretedFallback.ts). */
  readonly interpreted?: boolean;
}

/** The name of a function's JS declaration. */
export const fnName = (funcIndex: number): string => `fn${funcIndex}`;

const SCALAR = new Set<number>([ValType.I32, ValType.I64, ValType.F32, ValType.F64]);

/**
 * Consumers of f64 values that cannot tell one NaN from another: they may read a raw f64
 * expression (see Entry.exact) without its NaN fix.
 */
const NAN_BLIND = new Set([
  'f64.eq', 'f64.ne', 'f64.lt', 'f64.gt', 'f64.le', 'f64.ge',
  'i32.trunc_f64_s', 'i32.trunc_f64_u', 'i64.trunc_f64_s', 'i64.trunc_f64_u',
  'i32.trunc_sat_f64_s', 'i32.trunc_sat_f64_u', 'i64.trunc_sat_f64_s', 'i64.trunc_sat_f64_u',
]);

interface Ctl {
  readonly kind: 'block' | 'loop' | 'if' | 'func';
  readonly label: string;
  /** Stack height below the block's params. */
  readonly height: number;
  readonly params: readonly ValType[];
  readonly results: readonly ValType[];
  readonly deadEntry: boolean;
  dead: boolean;
  /** Loops: what a branch to the loop writes (`continue`, or `break` to the next copy). */
  again?: string;
  /** Unrolled loops: body copies still to write after the current one. */
  copiesLeft?: number;
  /** Unrolled loops: the loop instruction's offset and the reader position of its body. */
  loopAt?: number;
  bodyStart?: number;
}

/** Locals of the code being translated: the function's own, or an inlined callee's. */
interface Frame {
  readonly names: readonly string[];
  readonly types: readonly ValType[];
}

class Translator extends OperandStack {
  private readonly m: ModuleInfo;
  private readonly ctl: Ctl[] = [];
  private readonly views: MemoryViews;
  private readonly plan: FuelPlan | undefined;
  private frame: Frame;
  /** The function's result types. */
  private readonly resultTypes: readonly ValType[];
  private labels = 0;
  /** The body being read (a copy of an unrolled loop rewinds it). */
  private reader: Reader | undefined;
  /** The function caches memory views in locals (speed, and it accesses memory). */
  private readonly cachesViews: boolean;
  /** Explicit checks' cached limits (see limitText): variable name by reach. */
  private readonly limits = new Map<number, string>();

  constructor(
    private readonly scope: ModuleScope,
    private readonly funcIndex: number,
    private readonly opts: TranslateOptions,
  ) {
    super(opts.optimize);
    const m = (this.m = scope.module);
    const body = m.funcs[funcIndex - m.numImportedFuncs];
    const type = m.types[body.typeIndex];
    const types = [...type.params, ...body.locals];
    this.frame = { names: types.map((_, i) => `l${i}`), types };
    this.resultTypes = type.results;
    this.plan = opts.fuel ? fuelPlan(m, funcIndex) : undefined;
    const reaches = opts.optimize ? memoryReaches(m, funcIndex) : undefined;
    this.cachesViews = reaches !== undefined;
    const trapOOB = scope.helper('tMemory');
    if (reaches !== undefined && !opts.guarded) {
      for (const reach of limitedReaches(reaches)) this.limits.set(reach, `$lim${reach}`);
    }
    this.views = this.cachesViews
      ? { u8: '$u8', dv: '$dv', length: '$ml', trapOOB, limit: (reach) => this.limits.get(reach) }
      : { u8: '$M0.u8', dv: '$M0.view', length: '$M0.u8.length', trapOOB };
  }

  /** The cached views' assignments, in order (each reads the ones before it). */
  private viewAssignments(): string[] {
    const out = ['$u8 = $M0.u8', '$dv = $M0.view', '$ml = $u8.length'];
    for (const [reach, name] of this.limits) out.push(`${name} = ${limitText('$ml', reach)}`);
    return out;
  }

  translate(): FuncCode {
    const m = this.m;
    const body = m.funcs[this.funcIndex - m.numImportedFuncs];
    const type = m.types[body.typeIndex];
    this.ctl.push({ kind: 'func', label: '', height: 0, params: [], results: type.results, deadEntry: false, dead: false });
    this.body(new Reader(m.bytes, body.codeStart, body.codeEnd));
    return this.assemble(type.params.length, body.locals, body.codeStart);
  }

  // ---- the function around the body ----

  private assemble(nParams: number, declared: readonly ValType[], codeStart: number): FuncCode {
    const head = new FuncEmitter();
    head.mark(codeStart); // the prologue belongs to the function's first instruction
    const params = this.frame.names.slice(0, nParams).join(', ');
    head.emit(`function ${fnName(this.funcIndex)}(${params}) {\n`);
    const decls: string[] = [];
    declared.forEach((t, i) => decls.push(`l${nParams + i} = ${t === ValType.V128 ? 'new Uint8Array(16)' : ZERO[t]}`));
    for (const s of this.slots) decls.push(`${s} = ${ZERO[slotType(s)]}`);
    for (const [name, init] of this.lets) decls.push(`${name} = ${init}`);
    if (decls.length > 0) head.emit(`let ${decls.join(', ')};\n`);
    head.emit(`const $d = st.depth; if ($d >= st.maxDepth) ${SITE}${this.scope.helper('tDepth')}(); st.depth = $d + 1;\n`,
      [TrapKind.CallStackExhausted], 'prologueDepth');
    if (this.opts.optimize) {
      const coerce = this.frame.names.slice(0, nParams).map((n, i) => {
        const t = this.typed(this.frame.types[i], n);
        return t === n ? '' : `${n} = ${t}; `;
      }).join('');
      if (coerce !== '') head.emit(coerce + '\n');
    }
    this.checks(head);
    if (this.cachesViews) head.emit(`let ${this.viewAssignments().join(', ')};\n`);
    const bodyText = this.e.text();
    const shift = head.len;
    head.emit(bodyText);
    head.emit('}');
    const addr = [...head.addr];
    for (let i = 0; i < this.e.addr.length; i += 2) addr.push(this.e.addr[i] + shift, this.e.addr[i + 1]);
    const sites = [...head.sites, ...this.e.sites.map((s) => ({ ...s, pos: s.pos + shift }))];
    return { funcIndex: this.funcIndex, text: head.text(), addr, sites };
  }

  /** Fuel and epoch checks, at function entry and loop headers. */
  private checks(out: FuncEmitter): void {
    if (this.opts.fuel) out.emit(`if (!(st.fuel >= 0)) ${SITE}${this.scope.helper('tFuel')}();\n`, [TrapKind.OutOfFuel]);
    if (this.opts.epoch) {
      out.emit(`if (Atomics.load($ep, 0) >= st.epochDeadline) ${SITE}${this.scope.helper('tInterrupt')}();\n`, [TrapKind.Interrupt]);
    }
  }

  // ---- control ----

  private body(r: Reader): void {
    this.reader = r;
    while (this.ctl.length > 0) {
      const at = r.pos;
      const op = readOp(r);
      const imm = readImm(r, op.imm);
      const top = this.ctl[this.ctl.length - 1];
      if (top.dead) {
        this.deadCode(op.name, top);
        continue;
      }
      this.at = at;
      const charge = this.plan?.get(at);
      if (charge !== undefined) this.stmt(`st.fuel -= ${charge};`);
      this.op(op, imm);
    }
  }

  /** Unreachable code: only its block structure is followed (as the interpreter does). */
  private deadCode(name: string, top: Ctl): void {
    if (name === 'block' || name === 'loop' || name === 'if') {
      this.ctl.push({ kind: 'block', label: '', height: 0, params: [], results: [], deadEntry: true, dead: true });
    } else if (name === 'else' && !top.deadEntry) {
      this.elseArm(top);
    } else if (name === 'end') {
      if (top.deadEntry) this.ctl.pop();
      else this.endBlock(top);
    }
  }

  private open(kind: 'block' | 'loop' | 'if', bt: number): Ctl {
    const sig = blockSig(this.m, bt);
    const c: Ctl = {
      kind, label: `L${this.labels++}`, height: this.stack.length - sig.params.length,
      params: sig.params, results: sig.results, deadEntry: false, dead: false,
    };
    this.ctl.push(c);
    return c;
  }

  private elseArm(c: Ctl): void {
    if (!c.dead) this.flush();
    this.e.emit('} else {\n');
    this.reset(c.height, c.params);
    c.dead = false;
  }

  /** The stack after a block boundary: `types` in their variables above `height`. */
  private reset(height: number, types: readonly ValType[]): void {
    this.stack.length = height;
    for (const t of types) this.pushSlot(t);
  }

  private endBlock(c: Ctl): void {
    if (c.copiesLeft !== undefined && c.copiesLeft > 0) {
      this.nextCopy(c);
      return;
    }
    this.ctl.pop();
    if (c.kind === 'func') {
      if (!c.dead) this.stmt(this.returnText());
      return;
    }
    if (!c.dead) this.flush();
    if (c.kind === 'loop' && !c.dead) this.e.emit(`break ${c.label};\n`);
    this.e.emit('}\n');
    this.reset(c.height, c.results);
  }

  /**
   * Starts a copy of a loop's body: the header's checks, and for every copy but the last a
   * labeled block that branches to the loop leave, to run the next copy.
   */
  private loopCopy(c: Ctl): void {
    if (c.copiesLeft !== undefined && c.copiesLeft > 0) {
      const next = `L${this.labels++}`;
      c.again = `break ${next};`;
      this.e.emit(`${next}: {\n`);
    } else {
      c.again = `continue ${c.label};`;
    }
    this.e.mark(c.loopAt ?? this.at);
    this.checks(this.e);
  }

  /** At the end of a copy of an unrolled loop's body (not the last): rewinds for the next. */
  private nextCopy(c: Ctl): void {
    if (!c.dead) {
      this.flush();
      this.e.emit(`break ${c.label};\n`); // falling off the body leaves the loop
    }
    this.e.emit('}\n');
    this.reset(c.height, c.params);
    c.dead = false;
    c.copiesLeft! -= 1;
    this.reader!.pos = c.bodyStart!;
    this.loopCopy(c);
  }

  private markDead(): void {
    this.ctl[this.ctl.length - 1].dead = true;
  }

  /** Moves the branch values of a branch to `t` into place, then jumps. */
  private branchText(depth: number): string {
    const t = this.ctl[this.ctl.length - 1 - depth];
    if (t.kind === 'func') return this.returnText();
    const types = t.kind === 'loop' ? t.params : t.results;
    const n = types.length;
    const from = this.stack.length - n;
    let text = '';
    // Ascending order is safe: each destination is at or below its source, above every later one's.
    for (let i = 0; i < n; i++) {
      const src = this.js(from + i);
      const dst = this.slot(t.height + i, types[i]);
      if (src !== dst) text += `${dst} = ${src}; `;
    }
    return text + (t.kind === 'loop' ? t.again! : `break ${t.label};`);
  }

  private returnText(): string {
    const n = this.resultTypes.length;
    const from = this.stack.length - n;
    if (n === 0) return 'st.depth = $d; return;';
    if (n === 1) return `st.depth = $d; return ${this.js(from)};`;
    let text = '';
    for (let i = 0; i < n; i++) text += `$mr[${i}] = ${this.js(from + i)}; `;
    return text + 'st.depth = $d; return $mr;';
  }

  private brTable(labels: readonly number[]): void {
    const index = this.pop1().js;
    const byDepth = new Map<number, number[]>();
    labels.forEach((depth, i) => {
      const cases = byDepth.get(depth) ?? [];
      cases.push(i);
      byDepth.set(depth, cases);
    });
    const last = labels.length - 1;
    let text = `switch (${index}) {\n`;
    for (const [depth, cases] of byDepth) {
      const heads = cases.map((i) => (i === last ? 'default:' : `case ${i}:`)).join(' ');
      text += `${heads} { ${this.branchText(depth)} }\n`;
    }
    this.stmt(text + '}');
  }

  // ---- instructions ----

  private op(op: OpInfo, imm: Imm): void {
    switch (op.name) {
      case 'unreachable':
        this.stmt(`${SITE}${this.scope.helper('tUnreachable')}();`, [TrapKind.Unreachable]);
        this.markDead();
        return;
      case 'nop':
        return;
      case 'block':
        this.flush();
        this.stmt(`${this.open('block', imm.a).label}: {`);
        return;
      case 'loop': {
        this.flush();
        const c = this.open('loop', imm.a);
        this.stmt(`${c.label}: for (;;) {`);
        const r = this.reader!;
        const fixed = this.opts.unrollCopies ?? (this.opts.optimize ? undefined : 1);
        const size = fixed === 1 || this.markAt !== undefined ? undefined : unrollableSize(r.bytes, r.pos, r.end);
        const copies = size === undefined ? 1 : fixed ?? unrollCopies(size);
        if (copies > 1) {
          c.copiesLeft = copies - 1;
          c.loopAt = this.at;
          c.bodyStart = r.pos;
        }
        this.loopCopy(c);
        return;
      }
      case 'if': {
        const cond = this.popCond();
        this.flush();
        this.stmt(`${this.open('if', imm.a).label}: if (${cond}) {`);
        return;
      }
      case 'else':
        this.elseArm(this.ctl[this.ctl.length - 1]);
        return;
      case 'end':
        this.endBlock(this.ctl[this.ctl.length - 1]);
        return;
      case 'br':
        this.stmt(this.branchText(imm.a));
        this.markDead();
        return;
      case 'br_if': {
        const cond = this.popCond();
        this.stmt(`if (${cond}) { ${this.branchText(imm.a)} }`);
        return;
      }
      case 'br_table':
        this.brTable(imm.labels);
        this.markDead();
        return;
      case 'return':
        this.stmt(this.returnText());
        this.markDead();
        return;
      case 'call':
        this.call(imm.a);
        return;
      case 'call_indirect':
        this.callIndirect(imm.a, imm.b);
        return;
      case 'drop':
        this.pop1();
        return;
      case 'select':
      case 'select_t': {
        const c = this.pop1();
        const [a, b] = this.pop(2);
        this.pushPure(a.type, `(${c.cond ?? `(${c.js} !== 0)`} ? ${a.js} : ${b.js})`, [a, b, c]);
        return;
      }
      case 'local.get': {
        const name = this.frame.names[imm.a];
        this.pushPure(this.frame.types[imm.a], name, [], { simple: true, reads: [name] });
        return;
      }
      case 'local.set':
      case 'local.tee': {
        const name = this.frame.names[imm.a];
        const v = this.pop1();
        this.invalidate(name);
        this.stmt(`${name} = ${v.js};`);
        if (op.name === 'local.tee') this.pushPure(v.type, name, [], { simple: true, reads: [name] });
        return;
      }
      case 'global.get': {
        const g = this.m.globalTypes[imm.a];
        const expr = this.typed(g.type, `${this.scope.global(imm.a)}.value`);
        if (g.mutable) this.stmt(`${this.pushSlotAt(g.type)} = ${expr};`);
        else this.pushPure(g.type, expr, []); // immutable: as pure as a constant
        return;
      }
      case 'global.set':
        this.stmt(`${this.scope.global(imm.a)}.value = ${this.pop1().js};`);
        return;
      case 'i32.const':
        this.pushConst(ValType.I32, intLiteral(imm.value as number), imm.value as number);
        return;
      case 'f32.const':
        this.pushConst(ValType.F32, intLiteral(imm.value as number), imm.value as number);
        return;
      case 'i64.const':
        this.pushConst(ValType.I64, bigLiteral(imm.value as bigint), imm.value as bigint);
        return;
      case 'f64.const':
        this.pushConst(ValType.F64, this.f64Text(imm.value as number), imm.value as number);
        return;
      case 'v128.const':
        this.pushPure(ValType.V128, `${this.scope.v128Const(imm.value as Uint8Array)}.slice()`, []);
        return;
      case 'i8x16.shuffle': {
        const [a, b] = this.pop(2);
        const lanes = this.scope.v128Const(imm.value as Uint8Array);
        this.pushPure(ValType.V128, `${this.scope.numeric(op.id)}(${a.js}, ${b.js}, ${lanes})`, [a, b]);
        return;
      }
      case 'ref.null':
        this.pushConst(imm.a as ValType, 'null');
        return;
      case 'ref.is_null': {
        const v = this.pop1();
        this.pushPure(ValType.I32, `(${v.js} === null ? 1 : 0)`, [v], { cond: `(${v.js} === null)` });
        return;
      }
      case 'ref.func':
        // Instances never change their function index space: as pure as a constant.
        this.pushPure(ValType.FuncRef, `$F[${imm.a}]`, []);
        return;
      case 'memory.size':
        this.stmt(`${this.pushSlotAt(ValType.I32)} = ${this.typed(ValType.I32, '$M0.pages')};`);
        return;
      case 'memory.grow': {
        const d = this.pop1().js;
        this.stmt(`${this.pushSlotAt(ValType.I32)} = ${this.typed(ValType.I32, `${this.scope.helper('grow')}($M0, ${d})`)};`);
        this.refreshViews();
        return;
      }
    }
    if (isScalarAccess(op.name)) this.memoryAccess(op, imm);
    else if (SIMD_MEMORY_FNS[op.id] !== undefined) this.simdMemory(op, imm);
    else if (bulkOp(op.name) !== undefined) this.bulk(op, imm);
    else if (NUMERIC_FNS[op.id] !== undefined && op.params !== undefined) this.numeric(op, imm);
    else throw new Error(`compiled: no translation for ${op.name}`);
  }

  private f64Text(v: number): string {
    return v === v ? f64Literal(v) : this.scope.f64Const(v);
  }

  private literal(type: ValType, v: number | bigint): string {
    if (type === ValType.I64) return bigLiteral(v as bigint);
    if (type === ValType.F64) return this.f64Text(v as number);
    return intLiteral(v as number);
  }

  private numeric(op: OpInfo, imm: Imm): void {
    const n = op.params!.length;
    const type = op.results![0];
    let inline: InlineOp | undefined = INLINE_OPS[op.name];
    if (inline?.twice && !this.stack.slice(-n).every((x) => x.expr === undefined || x.simple)) inline = undefined;
    const nanOp = inline?.nan !== undefined;
    // Unoptimized, the NaN fix writes its operands twice: they must be names or literals.
    if (nanOp && !this.opts.optimize) {
      for (let h = this.stack.length - n; h < this.stack.length; h++) if (!this.stack[h].simple) this.materialize(h);
    }
    const args = this.pop(n, this.opts.optimize && (nanOp || NAN_BLIND.has(op.name)));
    if (this.opts.miscompileI32Sub && op.name === 'i32.sub') {
      // TEST ONLY, deliberately wrong: one too little when the second operand is odd (never folded).
      const [a, b] = args.map((x) => x.js);
      this.pushPure(type, `((${a} - ${b} - (${b} & 1)) | 0)`, args);
      return;
    }
    if (this.opts.miscompileI32Add && op.name === 'i32.add') {
      // TEST ONLY, deliberately wrong: one too little when the second operand is odd (never folded).
      const [a, b] = args.map((x) => x.js);
      this.pushPure(type, `((${a} + ${b} - (${b} & 1)) | 0)`, args);
      return;
    }
    if (this.opts.optimize && op.traps.length === 0 && args.every((a) => a.konst !== undefined) && SCALAR.has(type)) {
      // Constant folding with the very function the interpreter runs: exact by construction.
      // The arguments go through a generic array: an array of doubles would quiet NaNs.
      const konsts = rawArray(args.length);
      args.forEach((a, i) => (konsts[i] = a.konst));
      const v = NUMERIC_FNS[op.id]!(...konsts) as number | bigint;
      this.pushConst(type, this.literal(type, v), v);
      return;
    }
    const js = args.map((a) => a.js);
    // Bounded f64 operands (from integers and constants) may give a result that cannot be NaN.
    const bound = this.opts.optimize && type === ValType.F64
      ? f64Bound(op.name, args.filter((a) => a.type === ValType.F64).map((a) => a.bound))
      : undefined;
    if (inline?.nan !== undefined && bound !== undefined) {
      this.pushPure(type, `(${inline.expr(js)})`, args, { bound });
      return;
    }
    if (inline?.nan !== undefined && this.opts.optimize) {
      const exact = `(+${this.scope.numeric(op.id)}(${args.map((a) => a.exact ?? a.js).join(', ')}))`;
      this.pushPure(type, `(${inline.expr(js)})`, args, { exact });
      return;
    }
    if (inline?.nan !== undefined) {
      const t = this.scratch('$t', '0');
      // `+` keeps the result a double for V8 (a tagged call result would box every value).
      const fix = inline.nan === 1 ? `+${this.scope.helper('nan1')}(${js[0]})` : `+${this.scope.helper('nan2')}(${js[0]}, ${js[1]})`;
      const h = this.stack.length;
      this.stmt(`${t} = ${inline.expr(js)}; ${this.writeSlot(h, type)} = ${notNaN(t)} ? ${t} : ${fix};`);
      this.stack.push({ type, at: this.at });
      return;
    }
    if (inline !== undefined) {
      const expr = inline.expr(js);
      const extra: Partial<Entry> = { simple: isSimple(expr), bound };
      if (inline.cond !== undefined) extra.cond = inline.cond(js);
      this.pushPure(type, expr, args, extra);
      return;
    }
    if (op.imm === 'lane') js.push(String(imm.a));
    const call = `${this.scope.numeric(op.id)}(${js.join(', ')})`;
    if (op.traps.length > 0) this.stmt(`${this.pushSlotAt(type)} = ${this.typed(type, SITE + call)};`, op.traps);
    else this.pushPure(type, this.typed(type, call), args, { bound });
  }

  private memoryAccess(op: OpInfo, imm: Imm): void {
    const guarded = this.opts.guarded;
    const kinds = [TrapKind.MemoryOutOfBounds];
    const role = guarded ? 'guard' : 'check';
    if (op.results!.length === 1) {
      const addr = this.pop1().js;
      const target = this.pushSlotAt(op.results![0]);
      this.stmt(loadText(op.name, target, addr, imm.b, this.views, guarded), kinds, role);
    } else {
      const [addr, value] = this.pop(2);
      this.stmt(storeText(op.name, addr.js, value.js, imm.b, this.views, guarded), kinds, role);
    }
    if (!guarded) this.scratch('$a', '0');
  }

  private simdMemory(op: OpInfo, imm: Imm): void {
    const fn = this.scope.simdMemory(op.id);
    const kinds = [TrapKind.MemoryOutOfBounds];
    if (op.params!.length === 1) {
      const addr = this.pop1().js;
      this.stmt(`${this.pushSlotAt(ValType.V128)} = ${SITE}${fn}($M0.u8, ${addr}, ${imm.b});`, kinds);
      return;
    }
    const [addr, v] = this.pop(2);
    const call = `${SITE}${fn}($M0.u8, ${addr.js}, ${imm.b}, ${v.js}, ${imm.a});`;
    if (op.results!.length === 1) this.stmt(`${this.pushSlotAt(ValType.V128)} = ${call}`, kinds);
    else this.stmt(call, kinds);
  }

  private bulk(op: OpInfo, imm: Imm): void {
    const b = bulkOp(op.name)!;
    const args = this.pop(b.operands).map((a) => a.js);
    const call = `${op.traps.length > 0 ? SITE : ''}${this.scope.helper(b.helper)}($I, ${b.immediates(imm, this.m).concat(args).join(', ')})`;
    const result = b.result(this.m, imm);
    if (result !== undefined) this.stmt(`${this.pushSlotAt(result)} = ${this.typed(result, call)};`, op.traps);
    else this.stmt(`${call};`, op.traps.length > 0 ? op.traps : undefined);
  }

  // ---- calls ----

  /** After a call that may grow memory (or memory.grow): the cached views may be stale. */
  private refreshViews(callee?: number): void {
    if (!this.cachesViews) return;
    if (callee !== undefined && this.opts.mayGrowMemory?.(callee) === false) return;
    this.stmt(`${this.viewAssignments().join('; ')};`);
  }

  /** The statement tail that stores a call's results into their variables. */
  private results(types: readonly ValType[], call: string): string {
    if (types.length === 0) return `${call};`;
    if (types.length === 1) return `${this.pushSlotAt(types[0])} = ${this.typed(types[0], call)};`;
    const r = this.scratch('$r', 'null');
    let text = `${r} = ${call};`;
    types.forEach((t, i) => (text += ` ${this.pushSlotAt(t)} = ${this.typed(t, `${r}[${i}]`)};`));
    return text;
  }

  private call(funcIndex: number): void {
    const m = this.m;
    const type = m.types[m.funcTypes[funcIndex]];
    if (this.opts.inlinable?.(funcIndex) && this.markAt === undefined) {
      this.inline(funcIndex);
      return;
    }
    const args = this.pop(type.params.length).map((a) => a.js).join(', ');
    const callee = funcIndex < m.numImportedFuncs ? this.scope.importFn(funcIndex) : fnName(funcIndex);
    this.stmt(this.results(type.results, `${callee}(${args})`));
    this.refreshViews(funcIndex);
  }

  private callIndirect(typeIndex: number, table: number): void {
    const type = this.m.types[typeIndex];
    const index = this.pop1().js;
    const args = this.pop(type.params.length).map((a) => a.js).join(', ');
    const f = this.scratch('$f', 'null');
    const lookup = `${f} = ${SITE}${this.scope.helper('indirect')}(${this.scope.table(table)}, ${index}, ${this.scope.type(typeIndex)}, st);`;
    const kinds = [TrapKind.UndefinedElement, TrapKind.IndirectCallToNull, TrapKind.IndirectCallTypeMismatch];
    this.stmt(`${lookup} ${this.results(type.results, `${f}(${args})`)}`, kinds);
    this.refreshViews();
  }

  /**
   * Inlines a small leaf (see inlining.ts): the call's depth check stays here, the callee's
   * locals become variables of this function, its code runs on top of the caller's stack.
   */
  private inline(funcIndex: number): void {
    const m = this.m;
    const body = m.funcs[funcIndex - m.numImportedFuncs];
    const type = m.types[body.typeIndex];
    const types = [...type.params, ...body.locals];
    const names = types.map((_, i) => `il${funcIndex}_${i}`);
    const np = type.params.length;
    // Arguments that read the callee's variables (an earlier inlining) must be read first.
    for (let h = this.stack.length - np; h < this.stack.length; h++) {
      if (this.stack[h].reads?.some((r) => names.includes(r))) this.materialize(h);
    }
    this.stmt(`if (st.depth >= st.maxDepth) ${SITE}${this.scope.helper('tDepth')}();`, [TrapKind.CallStackExhausted]);
    const args = this.pop(np);
    types.forEach((t, i) => {
      this.invalidate(names[i]);
      this.scratch(names[i], ZERO[t]);
      const init = i < np ? args[i].js : t === ValType.V128 ? 'new Uint8Array(16)' : ZERO[t];
      this.stmt(`${names[i]} = ${init};`);
    });
    const saved = this.frame;
    this.frame = { names, types };
    this.markAt = this.at;
    const r = new Reader(m.bytes, body.codeStart, body.codeEnd);
    for (;;) {
      const op = readOp(r);
      const imm = readImm(r, op.imm);
      if (op.name === 'end') break;
      this.op(op, imm);
    }
    this.markAt = undefined;
    this.frame = saved;
  }
}

/** True for a plain name or a literal: text that may be written twice. */
function isSimple(expr: string): boolean {
  return /^[$\w]+$/.test(expr) || /^\(-[\w.]+\)$/.test(expr);
}

/** Translates defined function `funcIndex` of `scope.module`. */
export function translateFunction(scope: ModuleScope, funcIndex: number, opts: TranslateOptions): FuncCode {
  return new Translator(scope, funcIndex, opts).translate();
}
