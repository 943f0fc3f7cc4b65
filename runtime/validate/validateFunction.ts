// Type-checks one function body in a single pass over its bytes, following the spec's
// validation algorithm (operand stack with Unknown, control frames, polymorphic stack after
// branches). Fixed-signature ops take their stack effect from the shared opcode table; only
// immediates and the special ops are handled here. Module-level fields are checked elsewhere.

import { CompileError } from '../errors.js';
import { ValType, type FuncType, type ModuleInfo } from '../types.js';
import { readOp } from '../opcodes/readOp.js';
import { PLAIN_OPS, type OpInfo } from '../opcodes/table.js';
import type { Reader } from '../binary/Reader.js';
import { ACTION, Act, LANES, NATURAL_ALIGN, PLAIN_ACTION, VIA_READ_OP } from './_internals/opActions.js';
import { codeContext, type CodeContext } from './_internals/codeContext.js';
import { TypeStack, UNKNOWN, K_BLOCK, K_ELSE, K_FUNC, K_IF, K_LOOP, type Types } from './_internals/TypeStack.js';
import {
  BT_EMPTY, BT_INDEX, missingEndMessage, readBlockType, readBrTableCount, readRefTypeImm, readSelectTypes,
  skipBytes, skipS64, zeroByte,
} from './_internals/immediates.js';

const I32 = ValType.I32;
const FUNCREF = ValType.FuncRef;
const EMPTY: Types = [];
/** `[t]` for every value type code, so block types never allocate. */
const SINGLE: Types[] = [];
for (const t of Object.values(ValType)) SINGLE[t] = [t];

// Explicit types let TypeScript see that `fail` never returns.
const stack: TypeStack = new TypeStack();
let brTargets = new Uint32Array(64);

/**
 * Validates defined function `defIndex` of `m` (function index `m.numImportedFuncs + defIndex`).
 * Throws a CompileError: 'invalid' for type errors, 'malformed' for bad encodings found while
 * reading the body (illegal opcode, bad LEB, non-zero reserved byte, missing `end`).
 */
export function validateFunction(m: ModuleInfo, defIndex: number): void {
  const body = m.funcs[defIndex];
  const funcIndex = m.numImportedFuncs + defIndex;
  const ctx = codeContext(m);
  const r = ctx.reader;
  r.pos = body.codeStart;
  r.end = body.codeEnd;
  stack.reset(funcIndex);
  stack.at = body.offset;
  const type = m.types[body.typeIndex];
  if (type === undefined) stack.fail(`unknown type ${body.typeIndex}`);
  try {
    checkBody(m, ctx, r, type, body.locals as Types);
  } catch (e) {
    throw withFunction(e, funcIndex);
  }
}

// Reader errors (bad LEB, illegal opcode, end of body) carry no function index.
function withFunction(e: unknown, funcIndex: number): unknown {
  if (!(e instanceof CompileError) || e.funcIndex !== undefined) return e;
  return new CompileError(e.kind, e.message, e.offset, funcIndex);
}

function malformed(message: string, at: number): never {
  throw new CompileError('malformed', message, at, stack.funcIndex);
}

function checkBody(m: ModuleInfo, ctx: CodeContext, r: Reader, type: FuncType, locals: Types): void {
  const s: TypeStack = stack;
  const params = type.params as Types;
  const results = type.results as Types;
  const numParams = params.length;
  const numLocals = numParams + locals.length;
  const end = r.end;
  const bytes = r.bytes;
  // Locals, not imported bindings, in the loop: imports are re-checked on every access.
  const plainActions = PLAIN_ACTION;
  const plainOps = PLAIN_OPS;
  s.pushCtrl(K_FUNC, EMPTY, results);

  for (;;) {
    if (r.pos >= end) malformed(missingEndMessage(m.bytes, end), end);
    const at = r.pos;
    s.at = at;
    // Single-byte opcodes inline; prefixed and illegal ones through the shared reader.
    const b = bytes[at];
    let action = plainActions[b];
    let op: OpInfo;
    if (action !== VIA_READ_OP) {
      r.pos = at + 1;
      op = plainOps[b] as OpInfo;
    } else {
      op = readOp(r);
      action = ACTION[op.id];
    }
    if (action !== Act.Fixed) {
      switch (action) {
        // --- immediates of fixed-signature ops; the signature is applied after the switch
        case Act.SkipI32: {
          // Most i32.const immediates are one byte; the Reader has no fast path for s32.
          if (bytes[r.pos] < 0x80 && r.pos < end) r.pos++;
          else r.s32();
          break;
        }
        case Act.SkipI64: skipS64(r); break;
        case Act.SkipF32: skipBytes(r, 4); break;
        case Act.SkipF64: skipBytes(r, 8); break;
        case Act.SkipV128: skipBytes(r, 16); break;
        case Act.Memarg: {
          const align = r.u32();
          r.u32(); // offset: any u32 is valid
          checkMemarg(m, align, op.id);
          break;
        }
        case Act.MemoryZero: zeroByte(r); needMemory(m); break;
        case Act.Lane: checkLane(r.u8(), op.id); break;
        case Act.MemargLane: {
          const align = r.u32();
          r.u32();
          const laneIndex = r.u8();
          checkMemarg(m, align, op.id);
          checkLane(laneIndex, op.id);
          break;
        }
        case Act.Shuffle: {
          skipBytes(r, 16);
          for (let i = r.pos - 16; i < r.pos; i++) if (bytes[i] >= 32) s.fail('invalid lane index');
          break;
        }
        case Act.DataDrop: dataIndex(m, r.u32(), at); break;
        case Act.MemoryInit: {
          const x = r.u32();
          zeroByte(r);
          if (m.dataCount === undefined) malformed('data count section required', at);
          needMemory(m);
          dataIndex(m, x, at);
          break;
        }
        case Act.MemoryCopy: zeroByte(r); zeroByte(r); needMemory(m); break;
        case Act.ElemDrop: elemType(m, r.u32()); break;
        case Act.TableInit: {
          const y = r.u32();
          const x = r.u32();
          if (tableElem(m, x) !== elemType(m, y)) s.fail('type mismatch: element segment and table types differ');
          break;
        }
        case Act.TableCopy: {
          const x = r.u32();
          const y = r.u32();
          if (tableElem(m, x) !== tableElem(m, y)) s.fail('type mismatch: table types differ');
          break;
        }

        // --- special ops: handled completely here
        case Act.Unreachable: s.setUnreachable(); continue;
        case Act.Nop: continue;
        case Act.Block:
        case Act.Loop:
        case Act.If: {
          const bt = readBlockType(r);
          let start = EMPTY;
          let finish = EMPTY;
          if (bt >= BT_INDEX) {
            const ft = m.types[bt - BT_INDEX];
            if (ft === undefined) s.fail(`unknown type ${bt - BT_INDEX}`);
            start = ft.params as Types;
            finish = ft.results as Types;
          } else if (bt !== BT_EMPTY) {
            finish = SINGLE[bt];
          }
          if (action === Act.If) s.popExpect(I32);
          s.popVals(start);
          s.pushCtrl(action === Act.Block ? K_BLOCK : action === Act.Loop ? K_LOOP : K_IF, start, finish);
          continue;
        }
        case Act.Else: {
          // The reference decoder ends the instruction sequence at any 0x05 and then wants
          // `end`: an `else` outside an `if` is a binary-format error.
          if (s.kindOf(s.depth - 1) !== K_IF) malformed('END opcode expected', at);
          const f = s.popCtrl();
          s.pushCtrl(K_ELSE, s.startTypes(f), s.endTypes(f));
          continue;
        }
        case Act.End: {
          let f = s.popCtrl();
          if (s.kindOf(f) === K_IF) {
            // No else: the implicit empty else branch must turn the start types into the end types.
            s.pushCtrl(K_ELSE, s.startTypes(f), s.endTypes(f));
            f = s.popCtrl();
          }
          if (s.depth === 0) {
            if (r.pos !== end) malformed('section size mismatch', r.pos);
            return;
          }
          s.pushVals(s.endTypes(f));
          continue;
        }
        case Act.Br: {
          s.popVals(s.labelTypes(label(r)));
          s.setUnreachable();
          continue;
        }
        case Act.BrIf: {
          const l = label(r);
          s.popExpect(I32);
          const ts = s.labelTypes(l);
          s.popVals(ts);
          s.pushVals(ts);
          continue;
        }
        case Act.BrTable: brTable(r); continue;
        case Act.Return: s.popVals(results); s.setUnreachable(); continue;
        case Act.Call: {
          const ft = m.types[m.funcTypes[checkFunc(m, r.u32())]];
          if (ft === undefined) s.fail('unknown type of called function');
          s.popVals(ft.params as Types);
          s.pushVals(ft.results as Types);
          continue;
        }
        case Act.CallIndirect: {
          const y = r.u32();
          const x = r.u32();
          const elem = tableElem(m, x);
          const ft = m.types[y];
          if (ft === undefined) s.fail(`unknown type ${y}`);
          if (elem !== FUNCREF) s.fail(`type mismatch: call_indirect on table ${x} of externref`);
          s.popExpect(I32);
          s.popVals(ft.params as Types);
          s.pushVals(ft.results as Types);
          continue;
        }
        case Act.Drop: s.pop(); continue;
        case Act.Select: {
          s.popExpect(I32);
          const t1 = s.pop();
          const t2 = s.pop();
          // Untyped select is for numbers and vectors only; references need select_t.
          if (!isNumOrVec(t1) || !isNumOrVec(t2)) s.fail('type mismatch: select on a reference needs a type annotation');
          if (t1 !== t2 && t1 !== UNKNOWN && t2 !== UNKNOWN) s.fail('type mismatch: select operands differ');
          s.push(t1 === UNKNOWN ? t2 : t1);
          continue;
        }
        case Act.SelectT: {
          const t = readSelectTypes(r);
          if (t < 0) s.fail('invalid result arity');
          s.popExpect(I32);
          s.popExpect(t);
          s.popExpect(t);
          s.push(t);
          continue;
        }
        case Act.LocalGet:
        case Act.LocalSet:
        case Act.LocalTee: {
          const x = r.u32();
          if (x >= numLocals) s.fail(`unknown local ${x}`);
          const t = x < numParams ? params[x] : locals[x - numParams];
          if (action !== Act.LocalGet) s.popExpect(t);
          if (action !== Act.LocalSet) s.push(t);
          continue;
        }
        case Act.GlobalGet:
        case Act.GlobalSet: {
          const x = r.u32();
          const g = m.globalTypes[x];
          if (g === undefined) s.fail(`unknown global ${x}`);
          if (action === Act.GlobalGet) {
            s.push(g.type);
          } else {
            if (!g.mutable) s.fail('global is immutable');
            s.popExpect(g.type);
          }
          continue;
        }
        case Act.TableGet: {
          const t = tableElem(m, r.u32());
          s.popExpect(I32);
          s.push(t);
          continue;
        }
        case Act.TableSet: {
          const t = tableElem(m, r.u32());
          s.popExpect(t);
          s.popExpect(I32);
          continue;
        }
        case Act.TableGrow: {
          const t = tableElem(m, r.u32());
          s.popExpect(I32);
          s.popExpect(t);
          s.push(I32);
          continue;
        }
        case Act.TableSize: tableElem(m, r.u32()); s.push(I32); continue;
        case Act.TableFill: {
          const t = tableElem(m, r.u32());
          s.popExpect(I32);
          s.popExpect(t);
          s.popExpect(I32);
          continue;
        }
        case Act.RefNull: s.push(readRefTypeImm(r)); continue;
        case Act.RefIsNull: {
          const t = s.pop();
          if (t !== UNKNOWN && t !== ValType.FuncRef && t !== ValType.ExternRef) {
            s.fail('type mismatch: ref.is_null requires a reference');
          }
          s.push(I32);
          continue;
        }
        case Act.RefFunc: {
          const x = checkFunc(m, r.u32());
          if (ctx.declared[x] !== 1) s.fail(`undeclared function reference ${x}`);
          s.push(FUNCREF);
          continue;
        }
        default:
          throw new Error(`validator: unhandled action ${action} for ${op.name}`);
      }
    }
    // Fixed signature from the opcode table.
    s.applySig(op.params as Types, op.results as Types);
  }
}

function isNumOrVec(t: number): boolean {
  return t === UNKNOWN || (t >= ValType.V128 && t <= ValType.I32);
}

function label(r: Reader): number {
  const l = r.u32();
  if (l >= stack.depth) stack.fail(`unknown label ${l}`);
  return l;
}

function checkFunc(m: ModuleInfo, x: number): number {
  if (x >= m.funcTypes.length) stack.fail(`unknown function ${x}`);
  return x;
}

function needMemory(m: ModuleInfo): void {
  if (m.memoryTypes.length === 0) stack.fail('unknown memory 0');
}

function tableElem(m: ModuleInfo, x: number): number {
  const t = m.tableTypes[x];
  if (t === undefined) stack.fail(`unknown table ${x}`);
  return t.elem;
}

function elemType(m: ModuleInfo, x: number): number {
  const e = m.elems[x];
  if (e === undefined) stack.fail(`unknown elem segment ${x}`);
  return e.type;
}

function dataIndex(m: ModuleInfo, x: number, at: number): void {
  if (m.dataCount === undefined) malformed('data count section required', at);
  if (x >= m.dataCount) stack.fail(`unknown data segment ${x}`);
}

function checkMemarg(m: ModuleInfo, align: number, id: number): void {
  needMemory(m);
  if (align > NATURAL_ALIGN[id]) stack.fail('alignment must not be larger than natural');
}

function checkLane(laneIndex: number, id: number): void {
  if (laneIndex >= LANES[id]) stack.fail('invalid lane index');
}

// All labels are read before any is checked: a malformed immediate later in the instruction
// is a decoding error, which the spec reports before any validation error.
function brTable(r: Reader): void {
  const s: TypeStack = stack;
  const n = readBrTableCount(r);
  if (brTargets.length < n) brTargets = new Uint32Array(Math.max(n, brTargets.length * 2));
  for (let i = 0; i < n; i++) brTargets[i] = r.u32();
  const dflt = r.u32();
  s.popExpect(I32);
  if (dflt >= s.depth) s.fail(`unknown label ${dflt}`);
  const arity = s.labelTypes(dflt).length;
  for (let i = 0; i < n; i++) {
    const l = brTargets[i];
    if (l >= s.depth) s.fail(`unknown label ${l}`);
    const ts = s.labelTypes(l);
    if (ts.length !== arity) s.fail('type mismatch: br_table targets have different arities');
    s.popPushVals(ts);
  }
  s.popVals(s.labelTypes(dflt));
  s.setUnreachable();
}
