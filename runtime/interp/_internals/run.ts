// The interpreter loop: one value stack and two register files (locals at fp; fused ops
// address fp-relative slots), code read from the shared text (space.ts), and its own frame
// stack, so calls within an instance never recurse in JS. Calls to any other FuncInstance go
// through their `invoke`. Stack and frame helpers are in frames.ts.

import { Trap, trap, TrapKind } from '../../errors.js';
import type { FuncInstance, MemoryInstance, Raw } from '../../instance/objects.js';
import { op } from '../../opcodes/table.js';
import { NUMERIC_FNS } from '../../exec/numericFns.js';
import { indirectTarget } from '../../exec/indirectTarget.js';
import { growMemory } from '../../exec/jsLimits.js';
import { C } from './codes.js';
import type { InterpFunc } from './InterpFunc.js';
import type { Lowered } from './lower.js';
import { F64_CASES } from './pairs.js';
import { RARE_FNS } from './rareOps.js';
import { scalarOps } from '../../numeric/scalarOps.js';
import { callOut, enterRegs, pushLocals, unwind, withFrames } from './frames.js';
import { FRAME_SLOTS, SPACE, leaveRun, place } from './space.js';

const FNS = NUMERIC_FNS as ((...args: unknown[]) => unknown)[];

/**
 * Thrown by the cases' own address checks; run's handler turns it into the MemoryOutOfBounds
 * trap. A case throws a constant rather than calling `trap`: a call V8 never saw made while
 * priming is compiled as a deoptimization (the first fuzz case to trap there would throw the
 * loop's code away), and a call it did see returns into the loop, so every value the loop
 * carries must be kept across it, which slows the whole loop (matmul_f64 by 30%, measured).
 * A throw needs no feedback and leaves the loop.
 */
const OUT_OF_BOUNDS = Symbol('out of bounds');
/**
 * Thrown by an f64 case (pairs.ts) whose result is a NaN, after it has stored the host's NaN
 * and moved on, with its code in `o`, its result's slot in `s` and its operands in w, x, y:
 * run's handler stores the exact NaN (numeric/f64.ts, EXACT_F64) and resumes the loop. For the
 * reasons of OUT_OF_BOUNDS; each NaN result costs a throw and a catch (~0.2 us, measured).
 */
const NAN_RESULT = Symbol('nan result');
/** By f64 case code: its exact result from the operands it leaves (w: the outer op's first). */
const EXACT_F64: ((w: number, x: number, y: number) => number)[] = [];
for (const { code, inner, outer } of F64_CASES) {
  const f = inner === 'f64.load' ? (_x: number, y: number): number => y : scalarOps[inner] as (x: number, y: number) => number;
  const g = outer === undefined ? undefined : scalarOps[outer] as (w: number, r: number) => number;
  EXACT_F64[code] = g === undefined ? (_w, x, y) => f(x, y) : (w, x, y) => g(w, f(x, y));
}
const SHUFFLE = FNS[op('i8x16.shuffle').id];
const NO_MEMORY = new Uint8Array(0);
const NO_VIEW = new DataView(NO_MEMORY.buffer);

/**
 * Runs `entry` with `args` (runtime representation) and returns its results. Keeps
 * StoreState.depth exact on every exit path; a Trap leaves with this run's frames appended.
 */
export function run(entry: InterpFunc, args: Raw[]): Raw[] {
  const inst = entry.instance;
  const store = inst.store;
  const tm = entry.interp;
  const funcs = inst.funcs;
  const globals = inst.globals;
  const tables = inst.tables;
  const types = inst.module.types;
  const mem: MemoryInstance | undefined = inst.memories[0];
  let u8 = mem !== undefined ? mem.u8 : NO_MEMORY;
  let view = mem !== undefined ? mem.view : NO_VIEW;

  const depth0 = store.depth;
  if (depth0 >= store.maxDepth) trap(TrapKind.CallStackExhausted);
  let cur = entry.code();
  // The code text, the register files and the value stack are shared by all runs (space.ts):
  // pc is absolute in the text, and this run's frames start where the run that called out to
  // us left off (`base`), so fp and sp are absolute and one index serves the value stack and
  // both register files. The loop names each array by its global, never through a local: a
  // global assigned once is a constant of the optimized code, while a local holding it is,
  // in code V8 enters by on-stack replacement (how a long first call gets fast), a value
  // read off the interpreter's frame, checked and unboxed again at every access.
  const space = SPACE;
  const base = space.base;
  if (base + cur.maxHeight > FRAME_SLOTS) trap(TrapKind.CallStackExhausted);
  const frames: Lowered[] = [];
  const rets: number[] = [];
  const fps: number[] = [];
  let pool = cur.pool;
  // pc, fp and sp stay int32 in the optimized loop: a value popped from rets/fps or returned
  // by a helper is untyped to V8, so each such assignment ends in `| 0` (else the three are
  // kept tagged, spilled and Smi-checked on every dispatch).
  // A case throws only while pc is inside its own instruction (past its code), and every code
  // slot carries its instruction's wasm offset (Emitter), so `pc - 1` names the faulting
  // instruction without a per-dispatch store of where it began. An op over two loads moves pc
  // onto the second load's slots, tagged with that load's offset, before making it.
  let pc = place(cur) | 0;
  let fp = base;
  let sp = base;
  for (let i = 0; i < cur.nParams; i++) __crucibleStack[sp++] = args[i];
  sp = pushLocals(cur, __crucibleStack, sp) | 0;
  // The register files (codes.ts): f64 and i32 locals and fused temporaries, by frame slot.
  enterRegs(cur.f64Params, cur.f64Locals, __crucibleStack, base, __crucibleF64);
  enterRegs(cur.i32Params, cur.i32Locals, __crucibleStack, base, __crucibleI32);
  store.depth = depth0 + 1;
  space.active++;
  // The cases' scratch values, declared once here: V8 gives each const of a case block a
  // register of its own, and an instruction naming a register past the 127th takes a wide
  // operand, so per-case consts made `run`'s bytecode 15% longer (it is near V8's limit for
  // optimizing a function: optimizable.test.ts). Every case sets one before reading it, and
  // an f64 case leaves its operands in w, x, y for NAN_RESULT's handler.
  let a = 0, o = 0, ea = 0, s = 0, v = 0, w = 0, x = 0, y = 0, r = 0;

  for (;;) {
    try {
      for (;;) {
        switch (__crucibleText[pc++]) {
          case C.UNREACHABLE:
            trap(TrapKind.Unreachable);
          case C.JUMP:
            pc = __crucibleText[pc];
            break;
          case C.BR_UNWIND:
            sp = unwind(__crucibleStack, sp, fp + __crucibleText[pc + 1], __crucibleText[pc + 2]) | 0;
            pc = __crucibleText[pc];
            break;
          case C.BR_IF:
            if (__crucibleStack[--sp] !== 0) pc = __crucibleText[pc];
            else pc++;
            break;
          case C.BR_IF_UNWIND:
            if (__crucibleStack[--sp] !== 0) {
              sp = unwind(__crucibleStack, sp, fp + __crucibleText[pc + 1], __crucibleText[pc + 2]) | 0;
              pc = __crucibleText[pc];
            } else pc += 3;
            break;
          case C.BR_TABLE: {
            const arity = __crucibleText[pc];
            const n = __crucibleText[pc + 1];
            let i = (__crucibleStack[--sp] as number) >>> 0;
            if (i > n) i = n;
            const entry = pc + 2 + 2 * i;
            sp = unwind(__crucibleStack, sp, fp + __crucibleText[entry + 1], arity) | 0;
            pc = __crucibleText[entry];
            break;
          }
          case C.IF:
            if (__crucibleStack[--sp] === 0) pc = __crucibleText[pc];
            else pc++;
            break;
          case C.RETURN: {
            const n = cur.nResults;
            sp = unwind(__crucibleStack, sp, fp, n) | 0;
            if (frames.length === 0) {
              store.depth = depth0;
              const results = __crucibleStack.slice(fp, sp);
              leaveRun(base);
              return results;
            }
            store.depth--;
            cur = frames.pop()!;
            pool = cur.pool;
            pc = rets.pop()! | 0;
            fp = fps.pop()! | 0;
            break;
          }
          case C.CALL:
          case C.CALL_INDIRECT: {
            let f: FuncInstance;
            if (__crucibleText[pc - 1] === C.CALL) f = funcs[__crucibleText[pc++]];
            else {
              const expected = types[__crucibleText[pc]];
              const table = tables[__crucibleText[pc + 1]];
              pc += 2;
              f = indirectTarget(table, __crucibleStack[--sp] as number, expected);
            }
            if (f.instance === inst && (f as InterpFunc).interp === tm) {
              const callee = (f as InterpFunc).code();
              if (store.depth >= store.maxDepth || sp + callee.maxHeight > FRAME_SLOTS) trap(TrapKind.CallStackExhausted);
              store.depth++;
              frames.push(cur);
              rets.push(pc);
              fps.push(fp);
              fp = (sp - callee.nParams) | 0;
              sp = pushLocals(callee, __crucibleStack, sp) | 0;
              enterRegs(callee.f64Params, callee.f64Locals, __crucibleStack, fp, __crucibleF64);
              enterRegs(callee.i32Params, callee.i32Locals, __crucibleStack, fp, __crucibleI32);
              cur = callee;
              pool = callee.pool;
              // place()'s own first test, written here: V8 does not always inline the call.
              pc = (callee.gen === space.gen ? callee.start : place(callee)) | 0;
            } else {
              space.base = fp + cur.maxHeight; // a run nested in this call starts past this frame
              sp = callOut(f, __crucibleStack, sp) | 0;
              // The callee may have grown this memory.
              if (mem !== undefined) {
                u8 = mem.u8;
                view = mem.view;
              }
            }
            break;
          }
          case C.DROP:
            sp--;
            break;
          case C.SELECT: {
            const c = __crucibleStack[--sp];
            sp--;
            if (c === 0) __crucibleStack[sp - 1] = __crucibleStack[sp];
            break;
          }
          case C.LOCAL_GET:
            __crucibleStack[sp++] = __crucibleStack[fp + __crucibleText[pc++]];
            break;
          case C.LOCAL_SET:
            __crucibleStack[fp + __crucibleText[pc++]] = __crucibleStack[--sp];
            break;
          case C.LOCAL_TEE:
            __crucibleStack[fp + __crucibleText[pc++]] = __crucibleStack[sp - 1];
            break;
          case C.GLOBAL_GET:
            __crucibleStack[sp++] = globals[__crucibleText[pc++]].value;
            break;
          case C.GLOBAL_SET:
            globals[__crucibleText[pc++]].value = __crucibleStack[--sp];
            break;
          case C.CONST:
            __crucibleStack[sp++] = __crucibleText[pc++];
            break;
          case C.CONST_POOL:
            __crucibleStack[sp++] = pool[__crucibleText[pc++]];
            break;
          case C.V128_CONST:
            __crucibleStack[sp++] = (pool[__crucibleText[pc++]] as Uint8Array).slice();
            break;
          case C.UN:
            __crucibleStack[sp - 1] = FNS[__crucibleText[pc++]](__crucibleStack[sp - 1]);
            break;
          case C.BIN:
            sp--;
            __crucibleStack[sp - 1] = FNS[__crucibleText[pc++]](__crucibleStack[sp - 1], __crucibleStack[sp]);
            break;
          case C.TERN:
            sp -= 2;
            __crucibleStack[sp - 1] = FNS[__crucibleText[pc++]](__crucibleStack[sp - 1], __crucibleStack[sp], __crucibleStack[sp + 1]);
            break;
          case C.LANE1:
            __crucibleStack[sp - 1] = FNS[__crucibleText[pc]](__crucibleStack[sp - 1], __crucibleText[pc + 1]);
            pc += 2;
            break;
          case C.LANE2:
            sp--;
            __crucibleStack[sp - 1] = FNS[__crucibleText[pc]](__crucibleStack[sp - 1], __crucibleStack[sp], __crucibleText[pc + 1]);
            pc += 2;
            break;
          case C.SHUFFLE:
            sp--;
            __crucibleStack[sp - 1] = SHUFFLE(__crucibleStack[sp - 1], __crucibleStack[sp], pool[__crucibleText[pc++]]);
            break;
          case C.REF_NULL:
            __crucibleStack[sp++] = null;
            break;
          case C.REF_IS_NULL:
            __crucibleStack[sp - 1] = __crucibleStack[sp - 1] === null ? 1 : 0;
            break;
          case C.REF_FUNC:
            __crucibleStack[sp++] = funcs[__crucibleText[pc++]];
            break;
          case C.MEMORY_SIZE:
            __crucibleStack[sp++] = mem!.pages;
            break;
          case C.MEMORY_GROW:
            __crucibleStack[sp - 1] = growMemory(mem!, __crucibleStack[sp - 1] as number);
            u8 = mem!.u8;
            view = mem!.view;
            break;
          case C.RARE:
            sp = RARE_FNS[__crucibleText[pc]]!(inst, __crucibleStack, sp, __crucibleText[pc + 1], __crucibleText[pc + 2]) | 0;
            pc += 3;
            break;
          case C.FUEL:
            store.fuel = (store.fuel as number) - __crucibleText[pc++];
            break;
          case C.FUEL_CHECK:
            if (!((store.fuel as number) >= 0)) trap(TrapKind.OutOfFuel);
            break;
          case C.EPOCH_CHECK:
            if (Atomics.load(store.epoch, 0) >= store.epochDeadline) trap(TrapKind.Interrupt);
            break;

          // Loads: the address is checked and computed by `address` (below).
          case C.I32_LOAD: {
            ea = address(__crucibleStack[sp - 1], __crucibleText[pc++], 4, u8.length);
            __crucibleStack[sp - 1] = view.getInt32(ea, true);
            break;
          }
          case C.I64_LOAD: {
            ea = address(__crucibleStack[sp - 1], __crucibleText[pc++], 8, u8.length);
            __crucibleStack[sp - 1] = view.getBigInt64(ea, true);
            break;
          }
          case C.F32_LOAD: {
            ea = address(__crucibleStack[sp - 1], __crucibleText[pc++], 4, u8.length);
            __crucibleStack[sp - 1] = view.getInt32(ea, true); // raw bits
            break;
          }
          case C.F64_LOAD: {
            ea = address(__crucibleStack[sp - 1], __crucibleText[pc++], 8, u8.length);
            __crucibleStack[sp - 1] = view.getFloat64(ea, true);
            break;
          }
          case C.I32_LOAD8_S: {
            ea = address(__crucibleStack[sp - 1], __crucibleText[pc++], 1, u8.length);
            __crucibleStack[sp - 1] = view.getInt8(ea);
            break;
          }
          case C.I32_LOAD8_U: {
            ea = address(__crucibleStack[sp - 1], __crucibleText[pc++], 1, u8.length);
            __crucibleStack[sp - 1] = u8[ea];
            break;
          }
          case C.I32_LOAD16_S: {
            ea = address(__crucibleStack[sp - 1], __crucibleText[pc++], 2, u8.length);
            __crucibleStack[sp - 1] = view.getInt16(ea, true);
            break;
          }
          case C.I32_LOAD16_U: {
            ea = address(__crucibleStack[sp - 1], __crucibleText[pc++], 2, u8.length);
            __crucibleStack[sp - 1] = view.getUint16(ea, true);
            break;
          }
          case C.I64_LOAD8_S: {
            ea = address(__crucibleStack[sp - 1], __crucibleText[pc++], 1, u8.length);
            __crucibleStack[sp - 1] = BigInt(view.getInt8(ea));
            break;
          }
          case C.I64_LOAD8_U: {
            ea = address(__crucibleStack[sp - 1], __crucibleText[pc++], 1, u8.length);
            __crucibleStack[sp - 1] = BigInt(u8[ea]);
            break;
          }
          case C.I64_LOAD16_S: {
            ea = address(__crucibleStack[sp - 1], __crucibleText[pc++], 2, u8.length);
            __crucibleStack[sp - 1] = BigInt(view.getInt16(ea, true));
            break;
          }
          case C.I64_LOAD16_U: {
            ea = address(__crucibleStack[sp - 1], __crucibleText[pc++], 2, u8.length);
            __crucibleStack[sp - 1] = BigInt(view.getUint16(ea, true));
            break;
          }
          case C.I64_LOAD32_S: {
            ea = address(__crucibleStack[sp - 1], __crucibleText[pc++], 4, u8.length);
            __crucibleStack[sp - 1] = BigInt(view.getInt32(ea, true));
            break;
          }
          case C.I64_LOAD32_U: {
            ea = address(__crucibleStack[sp - 1], __crucibleText[pc++], 4, u8.length);
            __crucibleStack[sp - 1] = BigInt(view.getUint32(ea, true));
            break;
          }

          // Stores: operands are [address, value], value on top.
          case C.I32_STORE: {
            v = __crucibleStack[--sp] as number;
            ea = address(__crucibleStack[--sp], __crucibleText[pc++], 4, u8.length);
            view.setInt32(ea, v, true);
            break;
          }
          case C.I64_STORE: {
            const v = __crucibleStack[--sp] as bigint;
            ea = address(__crucibleStack[--sp], __crucibleText[pc++], 8, u8.length);
            view.setBigInt64(ea, v, true);
            break;
          }
          case C.F32_STORE: {
            v = __crucibleStack[--sp] as number;
            ea = address(__crucibleStack[--sp], __crucibleText[pc++], 4, u8.length);
            view.setInt32(ea, v, true); // raw bits
            break;
          }
          case C.F64_STORE: {
            v = __crucibleStack[--sp] as number;
            ea = address(__crucibleStack[--sp], __crucibleText[pc++], 8, u8.length);
            view.setFloat64(ea, v, true);
            break;
          }
          case C.I32_STORE8: {
            v = __crucibleStack[--sp] as number;
            ea = address(__crucibleStack[--sp], __crucibleText[pc++], 1, u8.length);
            u8[ea] = v; // Uint8Array stores wrap modulo 2^8
            break;
          }
          case C.I32_STORE16: {
            v = __crucibleStack[--sp] as number;
            ea = address(__crucibleStack[--sp], __crucibleText[pc++], 2, u8.length);
            view.setInt16(ea, v, true);
            break;
          }
          case C.I64_STORE8: {
            const v = __crucibleStack[--sp] as bigint;
            ea = address(__crucibleStack[--sp], __crucibleText[pc++], 1, u8.length);
            u8[ea] = Number(v & 0xffn);
            break;
          }
          case C.I64_STORE16: {
            const v = __crucibleStack[--sp] as bigint;
            ea = address(__crucibleStack[--sp], __crucibleText[pc++], 2, u8.length);
            view.setUint16(ea, Number(v & 0xffffn), true);
            break;
          }
          case C.I64_STORE32: {
            const v = __crucibleStack[--sp] as bigint;
            ea = address(__crucibleStack[--sp], __crucibleText[pc++], 4, u8.length);
            view.setUint32(ea, Number(v & 0xffffffffn), true);
            break;
          }

          // Hot i32 ops, inline; each mirrors its numeric/i32.ts counterpart.
          case C.I32_ADD:
            sp--;
            __crucibleStack[sp - 1] = ((__crucibleStack[sp - 1] as number) + (__crucibleStack[sp] as number)) | 0;
            break;
          case C.I32_SUB:
            sp--;
            __crucibleStack[sp - 1] = ((__crucibleStack[sp - 1] as number) - (__crucibleStack[sp] as number)) | 0;
            break;
          case C.I32_MUL:
            sp--;
            __crucibleStack[sp - 1] = Math.imul(__crucibleStack[sp - 1] as number, __crucibleStack[sp] as number);
            break;
          case C.I32_AND:
            sp--;
            __crucibleStack[sp - 1] = (__crucibleStack[sp - 1] as number) & (__crucibleStack[sp] as number);
            break;
          case C.I32_OR:
            sp--;
            __crucibleStack[sp - 1] = (__crucibleStack[sp - 1] as number) | (__crucibleStack[sp] as number);
            break;
          case C.I32_XOR:
            sp--;
            __crucibleStack[sp - 1] = (__crucibleStack[sp - 1] as number) ^ (__crucibleStack[sp] as number);
            break;
          case C.I32_SHL:
            sp--;
            __crucibleStack[sp - 1] = (__crucibleStack[sp - 1] as number) << (__crucibleStack[sp] as number);
            break;
          case C.I32_SHR_S:
            sp--;
            __crucibleStack[sp - 1] = (__crucibleStack[sp - 1] as number) >> (__crucibleStack[sp] as number);
            break;
          case C.I32_SHR_U:
            sp--;
            __crucibleStack[sp - 1] = ((__crucibleStack[sp - 1] as number) >>> (__crucibleStack[sp] as number)) | 0;
            break;
          case C.I32_EQZ:
            __crucibleStack[sp - 1] = __crucibleStack[sp - 1] === 0 ? 1 : 0;
            break;
          case C.I32_EQ:
            sp--;
            __crucibleStack[sp - 1] = __crucibleStack[sp - 1] === __crucibleStack[sp] ? 1 : 0;
            break;
          case C.I32_NE:
            sp--;
            __crucibleStack[sp - 1] = __crucibleStack[sp - 1] !== __crucibleStack[sp] ? 1 : 0;
            break;
          case C.I32_LT_S:
            sp--;
            __crucibleStack[sp - 1] = (__crucibleStack[sp - 1] as number) < (__crucibleStack[sp] as number) ? 1 : 0;
            break;
          case C.I32_LT_U:
            sp--;
            __crucibleStack[sp - 1] = (__crucibleStack[sp - 1] as number) >>> 0 < (__crucibleStack[sp] as number) >>> 0 ? 1 : 0;
            break;
          case C.I32_GT_S:
            sp--;
            __crucibleStack[sp - 1] = (__crucibleStack[sp - 1] as number) > (__crucibleStack[sp] as number) ? 1 : 0;
            break;
          case C.I32_GT_U:
            sp--;
            __crucibleStack[sp - 1] = (__crucibleStack[sp - 1] as number) >>> 0 > (__crucibleStack[sp] as number) >>> 0 ? 1 : 0;
            break;
          case C.I32_LE_S:
            sp--;
            __crucibleStack[sp - 1] = (__crucibleStack[sp - 1] as number) <= (__crucibleStack[sp] as number) ? 1 : 0;
            break;
          case C.I32_GE_S:
            sp--;
            __crucibleStack[sp - 1] = (__crucibleStack[sp - 1] as number) >= (__crucibleStack[sp] as number) ? 1 : 0;
            break;
          // Fused ops (codes.ts): operands straight from fp-relative slots or an immediate; each
          // mirrors its numeric/i32.ts counterpart. Unsigned order is signed order with the sign
          // bits flipped (`^ -0x80000000`), and the rotates are written out: int32 operations
          // only, which V8 compiles without speculating on the values seen, in place rather than
          // in helpers V8 would not inline once the primer has run (see the architecture notes).
          case C.I32_ADD_RR:
            __crucibleI32[fp + __crucibleText[pc + 2]] = (__crucibleI32[fp + __crucibleText[pc]] + __crucibleI32[fp + __crucibleText[pc + 1]]) | 0;
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          case C.I32_ADD_RI:
            __crucibleI32[fp + __crucibleText[pc + 2]] = (__crucibleI32[fp + __crucibleText[pc]] + __crucibleText[pc + 1]) | 0;
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          case C.I32_SUB_RR:
            __crucibleI32[fp + __crucibleText[pc + 2]] = (__crucibleI32[fp + __crucibleText[pc]] - __crucibleI32[fp + __crucibleText[pc + 1]]) | 0;
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          case C.I32_SUB_RI:
            __crucibleI32[fp + __crucibleText[pc + 2]] = (__crucibleI32[fp + __crucibleText[pc]] - __crucibleText[pc + 1]) | 0;
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          case C.I32_MUL_RR:
            __crucibleI32[fp + __crucibleText[pc + 2]] = Math.imul(__crucibleI32[fp + __crucibleText[pc]], __crucibleI32[fp + __crucibleText[pc + 1]]);
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          case C.I32_MUL_RI:
            __crucibleI32[fp + __crucibleText[pc + 2]] = Math.imul(__crucibleI32[fp + __crucibleText[pc]], __crucibleText[pc + 1]);
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          case C.I32_AND_RR:
            __crucibleI32[fp + __crucibleText[pc + 2]] = __crucibleI32[fp + __crucibleText[pc]] & __crucibleI32[fp + __crucibleText[pc + 1]];
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          case C.I32_AND_RI:
            __crucibleI32[fp + __crucibleText[pc + 2]] = __crucibleI32[fp + __crucibleText[pc]] & __crucibleText[pc + 1];
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          case C.I32_OR_RR:
            __crucibleI32[fp + __crucibleText[pc + 2]] = __crucibleI32[fp + __crucibleText[pc]] | __crucibleI32[fp + __crucibleText[pc + 1]];
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          case C.I32_OR_RI:
            __crucibleI32[fp + __crucibleText[pc + 2]] = __crucibleI32[fp + __crucibleText[pc]] | __crucibleText[pc + 1];
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          case C.I32_XOR_RR:
            __crucibleI32[fp + __crucibleText[pc + 2]] = __crucibleI32[fp + __crucibleText[pc]] ^ __crucibleI32[fp + __crucibleText[pc + 1]];
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          case C.I32_XOR_RI:
            __crucibleI32[fp + __crucibleText[pc + 2]] = __crucibleI32[fp + __crucibleText[pc]] ^ __crucibleText[pc + 1];
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          case C.I32_SHL_RR:
            __crucibleI32[fp + __crucibleText[pc + 2]] = __crucibleI32[fp + __crucibleText[pc]] << __crucibleI32[fp + __crucibleText[pc + 1]];
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          case C.I32_SHL_RI:
            __crucibleI32[fp + __crucibleText[pc + 2]] = __crucibleI32[fp + __crucibleText[pc]] << __crucibleText[pc + 1];
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          case C.I32_SHR_S_RR:
            __crucibleI32[fp + __crucibleText[pc + 2]] = __crucibleI32[fp + __crucibleText[pc]] >> __crucibleI32[fp + __crucibleText[pc + 1]];
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          case C.I32_SHR_S_RI:
            __crucibleI32[fp + __crucibleText[pc + 2]] = __crucibleI32[fp + __crucibleText[pc]] >> __crucibleText[pc + 1];
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          case C.I32_SHR_U_RR:
            __crucibleI32[fp + __crucibleText[pc + 2]] = (__crucibleI32[fp + __crucibleText[pc]] >>> __crucibleI32[fp + __crucibleText[pc + 1]]) | 0;
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          case C.I32_SHR_U_RI:
            __crucibleI32[fp + __crucibleText[pc + 2]] = (__crucibleI32[fp + __crucibleText[pc]] >>> __crucibleText[pc + 1]) | 0;
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          case C.I32_ROTL_RR:
            __crucibleI32[fp + __crucibleText[pc + 2]] = ((__crucibleI32[fp + __crucibleText[pc]] << __crucibleI32[fp + __crucibleText[pc + 1]]) | (__crucibleI32[fp + __crucibleText[pc]] >>> (32 - __crucibleI32[fp + __crucibleText[pc + 1]])));
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          case C.I32_ROTL_RI:
            __crucibleI32[fp + __crucibleText[pc + 2]] = ((__crucibleI32[fp + __crucibleText[pc]] << __crucibleText[pc + 1]) | (__crucibleI32[fp + __crucibleText[pc]] >>> (32 - __crucibleText[pc + 1])));
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          case C.I32_ROTR_RR:
            __crucibleI32[fp + __crucibleText[pc + 2]] = ((__crucibleI32[fp + __crucibleText[pc]] >>> __crucibleI32[fp + __crucibleText[pc + 1]]) | (__crucibleI32[fp + __crucibleText[pc]] << (32 - __crucibleI32[fp + __crucibleText[pc + 1]])));
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          case C.I32_ROTR_RI:
            __crucibleI32[fp + __crucibleText[pc + 2]] = ((__crucibleI32[fp + __crucibleText[pc]] >>> __crucibleText[pc + 1]) | (__crucibleI32[fp + __crucibleText[pc]] << (32 - __crucibleText[pc + 1])));
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          case C.I32_EQ_RR:
            __crucibleI32[fp + __crucibleText[pc + 2]] = __crucibleI32[fp + __crucibleText[pc]] === __crucibleI32[fp + __crucibleText[pc + 1]] ? 1 : 0;
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          case C.I32_EQ_RI:
            __crucibleI32[fp + __crucibleText[pc + 2]] = __crucibleI32[fp + __crucibleText[pc]] === __crucibleText[pc + 1] ? 1 : 0;
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          case C.I32_NE_RR:
            __crucibleI32[fp + __crucibleText[pc + 2]] = __crucibleI32[fp + __crucibleText[pc]] !== __crucibleI32[fp + __crucibleText[pc + 1]] ? 1 : 0;
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          case C.I32_NE_RI:
            __crucibleI32[fp + __crucibleText[pc + 2]] = __crucibleI32[fp + __crucibleText[pc]] !== __crucibleText[pc + 1] ? 1 : 0;
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          case C.I32_LT_S_RR:
            __crucibleI32[fp + __crucibleText[pc + 2]] = __crucibleI32[fp + __crucibleText[pc]] < __crucibleI32[fp + __crucibleText[pc + 1]] ? 1 : 0;
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          case C.I32_LT_S_RI:
            __crucibleI32[fp + __crucibleText[pc + 2]] = __crucibleI32[fp + __crucibleText[pc]] < __crucibleText[pc + 1] ? 1 : 0;
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          case C.I32_LT_U_RR:
            __crucibleI32[fp + __crucibleText[pc + 2]] = ((__crucibleI32[fp + __crucibleText[pc]] ^ -0x80000000) < (__crucibleI32[fp + __crucibleText[pc + 1]] ^ -0x80000000)) ? 1 : 0;
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          case C.I32_LT_U_RI:
            __crucibleI32[fp + __crucibleText[pc + 2]] = ((__crucibleI32[fp + __crucibleText[pc]] ^ -0x80000000) < (__crucibleText[pc + 1] ^ -0x80000000)) ? 1 : 0;
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          case C.I32_GT_S_RR:
            __crucibleI32[fp + __crucibleText[pc + 2]] = __crucibleI32[fp + __crucibleText[pc]] > __crucibleI32[fp + __crucibleText[pc + 1]] ? 1 : 0;
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          case C.I32_GT_S_RI:
            __crucibleI32[fp + __crucibleText[pc + 2]] = __crucibleI32[fp + __crucibleText[pc]] > __crucibleText[pc + 1] ? 1 : 0;
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          case C.I32_GT_U_RR:
            __crucibleI32[fp + __crucibleText[pc + 2]] = ((__crucibleI32[fp + __crucibleText[pc + 1]] ^ -0x80000000) < (__crucibleI32[fp + __crucibleText[pc]] ^ -0x80000000)) ? 1 : 0;
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          case C.I32_GT_U_RI:
            __crucibleI32[fp + __crucibleText[pc + 2]] = ((__crucibleText[pc + 1] ^ -0x80000000) < (__crucibleI32[fp + __crucibleText[pc]] ^ -0x80000000)) ? 1 : 0;
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          case C.I32_LE_S_RR:
            __crucibleI32[fp + __crucibleText[pc + 2]] = __crucibleI32[fp + __crucibleText[pc]] <= __crucibleI32[fp + __crucibleText[pc + 1]] ? 1 : 0;
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          case C.I32_LE_S_RI:
            __crucibleI32[fp + __crucibleText[pc + 2]] = __crucibleI32[fp + __crucibleText[pc]] <= __crucibleText[pc + 1] ? 1 : 0;
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          case C.I32_LE_U_RR:
            __crucibleI32[fp + __crucibleText[pc + 2]] = !((__crucibleI32[fp + __crucibleText[pc + 1]] ^ -0x80000000) < (__crucibleI32[fp + __crucibleText[pc]] ^ -0x80000000)) ? 1 : 0;
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          case C.I32_LE_U_RI:
            __crucibleI32[fp + __crucibleText[pc + 2]] = !((__crucibleText[pc + 1] ^ -0x80000000) < (__crucibleI32[fp + __crucibleText[pc]] ^ -0x80000000)) ? 1 : 0;
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          case C.I32_GE_S_RR:
            __crucibleI32[fp + __crucibleText[pc + 2]] = __crucibleI32[fp + __crucibleText[pc]] >= __crucibleI32[fp + __crucibleText[pc + 1]] ? 1 : 0;
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          case C.I32_GE_S_RI:
            __crucibleI32[fp + __crucibleText[pc + 2]] = __crucibleI32[fp + __crucibleText[pc]] >= __crucibleText[pc + 1] ? 1 : 0;
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          case C.I32_GE_U_RR:
            __crucibleI32[fp + __crucibleText[pc + 2]] = !((__crucibleI32[fp + __crucibleText[pc]] ^ -0x80000000) < (__crucibleI32[fp + __crucibleText[pc + 1]] ^ -0x80000000)) ? 1 : 0;
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          case C.I32_GE_U_RI:
            __crucibleI32[fp + __crucibleText[pc + 2]] = !((__crucibleI32[fp + __crucibleText[pc]] ^ -0x80000000) < (__crucibleText[pc + 1] ^ -0x80000000)) ? 1 : 0;
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          case C.I32_EQZ_R:
            __crucibleI32[fp + __crucibleText[pc + 1]] = __crucibleI32[fp + __crucibleText[pc]] === 0 ? 1 : 0;
            sp = fp + __crucibleText[pc + 2], pc += 3;
            break;
          case C.BR_EQ_RR:
            sp = fp + __crucibleText[pc + 3];
            pc = __crucibleI32[fp + __crucibleText[pc]] === __crucibleI32[fp + __crucibleText[pc + 1]] ? __crucibleText[pc + 2] : pc + 4;
            break;
          case C.BR_EQ_RI:
            sp = fp + __crucibleText[pc + 3];
            pc = __crucibleI32[fp + __crucibleText[pc]] === __crucibleText[pc + 1] ? __crucibleText[pc + 2] : pc + 4;
            break;
          case C.BR_NE_RR:
            sp = fp + __crucibleText[pc + 3];
            pc = __crucibleI32[fp + __crucibleText[pc]] !== __crucibleI32[fp + __crucibleText[pc + 1]] ? __crucibleText[pc + 2] : pc + 4;
            break;
          case C.BR_NE_RI:
            sp = fp + __crucibleText[pc + 3];
            pc = __crucibleI32[fp + __crucibleText[pc]] !== __crucibleText[pc + 1] ? __crucibleText[pc + 2] : pc + 4;
            break;
          case C.BR_LT_S_RR:
            sp = fp + __crucibleText[pc + 3];
            pc = __crucibleI32[fp + __crucibleText[pc]] < __crucibleI32[fp + __crucibleText[pc + 1]] ? __crucibleText[pc + 2] : pc + 4;
            break;
          case C.BR_LT_S_RI:
            sp = fp + __crucibleText[pc + 3];
            pc = __crucibleI32[fp + __crucibleText[pc]] < __crucibleText[pc + 1] ? __crucibleText[pc + 2] : pc + 4;
            break;
          case C.BR_LT_U_RR:
            sp = fp + __crucibleText[pc + 3];
            pc = ((__crucibleI32[fp + __crucibleText[pc]] ^ -0x80000000) < (__crucibleI32[fp + __crucibleText[pc + 1]] ^ -0x80000000)) ? __crucibleText[pc + 2] : pc + 4;
            break;
          case C.BR_LT_U_RI:
            sp = fp + __crucibleText[pc + 3];
            pc = ((__crucibleI32[fp + __crucibleText[pc]] ^ -0x80000000) < (__crucibleText[pc + 1] ^ -0x80000000)) ? __crucibleText[pc + 2] : pc + 4;
            break;
          case C.BR_GT_S_RR:
            sp = fp + __crucibleText[pc + 3];
            pc = __crucibleI32[fp + __crucibleText[pc]] > __crucibleI32[fp + __crucibleText[pc + 1]] ? __crucibleText[pc + 2] : pc + 4;
            break;
          case C.BR_GT_S_RI:
            sp = fp + __crucibleText[pc + 3];
            pc = __crucibleI32[fp + __crucibleText[pc]] > __crucibleText[pc + 1] ? __crucibleText[pc + 2] : pc + 4;
            break;
          case C.BR_GT_U_RR:
            sp = fp + __crucibleText[pc + 3];
            pc = ((__crucibleI32[fp + __crucibleText[pc + 1]] ^ -0x80000000) < (__crucibleI32[fp + __crucibleText[pc]] ^ -0x80000000)) ? __crucibleText[pc + 2] : pc + 4;
            break;
          case C.BR_GT_U_RI:
            sp = fp + __crucibleText[pc + 3];
            pc = ((__crucibleText[pc + 1] ^ -0x80000000) < (__crucibleI32[fp + __crucibleText[pc]] ^ -0x80000000)) ? __crucibleText[pc + 2] : pc + 4;
            break;
          case C.BR_LE_S_RR:
            sp = fp + __crucibleText[pc + 3];
            pc = __crucibleI32[fp + __crucibleText[pc]] <= __crucibleI32[fp + __crucibleText[pc + 1]] ? __crucibleText[pc + 2] : pc + 4;
            break;
          case C.BR_LE_S_RI:
            sp = fp + __crucibleText[pc + 3];
            pc = __crucibleI32[fp + __crucibleText[pc]] <= __crucibleText[pc + 1] ? __crucibleText[pc + 2] : pc + 4;
            break;
          case C.BR_LE_U_RR:
            sp = fp + __crucibleText[pc + 3];
            pc = !((__crucibleI32[fp + __crucibleText[pc + 1]] ^ -0x80000000) < (__crucibleI32[fp + __crucibleText[pc]] ^ -0x80000000)) ? __crucibleText[pc + 2] : pc + 4;
            break;
          case C.BR_LE_U_RI:
            sp = fp + __crucibleText[pc + 3];
            pc = !((__crucibleText[pc + 1] ^ -0x80000000) < (__crucibleI32[fp + __crucibleText[pc]] ^ -0x80000000)) ? __crucibleText[pc + 2] : pc + 4;
            break;
          case C.BR_GE_S_RR:
            sp = fp + __crucibleText[pc + 3];
            pc = __crucibleI32[fp + __crucibleText[pc]] >= __crucibleI32[fp + __crucibleText[pc + 1]] ? __crucibleText[pc + 2] : pc + 4;
            break;
          case C.BR_GE_S_RI:
            sp = fp + __crucibleText[pc + 3];
            pc = __crucibleI32[fp + __crucibleText[pc]] >= __crucibleText[pc + 1] ? __crucibleText[pc + 2] : pc + 4;
            break;
          case C.BR_GE_U_RR:
            sp = fp + __crucibleText[pc + 3];
            pc = !((__crucibleI32[fp + __crucibleText[pc]] ^ -0x80000000) < (__crucibleI32[fp + __crucibleText[pc + 1]] ^ -0x80000000)) ? __crucibleText[pc + 2] : pc + 4;
            break;
          case C.BR_GE_U_RI:
            sp = fp + __crucibleText[pc + 3];
            pc = !((__crucibleI32[fp + __crucibleText[pc]] ^ -0x80000000) < (__crucibleText[pc + 1] ^ -0x80000000)) ? __crucibleText[pc + 2] : pc + 4;
            break;
          case C.BR_NZ_R:
            sp = fp + __crucibleText[pc + 2];
            pc = __crucibleI32[fp + __crucibleText[pc]] !== 0 ? __crucibleText[pc + 1] : pc + 3;
            break;
          case C.BR_Z_R:
            sp = fp + __crucibleText[pc + 2];
            pc = __crucibleI32[fp + __crucibleText[pc]] === 0 ? __crucibleText[pc + 1] : pc + 3;
            break;
          case C.INC_BR_NZ: {
            s = fp + __crucibleText[pc], v = (__crucibleI32[s] + __crucibleText[pc + 1]) | 0;
            __crucibleI32[s] = v;
            sp = fp + __crucibleText[pc + 3];
            pc = v !== 0 ? __crucibleText[pc + 2] : pc + 4;
            break;
          }
          case C.INC_BR_NE_RR: {
            s = fp + __crucibleText[pc], v = (__crucibleI32[s] + __crucibleText[pc + 1]) | 0;
            __crucibleI32[s] = v;
            sp = fp + __crucibleText[pc + 4];
            pc = v !== __crucibleI32[fp + __crucibleText[pc + 2]] ? __crucibleText[pc + 3] : pc + 5;
            break;
          }
          case C.INC_BR_NE_RI: {
            s = fp + __crucibleText[pc], v = (__crucibleI32[s] + __crucibleText[pc + 1]) | 0;
            __crucibleI32[s] = v;
            sp = fp + __crucibleText[pc + 4];
            pc = v !== __crucibleText[pc + 2] ? __crucibleText[pc + 3] : pc + 5;
            break;
          }
          case C.INC_BR_LT_S_RR: {
            s = fp + __crucibleText[pc], v = (__crucibleI32[s] + __crucibleText[pc + 1]) | 0;
            __crucibleI32[s] = v;
            sp = fp + __crucibleText[pc + 4];
            pc = v < __crucibleI32[fp + __crucibleText[pc + 2]] ? __crucibleText[pc + 3] : pc + 5;
            break;
          }
          case C.INC_BR_LT_S_RI: {
            s = fp + __crucibleText[pc], v = (__crucibleI32[s] + __crucibleText[pc + 1]) | 0;
            __crucibleI32[s] = v;
            sp = fp + __crucibleText[pc + 4];
            pc = v < __crucibleText[pc + 2] ? __crucibleText[pc + 3] : pc + 5;
            break;
          }
          case C.INC_BR_LT_U_RR: {
            s = fp + __crucibleText[pc], v = (__crucibleI32[s] + __crucibleText[pc + 1]) | 0;
            __crucibleI32[s] = v;
            sp = fp + __crucibleText[pc + 4];
            pc = ((v ^ -0x80000000) < (__crucibleI32[fp + __crucibleText[pc + 2]] ^ -0x80000000)) ? __crucibleText[pc + 3] : pc + 5;
            break;
          }
          case C.INC_BR_LT_U_RI: {
            s = fp + __crucibleText[pc], v = (__crucibleI32[s] + __crucibleText[pc + 1]) | 0;
            __crucibleI32[s] = v;
            sp = fp + __crucibleText[pc + 4];
            pc = ((v ^ -0x80000000) < (__crucibleText[pc + 2] ^ -0x80000000)) ? __crucibleText[pc + 3] : pc + 5;
            break;
          }
          case C.MOVE:
            __crucibleI32[fp + __crucibleText[pc + 1]] = __crucibleI32[fp + __crucibleText[pc]];
            pc += 2;
            break;
          case C.MOVE2:
            __crucibleI32[fp + __crucibleText[pc + 1]] = __crucibleI32[fp + __crucibleText[pc]];
            __crucibleI32[fp + __crucibleText[pc + 3]] = __crucibleI32[fp + __crucibleText[pc + 2]];
            pc += 4;
            break;
          case C.MOVE3:
            __crucibleI32[fp + __crucibleText[pc + 1]] = __crucibleI32[fp + __crucibleText[pc]];
            __crucibleI32[fp + __crucibleText[pc + 3]] = __crucibleI32[fp + __crucibleText[pc + 2]];
            __crucibleI32[fp + __crucibleText[pc + 5]] = __crucibleI32[fp + __crucibleText[pc + 4]];
            pc += 6;
            break;
          case C.SET_CONST:
            __crucibleI32[fp + __crucibleText[pc + 1]] = __crucibleText[pc];
            pc += 2;
            break;
          case C.LOCAL_GET_F:
            __crucibleStack[sp++] = __crucibleF64[fp + __crucibleText[pc++]];
            break;
          case C.LOCAL_SET_F:
            __crucibleF64[fp + __crucibleText[pc++]] = __crucibleStack[--sp] as number;
            break;
          case C.LOCAL_TEE_F:
            __crucibleF64[fp + __crucibleText[pc++]] = __crucibleStack[sp - 1] as number;
            break;
          case C.MOVE_F:
            __crucibleF64[fp + __crucibleText[pc + 1]] = __crucibleF64[fp + __crucibleText[pc]];
            pc += 2;
            break;
          case C.MOVE_SF:
            __crucibleF64[fp + __crucibleText[pc + 1]] = __crucibleStack[fp + __crucibleText[pc]] as number;
            pc += 2;
            break;
          case C.MOVE_S:
            __crucibleStack[fp + __crucibleText[pc + 1]] = __crucibleStack[fp + __crucibleText[pc]];
            pc += 2;
            break;
          case C.LOCAL_GET_I:
            __crucibleStack[sp++] = __crucibleI32[fp + __crucibleText[pc++]];
            break;
          case C.LOCAL_SET_I:
            __crucibleI32[fp + __crucibleText[pc++]] = __crucibleStack[--sp] as number;
            break;
          case C.LOCAL_TEE_I:
            __crucibleI32[fp + __crucibleText[pc++]] = __crucibleStack[sp - 1] as number;
            break;
          case C.MOVE_SI:
            __crucibleI32[fp + __crucibleText[pc + 1]] = __crucibleStack[fp + __crucibleText[pc]] as number;
            pc += 2;
            break;
          // Two in-place adds, in order (wrapping, like the INC_BR_* codes' one).
          case C.INC2_II:
            __crucibleI32[fp + __crucibleText[pc]] = (__crucibleI32[fp + __crucibleText[pc]] + __crucibleText[pc + 1]) | 0;
            __crucibleI32[fp + __crucibleText[pc + 2]] = (__crucibleI32[fp + __crucibleText[pc + 2]] + __crucibleText[pc + 3]) | 0;
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          case C.INC2_IR:
            __crucibleI32[fp + __crucibleText[pc]] = (__crucibleI32[fp + __crucibleText[pc]] + __crucibleText[pc + 1]) | 0;
            __crucibleI32[fp + __crucibleText[pc + 2]] = (__crucibleI32[fp + __crucibleText[pc + 2]] + __crucibleI32[fp + __crucibleText[pc + 3]]) | 0;
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          case C.INC2_RI:
            __crucibleI32[fp + __crucibleText[pc]] = (__crucibleI32[fp + __crucibleText[pc]] + __crucibleI32[fp + __crucibleText[pc + 1]]) | 0;
            __crucibleI32[fp + __crucibleText[pc + 2]] = (__crucibleI32[fp + __crucibleText[pc + 2]] + __crucibleText[pc + 3]) | 0;
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          case C.INC2_RR:
            __crucibleI32[fp + __crucibleText[pc]] = (__crucibleI32[fp + __crucibleText[pc]] + __crucibleI32[fp + __crucibleText[pc + 1]]) | 0;
            __crucibleI32[fp + __crucibleText[pc + 2]] = (__crucibleI32[fp + __crucibleText[pc + 2]] + __crucibleI32[fp + __crucibleText[pc + 3]]) | 0;
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          // BEGIN GENERATED PAIRS (pairs.ts; `npm run gen:pairs`)
          case C.I32_LOAD_R: {
            a = __crucibleI32[fp + __crucibleText[pc]], o = __crucibleText[pc + 1], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 4) throw OUT_OF_BOUNDS;
            __crucibleI32[fp + __crucibleText[pc + 2]] = view.getInt32(ea, true);
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          }
          case C.F64_LOAD_R: {
            a = __crucibleI32[fp + __crucibleText[pc]], o = __crucibleText[pc + 1], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 8) throw OUT_OF_BOUNDS;
            __crucibleF64[fp + __crucibleText[pc + 2]] = view.getFloat64(ea, true);
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          }
          case C.I32_STORE_R: {
            a = __crucibleI32[fp + __crucibleText[pc]], o = __crucibleText[pc + 2], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 4) throw OUT_OF_BOUNDS;
            view.setInt32(ea, __crucibleI32[fp + __crucibleText[pc + 1]], true);
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          }
          case C.F64_STORE_R: {
            a = __crucibleI32[fp + __crucibleText[pc]], o = __crucibleText[pc + 2], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 8) throw OUT_OF_BOUNDS;
            view.setFloat64(ea, __crucibleF64[fp + __crucibleText[pc + 1]], true);
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          }
          case C.I32_STORE8_R: {
            a = __crucibleI32[fp + __crucibleText[pc]], o = __crucibleText[pc + 2], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 1) throw OUT_OF_BOUNDS;
            u8[ea] = __crucibleI32[fp + __crucibleText[pc + 1]];
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          }
          case C.I32_STORE16_R: {
            a = __crucibleI32[fp + __crucibleText[pc]], o = __crucibleText[pc + 2], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 2) throw OUT_OF_BOUNDS;
            view.setInt16(ea, __crucibleI32[fp + __crucibleText[pc + 1]], true);
            sp = fp + __crucibleText[pc + 3], pc += 4;
            break;
          }
          case C.F64_ADD_RR: { // f64.add(b, c)
            x = __crucibleF64[fp + __crucibleText[pc]], y = __crucibleF64[fp + __crucibleText[pc + 1]];
            r = x + y;
            s = fp + __crucibleText[pc + 2], __crucibleF64[s] = r;
            sp = fp + __crucibleText[pc + 3], pc += 4;
            if (r !== r) {
              o = C.F64_ADD_RR;
              throw NAN_RESULT;
            }
            break;
          }
          case C.F64_SUB_RR: { // f64.sub(b, c)
            x = __crucibleF64[fp + __crucibleText[pc]], y = __crucibleF64[fp + __crucibleText[pc + 1]];
            r = x - y;
            s = fp + __crucibleText[pc + 2], __crucibleF64[s] = r;
            sp = fp + __crucibleText[pc + 3], pc += 4;
            if (r !== r) {
              o = C.F64_SUB_RR;
              throw NAN_RESULT;
            }
            break;
          }
          case C.F64_MUL_RR: { // f64.mul(b, c)
            x = __crucibleF64[fp + __crucibleText[pc]], y = __crucibleF64[fp + __crucibleText[pc + 1]];
            r = x * y;
            s = fp + __crucibleText[pc + 2], __crucibleF64[s] = r;
            sp = fp + __crucibleText[pc + 3], pc += 4;
            if (r !== r) {
              o = C.F64_MUL_RR;
              throw NAN_RESULT;
            }
            break;
          }
          case C.F64_DIV_RR: { // f64.div(b, c)
            x = __crucibleF64[fp + __crucibleText[pc]], y = __crucibleF64[fp + __crucibleText[pc + 1]];
            r = x / y;
            s = fp + __crucibleText[pc + 2], __crucibleF64[s] = r;
            sp = fp + __crucibleText[pc + 3], pc += 4;
            if (r !== r) {
              o = C.F64_DIV_RR;
              throw NAN_RESULT;
            }
            break;
          }
          case C.I32_ADD_LL: { // i32.add(load(b1 + o1), load(b2 + o2))
            a = __crucibleI32[fp + __crucibleText[pc]], o = __crucibleText[pc + 1], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 4) throw OUT_OF_BOUNDS;
            x = view.getInt32(ea, true);
            pc += 3;
            a = __crucibleI32[fp + __crucibleText[pc - 1]], o = __crucibleText[pc], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 4) throw OUT_OF_BOUNDS;
            y = view.getInt32(ea, true);
            __crucibleI32[fp + __crucibleText[pc + 1]] = ((x + y) | 0);
            sp = fp + __crucibleText[pc + 2], pc += 3;
            break;
          }
          case C.F64_ADD_LL: { // f64.add(load(b1 + o1), load(b2 + o2))
            a = __crucibleI32[fp + __crucibleText[pc]], o = __crucibleText[pc + 1], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 8) throw OUT_OF_BOUNDS;
            x = view.getFloat64(ea, true);
            pc += 3;
            a = __crucibleI32[fp + __crucibleText[pc - 1]], o = __crucibleText[pc], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 8) throw OUT_OF_BOUNDS;
            y = view.getFloat64(ea, true);
            r = x + y;
            s = fp + __crucibleText[pc + 1], __crucibleF64[s] = r;
            sp = fp + __crucibleText[pc + 2], pc += 3;
            if (r !== r) {
              o = C.F64_ADD_LL;
              throw NAN_RESULT;
            }
            break;
          }
          case C.F64_SUB_LL: { // f64.sub(load(b1 + o1), load(b2 + o2))
            a = __crucibleI32[fp + __crucibleText[pc]], o = __crucibleText[pc + 1], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 8) throw OUT_OF_BOUNDS;
            x = view.getFloat64(ea, true);
            pc += 3;
            a = __crucibleI32[fp + __crucibleText[pc - 1]], o = __crucibleText[pc], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 8) throw OUT_OF_BOUNDS;
            y = view.getFloat64(ea, true);
            r = x - y;
            s = fp + __crucibleText[pc + 1], __crucibleF64[s] = r;
            sp = fp + __crucibleText[pc + 2], pc += 3;
            if (r !== r) {
              o = C.F64_SUB_LL;
              throw NAN_RESULT;
            }
            break;
          }
          case C.F64_MUL_LL: { // f64.mul(load(b1 + o1), load(b2 + o2))
            a = __crucibleI32[fp + __crucibleText[pc]], o = __crucibleText[pc + 1], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 8) throw OUT_OF_BOUNDS;
            x = view.getFloat64(ea, true);
            pc += 3;
            a = __crucibleI32[fp + __crucibleText[pc - 1]], o = __crucibleText[pc], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 8) throw OUT_OF_BOUNDS;
            y = view.getFloat64(ea, true);
            r = x * y;
            s = fp + __crucibleText[pc + 1], __crucibleF64[s] = r;
            sp = fp + __crucibleText[pc + 2], pc += 3;
            if (r !== r) {
              o = C.F64_MUL_LL;
              throw NAN_RESULT;
            }
            break;
          }
          case 180: { // i32.add(a, i32.add(b, c))
            __crucibleI32[fp + __crucibleText[pc + 3]] = ((__crucibleI32[fp + __crucibleText[pc]] + ((__crucibleI32[fp + __crucibleText[pc + 1]] + __crucibleI32[fp + __crucibleText[pc + 2]]) | 0)) | 0);
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 181: { // i32.add(a, i32.sub(b, c))
            __crucibleI32[fp + __crucibleText[pc + 3]] = ((__crucibleI32[fp + __crucibleText[pc]] + ((__crucibleI32[fp + __crucibleText[pc + 1]] - __crucibleI32[fp + __crucibleText[pc + 2]]) | 0)) | 0);
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 182: { // i32.add(a, i32.mul(b, c))
            __crucibleI32[fp + __crucibleText[pc + 3]] = ((__crucibleI32[fp + __crucibleText[pc]] + Math.imul(__crucibleI32[fp + __crucibleText[pc + 1]], __crucibleI32[fp + __crucibleText[pc + 2]])) | 0);
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 183: { // i32.add(a, i32.and(b, c))
            __crucibleI32[fp + __crucibleText[pc + 3]] = ((__crucibleI32[fp + __crucibleText[pc]] + (__crucibleI32[fp + __crucibleText[pc + 1]] & __crucibleI32[fp + __crucibleText[pc + 2]])) | 0);
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 184: { // i32.add(a, i32.or(b, c))
            __crucibleI32[fp + __crucibleText[pc + 3]] = ((__crucibleI32[fp + __crucibleText[pc]] + (__crucibleI32[fp + __crucibleText[pc + 1]] | __crucibleI32[fp + __crucibleText[pc + 2]])) | 0);
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 185: { // i32.add(a, i32.xor(b, c))
            __crucibleI32[fp + __crucibleText[pc + 3]] = ((__crucibleI32[fp + __crucibleText[pc]] + (__crucibleI32[fp + __crucibleText[pc + 1]] ^ __crucibleI32[fp + __crucibleText[pc + 2]])) | 0);
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 186: { // i32.add(a, i32.add(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = ((__crucibleI32[fp + __crucibleText[pc]] + ((__crucibleI32[fp + __crucibleText[pc + 1]] + __crucibleText[pc + 2]) | 0)) | 0);
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 187: { // i32.add(a, i32.sub(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = ((__crucibleI32[fp + __crucibleText[pc]] + ((__crucibleI32[fp + __crucibleText[pc + 1]] - __crucibleText[pc + 2]) | 0)) | 0);
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 188: { // i32.add(a, i32.mul(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = ((__crucibleI32[fp + __crucibleText[pc]] + Math.imul(__crucibleI32[fp + __crucibleText[pc + 1]], __crucibleText[pc + 2])) | 0);
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 189: { // i32.add(a, i32.and(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = ((__crucibleI32[fp + __crucibleText[pc]] + (__crucibleI32[fp + __crucibleText[pc + 1]] & __crucibleText[pc + 2])) | 0);
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 190: { // i32.add(a, i32.or(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = ((__crucibleI32[fp + __crucibleText[pc]] + (__crucibleI32[fp + __crucibleText[pc + 1]] | __crucibleText[pc + 2])) | 0);
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 191: { // i32.add(a, i32.xor(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = ((__crucibleI32[fp + __crucibleText[pc]] + (__crucibleI32[fp + __crucibleText[pc + 1]] ^ __crucibleText[pc + 2])) | 0);
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 192: { // i32.add(a, i32.shl(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = ((__crucibleI32[fp + __crucibleText[pc]] + (__crucibleI32[fp + __crucibleText[pc + 1]] << __crucibleText[pc + 2])) | 0);
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 193: { // i32.add(a, i32.shr_s(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = ((__crucibleI32[fp + __crucibleText[pc]] + (__crucibleI32[fp + __crucibleText[pc + 1]] >> __crucibleText[pc + 2])) | 0);
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 194: { // i32.add(a, i32.shr_u(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = ((__crucibleI32[fp + __crucibleText[pc]] + ((__crucibleI32[fp + __crucibleText[pc + 1]] >>> __crucibleText[pc + 2]) | 0)) | 0);
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 195: { // i32.add(a, i32.rotl(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = ((__crucibleI32[fp + __crucibleText[pc]] + ((__crucibleI32[fp + __crucibleText[pc + 1]] << __crucibleText[pc + 2]) | (__crucibleI32[fp + __crucibleText[pc + 1]] >>> (32 - __crucibleText[pc + 2])))) | 0);
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 196: { // i32.add(a, i32.rotr(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = ((__crucibleI32[fp + __crucibleText[pc]] + ((__crucibleI32[fp + __crucibleText[pc + 1]] >>> __crucibleText[pc + 2]) | (__crucibleI32[fp + __crucibleText[pc + 1]] << (32 - __crucibleText[pc + 2])))) | 0);
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 197: { // i32.add(a, i32.load offset=c (b))
            a = __crucibleI32[fp + __crucibleText[pc + 1]], o = __crucibleText[pc + 2], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 4) throw OUT_OF_BOUNDS;
            y = view.getInt32(ea, true);
            __crucibleI32[fp + __crucibleText[pc + 3]] = ((__crucibleI32[fp + __crucibleText[pc]] + y) | 0);
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 198: { // i32.add(a, i32.add(load(b1 + o1), load(b2 + o2)))
            a = __crucibleI32[fp + __crucibleText[pc + 1]], o = __crucibleText[pc + 2], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 4) throw OUT_OF_BOUNDS;
            x = view.getInt32(ea, true);
            pc += 4;
            a = __crucibleI32[fp + __crucibleText[pc - 1]], o = __crucibleText[pc], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 4) throw OUT_OF_BOUNDS;
            y = view.getInt32(ea, true);
            __crucibleI32[fp + __crucibleText[pc + 1]] = ((__crucibleI32[fp + __crucibleText[pc - 4]] + ((x + y) | 0)) | 0);
            sp = fp + __crucibleText[pc + 2], pc += 3;
            break;
          }
          case 199: { // i32.sub(a, i32.add(b, c))
            __crucibleI32[fp + __crucibleText[pc + 3]] = ((__crucibleI32[fp + __crucibleText[pc]] - ((__crucibleI32[fp + __crucibleText[pc + 1]] + __crucibleI32[fp + __crucibleText[pc + 2]]) | 0)) | 0);
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 200: { // i32.sub(a, i32.sub(b, c))
            __crucibleI32[fp + __crucibleText[pc + 3]] = ((__crucibleI32[fp + __crucibleText[pc]] - ((__crucibleI32[fp + __crucibleText[pc + 1]] - __crucibleI32[fp + __crucibleText[pc + 2]]) | 0)) | 0);
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 201: { // i32.sub(a, i32.mul(b, c))
            __crucibleI32[fp + __crucibleText[pc + 3]] = ((__crucibleI32[fp + __crucibleText[pc]] - Math.imul(__crucibleI32[fp + __crucibleText[pc + 1]], __crucibleI32[fp + __crucibleText[pc + 2]])) | 0);
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 202: { // i32.sub(a, i32.and(b, c))
            __crucibleI32[fp + __crucibleText[pc + 3]] = ((__crucibleI32[fp + __crucibleText[pc]] - (__crucibleI32[fp + __crucibleText[pc + 1]] & __crucibleI32[fp + __crucibleText[pc + 2]])) | 0);
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 203: { // i32.sub(a, i32.or(b, c))
            __crucibleI32[fp + __crucibleText[pc + 3]] = ((__crucibleI32[fp + __crucibleText[pc]] - (__crucibleI32[fp + __crucibleText[pc + 1]] | __crucibleI32[fp + __crucibleText[pc + 2]])) | 0);
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 204: { // i32.sub(a, i32.xor(b, c))
            __crucibleI32[fp + __crucibleText[pc + 3]] = ((__crucibleI32[fp + __crucibleText[pc]] - (__crucibleI32[fp + __crucibleText[pc + 1]] ^ __crucibleI32[fp + __crucibleText[pc + 2]])) | 0);
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 205: { // i32.sub(a, i32.add(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = ((__crucibleI32[fp + __crucibleText[pc]] - ((__crucibleI32[fp + __crucibleText[pc + 1]] + __crucibleText[pc + 2]) | 0)) | 0);
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 206: { // i32.sub(a, i32.sub(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = ((__crucibleI32[fp + __crucibleText[pc]] - ((__crucibleI32[fp + __crucibleText[pc + 1]] - __crucibleText[pc + 2]) | 0)) | 0);
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 207: { // i32.sub(a, i32.mul(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = ((__crucibleI32[fp + __crucibleText[pc]] - Math.imul(__crucibleI32[fp + __crucibleText[pc + 1]], __crucibleText[pc + 2])) | 0);
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 208: { // i32.sub(a, i32.and(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = ((__crucibleI32[fp + __crucibleText[pc]] - (__crucibleI32[fp + __crucibleText[pc + 1]] & __crucibleText[pc + 2])) | 0);
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 209: { // i32.sub(a, i32.or(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = ((__crucibleI32[fp + __crucibleText[pc]] - (__crucibleI32[fp + __crucibleText[pc + 1]] | __crucibleText[pc + 2])) | 0);
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 210: { // i32.sub(a, i32.xor(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = ((__crucibleI32[fp + __crucibleText[pc]] - (__crucibleI32[fp + __crucibleText[pc + 1]] ^ __crucibleText[pc + 2])) | 0);
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 211: { // i32.sub(a, i32.shl(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = ((__crucibleI32[fp + __crucibleText[pc]] - (__crucibleI32[fp + __crucibleText[pc + 1]] << __crucibleText[pc + 2])) | 0);
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 212: { // i32.sub(a, i32.shr_s(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = ((__crucibleI32[fp + __crucibleText[pc]] - (__crucibleI32[fp + __crucibleText[pc + 1]] >> __crucibleText[pc + 2])) | 0);
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 213: { // i32.sub(a, i32.shr_u(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = ((__crucibleI32[fp + __crucibleText[pc]] - ((__crucibleI32[fp + __crucibleText[pc + 1]] >>> __crucibleText[pc + 2]) | 0)) | 0);
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 214: { // i32.sub(a, i32.rotl(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = ((__crucibleI32[fp + __crucibleText[pc]] - ((__crucibleI32[fp + __crucibleText[pc + 1]] << __crucibleText[pc + 2]) | (__crucibleI32[fp + __crucibleText[pc + 1]] >>> (32 - __crucibleText[pc + 2])))) | 0);
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 215: { // i32.sub(a, i32.rotr(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = ((__crucibleI32[fp + __crucibleText[pc]] - ((__crucibleI32[fp + __crucibleText[pc + 1]] >>> __crucibleText[pc + 2]) | (__crucibleI32[fp + __crucibleText[pc + 1]] << (32 - __crucibleText[pc + 2])))) | 0);
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 216: { // i32.sub(a, i32.load offset=c (b))
            a = __crucibleI32[fp + __crucibleText[pc + 1]], o = __crucibleText[pc + 2], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 4) throw OUT_OF_BOUNDS;
            y = view.getInt32(ea, true);
            __crucibleI32[fp + __crucibleText[pc + 3]] = ((__crucibleI32[fp + __crucibleText[pc]] - y) | 0);
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 217: { // i32.sub(a, i32.add(load(b1 + o1), load(b2 + o2)))
            a = __crucibleI32[fp + __crucibleText[pc + 1]], o = __crucibleText[pc + 2], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 4) throw OUT_OF_BOUNDS;
            x = view.getInt32(ea, true);
            pc += 4;
            a = __crucibleI32[fp + __crucibleText[pc - 1]], o = __crucibleText[pc], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 4) throw OUT_OF_BOUNDS;
            y = view.getInt32(ea, true);
            __crucibleI32[fp + __crucibleText[pc + 1]] = ((__crucibleI32[fp + __crucibleText[pc - 4]] - ((x + y) | 0)) | 0);
            sp = fp + __crucibleText[pc + 2], pc += 3;
            break;
          }
          case 218: { // i32.and(a, i32.add(b, c))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] & ((__crucibleI32[fp + __crucibleText[pc + 1]] + __crucibleI32[fp + __crucibleText[pc + 2]]) | 0));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 219: { // i32.and(a, i32.sub(b, c))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] & ((__crucibleI32[fp + __crucibleText[pc + 1]] - __crucibleI32[fp + __crucibleText[pc + 2]]) | 0));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 220: { // i32.and(a, i32.mul(b, c))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] & Math.imul(__crucibleI32[fp + __crucibleText[pc + 1]], __crucibleI32[fp + __crucibleText[pc + 2]]));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 221: { // i32.and(a, i32.and(b, c))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] & (__crucibleI32[fp + __crucibleText[pc + 1]] & __crucibleI32[fp + __crucibleText[pc + 2]]));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 222: { // i32.and(a, i32.or(b, c))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] & (__crucibleI32[fp + __crucibleText[pc + 1]] | __crucibleI32[fp + __crucibleText[pc + 2]]));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 223: { // i32.and(a, i32.xor(b, c))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] & (__crucibleI32[fp + __crucibleText[pc + 1]] ^ __crucibleI32[fp + __crucibleText[pc + 2]]));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 224: { // i32.and(a, i32.add(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] & ((__crucibleI32[fp + __crucibleText[pc + 1]] + __crucibleText[pc + 2]) | 0));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 225: { // i32.and(a, i32.sub(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] & ((__crucibleI32[fp + __crucibleText[pc + 1]] - __crucibleText[pc + 2]) | 0));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 226: { // i32.and(a, i32.mul(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] & Math.imul(__crucibleI32[fp + __crucibleText[pc + 1]], __crucibleText[pc + 2]));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 227: { // i32.and(a, i32.and(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] & (__crucibleI32[fp + __crucibleText[pc + 1]] & __crucibleText[pc + 2]));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 228: { // i32.and(a, i32.or(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] & (__crucibleI32[fp + __crucibleText[pc + 1]] | __crucibleText[pc + 2]));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 229: { // i32.and(a, i32.xor(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] & (__crucibleI32[fp + __crucibleText[pc + 1]] ^ __crucibleText[pc + 2]));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 230: { // i32.and(a, i32.shl(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] & (__crucibleI32[fp + __crucibleText[pc + 1]] << __crucibleText[pc + 2]));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 231: { // i32.and(a, i32.shr_s(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] & (__crucibleI32[fp + __crucibleText[pc + 1]] >> __crucibleText[pc + 2]));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 232: { // i32.and(a, i32.shr_u(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] & ((__crucibleI32[fp + __crucibleText[pc + 1]] >>> __crucibleText[pc + 2]) | 0));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 233: { // i32.and(a, i32.rotl(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] & ((__crucibleI32[fp + __crucibleText[pc + 1]] << __crucibleText[pc + 2]) | (__crucibleI32[fp + __crucibleText[pc + 1]] >>> (32 - __crucibleText[pc + 2]))));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 234: { // i32.and(a, i32.rotr(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] & ((__crucibleI32[fp + __crucibleText[pc + 1]] >>> __crucibleText[pc + 2]) | (__crucibleI32[fp + __crucibleText[pc + 1]] << (32 - __crucibleText[pc + 2]))));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 235: { // i32.and(a, i32.load offset=c (b))
            a = __crucibleI32[fp + __crucibleText[pc + 1]], o = __crucibleText[pc + 2], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 4) throw OUT_OF_BOUNDS;
            y = view.getInt32(ea, true);
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] & y);
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 236: { // i32.and(a, i32.add(load(b1 + o1), load(b2 + o2)))
            a = __crucibleI32[fp + __crucibleText[pc + 1]], o = __crucibleText[pc + 2], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 4) throw OUT_OF_BOUNDS;
            x = view.getInt32(ea, true);
            pc += 4;
            a = __crucibleI32[fp + __crucibleText[pc - 1]], o = __crucibleText[pc], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 4) throw OUT_OF_BOUNDS;
            y = view.getInt32(ea, true);
            __crucibleI32[fp + __crucibleText[pc + 1]] = (__crucibleI32[fp + __crucibleText[pc - 4]] & ((x + y) | 0));
            sp = fp + __crucibleText[pc + 2], pc += 3;
            break;
          }
          case 237: { // i32.or(a, i32.add(b, c))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] | ((__crucibleI32[fp + __crucibleText[pc + 1]] + __crucibleI32[fp + __crucibleText[pc + 2]]) | 0));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 238: { // i32.or(a, i32.sub(b, c))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] | ((__crucibleI32[fp + __crucibleText[pc + 1]] - __crucibleI32[fp + __crucibleText[pc + 2]]) | 0));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 239: { // i32.or(a, i32.mul(b, c))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] | Math.imul(__crucibleI32[fp + __crucibleText[pc + 1]], __crucibleI32[fp + __crucibleText[pc + 2]]));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 240: { // i32.or(a, i32.and(b, c))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] | (__crucibleI32[fp + __crucibleText[pc + 1]] & __crucibleI32[fp + __crucibleText[pc + 2]]));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 241: { // i32.or(a, i32.or(b, c))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] | (__crucibleI32[fp + __crucibleText[pc + 1]] | __crucibleI32[fp + __crucibleText[pc + 2]]));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 242: { // i32.or(a, i32.xor(b, c))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] | (__crucibleI32[fp + __crucibleText[pc + 1]] ^ __crucibleI32[fp + __crucibleText[pc + 2]]));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 243: { // i32.or(a, i32.add(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] | ((__crucibleI32[fp + __crucibleText[pc + 1]] + __crucibleText[pc + 2]) | 0));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 244: { // i32.or(a, i32.sub(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] | ((__crucibleI32[fp + __crucibleText[pc + 1]] - __crucibleText[pc + 2]) | 0));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 245: { // i32.or(a, i32.mul(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] | Math.imul(__crucibleI32[fp + __crucibleText[pc + 1]], __crucibleText[pc + 2]));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 246: { // i32.or(a, i32.and(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] | (__crucibleI32[fp + __crucibleText[pc + 1]] & __crucibleText[pc + 2]));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 247: { // i32.or(a, i32.or(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] | (__crucibleI32[fp + __crucibleText[pc + 1]] | __crucibleText[pc + 2]));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 248: { // i32.or(a, i32.xor(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] | (__crucibleI32[fp + __crucibleText[pc + 1]] ^ __crucibleText[pc + 2]));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 249: { // i32.or(a, i32.shl(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] | (__crucibleI32[fp + __crucibleText[pc + 1]] << __crucibleText[pc + 2]));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 250: { // i32.or(a, i32.shr_s(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] | (__crucibleI32[fp + __crucibleText[pc + 1]] >> __crucibleText[pc + 2]));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 251: { // i32.or(a, i32.shr_u(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] | ((__crucibleI32[fp + __crucibleText[pc + 1]] >>> __crucibleText[pc + 2]) | 0));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 252: { // i32.or(a, i32.rotl(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] | ((__crucibleI32[fp + __crucibleText[pc + 1]] << __crucibleText[pc + 2]) | (__crucibleI32[fp + __crucibleText[pc + 1]] >>> (32 - __crucibleText[pc + 2]))));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 253: { // i32.or(a, i32.rotr(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] | ((__crucibleI32[fp + __crucibleText[pc + 1]] >>> __crucibleText[pc + 2]) | (__crucibleI32[fp + __crucibleText[pc + 1]] << (32 - __crucibleText[pc + 2]))));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 254: { // i32.or(a, i32.load offset=c (b))
            a = __crucibleI32[fp + __crucibleText[pc + 1]], o = __crucibleText[pc + 2], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 4) throw OUT_OF_BOUNDS;
            y = view.getInt32(ea, true);
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] | y);
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 255: { // i32.or(a, i32.add(load(b1 + o1), load(b2 + o2)))
            a = __crucibleI32[fp + __crucibleText[pc + 1]], o = __crucibleText[pc + 2], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 4) throw OUT_OF_BOUNDS;
            x = view.getInt32(ea, true);
            pc += 4;
            a = __crucibleI32[fp + __crucibleText[pc - 1]], o = __crucibleText[pc], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 4) throw OUT_OF_BOUNDS;
            y = view.getInt32(ea, true);
            __crucibleI32[fp + __crucibleText[pc + 1]] = (__crucibleI32[fp + __crucibleText[pc - 4]] | ((x + y) | 0));
            sp = fp + __crucibleText[pc + 2], pc += 3;
            break;
          }
          case 256: { // i32.xor(a, i32.add(b, c))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] ^ ((__crucibleI32[fp + __crucibleText[pc + 1]] + __crucibleI32[fp + __crucibleText[pc + 2]]) | 0));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 257: { // i32.xor(a, i32.sub(b, c))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] ^ ((__crucibleI32[fp + __crucibleText[pc + 1]] - __crucibleI32[fp + __crucibleText[pc + 2]]) | 0));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 258: { // i32.xor(a, i32.mul(b, c))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] ^ Math.imul(__crucibleI32[fp + __crucibleText[pc + 1]], __crucibleI32[fp + __crucibleText[pc + 2]]));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 259: { // i32.xor(a, i32.and(b, c))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] ^ (__crucibleI32[fp + __crucibleText[pc + 1]] & __crucibleI32[fp + __crucibleText[pc + 2]]));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 260: { // i32.xor(a, i32.or(b, c))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] ^ (__crucibleI32[fp + __crucibleText[pc + 1]] | __crucibleI32[fp + __crucibleText[pc + 2]]));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 261: { // i32.xor(a, i32.xor(b, c))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] ^ (__crucibleI32[fp + __crucibleText[pc + 1]] ^ __crucibleI32[fp + __crucibleText[pc + 2]]));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 262: { // i32.xor(a, i32.add(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] ^ ((__crucibleI32[fp + __crucibleText[pc + 1]] + __crucibleText[pc + 2]) | 0));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 263: { // i32.xor(a, i32.sub(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] ^ ((__crucibleI32[fp + __crucibleText[pc + 1]] - __crucibleText[pc + 2]) | 0));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 264: { // i32.xor(a, i32.mul(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] ^ Math.imul(__crucibleI32[fp + __crucibleText[pc + 1]], __crucibleText[pc + 2]));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 265: { // i32.xor(a, i32.and(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] ^ (__crucibleI32[fp + __crucibleText[pc + 1]] & __crucibleText[pc + 2]));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 266: { // i32.xor(a, i32.or(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] ^ (__crucibleI32[fp + __crucibleText[pc + 1]] | __crucibleText[pc + 2]));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 267: { // i32.xor(a, i32.xor(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] ^ (__crucibleI32[fp + __crucibleText[pc + 1]] ^ __crucibleText[pc + 2]));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 268: { // i32.xor(a, i32.shl(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] ^ (__crucibleI32[fp + __crucibleText[pc + 1]] << __crucibleText[pc + 2]));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 269: { // i32.xor(a, i32.shr_s(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] ^ (__crucibleI32[fp + __crucibleText[pc + 1]] >> __crucibleText[pc + 2]));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 270: { // i32.xor(a, i32.shr_u(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] ^ ((__crucibleI32[fp + __crucibleText[pc + 1]] >>> __crucibleText[pc + 2]) | 0));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 271: { // i32.xor(a, i32.rotl(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] ^ ((__crucibleI32[fp + __crucibleText[pc + 1]] << __crucibleText[pc + 2]) | (__crucibleI32[fp + __crucibleText[pc + 1]] >>> (32 - __crucibleText[pc + 2]))));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 272: { // i32.xor(a, i32.rotr(b, k))
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] ^ ((__crucibleI32[fp + __crucibleText[pc + 1]] >>> __crucibleText[pc + 2]) | (__crucibleI32[fp + __crucibleText[pc + 1]] << (32 - __crucibleText[pc + 2]))));
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 273: { // i32.xor(a, i32.load offset=c (b))
            a = __crucibleI32[fp + __crucibleText[pc + 1]], o = __crucibleText[pc + 2], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 4) throw OUT_OF_BOUNDS;
            y = view.getInt32(ea, true);
            __crucibleI32[fp + __crucibleText[pc + 3]] = (__crucibleI32[fp + __crucibleText[pc]] ^ y);
            sp = fp + __crucibleText[pc + 4], pc += 5;
            break;
          }
          case 274: { // i32.xor(a, i32.add(load(b1 + o1), load(b2 + o2)))
            a = __crucibleI32[fp + __crucibleText[pc + 1]], o = __crucibleText[pc + 2], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 4) throw OUT_OF_BOUNDS;
            x = view.getInt32(ea, true);
            pc += 4;
            a = __crucibleI32[fp + __crucibleText[pc - 1]], o = __crucibleText[pc], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 4) throw OUT_OF_BOUNDS;
            y = view.getInt32(ea, true);
            __crucibleI32[fp + __crucibleText[pc + 1]] = (__crucibleI32[fp + __crucibleText[pc - 4]] ^ ((x + y) | 0));
            sp = fp + __crucibleText[pc + 2], pc += 3;
            break;
          }
          case 275: { // f64.add(a, f64.add(b, c))
            x = __crucibleF64[fp + __crucibleText[pc + 1]], y = __crucibleF64[fp + __crucibleText[pc + 2]];
            r = x + y;
            w = __crucibleF64[fp + __crucibleText[pc]], v = w + r;
            s = fp + __crucibleText[pc + 3], __crucibleF64[s] = v;
            sp = fp + __crucibleText[pc + 4], pc += 5;
            if (v !== v) {
              o = 275;
              throw NAN_RESULT;
            }
            break;
          }
          case 276: { // f64.add(a, f64.sub(b, c))
            x = __crucibleF64[fp + __crucibleText[pc + 1]], y = __crucibleF64[fp + __crucibleText[pc + 2]];
            r = x - y;
            w = __crucibleF64[fp + __crucibleText[pc]], v = w + r;
            s = fp + __crucibleText[pc + 3], __crucibleF64[s] = v;
            sp = fp + __crucibleText[pc + 4], pc += 5;
            if (v !== v) {
              o = 276;
              throw NAN_RESULT;
            }
            break;
          }
          case 277: { // f64.add(a, f64.mul(b, c))
            x = __crucibleF64[fp + __crucibleText[pc + 1]], y = __crucibleF64[fp + __crucibleText[pc + 2]];
            r = x * y;
            w = __crucibleF64[fp + __crucibleText[pc]], v = w + r;
            s = fp + __crucibleText[pc + 3], __crucibleF64[s] = v;
            sp = fp + __crucibleText[pc + 4], pc += 5;
            if (v !== v) {
              o = 277;
              throw NAN_RESULT;
            }
            break;
          }
          case 278: { // f64.add(a, f64.div(b, c))
            x = __crucibleF64[fp + __crucibleText[pc + 1]], y = __crucibleF64[fp + __crucibleText[pc + 2]];
            r = x / y;
            w = __crucibleF64[fp + __crucibleText[pc]], v = w + r;
            s = fp + __crucibleText[pc + 3], __crucibleF64[s] = v;
            sp = fp + __crucibleText[pc + 4], pc += 5;
            if (v !== v) {
              o = 278;
              throw NAN_RESULT;
            }
            break;
          }
          case 279: { // f64.add(a, f64.load offset=c (b))
            a = __crucibleI32[fp + __crucibleText[pc + 1]], o = __crucibleText[pc + 2], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 8) throw OUT_OF_BOUNDS;
            y = view.getFloat64(ea, true);
            w = __crucibleF64[fp + __crucibleText[pc]], v = w + y;
            s = fp + __crucibleText[pc + 3], __crucibleF64[s] = v;
            sp = fp + __crucibleText[pc + 4], pc += 5;
            if (v !== v) {
              o = 279;
              throw NAN_RESULT;
            }
            break;
          }
          case 280: { // f64.add(a, f64.add(load(b1 + o1), load(b2 + o2)))
            a = __crucibleI32[fp + __crucibleText[pc + 1]], o = __crucibleText[pc + 2], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 8) throw OUT_OF_BOUNDS;
            x = view.getFloat64(ea, true);
            pc += 4;
            a = __crucibleI32[fp + __crucibleText[pc - 1]], o = __crucibleText[pc], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 8) throw OUT_OF_BOUNDS;
            y = view.getFloat64(ea, true);
            r = x + y;
            w = __crucibleF64[fp + __crucibleText[pc - 4]], v = w + r;
            s = fp + __crucibleText[pc + 1], __crucibleF64[s] = v;
            sp = fp + __crucibleText[pc + 2], pc += 3;
            if (v !== v) {
              o = 280;
              throw NAN_RESULT;
            }
            break;
          }
          case 281: { // f64.add(a, f64.sub(load(b1 + o1), load(b2 + o2)))
            a = __crucibleI32[fp + __crucibleText[pc + 1]], o = __crucibleText[pc + 2], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 8) throw OUT_OF_BOUNDS;
            x = view.getFloat64(ea, true);
            pc += 4;
            a = __crucibleI32[fp + __crucibleText[pc - 1]], o = __crucibleText[pc], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 8) throw OUT_OF_BOUNDS;
            y = view.getFloat64(ea, true);
            r = x - y;
            w = __crucibleF64[fp + __crucibleText[pc - 4]], v = w + r;
            s = fp + __crucibleText[pc + 1], __crucibleF64[s] = v;
            sp = fp + __crucibleText[pc + 2], pc += 3;
            if (v !== v) {
              o = 281;
              throw NAN_RESULT;
            }
            break;
          }
          case 282: { // f64.add(a, f64.mul(load(b1 + o1), load(b2 + o2)))
            a = __crucibleI32[fp + __crucibleText[pc + 1]], o = __crucibleText[pc + 2], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 8) throw OUT_OF_BOUNDS;
            x = view.getFloat64(ea, true);
            pc += 4;
            a = __crucibleI32[fp + __crucibleText[pc - 1]], o = __crucibleText[pc], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 8) throw OUT_OF_BOUNDS;
            y = view.getFloat64(ea, true);
            r = x * y;
            w = __crucibleF64[fp + __crucibleText[pc - 4]], v = w + r;
            s = fp + __crucibleText[pc + 1], __crucibleF64[s] = v;
            sp = fp + __crucibleText[pc + 2], pc += 3;
            if (v !== v) {
              o = 282;
              throw NAN_RESULT;
            }
            break;
          }
          case 283: { // f64.sub(a, f64.add(b, c))
            x = __crucibleF64[fp + __crucibleText[pc + 1]], y = __crucibleF64[fp + __crucibleText[pc + 2]];
            r = x + y;
            w = __crucibleF64[fp + __crucibleText[pc]], v = w - r;
            s = fp + __crucibleText[pc + 3], __crucibleF64[s] = v;
            sp = fp + __crucibleText[pc + 4], pc += 5;
            if (v !== v) {
              o = 283;
              throw NAN_RESULT;
            }
            break;
          }
          case 284: { // f64.sub(a, f64.sub(b, c))
            x = __crucibleF64[fp + __crucibleText[pc + 1]], y = __crucibleF64[fp + __crucibleText[pc + 2]];
            r = x - y;
            w = __crucibleF64[fp + __crucibleText[pc]], v = w - r;
            s = fp + __crucibleText[pc + 3], __crucibleF64[s] = v;
            sp = fp + __crucibleText[pc + 4], pc += 5;
            if (v !== v) {
              o = 284;
              throw NAN_RESULT;
            }
            break;
          }
          case 285: { // f64.sub(a, f64.mul(b, c))
            x = __crucibleF64[fp + __crucibleText[pc + 1]], y = __crucibleF64[fp + __crucibleText[pc + 2]];
            r = x * y;
            w = __crucibleF64[fp + __crucibleText[pc]], v = w - r;
            s = fp + __crucibleText[pc + 3], __crucibleF64[s] = v;
            sp = fp + __crucibleText[pc + 4], pc += 5;
            if (v !== v) {
              o = 285;
              throw NAN_RESULT;
            }
            break;
          }
          case 286: { // f64.sub(a, f64.div(b, c))
            x = __crucibleF64[fp + __crucibleText[pc + 1]], y = __crucibleF64[fp + __crucibleText[pc + 2]];
            r = x / y;
            w = __crucibleF64[fp + __crucibleText[pc]], v = w - r;
            s = fp + __crucibleText[pc + 3], __crucibleF64[s] = v;
            sp = fp + __crucibleText[pc + 4], pc += 5;
            if (v !== v) {
              o = 286;
              throw NAN_RESULT;
            }
            break;
          }
          case 287: { // f64.sub(a, f64.load offset=c (b))
            a = __crucibleI32[fp + __crucibleText[pc + 1]], o = __crucibleText[pc + 2], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 8) throw OUT_OF_BOUNDS;
            y = view.getFloat64(ea, true);
            w = __crucibleF64[fp + __crucibleText[pc]], v = w - y;
            s = fp + __crucibleText[pc + 3], __crucibleF64[s] = v;
            sp = fp + __crucibleText[pc + 4], pc += 5;
            if (v !== v) {
              o = 287;
              throw NAN_RESULT;
            }
            break;
          }
          case 288: { // f64.sub(a, f64.add(load(b1 + o1), load(b2 + o2)))
            a = __crucibleI32[fp + __crucibleText[pc + 1]], o = __crucibleText[pc + 2], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 8) throw OUT_OF_BOUNDS;
            x = view.getFloat64(ea, true);
            pc += 4;
            a = __crucibleI32[fp + __crucibleText[pc - 1]], o = __crucibleText[pc], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 8) throw OUT_OF_BOUNDS;
            y = view.getFloat64(ea, true);
            r = x + y;
            w = __crucibleF64[fp + __crucibleText[pc - 4]], v = w - r;
            s = fp + __crucibleText[pc + 1], __crucibleF64[s] = v;
            sp = fp + __crucibleText[pc + 2], pc += 3;
            if (v !== v) {
              o = 288;
              throw NAN_RESULT;
            }
            break;
          }
          case 289: { // f64.sub(a, f64.sub(load(b1 + o1), load(b2 + o2)))
            a = __crucibleI32[fp + __crucibleText[pc + 1]], o = __crucibleText[pc + 2], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 8) throw OUT_OF_BOUNDS;
            x = view.getFloat64(ea, true);
            pc += 4;
            a = __crucibleI32[fp + __crucibleText[pc - 1]], o = __crucibleText[pc], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 8) throw OUT_OF_BOUNDS;
            y = view.getFloat64(ea, true);
            r = x - y;
            w = __crucibleF64[fp + __crucibleText[pc - 4]], v = w - r;
            s = fp + __crucibleText[pc + 1], __crucibleF64[s] = v;
            sp = fp + __crucibleText[pc + 2], pc += 3;
            if (v !== v) {
              o = 289;
              throw NAN_RESULT;
            }
            break;
          }
          case 290: { // f64.sub(a, f64.mul(load(b1 + o1), load(b2 + o2)))
            a = __crucibleI32[fp + __crucibleText[pc + 1]], o = __crucibleText[pc + 2], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 8) throw OUT_OF_BOUNDS;
            x = view.getFloat64(ea, true);
            pc += 4;
            a = __crucibleI32[fp + __crucibleText[pc - 1]], o = __crucibleText[pc], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 8) throw OUT_OF_BOUNDS;
            y = view.getFloat64(ea, true);
            r = x * y;
            w = __crucibleF64[fp + __crucibleText[pc - 4]], v = w - r;
            s = fp + __crucibleText[pc + 1], __crucibleF64[s] = v;
            sp = fp + __crucibleText[pc + 2], pc += 3;
            if (v !== v) {
              o = 290;
              throw NAN_RESULT;
            }
            break;
          }
          case 291: { // f64.mul(a, f64.add(b, c))
            x = __crucibleF64[fp + __crucibleText[pc + 1]], y = __crucibleF64[fp + __crucibleText[pc + 2]];
            r = x + y;
            w = __crucibleF64[fp + __crucibleText[pc]], v = w * r;
            s = fp + __crucibleText[pc + 3], __crucibleF64[s] = v;
            sp = fp + __crucibleText[pc + 4], pc += 5;
            if (v !== v) {
              o = 291;
              throw NAN_RESULT;
            }
            break;
          }
          case 292: { // f64.mul(a, f64.sub(b, c))
            x = __crucibleF64[fp + __crucibleText[pc + 1]], y = __crucibleF64[fp + __crucibleText[pc + 2]];
            r = x - y;
            w = __crucibleF64[fp + __crucibleText[pc]], v = w * r;
            s = fp + __crucibleText[pc + 3], __crucibleF64[s] = v;
            sp = fp + __crucibleText[pc + 4], pc += 5;
            if (v !== v) {
              o = 292;
              throw NAN_RESULT;
            }
            break;
          }
          case 293: { // f64.mul(a, f64.mul(b, c))
            x = __crucibleF64[fp + __crucibleText[pc + 1]], y = __crucibleF64[fp + __crucibleText[pc + 2]];
            r = x * y;
            w = __crucibleF64[fp + __crucibleText[pc]], v = w * r;
            s = fp + __crucibleText[pc + 3], __crucibleF64[s] = v;
            sp = fp + __crucibleText[pc + 4], pc += 5;
            if (v !== v) {
              o = 293;
              throw NAN_RESULT;
            }
            break;
          }
          case 294: { // f64.mul(a, f64.div(b, c))
            x = __crucibleF64[fp + __crucibleText[pc + 1]], y = __crucibleF64[fp + __crucibleText[pc + 2]];
            r = x / y;
            w = __crucibleF64[fp + __crucibleText[pc]], v = w * r;
            s = fp + __crucibleText[pc + 3], __crucibleF64[s] = v;
            sp = fp + __crucibleText[pc + 4], pc += 5;
            if (v !== v) {
              o = 294;
              throw NAN_RESULT;
            }
            break;
          }
          case 295: { // f64.mul(a, f64.load offset=c (b))
            a = __crucibleI32[fp + __crucibleText[pc + 1]], o = __crucibleText[pc + 2], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 8) throw OUT_OF_BOUNDS;
            y = view.getFloat64(ea, true);
            w = __crucibleF64[fp + __crucibleText[pc]], v = w * y;
            s = fp + __crucibleText[pc + 3], __crucibleF64[s] = v;
            sp = fp + __crucibleText[pc + 4], pc += 5;
            if (v !== v) {
              o = 295;
              throw NAN_RESULT;
            }
            break;
          }
          case 296: { // f64.mul(a, f64.add(load(b1 + o1), load(b2 + o2)))
            a = __crucibleI32[fp + __crucibleText[pc + 1]], o = __crucibleText[pc + 2], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 8) throw OUT_OF_BOUNDS;
            x = view.getFloat64(ea, true);
            pc += 4;
            a = __crucibleI32[fp + __crucibleText[pc - 1]], o = __crucibleText[pc], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 8) throw OUT_OF_BOUNDS;
            y = view.getFloat64(ea, true);
            r = x + y;
            w = __crucibleF64[fp + __crucibleText[pc - 4]], v = w * r;
            s = fp + __crucibleText[pc + 1], __crucibleF64[s] = v;
            sp = fp + __crucibleText[pc + 2], pc += 3;
            if (v !== v) {
              o = 296;
              throw NAN_RESULT;
            }
            break;
          }
          case 297: { // f64.mul(a, f64.sub(load(b1 + o1), load(b2 + o2)))
            a = __crucibleI32[fp + __crucibleText[pc + 1]], o = __crucibleText[pc + 2], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 8) throw OUT_OF_BOUNDS;
            x = view.getFloat64(ea, true);
            pc += 4;
            a = __crucibleI32[fp + __crucibleText[pc - 1]], o = __crucibleText[pc], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 8) throw OUT_OF_BOUNDS;
            y = view.getFloat64(ea, true);
            r = x - y;
            w = __crucibleF64[fp + __crucibleText[pc - 4]], v = w * r;
            s = fp + __crucibleText[pc + 1], __crucibleF64[s] = v;
            sp = fp + __crucibleText[pc + 2], pc += 3;
            if (v !== v) {
              o = 297;
              throw NAN_RESULT;
            }
            break;
          }
          case 298: { // f64.mul(a, f64.mul(load(b1 + o1), load(b2 + o2)))
            a = __crucibleI32[fp + __crucibleText[pc + 1]], o = __crucibleText[pc + 2], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 8) throw OUT_OF_BOUNDS;
            x = view.getFloat64(ea, true);
            pc += 4;
            a = __crucibleI32[fp + __crucibleText[pc - 1]], o = __crucibleText[pc], ea = (a + o) | 0;
            if ((a | o | ea) < 0 || ea > u8.length - 8) throw OUT_OF_BOUNDS;
            y = view.getFloat64(ea, true);
            r = x * y;
            w = __crucibleF64[fp + __crucibleText[pc - 4]], v = w * r;
            s = fp + __crucibleText[pc + 1], __crucibleF64[s] = v;
            sp = fp + __crucibleText[pc + 2], pc += 3;
            if (v !== v) {
              o = 298;
              throw NAN_RESULT;
            }
            break;
          }
          // END GENERATED PAIRS
          default:
            throw new Error(`interp: bad code ${__crucibleText[pc - 1]} at ${pc - 1}`);
        }
      }
    } catch (err) {
      // An f64 case's NaN result (NAN_RESULT): the exact NaN, and on to the next instruction.
      if (err === NAN_RESULT) {
        __crucibleF64[s] = EXACT_F64[o](w, x, y);
        continue;
      }
      store.depth = depth0;
      leaveRun(base);
      throw withFrames(err === OUT_OF_BOUNDS ? new Trap(TrapKind.MemoryOutOfBounds) : err, entry, cur, pc - 1, frames, rets);
    }
  }
}

/**
 * The effective address of a `size`-byte access: u32(addr) + u32(offset), at most 2^33 (exact
 * in a double), or a MemoryOutOfBounds trap when the access passes `length`. For the accesses
 * whose address comes off the value stack, a tagged number.
 *
 * They all go through this one function, so they share its type feedback, and
 * primeInterpreter (primerModule.ts) runs it with the widest addresses and offsets and a trap.
 * Otherwise each access site would start out speculating that addresses are small and that
 * none traps, and the first fuzz case to break one speculation would throw away `run`'s
 * optimized code (recompiling it takes ~100 ms): one site at a time, a fuzz run recompiled
 * `run` every few hundred cases. The fused accesses (address in the i32 register file) check
 * it in place with int32 operations only, which V8 compiles without speculating (pairs.ts
 * boundsCheck).
 */
function address(addr: Raw, offset: number, size: number, length: number): number {
  const ea = ((addr as number) >>> 0) + (offset >>> 0);
  if (ea + size > length) throw OUT_OF_BOUNDS;
  return ea;
}
