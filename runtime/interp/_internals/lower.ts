// Lowers one validated function body into interpreter code (see codes.ts; fused ops come from
// the fuse.ts peephole): branch targets become code positions, unwinds get their heights
// precomputed, unreachable code is dropped. Trusts the validator (invalid body: unspecified).

import { Reader } from '../../binary/Reader.js';
import type { Raw } from '../../instance/objects.js';
import { readOp } from '../../opcodes/readOp.js';
import type { OpInfo } from '../../opcodes/table.js';
import { ValType, type ModuleInfo } from '../../types.js';
import { C, INLINE_CODES, MEMORY_CODES } from './codes.js';
import { readImm, type Imm } from '../../exec/readImm.js';
import { RARE_FNS } from './rareOps.js';
import { NUMERIC_FNS } from '../../exec/numericFns.js';
import { fuelPlan } from '../../exec/fuelPlan.js';
import { blockSig } from '../../exec/blockSig.js';
import { Emitter } from './Emitter.js';
import { Fuser, LOCAL_OPS, type Bank } from './fuse.js';

/** A function ready to run: code, the byte offset of every code slot, constants, frame shape. */
export interface Lowered {
  /** Index in the function index space. */
  readonly funcIndex: number;
  readonly code: Int32Array;
  /** `offs[i]` is the module byte offset of the wasm instruction code slot `i` belongs to. */
  readonly offs: Int32Array;
  /** i64, f64 and v128 constants (a generic array, so f64 NaN payloads survive). */
  readonly pool: Raw[];
  readonly nParams: number;
  readonly nResults: number;
  /** Zero values of the declared (non-parameter) locals, in order. */
  readonly localZeros: Raw[];
  /** Frame slots of v128 locals: each call gives them a fresh zero vector. */
  readonly v128Locals: readonly number[];
  /** Frame slots of f64 params (copied into the f64 register file on entry) and declared f64
   * locals (zeroed there): f64 locals live in the register file only (see codes.ts). */
  readonly f64Params: readonly number[];
  readonly f64Locals: readonly number[];
  /** The same for i32 params and locals and the i32 register file. */
  readonly i32Params: readonly number[];
  readonly i32Locals: readonly number[];
  /**
   * The most slots (locals and operands, fp-relative) the body ever uses. A call makes the
   * value stack at least this long up front, so no other store in `run` ever grows the array
   * (a store past the end deoptimizes code compiled without having seen one).
   */
  readonly maxHeight: number;
  /** The code slots that hold branch targets (relative, as all of `code`). */
  readonly targets: Int32Array;
  /** Where the function stands in the shared code text, valid while `gen` is the text's
   * generation (space.ts places it; the run loop's pc is absolute in the text). */
  start: number;
  gen: number;
}

/** How to lower. */
export interface LowerOptions {
  /** Emit fuel charges and checks (see interpTier.ts for the rule). */
  readonly fuel: boolean;
  /** Emit epoch deadline checks (function entry and loop headers, after the fuel check). */
  readonly epoch?: boolean;
  /** Run the hot i32 ops inline instead of through the function table. */
  readonly inline: boolean;
  /**
   * Fuse operand fetches, ops and local stores into one code (fuse.ts; default on). Off, the
   * code is one lowered op per wasm instruction: the tests compare both ways.
   */
  readonly fuse?: boolean;
}

/** One open block, loop, if, or the function body itself. */
interface Ctl {
  readonly kind: 'block' | 'loop' | 'if' | 'func';
  /** Frame height below the block's params. */
  readonly height: number;
  readonly nParams: number;
  readonly nResults: number;
  /** Loops: where the body starts (the branch target). */
  readonly start: number;
  /** Code slots waiting for the position of this block's end. */
  readonly fixups: number[];
  /** Ifs: the IF's target slot until an else (or the end) patches it; -1 after. */
  elseFixup: number;
  /** Entered from unreachable code: everything up to its end is dropped. */
  readonly deadEntry: boolean;
  /** The code currently being read is unreachable. */
  dead: boolean;
}

const ZERO: Partial<Record<ValType, Raw>> = {
  [ValType.I32]: 0, [ValType.I64]: 0n, [ValType.F32]: 0, [ValType.F64]: 0,
  [ValType.FuncRef]: null, [ValType.ExternRef]: null,
};

/** Stack effects of the rare ops whose opcode row has no fixed signature. */
const SPECIAL_RARE_EFFECT: Readonly<Record<string, number>> = {
  'table.get': 0, 'table.set': -2, 'table.size': 1, 'table.grow': -1, 'table.fill': -3,
};

/** Variable access: lowered code and stack effect. */
const VARIABLE_OPS: Readonly<Record<string, readonly [number, number]>> = {
  'local.get': [C.LOCAL_GET, 1], 'local.set': [C.LOCAL_SET, -1], 'local.tee': [C.LOCAL_TEE, 0],
  'global.get': [C.GLOBAL_GET, 1], 'global.set': [C.GLOBAL_SET, -1],
};

/** The frame slots, among `types` (numbered from `first`), of the locals of type `t`. */
function slotsOf(types: readonly ValType[], t: ValType, first: number): number[] {
  return types.flatMap((x, i) => (x === t ? [first + i] : []));
}

/** Lowers function `funcIndex` (a defined function) of `module`. */
export function lower(module: ModuleInfo, funcIndex: number, opts: LowerOptions): Lowered {
  const body = module.funcs[funcIndex - module.numImportedFuncs];
  const type = module.types[body.typeIndex];
  const nParams = type.params.length;
  const nLocals = nParams + body.locals.length;
  const localZeros: Raw[] = [null];
  localZeros.length = 0;
  const v128Locals: number[] = [];
  body.locals.forEach((t, i) => {
    localZeros.push(t === ValType.V128 ? null : ZERO[t]);
    if (t === ValType.V128) v128Locals.push(nParams + i);
  });
  const localTypes = [...type.params, ...body.locals];
  const banks = localTypes.map((t): Bank => (t === ValType.F64 ? 'f' : t === ValType.I32 ? 'i' : 's'));
  const pool: Raw[] = [null]; // seeded with null: a generic array never canonicalizes NaNs
  pool.length = 0;

  const e = new Emitter();
  const fuser = opts.fuse === false ? undefined : new Fuser(e, banks);
  const r = new Reader(module.bytes, body.codeStart, body.codeEnd);
  const ctl: Ctl[] = [];
  let h = nLocals; // static operand height, fp-relative (valid in reachable code)
  let maxHeight = h;
  // Where each batch of fuel is charged: the rule lives in exec/fuelPlan.ts, shared with the
  // compiled tier so both charge at exactly the same points.
  const plan = opts.fuel ? fuelPlan(module, funcIndex) : undefined;

  const push = (kind: Ctl['kind'], nP: number, nR: number, deadEntry: boolean): Ctl => {
    const c: Ctl = {
      kind, height: h - nP, nParams: nP, nResults: nR, start: e.len, fixups: [], elseFixup: -1,
      deadEntry, dead: deadEntry,
    };
    ctl.push(c);
    return c;
  };
  const charge = (at: number): void => {
    const n = plan?.get(at);
    if (n === undefined) return;
    fuser?.flush(); // a batch's charge comes before any of its instructions
    e.emit(C.FUEL);
    e.emit(n);
  };
  const blockType = (bt: number): [number, number] => {
    const sig = blockSig(module, bt);
    return [sig.params.length, sig.results.length];
  };
  const target = (t: Ctl): void => {
    if (t.kind === 'loop') e.emitTarget(t.start);
    else {
      t.fixups.push(e.len);
      e.emitTarget(-1);
    }
  };
  const arityOf = (t: Ctl): number => (t.kind === 'loop' ? t.nParams : t.nResults);
  const branch = (depth: number, plain: number, unwinding: number): void => {
    const t = ctl[ctl.length - 1 - depth];
    const arity = arityOf(t);
    const unwind = h - arity !== t.height;
    e.emit(unwind ? unwinding : plain);
    target(t);
    if (unwind) {
      e.emit(t.height);
      e.emit(arity);
    }
  };
  const markDead = (): void => {
    ctl[ctl.length - 1].dead = true;
  };
  const endBlock = (c: Ctl): void => {
    ctl.pop();
    for (const slot of c.fixups) e.code[slot] = e.len;
    if (c.elseFixup >= 0) e.code[c.elseFixup] = e.len;
    h = c.height + c.nResults;
    if (c.kind === 'func') e.emit(C.RETURN);
  };

  /** Ops with a fixed signature and no control effect: memory, inline, rare or table-driven. */
  const lowerPlain = (op: OpInfo, imm: Imm): void => {
    const memCode = MEMORY_CODES[op.name];
    const inline = opts.inline ? INLINE_CODES[op.name] : undefined;
    if (memCode !== undefined) {
      e.emit(memCode);
      e.emit(imm.b);
    } else if (inline !== undefined) {
      e.emit(inline);
    } else if (RARE_FNS[op.id] !== undefined) {
      e.emit(C.RARE);
      e.emit(op.id);
      e.emit(imm.a);
      e.emit(imm.b);
      h += SPECIAL_RARE_EFFECT[op.name] ?? 0;
    } else if (NUMERIC_FNS[op.id] !== undefined && op.params !== undefined) {
      if (op.imm === 'lane') {
        e.emit(op.params.length === 1 ? C.LANE1 : C.LANE2);
        e.emit(op.id);
        e.emit(imm.a);
      } else {
        e.emit(op.params.length === 1 ? C.UN : op.params.length === 2 ? C.BIN : C.TERN);
        e.emit(op.id);
      }
    } else {
      throw new Error(`interp: no implementation for ${op.name}`);
    }
  };

  e.at = body.codeStart;
  push('func', 0, type.results.length, false);
  if (opts.fuel) e.emit(C.FUEL_CHECK);
  if (opts.epoch) e.emit(C.EPOCH_CHECK);

  while (ctl.length > 0) {
    const at = r.pos;
    const op = readOp(r);
    const imm = readImm(r, op.imm);
    const top = ctl[ctl.length - 1];
    e.at = at;
    if (top.dead) {
      // Only structure matters in unreachable code; its instructions are never emitted.
      if (op.name === 'block' || op.name === 'loop' || op.name === 'if') push('block', 0, 0, true);
      else if (op.name === 'else' && !top.deadEntry) {
        if (top.elseFixup >= 0) e.code[top.elseFixup] = e.len;
        top.elseFixup = -1;
        top.dead = false;
        h = top.height + top.nParams;
      } else if (op.name === 'end') {
        if (top.deadEntry) ctl.pop();
        else endBlock(top);
      }
      continue;
    }
    charge(at);
    if (fuser !== undefined) {
      fuser.begin();
      // br_if and if look at the fuser themselves; everything else not fused flushes it.
      if (op.name !== 'br_if' && op.name !== 'if') {
        const after = fuser.lower(op.name, imm, h, () => lowerPlain(op, imm));
        if (after >= 0) {
          h = after;
          if (h > maxHeight) maxHeight = h;
          continue;
        }
        fuser.flush();
      }
    }

    switch (op.name) {
      case 'unreachable':
        e.emit(C.UNREACHABLE);
        markDead();
        break;
      case 'nop':
        break;
      case 'block': {
        const [p, q] = blockType(imm.a);
        push('block', p, q, false);
        break;
      }
      case 'loop': {
        const [p, q] = blockType(imm.a);
        push('loop', p, q, false);
        if (opts.fuel) e.emit(C.FUEL_CHECK);
        if (opts.epoch) e.emit(C.EPOCH_CHECK);
        break;
      }
      case 'if': {
        const [p, q] = blockType(imm.a);
        const sp = fuser !== undefined ? fuser.branchHead(true, h) : -1;
        h--;
        if (sp < 0) {
          fuser?.flush();
          e.emit(C.IF);
        }
        const slot = e.len;
        e.emitTarget(-1);
        if (sp >= 0) e.emit(sp);
        push('if', p, q, false).elseFixup = slot;
        break;
      }
      case 'else':
        e.emit(C.JUMP);
        target(top);
        e.code[top.elseFixup] = e.len;
        top.elseFixup = -1;
        h = top.height + top.nParams;
        break;
      case 'end':
        endBlock(top);
        break;
      case 'br':
        branch(imm.a, C.JUMP, C.BR_UNWIND);
        markDead();
        break;
      case 'br_if': {
        const t = ctl[ctl.length - 1 - imm.a];
        // Fused only when nothing is unwound: the fused branches just set sp.
        const sp = fuser !== undefined && h - 1 - arityOf(t) === t.height ? fuser.branchHead(false, h) : -1;
        h--;
        if (sp >= 0) {
          target(t);
          e.emit(sp);
        } else {
          fuser?.flush();
          branch(imm.a, C.BR_IF, C.BR_IF_UNWIND);
        }
        break;
      }
      case 'br_table': {
        h--;
        const n = imm.labels.length - 1;
        e.emit(C.BR_TABLE);
        e.emit(arityOf(ctl[ctl.length - 1 - imm.labels[n]]));
        e.emit(n);
        for (const l of imm.labels) {
          const t = ctl[ctl.length - 1 - l];
          target(t);
          e.emit(t.height);
        }
        markDead();
        break;
      }
      case 'return':
        e.emit(C.RETURN);
        markDead();
        break;
      case 'call': {
        const t = module.types[module.funcTypes[imm.a]];
        e.emit(C.CALL);
        e.emit(imm.a);
        h += t.results.length - t.params.length;
        break;
      }
      case 'call_indirect': {
        const t = module.types[imm.a];
        e.emit(C.CALL_INDIRECT);
        e.emit(imm.a);
        e.emit(imm.b);
        h += t.results.length - t.params.length - 1;
        break;
      }
      case 'drop':
        e.emit(C.DROP);
        h--;
        break;
      case 'select':
      case 'select_t':
        e.emit(C.SELECT);
        h -= 2;
        break;
      case 'local.get':
      case 'local.set':
      case 'local.tee':
      case 'global.get':
      case 'global.set': {
        const [code, effect] = VARIABLE_OPS[op.name];
        e.emit(op.name.startsWith('local.') ? LOCAL_OPS[banks[imm.a]][code] : code);
        e.emit(imm.a);
        h += effect;
        break;
      }
      case 'i32.const':
      case 'f32.const':
        e.emit(C.CONST);
        e.emit(imm.value as number);
        break;
      case 'i64.const':
      case 'f64.const':
      case 'v128.const':
        e.emit(op.name === 'v128.const' ? C.V128_CONST : C.CONST_POOL);
        e.emit(pool.length);
        pool.push(imm.value);
        break;
      case 'i8x16.shuffle':
        e.emit(C.SHUFFLE);
        e.emit(pool.length);
        pool.push(imm.value);
        break;
      case 'ref.null':
        e.emit(C.REF_NULL);
        h++;
        break;
      case 'ref.is_null':
        e.emit(C.REF_IS_NULL);
        break;
      case 'ref.func':
        e.emit(C.REF_FUNC);
        e.emit(imm.a);
        h++;
        break;
      case 'memory.size':
        e.emit(C.MEMORY_SIZE);
        break;
      case 'memory.grow':
        e.emit(C.MEMORY_GROW);
        break;
      default:
        lowerPlain(op, imm);
    }
    if (op.params !== undefined) h += op.results!.length - op.params.length;
    if (h > maxHeight) maxHeight = h;
  }

  // The fuser rewrites only ops it emitted last and never one holding a target.
  if (e.targets.some((slot) => slot >= e.len)) throw new Error(`interp: a branch target of function ${funcIndex} was dropped`);
  return {
    funcIndex, code: e.code.slice(0, e.len), offs: e.offs.slice(0, e.len), pool,
    nParams, nResults: type.results.length, localZeros, v128Locals, maxHeight,
    f64Params: slotsOf(type.params, ValType.F64, 0), f64Locals: slotsOf(body.locals, ValType.F64, nParams),
    i32Params: slotsOf(type.params, ValType.I32, 0), i32Locals: slotsOf(body.locals, ValType.I32, nParams),
    targets: Int32Array.from(e.targets), start: -1, gen: 0,
  };
}
