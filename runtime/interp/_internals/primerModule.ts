// The primer's wasm module, built in code: small functions whose bodies, lowered fused and
// unfused, contain every interpreter code (see codes.ts) in the shapes fuse.ts recognises.
// Only the bytes and function indices live here; primeInterpreter.ts decides what to run.

import { ins, section, str, uleb, vec } from '../../binary/_internals/wasmBytes.js';
import { ValType } from '../../types.js';
import { PAIRS } from './pairs.js';

const { I32, I64, F64, V128, FuncRef: FUNCREF } = ValType;
/** The block type of a block without params or results. */
const EMPTY = 0x40;

/** Function indices of the primer module (0 and 1 are imports of type (i32) -> i32). */
export const enum PF {
  HOST = 0,
  OTHER = 1,
  ID = 2,
  I32 = 3,
  F64 = 4,
  MEM = 5,
  CTL = 6,
  CALL_INDIRECT = 7,
  LOOP = 8,
  MAIN = 9,
  UNREACHABLE = 10,
  RECURSE = 11,
  SPIN = 12,
}

// Types: 0 (i32 i32) -> i32, 1 (f64 f64) -> f64, 2 () -> (), 3 (i32) -> i32.
const TYPES = [[[I32, I32], [I32]], [[F64, F64], [F64]], [[], []], [[I32], [I32]]];

/** i32 constants at the edges of V8's number representations and of shifts. */
const K = [0x7fffffff, -0x80000000, 1, 31, 0, -1, 32, 0x40000000];

/** The i32 binary ops fuse.ts knows (so each gets its RR and RI forms). */
const I32_BIN = [
  'add', 'sub', 'mul', 'and', 'or', 'xor', 'shl', 'shr_s', 'shr_u', 'rotl', 'rotr',
  'eq', 'ne', 'lt_s', 'lt_u', 'gt_s', 'gt_u', 'le_s', 'le_u', 'ge_s', 'ge_u',
].map((o) => `i32.${o}`);
const I32_CMP = I32_BIN.slice(11);

const get = (i: number): number[] => ins('local.get', i);
const set = (i: number): number[] => ins('local.set', i);
const k32 = (v: number): number[] => ins('i32.const', v);
const bump = (local: number): number[] => [...get(local), ...k32(1), ...ins('i32.add'), ...set(local)];
const block = (bt: number, ...body: number[][]): number[] => [...ins('block', bt), ...body.flat(), ...ins('end')];

/** (a b) -> i32: every fused i32 form, each operand shape, branch taken or not by the args. */
function i32Body(): number[] {
  const b: number[][] = [];
  // Pushed results, each one slot above the last (so each write grows a fresh run's stack),
  // then folded by plain xors.
  for (const o of I32_BIN) b.push(get(0), get(1), ins(o));
  for (let i = 1; i < I32_BIN.length; i++) b.push(ins('i32.xor'));
  b.push(set(2));
  I32_BIN.forEach((o, i) => {
    b.push(get(0), get(1), ins(o), set(2));
    b.push(get(1), k32(K[i % 8]), ins(o), ins('local.tee', 3), set(2)); // tee, then a MOVE
    b.push(get(0), k32(K[(i + 3) % 8]), ins(o), set(3));
    b.push(k32(K[(i + 5) % 8]), get(0), ins(o), set(2)); // constant first: swapped or on the stack
  });
  I32_CMP.forEach((o, i) => {
    b.push(block(EMPTY, get(0), get(1), ins(o), ins('br_if', 0), bump(2)));
    b.push(block(EMPTY, get(0), k32(K[i % 8]), ins(o), ins('br_if', 0), bump(2)));
    b.push(get(0), get(1), ins(o), ins('if', EMPTY), bump(2), ins('else'), bump(3), ins('end'));
    b.push(get(1), k32(K[(i + 2) % 8]), ins(o), ins('if', EMPTY), bump(3), ins('end'));
  });
  b.push(get(0), ins('i32.eqz'), set(3), k32(K[0]), set(3), get(1), set(3)); // EQZ_R, SET_CONST, MOVE
  b.push(k32(K[1]), set(2), get(2), set(3), get(3), set(2)); // SET_CONST, MOVE2
  b.push(k32(K[2]), set(3), get(3), set(2), get(2), set(3), get(3), set(2), get(2), set(3)); // MOVE3, MOVE
  b.push(block(EMPTY, get(0), ins('br_if', 0), bump(2)));
  b.push(block(EMPTY, get(1), ins('i32.eqz'), ins('br_if', 0), bump(2)));
  b.push(get(0), ins('if', EMPTY), bump(3), ins('end'));
  b.push(get(1), ins('i32.eqz'), ins('if', EMPTY), bump(3), ins('end'));
  // Two in-place adds in a row, each way (INC2_II, _IR, _RI, _RR; the last one commuted).
  const add = (d: number, v: number[], swap = false): number[][] => [swap ? v : get(d), swap ? get(d) : v, ins('i32.add'), set(d)];
  b.push(...add(2, k32(1)), ...add(3, k32(K[3])), ...add(2, k32(K[0])), ...add(3, get(0)));
  b.push(...add(2, get(1)), ...add(3, k32(K[6])), ...add(2, get(0)), ...add(3, get(1), true));
  // Pairs: each outer op over each inner op's result (loads: memBody), into local 2.
  PAIRS.forEach(({ outer, inner }, i) => {
    if (!outer.startsWith('i32.') || inner.form === 'LOAD') return;
    b.push(get(0), get(1), inner.form === 'RR' ? get(0) : k32(K[i % 8]), ins(inner.name), ins(outer), set(2));
  });
  b.push(get(2), get(3), ins('i32.add'));
  return b.flat();
}

/** (x y) -> f64: the fused f64 ops, then table-driven f64 ops and conversions. */
function f64Body(): number[] {
  const ops = ['f64.add', 'f64.sub', 'f64.mul', 'f64.div'];
  const b: number[][] = [];
  for (const o of ops) b.push(get(0), get(1), ins(o));
  b.push(ins('f64.add'), ins('f64.sub'), ins('f64.mul'), set(2));
  for (const o of ops) b.push(get(0), get(1), ins(o), set(2), get(1), get(2), ins(o), set(2));
  for (const o of ['f64.min', 'f64.max', 'f64.copysign']) b.push(get(0), get(1), ins(o), ins('drop'));
  for (const o of ['f64.eq', 'f64.lt', 'f64.ge']) b.push(get(0), get(1), ins(o), ins('drop'));
  for (const o of ['f64.sqrt', 'f64.neg', 'f64.abs', 'f64.ceil', 'f64.nearest']) b.push(get(0), ins(o), ins('drop'));
  for (const o of ['i64.trunc_sat_f64_s', 'i32.trunc_sat_f64_u']) b.push(get(0), ins(o), ins('drop'));
  b.push(get(0), ins('f32.demote_f64'), ins('f64.promote_f32'), ins('drop'));
  b.push(get(0), ins('i64.reinterpret_f64'), ins('f64.reinterpret_i64'), ins('drop'));
  // The f64 register file's moves: a tee of a stack value, local to local, and held-back f64
  // reads and results pushed for a table-driven op (then moved back in for the adds).
  b.push(get(0), ins('f64.neg'), ins('local.tee', 2), ins('drop'), get(0), set(2));
  b.push(get(0), get(0), get(1), ins('f64.add'), k32(1), k32(2), ins('i32.add'), ins('f64.convert_i32_s'));
  b.push(ins('f64.add'), ins('f64.add'), set(2));
  for (const { outer, inner } of PAIRS) {
    if (outer.startsWith('f64.') && inner.form === 'RR') b.push(get(0), get(1), get(0), ins(inner.name), ins(outer), set(2));
  }
  b.push(ins('f64.const', NaN), get(2), ins('f64.add'));
  return b.flat();
}

const LOADS = [
  'i32.load', 'i64.load', 'f32.load', 'f64.load', 'i32.load8_s', 'i32.load8_u', 'i32.load16_s',
  'i32.load16_u', 'i64.load8_s', 'i64.load8_u', 'i64.load16_s', 'i64.load16_u', 'i64.load32_s', 'i64.load32_u',
];
/** Stores by the local holding a value of their type (1 i32, 3 i64, 4 f64; f32 from 1's bits). */
const STORES: readonly [string, number[]][] = [
  ['i32.store', get(1)], ['i64.store', get(3)], ['f32.store', [...get(1), ...ins('f32.reinterpret_i32')]],
  ['f64.store', get(4)], ['i32.store8', get(1)], ['i32.store16', get(1)],
  ['i64.store8', get(3)], ['i64.store16', get(3)], ['i64.store32', get(3)],
];

/** (addr value) -> i32: every load and store, fused and with the address on the stack. */
function memBody(): number[] {
  const b: number[][] = [];
  b.push(get(1), ins('i64.extend_i32_s'), set(3), get(1), ins('f64.convert_i32_s'), set(4));
  // A NaN where the f64 ops over loads read their first operand (offset 0): each such op's
  // NaN path, and its arithmetic on a double rather than a small integer (run.ts).
  b.push(get(0), ins('f64.const', NaN), ins('f64.store', 0));
  // An i64 local (on the value stack, in neither register file): a tee and a local-to-local move.
  b.push(get(3), ins('i64.const', 1n), ins('i64.add'), ins('local.tee', 3), get(3), set(3), set(3));
  b.push(get(0), get(1), ins('i32.store', 8), get(0), get(4), ins('f64.store', 16));
  b.push(get(0), get(1), ins('i32.store8', 8), get(0), get(1), ins('i32.store16', 8));
  b.push(get(0), ins('i32.load', 8), set(2), get(0), ins('f64.load', 16), set(4));
  // `addr | 0` leaves the address on the stack, so the access reads it from there.
  const addr = [...get(0), ...k32(0), ...ins('i32.or')];
  for (const l of LOADS) b.push(addr, ins(l, 16), ins('drop'));
  for (const [s, value] of STORES) b.push(addr, value, ins(s, 16));
  // Ops over two loads, and pairs over one load or two: the value op reads them directly.
  const loads = (t: string, n: number): number[] => [...get(0), ...ins(`${t}.load`, 0), ...(n === 2 ? [...get(0), ...ins(`${t}.load`, 8)] : [])];
  for (const o of ['i32.add', 'f64.add', 'f64.sub', 'f64.mul']) b.push(loads(o.slice(0, 3), 2), ins(o), set(o[0] === 'i' ? 2 : 4));
  for (const { outer, inner } of PAIRS) {
    if (inner.form !== 'LOAD' && inner.form !== 'LL') continue;
    const n = inner.form === 'LL' ? 2 : 1;
    const op = n === 2 ? ins(inner.name) : [];
    if (outer.startsWith('i32.')) b.push(get(1), loads('i32', n), op, ins(outer), set(2));
    else b.push(get(4), loads('f64', n), op, ins(outer), set(4));
  }
  // At address 0 only (the primer's second set; MAIN's calls pass 64 and must go on), an
  // offset of 2^32 - 16, negative as the int32 the code stores: it traps, ending the call, and
  // primes `address` for the widest offsets.
  b.push(get(0), ins('i32.eqz'), ins('if', EMPTY), addr, ins('i32.load', 0xfffffff0), ins('drop'), ins('end'));
  b.push(get(2));
  return b.flat();
}

/** (a b) -> i32: control, calls, variables, constants, references, SIMD and the rare ops. */
function ctlBody(): number[] {
  const b: number[][] = [];
  b.push(block(I32, k32(1), k32(2), ins('br', 0)), set(2)); // BR_UNWIND
  b.push(block(EMPTY, ins('br', 0))); // JUMP
  b.push(block(I32, k32(1), k32(2), get(0), ins('br_if', 0), ins('drop')), set(2)); // BR_IF_UNWIND
  b.push(block(EMPTY, get(0), get(1), ins('i32.add'), ins('br_if', 0), bump(2))); // BR_IF
  b.push(get(0), get(1), ins('i32.and'), ins('if', EMPTY), get(0), set(2), ins('else'), get(1), set(2), ins('end'));
  b.push(block(EMPTY, block(EMPTY, block(EMPTY, get(0), ins('br_table', [0, 1, 2])), bump(2)), bump(2)));
  b.push(block(I32, k32(8), k32(9), get(1), ins('br_table', [0, 0])), set(2));
  b.push(get(0), get(1), get(0), ins('select'), set(2), get(1), get(0), get(1), ins('select'), set(2));
  b.push(get(0), ins('call', PF.ID), set(2), get(0), ins('call', PF.HOST), set(2), get(1), ins('call', PF.OTHER), set(2));
  b.push(ins('global.get', 0), get(0), ins('i32.add'), ins('global.set', 0));
  b.push(get(0), ins('i64.extend_i32_u'), set(3));
  b.push(ins('global.get', 1), get(3), ins('i64.add'), ins('global.set', 1));
  b.push(ins('global.get', 2), ins('f64.const', 1.5), ins('f64.add'), ins('global.set', 2));
  b.push(ins('i64.const', 0x7fffffffffffffffn), get(3), ins('i64.add'), set(3));
  b.push(get(3), get(3), ins('i64.mul'), ins('i64.const', -1n), ins('i64.xor'), ins('i64.const', 3n), ins('i64.shr_s'), set(3));
  b.push(get(3), ins('i64.eqz'), ins('drop'), get(3), ins('i64.clz'), ins('i32.wrap_i64'), set(2));
  b.push(get(0), ins('f32.convert_i32_s'), ins('f32.neg'), ins('i32.trunc_sat_f32_s'), set(2));
  b.push(get(0), ins('i32.clz'), get(1), ins('i32.popcnt'), ins('i32.add'), ins('i32.extend8_s'), set(2));
  const v = (x: number): number[] => ins('v128.const', Array.from({ length: 16 }, (_, i) => (i * x) & 0xff));
  b.push(v(3), get(4), v(255), ins('v128.bitselect'), set(4)); // TERN
  // Every lane op, so the loop's LANE1/LANE2 call sites see many targets (megamorphic) at once.
  for (const o of ['i8x16.extract_lane_s', 'i8x16.extract_lane_u', 'i16x8.extract_lane_s', 'i16x8.extract_lane_u',
    'i32x4.extract_lane', 'i64x2.extract_lane', 'f32x4.extract_lane', 'f64x2.extract_lane']) b.push(get(4), ins(o, 1), ins('drop'));
  b.push(get(4), get(0), ins('i8x16.replace_lane', 3), get(0), ins('i16x8.replace_lane', 2), get(0), ins('i32x4.replace_lane', 2));
  b.push(get(3), ins('i64x2.replace_lane', 1), get(0), ins('f32.convert_i32_s'), ins('f32x4.replace_lane', 0));
  b.push(get(0), ins('f64.convert_i32_s'), ins('f64x2.replace_lane', 1), set(4));
  b.push(get(4), get(4), ins('i8x16.shuffle', Array.from({ length: 16 }, (_, i) => (i * 7) & 31)), set(4));
  b.push(get(4), get(4), ins('i32x4.add'), get(0), ins('i32x4.splat'), ins('i32x4.mul'), set(4));
  b.push(ins('ref.null', FUNCREF), ins('ref.is_null'), set(2), ins('ref.func', PF.ID), ins('ref.is_null'), ins('drop'));
  // Grows once (to the maximum: new views), then fails, as does b pages (mostly huge).
  b.push(ins('memory.size'), ins('drop'), k32(1), ins('memory.grow'), ins('drop'), get(1), ins('memory.grow'), ins('drop'));
  b.push(k32(0), k32(7), k32(16), ins('memory.fill'), k32(32), k32(0), k32(16), ins('memory.copy'));
  b.push(k32(0), ins('table.get', 0), ins('ref.is_null'), ins('drop'), ins('table.size', 0), ins('drop'));
  b.push(k32(5), ins('ref.func', PF.ID), ins('table.set', 0));
  b.push(ins('ref.null', FUNCREF), k32(0), ins('table.grow', 0), ins('drop'));
  b.push(k32(0), ins('v128.load', 0), set(4), k32(64), get(4), ins('v128.store', 0));
  b.push(k32(0), get(4), ins('v128.load32_lane', 0, 1), set(4));
  b.push(get(0), get(1), ins('i32.rem_s'), ins('drop')); // traps when b is 0
  b.push(get(2));
  return b.flat();
}

/**
 * (3 a) -> i32: every loop-closing branch (an increment, a compare, br_if), counting a few
 * times, then once with an increment that overflows int32 (the exit is on the wrapped value).
 */
function loopBody(): number[] {
  /** Counts local 2 from `start` by `op k`; the compare (if any) reads the bound from local 3 or a constant. */
  const loop = (start: number, op: string, k: number, cmp?: string, bound = 0, inLocal = false): number[] => [
    ...k32(start), ...set(2), ...k32(bound), ...set(3), ...ins('loop', EMPTY),
    ...get(2), ...k32(k), ...ins(op), ...ins('local.tee', 2),
    ...(cmp === undefined ? [] : [...(inLocal ? get(3) : k32(bound)), ...ins(cmp)]),
    ...ins('br_if', 0), ...ins('end'),
  ];
  const b: number[][] = [loop(3, 'i32.sub', 1), loop(-0x80000000, 'i32.add', -0x80000000)];
  for (const cmp of ['i32.ne', 'i32.lt_s', 'i32.lt_u']) {
    for (const inLocal of [false, true]) {
      b.push(loop(0, 'i32.add', 1, cmp, 3, inLocal), loop(0x7fffffff, 'i32.add', 1, cmp, -0x80000000, inLocal));
    }
  }
  b.push(get(2));
  return b.flat();
}

/** (a b) -> i32: calls the others, so their frames sit above a stack already grown. */
function mainBody(): number[] {
  return [
    ...get(0), ...get(1), ...ins('call', PF.I32), ...get(1), ...get(0), ...ins('call', PF.I32), ...ins('i32.add'),
    ...get(0), ...ins('f64.convert_i32_s'), ...get(1), ...ins('f64.convert_i32_u'), ...ins('call', PF.F64), ...ins('drop'),
    ...k32(64), ...get(1), ...ins('call', PF.MEM), ...ins('drop'),
    ...k32(3), ...get(0), ...ins('call', PF.LOOP), ...ins('drop'),
    ...get(0), ...get(1), ...ins('call', PF.CTL), ...ins('drop'),
  ];
}

/** Defined functions in index order from PF.ID: type, declared locals, body. */
function funcs(): [number, number[], number[]][] {
  return [
    [3, [], get(0)],
    [0, [I32, I32], i32Body()],
    [1, [F64], f64Body()],
    [0, [I32, I64, F64], memBody()],
    [0, [I32, I64, V128], ctlBody()],
    [0, [], [...get(1), ...get(0), ...ins('call_indirect', 3, 0)]],
    [0, [I32, I32], loopBody()],
    [0, [], mainBody()],
    [2, [], ins('unreachable')],
    [3, [], [...get(0), ...ins('call', PF.RECURSE)]],
    [2, [], [...ins('loop', EMPTY), ...ins('br', 0), ...ins('end')]],
  ];
}

/** Table 0: [ID, HOST, I32 (the wrong type for call_indirect's (i32) -> i32), null...]. */
export const TABLE_SIZE = 8;

/** The primer module's bytes (valid; the test checks it with wabt). */
export function primerModuleBytes(): Uint8Array {
  const fs = funcs();
  const limits = (min: number, max?: number): number[] =>
    max === undefined ? [0, ...uleb(min)] : [1, ...uleb(min), ...uleb(max)];
  const body = ([, locals, code]: [number, number[], number[]]): number[] => {
    const content = [...vec(locals.map((t) => [1, t])), ...code, ...ins('end')];
    return [...uleb(content.length), ...content];
  };
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec(TYPES.map(([p, r]) => [0x60, ...vec(p.map((t) => [t])), ...vec(r.map((t) => [t]))]))),
    ...section(2, vec(['host', 'other'].map((n) => [...str('primer'), ...str(n), 0x00, ...uleb(3)]))),
    ...section(3, vec(fs.map(([t]) => uleb(t)))),
    ...section(4, vec([[FUNCREF, ...limits(TABLE_SIZE)]])),
    ...section(5, vec([limits(1, 2)])),
    ...section(6, vec([
      [I32, 1, ...ins('i32.const', 0), ...ins('end')],
      [I64, 1, ...ins('i64.const', 0n), ...ins('end')],
      [F64, 1, ...ins('f64.const', 0), ...ins('end')],
    ])),
    ...section(9, vec([[0, ...ins('i32.const', 0), ...ins('end'), ...vec([PF.ID, PF.HOST, PF.I32].map((x) => uleb(x)))]])),
    ...section(10, vec(fs.map(body))),
  ];
  return new Uint8Array(bytes);
}
