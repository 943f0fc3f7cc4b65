// The interpreter's own instruction set: what a validated wasm body is lowered into. Control
// flow is resolved to absolute code positions and precomputed unwind heights; plain numeric ops
// become UN/BIN/TERN carrying the wasm op id, dispatched through a per-id function table.

/**
 * Lowered opcodes. Each is followed in the code array by the immediates listed in its comment.
 * Heights (`dst`) are fp-relative slots: locals occupy [0, nLocals), operands start after them.
 * Numbered densely from 0 so V8 compiles the loop's switch to a jump table (gaps cost ~30%).
 */
export const C = {
  /** (none) traps `unreachable`. */
  UNREACHABLE: 0,
  /** target: unconditional jump, nothing to unwind. */
  JUMP: 1,
  /** target dst arity: moves the top `arity` values down to fp+dst, then jumps. */
  BR_UNWIND: 2,
  /** target: pops an i32, jumps when it is not zero (nothing to unwind). */
  BR_IF: 3,
  /** target dst arity: BR_IF with an unwind on the taken path. */
  BR_IF_UNWIND: 4,
  /** arity n (target dst)*(n+1): pops an index; entries past n-1 use the last (default). */
  BR_TABLE: 5,
  /** elseTarget: pops an i32, jumps to elseTarget when it is zero. */
  IF: 6,
  /** (none) moves the results to fp and pops the frame. */
  RETURN: 7,
  /** funcIndex */
  CALL: 8,
  /** typeIndex tableIndex */
  CALL_INDIRECT: 9,
  DROP: 10,
  /** (none) `select` and `select t`. */
  SELECT: 11,
  /** local */
  LOCAL_GET: 12,
  /** local */
  LOCAL_SET: 13,
  /** local */
  LOCAL_TEE: 14,
  /** global */
  GLOBAL_GET: 15,
  /** global */
  GLOBAL_SET: 16,
  /** value: an i32, or an f32's raw bits, stored inline. */
  CONST: 17,
  /** poolIndex: an i64 or f64 constant from the function's pool. */
  CONST_POOL: 18,
  /** poolIndex: a v128 constant, pushed as a fresh copy. */
  V128_CONST: 19,
  /** opId: one operand, one result, through the numeric function table. */
  UN: 20,
  /** opId */
  BIN: 21,
  /** opId */
  TERN: 22,
  /** opId lane: a lane op with one v128 operand (extract_lane). */
  LANE1: 23,
  /** opId lane: a lane op with two operands (replace_lane). */
  LANE2: 24,
  /** poolIndex: i8x16.shuffle with its 16 lane bytes in the pool. */
  SHUFFLE: 25,
  REF_NULL: 26,
  REF_IS_NULL: 27,
  /** funcIndex */
  REF_FUNC: 28,
  MEMORY_SIZE: 29,
  MEMORY_GROW: 30,
  /** opId a b: an infrequent op (bulk memory, tables, SIMD memory) run by a helper. */
  RARE: 31,
  /** n: charges n units of fuel (the batch of instructions that follows). */
  FUEL: 32,
  /** (none) traps `all fuel consumed` when fuel is negative (function entry, loop headers). */
  FUEL_CHECK: 33,

  // Scalar memory access; each has one immediate, the memarg offset (as int32 bits).
  I32_LOAD: 34,
  I64_LOAD: 35,
  F32_LOAD: 36,
  F64_LOAD: 37,
  I32_LOAD8_S: 38,
  I32_LOAD8_U: 39,
  I32_LOAD16_S: 40,
  I32_LOAD16_U: 41,
  I64_LOAD8_S: 42,
  I64_LOAD8_U: 43,
  I64_LOAD16_S: 44,
  I64_LOAD16_U: 45,
  I64_LOAD32_S: 46,
  I64_LOAD32_U: 47,
  I32_STORE: 48,
  I64_STORE: 49,
  F32_STORE: 50,
  F64_STORE: 51,
  I32_STORE8: 52,
  I32_STORE16: 53,
  I64_STORE8: 54,
  I64_STORE16: 55,
  I64_STORE32: 56,

  // Hot i32 ops inlined in the loop (the rest go through UN/BIN): no immediates.
  I32_ADD: 57,
  I32_SUB: 58,
  I32_AND: 59,
  I32_OR: 60,
  I32_XOR: 61,
  I32_EQZ: 62,
  I32_EQ: 63,
  I32_NE: 64,
  I32_LT_S: 65,
  I32_LT_U: 66,
  I32_GT_S: 67,
  I32_GT_U: 68,
  I32_LE_S: 69,
  I32_GE_S: 70,
  I32_SHL: 71,
  I32_SHR_S: 72,
  I32_SHR_U: 73,
  I32_MUL: 74,
  /** (none) traps `interrupt` once the engine epoch reaches the store's deadline (same places as FUEL_CHECK). */
  EPOCH_CHECK: 75,
} as const;

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
