// The interpreter's own instruction set: what a validated wasm body is lowered into. Control
// flow is resolved to absolute code positions and precomputed unwind heights; plain numeric ops
// become UN/BIN/TERN carrying the wasm op id, dispatched through a per-id function table.

/**
 * Lowered opcodes. Each is followed in the code array by the immediates listed in its comment.
 * Heights (`dst`) are fp-relative slots: locals occupy [0, nLocals), operands start after them.
 * Numbered densely from 0 so V8 compiles the loop's switch to a jump table (gaps cost ~30%).
 * A const enum so that every `case C.X:` is compiled to a literal: V8 only builds the jump
 * table for literal case labels; property loads made the switch a chain of compares (2.5x).
 */
export const enum C {
  /** (none) traps `unreachable`. */
  UNREACHABLE = 0,
  /** target: unconditional jump, nothing to unwind. */
  JUMP = 1,
  /** target dst arity: moves the top `arity` values down to fp+dst, then jumps. */
  BR_UNWIND = 2,
  /** target: pops an i32, jumps when it is not zero (nothing to unwind). */
  BR_IF = 3,
  /** target dst arity: BR_IF with an unwind on the taken path. */
  BR_IF_UNWIND = 4,
  /** arity n (target dst)*(n+1): pops an index; entries past n-1 use the last (default). */
  BR_TABLE = 5,
  /** elseTarget: pops an i32, jumps to elseTarget when it is zero. */
  IF = 6,
  /** (none) moves the results to fp and pops the frame. */
  RETURN = 7,
  /** funcIndex */
  CALL = 8,
  /** typeIndex tableIndex */
  CALL_INDIRECT = 9,
  DROP = 10,
  /** (none) `select` and `select t`. */
  SELECT = 11,
  /** local */
  LOCAL_GET = 12,
  /** local */
  LOCAL_SET = 13,
  /** local */
  LOCAL_TEE = 14,
  /** global */
  GLOBAL_GET = 15,
  /** global */
  GLOBAL_SET = 16,
  /** value: an i32, or an f32's raw bits, stored inline. */
  CONST = 17,
  /** poolIndex: an i64 or f64 constant from the function's pool. */
  CONST_POOL = 18,
  /** poolIndex: a v128 constant, pushed as a fresh copy. */
  V128_CONST = 19,
  /** opId: one operand, one result, through the numeric function table. */
  UN = 20,
  /** opId */
  BIN = 21,
  /** opId */
  TERN = 22,
  /** opId lane: a lane op with one v128 operand (extract_lane). */
  LANE1 = 23,
  /** opId lane: a lane op with two operands (replace_lane). */
  LANE2 = 24,
  /** poolIndex: i8x16.shuffle with its 16 lane bytes in the pool. */
  SHUFFLE = 25,
  REF_NULL = 26,
  REF_IS_NULL = 27,
  /** funcIndex */
  REF_FUNC = 28,
  MEMORY_SIZE = 29,
  MEMORY_GROW = 30,
  /** opId a b: an infrequent op (bulk memory, tables, SIMD memory) run by a helper. */
  RARE = 31,
  /** n: charges n units of fuel (the batch of instructions that follows). */
  FUEL = 32,
  /** (none) traps `all fuel consumed` when fuel is negative (function entry, loop headers). */
  FUEL_CHECK = 33,

  // Scalar memory access; each has one immediate, the memarg offset (as int32 bits).
  I32_LOAD = 34,
  I64_LOAD = 35,
  F32_LOAD = 36,
  F64_LOAD = 37,
  I32_LOAD8_S = 38,
  I32_LOAD8_U = 39,
  I32_LOAD16_S = 40,
  I32_LOAD16_U = 41,
  I64_LOAD8_S = 42,
  I64_LOAD8_U = 43,
  I64_LOAD16_S = 44,
  I64_LOAD16_U = 45,
  I64_LOAD32_S = 46,
  I64_LOAD32_U = 47,
  I32_STORE = 48,
  I64_STORE = 49,
  F32_STORE = 50,
  F64_STORE = 51,
  I32_STORE8 = 52,
  I32_STORE16 = 53,
  I64_STORE8 = 54,
  I64_STORE16 = 55,
  I64_STORE32 = 56,

  // Hot i32 ops inlined in the loop (the rest go through UN/BIN): no immediates.
  I32_ADD = 57,
  I32_SUB = 58,
  I32_AND = 59,
  I32_OR = 60,
  I32_XOR = 61,
  I32_EQZ = 62,
  I32_EQ = 63,
  I32_NE = 64,
  I32_LT_S = 65,
  I32_LT_U = 66,
  I32_GT_S = 67,
  I32_GT_U = 68,
  I32_LE_S = 69,
  I32_GE_S = 70,
  I32_SHL = 71,
  I32_SHR_S = 72,
  I32_SHR_U = 73,
  I32_MUL = 74,
  /** (none) traps `interrupt` once the engine epoch reaches the store's deadline (same places as FUEL_CHECK). */
  EPOCH_CHECK = 75,

  // Fused ops (made by fuse.ts; never across a branch target, FUEL, FUEL_CHECK or EPOCH_CHECK).
  // Operands are read from fp-relative slots: a local read straight from its slot, or an operand
  // already on the stack at its static height. `d` is the slot written, `s` the new sp - fp.
  // In the sequences below, `x`/`y` stand for `local.get a` or an operand already on the stack
  // (slot a), and `k` for `i32.const c`. `dst` is one of: nothing (d is the next free slot, the
  // result is pushed), `local.set d`, or `local.tee d` (then a following consumer reads local d
  // instead of a stack slot).
  /** a b d s: `x y i32.add dst`. */
  I32_ADD_RR = 76,
  /** a c d s: `x k i32.add dst`. */
  I32_ADD_RI = 77,
  /** a b d s: `x y i32.sub dst`. */
  I32_SUB_RR = 78,
  /** a c d s: `x k i32.sub dst`. */
  I32_SUB_RI = 79,
  /** a b d s: `x y i32.mul dst`. */
  I32_MUL_RR = 80,
  /** a c d s: `x k i32.mul dst`. */
  I32_MUL_RI = 81,
  /** a b d s: `x y i32.and dst`. */
  I32_AND_RR = 82,
  /** a c d s: `x k i32.and dst`. */
  I32_AND_RI = 83,
  /** a b d s: `x y i32.or dst`. */
  I32_OR_RR = 84,
  /** a c d s: `x k i32.or dst`. */
  I32_OR_RI = 85,
  /** a b d s: `x y i32.xor dst`. */
  I32_XOR_RR = 86,
  /** a c d s: `x k i32.xor dst`. */
  I32_XOR_RI = 87,
  /** a b d s: `x y i32.shl dst`. */
  I32_SHL_RR = 88,
  /** a c d s: `x k i32.shl dst`. */
  I32_SHL_RI = 89,
  /** a b d s: `x y i32.shr_s dst`. */
  I32_SHR_S_RR = 90,
  /** a c d s: `x k i32.shr_s dst`. */
  I32_SHR_S_RI = 91,
  /** a b d s: `x y i32.shr_u dst`. */
  I32_SHR_U_RR = 92,
  /** a c d s: `x k i32.shr_u dst`. */
  I32_SHR_U_RI = 93,
  /** a b d s: `x y i32.rotl dst`. */
  I32_ROTL_RR = 94,
  /** a c d s: `x k i32.rotl dst`. */
  I32_ROTL_RI = 95,
  /** a b d s: `x y i32.rotr dst`. */
  I32_ROTR_RR = 96,
  /** a c d s: `x k i32.rotr dst`. */
  I32_ROTR_RI = 97,
  /** a b d s: `x y i32.eq dst`. */
  I32_EQ_RR = 98,
  /** a c d s: `x k i32.eq dst`. */
  I32_EQ_RI = 99,
  /** a b d s: `x y i32.ne dst`. */
  I32_NE_RR = 100,
  /** a c d s: `x k i32.ne dst`. */
  I32_NE_RI = 101,
  /** a b d s: `x y i32.lt_s dst`. */
  I32_LT_S_RR = 102,
  /** a c d s: `x k i32.lt_s dst`. */
  I32_LT_S_RI = 103,
  /** a b d s: `x y i32.lt_u dst`. */
  I32_LT_U_RR = 104,
  /** a c d s: `x k i32.lt_u dst`. */
  I32_LT_U_RI = 105,
  /** a b d s: `x y i32.gt_s dst`. */
  I32_GT_S_RR = 106,
  /** a c d s: `x k i32.gt_s dst`. */
  I32_GT_S_RI = 107,
  /** a b d s: `x y i32.gt_u dst`. */
  I32_GT_U_RR = 108,
  /** a c d s: `x k i32.gt_u dst`. */
  I32_GT_U_RI = 109,
  /** a b d s: `x y i32.le_s dst`. */
  I32_LE_S_RR = 110,
  /** a c d s: `x k i32.le_s dst`. */
  I32_LE_S_RI = 111,
  /** a b d s: `x y i32.le_u dst`. */
  I32_LE_U_RR = 112,
  /** a c d s: `x k i32.le_u dst`. */
  I32_LE_U_RI = 113,
  /** a b d s: `x y i32.ge_s dst`. */
  I32_GE_S_RR = 114,
  /** a c d s: `x k i32.ge_s dst`. */
  I32_GE_S_RI = 115,
  /** a b d s: `x y i32.ge_u dst`. */
  I32_GE_U_RR = 116,
  /** a c d s: `x k i32.ge_u dst`. */
  I32_GE_U_RI = 117,
  /** a d s: `x i32.eqz dst`. */
  I32_EQZ_R = 118,
  // Compare and branch: `x y i32.<cmp> br_if L` (jump when the compare holds), or `x y i32.<cmp'>
  // if` lowered with the negated compare (jump to the else/end when cmp' fails). Only for branches
  // that unwind nothing. `target` is a code position, `s` the sp - fp after the operands are popped.
  /** a b target s: `x y i32.eq br_if`, or the negated compare followed by `if`. */
  BR_EQ_RR = 119,
  /** a c target s: `x k i32.eq br_if`, or the negated compare followed by `if`. */
  BR_EQ_RI = 120,
  /** a b target s: `x y i32.ne br_if`, or the negated compare followed by `if`. */
  BR_NE_RR = 121,
  /** a c target s: `x k i32.ne br_if`, or the negated compare followed by `if`. */
  BR_NE_RI = 122,
  /** a b target s: `x y i32.lt_s br_if`, or the negated compare followed by `if`. */
  BR_LT_S_RR = 123,
  /** a c target s: `x k i32.lt_s br_if`, or the negated compare followed by `if`. */
  BR_LT_S_RI = 124,
  /** a b target s: `x y i32.lt_u br_if`, or the negated compare followed by `if`. */
  BR_LT_U_RR = 125,
  /** a c target s: `x k i32.lt_u br_if`, or the negated compare followed by `if`. */
  BR_LT_U_RI = 126,
  /** a b target s: `x y i32.gt_s br_if`, or the negated compare followed by `if`. */
  BR_GT_S_RR = 127,
  /** a c target s: `x k i32.gt_s br_if`, or the negated compare followed by `if`. */
  BR_GT_S_RI = 128,
  /** a b target s: `x y i32.gt_u br_if`, or the negated compare followed by `if`. */
  BR_GT_U_RR = 129,
  /** a c target s: `x k i32.gt_u br_if`, or the negated compare followed by `if`. */
  BR_GT_U_RI = 130,
  /** a b target s: `x y i32.le_s br_if`, or the negated compare followed by `if`. */
  BR_LE_S_RR = 131,
  /** a c target s: `x k i32.le_s br_if`, or the negated compare followed by `if`. */
  BR_LE_S_RI = 132,
  /** a b target s: `x y i32.le_u br_if`, or the negated compare followed by `if`. */
  BR_LE_U_RR = 133,
  /** a c target s: `x k i32.le_u br_if`, or the negated compare followed by `if`. */
  BR_LE_U_RI = 134,
  /** a b target s: `x y i32.ge_s br_if`, or the negated compare followed by `if`. */
  BR_GE_S_RR = 135,
  /** a c target s: `x k i32.ge_s br_if`, or the negated compare followed by `if`. */
  BR_GE_S_RI = 136,
  /** a b target s: `x y i32.ge_u br_if`, or the negated compare followed by `if`. */
  BR_GE_U_RR = 137,
  /** a c target s: `x k i32.ge_u br_if`, or the negated compare followed by `if`. */
  BR_GE_U_RI = 138,
  /** a target s: `x br_if`, `x i32.eqz if` (jump when slot a is not zero). */
  BR_NZ_R = 139,
  /** a target s: `x if`, `x i32.eqz br_if` (jump when slot a is zero). */
  BR_Z_R = 140,
  /** a b d s: `x y f64.add dst` on f64 slots (through numeric/f64.ts: NaN bits are the table's). */
  F64_ADD_RR = 141,
  /** a b d s: `x y f64.sub dst` on f64 slots (through numeric/f64.ts: NaN bits are the table's). */
  F64_SUB_RR = 142,
  /** a b d s: `x y f64.mul dst` on f64 slots (through numeric/f64.ts: NaN bits are the table's). */
  F64_MUL_RR = 143,
  /** a b d s: `x y f64.div dst` on f64 slots (through numeric/f64.ts: NaN bits are the table's). */
  F64_DIV_RR = 144,
  /** a offset d s: `x i32.load offset dst`; traps at the load's offset. */
  I32_LOAD_R = 145,
  /** a offset d s: `x f64.load offset dst` into f64 slot d; traps at the load's offset. */
  F64_LOAD_R = 146,
  /** a v offset s: `x y i32.store offset` (address slot a, value slot v). */
  I32_STORE_R = 147,
  /** a v offset s: `x y f64.store offset` (address slot a, value f64 slot v). */
  F64_STORE_R = 148,
  /** a d: i32 slot a to i32 slot d (`local.get a local.set d` of i32 locals, or `local.tee d`
   * with a consumer reading local d). */
  MOVE = 149,
  /** c d: `i32.const c local.set d` into i32 slot d (or `local.tee d`, as for MOVE). */
  SET_CONST = 150,

  // Loop-closing branches: an in-place i32 increment of local a by k (`i32.sub` by c is an
  // increment by -c), then a branch on the new value. Each stands for
  // `x k i32.add local.tee a` (or local.set a, local.get a) followed by the branch below.
  /** a k target s: `... br_if` (jump when the new value is not zero). */
  INC_BR_NZ = 151,
  /** a k b target s: `... y i32.ne br_if`. */
  INC_BR_NE_RR = 152,
  /** a k c target s: `... k i32.ne br_if`. */
  INC_BR_NE_RI = 153,
  /** a k b target s: `... y i32.lt_s br_if`. */
  INC_BR_LT_S_RR = 154,
  /** a k c target s: `... k i32.lt_s br_if`. */
  INC_BR_LT_S_RI = 155,
  /** a k b target s: `... y i32.lt_u br_if`. */
  INC_BR_LT_U_RR = 156,
  /** a k c target s: `... k i32.lt_u br_if`. */
  INC_BR_LT_U_RI = 157,

  // The f64 register file: f64 locals live in a Float64Array beside the value stack, at the
  // same fp-relative slots, and so do the fused f64 ops' operands and results (no boxing).
  /** local: pushes f64 local `local`, or the f64 temporary at that slot (boxing it). */
  LOCAL_GET_F = 158,
  /** local: pops into f64 local `local`. */
  LOCAL_SET_F = 159,
  /** local: copies the top into f64 local `local`. */
  LOCAL_TEE_F = 160,
  /** a d: f64 slot a to f64 slot d (`local.get a local.set d` of f64 locals). */
  MOVE_F = 161,
  /** a d: value-stack slot a to value-stack slot d (`local.get a local.set d` of locals in
   * neither register file). */
  MOVE_S = 162,
  /** a d: value-stack slot a to f64 slot d (an f64 on the stack becomes a fused op's operand). */
  MOVE_SF = 163,

  // Register shuffles: consecutive MOVEs (nothing emitted between them, no label) in one code,
  // done in order (`$h = $g; $g = $f; $f = $e`).
  /** a1 d1 a2 d2: MOVE a1 d1, then MOVE a2 d2. */
  MOVE2 = 164,
  /** a1 d1 a2 d2 a3 d3: three MOVEs in order. */
  MOVE3 = 165,

  // Two loads into one op: `b1 o1 b2 o2 d s`, d = load(b1 + o1) op load(b2 + o2), loaded in
  // that order. The second load traps at its own offset: its immediates are tagged with it.
  /** i32.add of two i32.loads. */
  I32_ADD_LL = 166,
  /** f64.add of two f64.loads. */
  F64_ADD_LL = 167,
  /** f64.sub of two f64.loads. */
  F64_SUB_LL = 168,
  /** f64.mul of two f64.loads. */
  F64_MUL_LL = 169,

  // Two in-place adds in a row (`$p += 8; $q += $row`; nothing emitted between them, no label),
  // in order: `l1 v1 l2 v2 s`, v a constant (I) or a slot (R).
  /** l1 k1 l2 k2 s */
  INC2_II = 170,
  /** l1 k1 l2 v2 s */
  INC2_IR = 171,
  /** l1 v1 l2 k2 s */
  INC2_RI = 172,
  /** l1 v1 l2 v2 s */
  INC2_RR = 173,

  // Narrow i32 stores with their operands in slots, as I32_STORE_R: `a v offset s`.
  /** `x y i32.store8 offset` (the low 8 bits of slot v). */
  I32_STORE8_R = 174,
  /** `x y i32.store16 offset` (the low 16 bits of slot v). */
  I32_STORE16_R = 175,

  // The i32 register file, as the f64 one: i32 locals live in an Int32Array beside the value
  // stack, at the same fp-relative slots, and so do the fused ops' i32 operands and results
  // (typed loads and stores: no Smi or map checks). The fused i32 codes above (RR, RI, loads'
  // addresses, stores, branches, INC_*, MOVE/MOVE2/MOVE3, SET_CONST) and the pairs address it.
  /** local: pushes i32 local `local`, or the i32 temporary at that slot. */
  LOCAL_GET_I = 176,
  /** local: pops into i32 local `local`. */
  LOCAL_SET_I = 177,
  /** local: copies the top into i32 local `local`. */
  LOCAL_TEE_I = 178,
  /** a d: value-stack slot a to i32 slot d (an i32 on the stack becomes a fused op's operand). */
  MOVE_SI = 179,

  // Pairs (pairs.ts): `a b c d sp`, d = outer(a, inner(b, c)), an op over the result of the
  // fused op or load just before it. Numbered from here by pairs.ts, which generates their cases.
  /** The first pair. */
  PAIR_FIRST = 180,
}

/** Scalar memory instructions by wasm mnemonic. */
export const MEMORY_CODES: Readonly<Record<string, number>> = {
  'i32.load': C.I32_LOAD, 'i64.load': C.I64_LOAD, 'f32.load': C.F32_LOAD, 'f64.load': C.F64_LOAD,
  'i32.load8_s': C.I32_LOAD8_S, 'i32.load8_u': C.I32_LOAD8_U,
  'i32.load16_s': C.I32_LOAD16_S, 'i32.load16_u': C.I32_LOAD16_U,
  'i64.load8_s': C.I64_LOAD8_S, 'i64.load8_u': C.I64_LOAD8_U,
  'i64.load16_s': C.I64_LOAD16_S, 'i64.load16_u': C.I64_LOAD16_U,
  'i64.load32_s': C.I64_LOAD32_S, 'i64.load32_u': C.I64_LOAD32_U,
  'i32.store': C.I32_STORE, 'i64.store': C.I64_STORE, 'f32.store': C.F32_STORE, 'f64.store': C.F64_STORE,
  'i32.store8': C.I32_STORE8, 'i32.store16': C.I32_STORE16,
  'i64.store8': C.I64_STORE8, 'i64.store16': C.I64_STORE16, 'i64.store32': C.I64_STORE32,
};

/**
 * i32 ops the loop runs inline instead of calling through the table. Each inline body is a
 * one-liner mirroring numeric/i32.ts; the tests run both paths against the same expectations.
 */
export const INLINE_CODES: Readonly<Record<string, number>> = {
  'i32.add': C.I32_ADD, 'i32.sub': C.I32_SUB, 'i32.mul': C.I32_MUL,
  'i32.and': C.I32_AND, 'i32.or': C.I32_OR, 'i32.xor': C.I32_XOR,
  'i32.eqz': C.I32_EQZ, 'i32.eq': C.I32_EQ, 'i32.ne': C.I32_NE,
  'i32.lt_s': C.I32_LT_S, 'i32.lt_u': C.I32_LT_U, 'i32.gt_s': C.I32_GT_S, 'i32.gt_u': C.I32_GT_U,
  'i32.le_s': C.I32_LE_S, 'i32.ge_s': C.I32_GE_S,
  'i32.shl': C.I32_SHL, 'i32.shr_s': C.I32_SHR_S, 'i32.shr_u': C.I32_SHR_U,
};

/** Fused i32 value ops by wasm name: [slot-slot form, slot-constant form] (fuse.ts, pairs.ts). */
export const I32_BIN: Readonly<Record<string, readonly [C, C]>> = {
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

/** Fused f64 value ops by wasm name (slot-slot: operands in the f64 register file). */
export const F64_BIN: Readonly<Record<string, C>> = {
  'f64.add': C.F64_ADD_RR, 'f64.sub': C.F64_SUB_RR, 'f64.mul': C.F64_MUL_RR, 'f64.div': C.F64_DIV_RR,
};
/** Fused loads by wasm name (the address in a slot). */
export const LOADS: Readonly<Record<string, C>> = { 'i32.load': C.I32_LOAD_R, 'f64.load': C.F64_LOAD_R };
