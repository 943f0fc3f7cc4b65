// Handlers for the opcodes whose stack effect the table marks special (`*`): control, locals,
// globals, calls, references and tables. Each draws its immediates, arranges its operands and
// updates the builder's stack and frames; false means "not possible here" (no label of the
// right kind, no table...), with nothing emitted. Checked at load against the opcode table.

import { OPS, op as opNamed, type OpInfo } from '../../../../runtime/opcodes/table.js';
import { sameFuncType, ValType } from '../../../../runtime/types.js';
import { sameTypes, type BodyBuilder, type Frame } from '../BodyBuilder.js';

type Handler = (b: BodyBuilder, o: OpInfo) => boolean;

const I32 = ValType.I32;
const O = { i32Const: opNamed('i32.const'), localSet: opNamed('local.set'), select: opNamed('select'), i32And: opNamed('i32.and'), brIf: opNamed('br_if') };
/** Most br_table targets besides the default. */
const MAX_TABLE_TARGETS = 6;

function openBlock(b: BodyBuilder, o: OpInfo): boolean {
  if (b.frames.length > b.ctx.swarm.maxDepth) return false;
  const bt = b.blockType();
  if (o.name === 'if') {
    b.need([...bt.params, I32]);
    b.stack.pop();
  } else {
    b.need(bt.params);
  }
  let counter = -1;
  if (o.name === 'loop') {
    counter = b.loopCounter();
    // Reset on every entry from outside: back-edges alone spend it.
    if (counter >= 0) {
      b.op(O.i32Const).code.sleb32(b.tape.next(b.ctx.swarm.loopIters + 1));
      b.op(O.localSet).code.uleb(counter);
    }
  }
  b.op(o);
  b.writeBlockType(bt);
  b.push(o.name as Frame['kind'], bt, counter);
  return true;
}

/** A branch to a counted loop goes through its counter, so it is conditional. */
const guarded = (f: Frame): boolean => f.kind === 'loop' && f.counter >= 0;

function br(b: BodyBuilder, o: OpInfo): boolean {
  const l = b.tape.next(b.frames.length);
  const f = b.frameAt(l);
  b.need(b.labelTypes(f));
  if (guarded(f)) {
    b.counterCondition(f);
    b.op(O.brIf).code.uleb(l);
    b.stack.pop();
    return true;
  }
  b.op(o).code.uleb(l);
  b.dead();
  return true;
}

function brIf(b: BodyBuilder, o: OpInfo): boolean {
  const l = b.tape.next(b.frames.length);
  const f = b.frameAt(l);
  b.need([...b.labelTypes(f), I32]);
  if (guarded(f)) {
    // cond = counter still positive ? cond : 0
    b.op(O.i32Const).code.u8(0);
    b.stack.push(I32);
    b.counterCondition(f);
    b.op(O.select);
    b.effect(3, [I32]);
  }
  b.op(o).code.uleb(l);
  b.stack.pop();
  return true;
}

function brTable(b: BodyBuilder, o: OpInfo): boolean {
  const n = b.frames.length;
  // The default never needs a counter; counted loops may only be extra targets, reached
  // through an index that falls back to the default once any of their counters is spent.
  const defaults: number[] = [];
  for (let l = 0; l < n; l++) if (!guarded(b.frameAt(l))) defaults.push(l);
  const d = b.tape.pick(defaults);
  const types = b.labelTypes(b.frameAt(d));
  const compatible: number[] = [];
  for (let l = 0; l < n; l++) if (sameTypes(b.labelTypes(b.frameAt(l)), types)) compatible.push(l);
  const targets: number[] = [];
  const count = b.tape.next(MAX_TABLE_TARGETS + 1);
  for (let i = 0; i < count; i++) targets.push(b.tape.pick(compatible));
  b.need([...types, I32]);
  const loops = [...new Set(targets.map((l) => b.frameAt(l)).filter(guarded))];
  if (loops.length > 0) {
    b.op(O.i32Const).code.sleb32(-1);
    b.stack.push(I32);
    loops.forEach((f, i) => {
      b.counterCondition(f);
      if (i > 0) b.op(O.i32And).effect(2, [I32]);
    });
    b.op(O.select);
    b.effect(3, [I32]);
  }
  b.op(o).code.uleb(targets.length);
  for (const l of targets) b.code.uleb(l);
  b.code.uleb(d);
  b.dead();
  return true;
}

function call(b: BodyBuilder, o: OpInfo): boolean {
  const { funcTypes, types } = b.ctx;
  if (funcTypes.length === 0) return false;
  const f = b.tape.next(funcTypes.length);
  const t = types[funcTypes[f]!]!;
  b.need(t.params);
  b.op(o).code.uleb(f);
  b.effect(t.params.length, t.results);
  return true;
}

/**
 * call_indirect, aimed one time in two at a slot an active segment filled, with either the
 * callee's own type (the call goes through) or a different one (a type mismatch); otherwise at
 * any index up to just past the table's initial size (nulls, the bound) or whatever the stack
 * holds, with a defined function's type or any type.
 */
function callIndirect(b: BodyBuilder, o: OpInfo): boolean {
  const { funcrefTables, types, funcTypes } = b.ctx;
  if (funcrefTables.length === 0) return false;
  const table = b.tape.pick(funcrefTables);
  const filled = b.ctx.filledSlots[table]!;
  const how = b.tape.next(4);
  let ti: number;
  let index = -1;
  if (how <= 1 && filled.length > 0) {
    const { slot, func } = b.tape.pick(filled);
    const own = types[funcTypes[func]!]!;
    const others = how === 1 ? types.flatMap((t, i) => (sameFuncType(t, own) ? [] : [i])) : [];
    ti = others.length > 0 ? b.tape.pick(others) : funcTypes[func]!;
    index = slot;
  } else {
    ti = b.tape.flip() ? b.tape.pick(funcTypes) : b.tape.next(types.length);
    if (how !== 3) index = b.tape.next(b.ctx.tables[table]!.min + 2);
  }
  const t = types[ti]!;
  if (index < 0) {
    b.need([...t.params, I32]);
  } else {
    b.need(t.params);
    b.op(O.i32Const).code.sleb32(index);
    b.stack.push(I32);
  }
  b.op(o).code.uleb(ti).uleb(table);
  b.effect(t.params.length + 1, t.results);
  return true;
}

/** A user local: one whose type matches the stack top when `preferTop`, else any. */
function pickLocal(b: BodyBuilder, preferTop: boolean): number {
  const n = b.userLocals;
  if (preferTop && b.avail > 0 && b.tape.next(4) !== 0) {
    const want = b.stack[b.stack.length - 1];
    const start = b.tape.next(n);
    for (let i = 0; i < n; i++) if (b.locals[(start + i) % n] === want) return (start + i) % n;
  }
  return b.tape.next(n);
}

function local(b: BodyBuilder, o: OpInfo): boolean {
  if (b.userLocals === 0) return false;
  const x = pickLocal(b, o.name !== 'local.get');
  const t = b.locals[x]!;
  if (o.name !== 'local.get') b.need([t]);
  b.op(o).code.uleb(x);
  if (o.name === 'local.set') b.stack.pop();
  if (o.name === 'local.get') b.stack.push(t);
  return true;
}

function global(b: BodyBuilder, o: OpInfo): boolean {
  const gs = b.ctx.globals;
  const candidates = o.name === 'global.get' ? gs.map((_, i) => i) : gs.flatMap((g, i) => (g.mutable ? [i] : []));
  if (candidates.length === 0) return false;
  const x = b.tape.pick(candidates);
  const t = gs[x]!.type;
  if (o.name === 'global.set') b.need([t]);
  b.op(o).code.uleb(x);
  if (o.name === 'global.set') b.stack.pop();
  else b.stack.push(t);
  return true;
}

/** A value type for select: the stack top's when it fits, else one the swarm allows. */
function selectType(b: BodyBuilder, typed: boolean): ValType {
  const top = b.avail > 0 ? b.stack[b.stack.length - 1]! : undefined;
  const choices = typed ? b.ctx.valTypes : b.ctx.numericTypes;
  if (top !== undefined && choices.includes(top) && b.tape.next(4) !== 0) return top;
  return b.tape.pick(choices);
}

function select(b: BodyBuilder, o: OpInfo): boolean {
  const typed = o.name === 'select_t';
  const t = selectType(b, typed);
  b.need([t, t, I32]);
  b.op(o);
  if (typed) b.code.u8(1).u8(t);
  b.effect(3, [t]);
  return true;
}

/** A table index for table.* opcodes, or -1. */
function pickTable(b: BodyBuilder): number {
  return b.ctx.tables.length === 0 ? -1 : b.tape.next(b.ctx.tables.length);
}

/** table.get/set/size/grow/fill: operands (with `elem` for the table's element type) and results. */
const TABLE_OPS: Record<string, (elem: ValType) => [params: ValType[], results: ValType[]]> = {
  'table.get': (e) => [[I32], [e]],
  'table.set': (e) => [[I32, e], []],
  'table.size': () => [[], [I32]],
  'table.grow': (e) => [[e, I32], [I32]],
  'table.fill': (e) => [[I32, e, I32], []],
};

function table(b: BodyBuilder, o: OpInfo): boolean {
  const x = pickTable(b);
  if (x < 0) return false;
  const [params, results] = TABLE_OPS[o.name]!(b.ctx.tables[x]!.elem);
  b.need(params);
  b.op(o).code.uleb(x);
  b.effect(params.length, results);
  return true;
}

/** Handlers by opcode name. */
const SPECIALS: Readonly<Record<string, Handler>> = {
  unreachable: (b, o) => (b.op(o).dead(), true),
  nop: (b, o) => (b.op(o), true),
  block: openBlock,
  loop: openBlock,
  if: openBlock,
  else: (b) => {
    const f = b.top;
    if (f.kind !== 'if' || f.hasElse) return false;
    b.elseArm();
    return true;
  },
  end: (b) => {
    if (b.frames.length <= 1) return false;
    b.closeTop();
    return true;
  },
  br,
  br_if: brIf,
  br_table: brTable,
  return: (b, o) => {
    b.need(b.type.results);
    b.op(o).dead();
    return true;
  },
  call,
  call_indirect: callIndirect,
  drop: (b, o) => {
    if (b.avail === 0) return false;
    // With a checksum, half the drops keep their value observable (the rest stay dead code).
    if (b.ctx.checksumGlobal >= 0 && b.tape.flip()) b.fold();
    else b.op(o).stack.pop();
    return true;
  },
  select,
  select_t: select,
  'local.get': local,
  'local.set': local,
  'local.tee': local,
  'global.get': global,
  'global.set': global,
  'table.get': table,
  'table.set': table,
  'table.size': table,
  'table.grow': table,
  'table.fill': table,
  'ref.null': (b, o) => {
    const t = b.tape.pick(b.ctx.refTypes);
    b.op(o).code.u8(t);
    b.stack.push(t);
    return true;
  },
  'ref.is_null': (b, o) => {
    const top = b.avail > 0 ? b.stack[b.stack.length - 1]! : undefined;
    const t = top === ValType.FuncRef || top === ValType.ExternRef ? top : b.tape.pick(b.ctx.refTypes);
    b.need([t]);
    b.op(o).effect(1, [I32]);
    return true;
  },
  'ref.func': (b, o) => {
    const n = b.ctx.funcTypes.length;
    if (n === 0) return false;
    b.op(o).code.uleb(b.tape.next(n));
    b.stack.push(ValType.FuncRef);
    return true;
  },
};

/** Thrown at load when the opcode table has a special opcode this file does not handle. */
export class UnhandledSpecialError extends Error {
  override readonly name = 'UnhandledSpecialError';
}

for (const o of OPS) {
  if (o.params === undefined && SPECIALS[o.name] === undefined) {
    throw new UnhandledSpecialError(`no generator handler for special opcode ${o.name}`);
  }
}

/** The handler of special opcode `o`, or undefined for fixed-signature opcodes. */
export function specialHandler(o: OpInfo): Handler | undefined {
  return o.params === undefined ? SPECIALS[o.name] : undefined;
}
