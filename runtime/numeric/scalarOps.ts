// Every scalar numeric instruction of wasm 2.0 (no immediates, no memory or control), keyed by
// its text-format mnemonic, so both tiers find an op's implementation from the opcode table.
// Leaves out SIMD (simd/), constants, and anything touching memory, locals or control flow.

import * as i32 from './i32.js';
import * as i64 from './i64.js';
import * as f32 from './f32.js';
import * as f64 from './f64.js';
import * as cv from './convert.js';

/** Implementation of one scalar instruction: operands in stack order (first pushed first). */
export type ScalarOp = (...args: any[]) => number | bigint;

/**
 * Scalar instruction implementations by mnemonic (e.g. 'i32.add', 'f32.convert_i64_u',
 * 'i64.trunc_sat_f64_s'), on values in the representation of types.ts. Trapping ops throw
 * a Trap via trap().
 */
export const scalarOps: Readonly<Record<string, ScalarOp>> = Object.freeze({
  'i32.eqz': i32.i32Eqz, 'i32.eq': i32.i32Eq, 'i32.ne': i32.i32Ne,
  'i32.lt_s': i32.i32LtS, 'i32.lt_u': i32.i32LtU, 'i32.gt_s': i32.i32GtS, 'i32.gt_u': i32.i32GtU,
  'i32.le_s': i32.i32LeS, 'i32.le_u': i32.i32LeU, 'i32.ge_s': i32.i32GeS, 'i32.ge_u': i32.i32GeU,
  'i32.clz': i32.i32Clz, 'i32.ctz': i32.i32Ctz, 'i32.popcnt': i32.i32Popcnt,
  'i32.add': i32.i32Add, 'i32.sub': i32.i32Sub, 'i32.mul': i32.i32Mul,
  'i32.div_s': i32.i32DivS, 'i32.div_u': i32.i32DivU, 'i32.rem_s': i32.i32RemS, 'i32.rem_u': i32.i32RemU,
  'i32.and': i32.i32And, 'i32.or': i32.i32Or, 'i32.xor': i32.i32Xor,
  'i32.shl': i32.i32Shl, 'i32.shr_s': i32.i32ShrS, 'i32.shr_u': i32.i32ShrU,
  'i32.rotl': i32.i32Rotl, 'i32.rotr': i32.i32Rotr,
  'i32.extend8_s': i32.i32Extend8S, 'i32.extend16_s': i32.i32Extend16S,

  'i64.eqz': i64.i64Eqz, 'i64.eq': i64.i64Eq, 'i64.ne': i64.i64Ne,
  'i64.lt_s': i64.i64LtS, 'i64.lt_u': i64.i64LtU, 'i64.gt_s': i64.i64GtS, 'i64.gt_u': i64.i64GtU,
  'i64.le_s': i64.i64LeS, 'i64.le_u': i64.i64LeU, 'i64.ge_s': i64.i64GeS, 'i64.ge_u': i64.i64GeU,
  'i64.clz': i64.i64Clz, 'i64.ctz': i64.i64Ctz, 'i64.popcnt': i64.i64Popcnt,
  'i64.add': i64.i64Add, 'i64.sub': i64.i64Sub, 'i64.mul': i64.i64Mul,
  'i64.div_s': i64.i64DivS, 'i64.div_u': i64.i64DivU, 'i64.rem_s': i64.i64RemS, 'i64.rem_u': i64.i64RemU,
  'i64.and': i64.i64And, 'i64.or': i64.i64Or, 'i64.xor': i64.i64Xor,
  'i64.shl': i64.i64Shl, 'i64.shr_s': i64.i64ShrS, 'i64.shr_u': i64.i64ShrU,
  'i64.rotl': i64.i64Rotl, 'i64.rotr': i64.i64Rotr,
  'i64.extend8_s': i64.i64Extend8S, 'i64.extend16_s': i64.i64Extend16S, 'i64.extend32_s': i64.i64Extend32S,

  'f32.eq': f32.f32Eq, 'f32.ne': f32.f32Ne, 'f32.lt': f32.f32Lt,
  'f32.gt': f32.f32Gt, 'f32.le': f32.f32Le, 'f32.ge': f32.f32Ge,
  'f32.abs': f32.f32Abs, 'f32.neg': f32.f32Neg, 'f32.copysign': f32.f32Copysign,
  'f32.ceil': f32.f32Ceil, 'f32.floor': f32.f32Floor, 'f32.trunc': f32.f32Trunc,
  'f32.nearest': f32.f32Nearest, 'f32.sqrt': f32.f32Sqrt,
  'f32.add': f32.f32Add, 'f32.sub': f32.f32Sub, 'f32.mul': f32.f32Mul, 'f32.div': f32.f32Div,
  'f32.min': f32.f32Min, 'f32.max': f32.f32Max,

  'f64.eq': f64.f64Eq, 'f64.ne': f64.f64Ne, 'f64.lt': f64.f64Lt,
  'f64.gt': f64.f64Gt, 'f64.le': f64.f64Le, 'f64.ge': f64.f64Ge,
  'f64.abs': f64.f64Abs, 'f64.neg': f64.f64Neg, 'f64.copysign': f64.f64Copysign,
  'f64.ceil': f64.f64Ceil, 'f64.floor': f64.f64Floor, 'f64.trunc': f64.f64Trunc,
  'f64.nearest': f64.f64Nearest, 'f64.sqrt': f64.f64Sqrt,
  'f64.add': f64.f64Add, 'f64.sub': f64.f64Sub, 'f64.mul': f64.f64Mul, 'f64.div': f64.f64Div,
  'f64.min': f64.f64Min, 'f64.max': f64.f64Max,

  'i32.wrap_i64': cv.i32WrapI64, 'i64.extend_i32_s': cv.i64ExtendI32S, 'i64.extend_i32_u': cv.i64ExtendI32U,
  'i32.trunc_f32_s': cv.i32TruncF32S, 'i32.trunc_f32_u': cv.i32TruncF32U,
  'i32.trunc_f64_s': cv.i32TruncF64S, 'i32.trunc_f64_u': cv.i32TruncF64U,
  'i64.trunc_f32_s': cv.i64TruncF32S, 'i64.trunc_f32_u': cv.i64TruncF32U,
  'i64.trunc_f64_s': cv.i64TruncF64S, 'i64.trunc_f64_u': cv.i64TruncF64U,
  'i32.trunc_sat_f32_s': cv.i32TruncSatF32S, 'i32.trunc_sat_f32_u': cv.i32TruncSatF32U,
  'i32.trunc_sat_f64_s': cv.i32TruncSatF64S, 'i32.trunc_sat_f64_u': cv.i32TruncSatF64U,
  'i64.trunc_sat_f32_s': cv.i64TruncSatF32S, 'i64.trunc_sat_f32_u': cv.i64TruncSatF32U,
  'i64.trunc_sat_f64_s': cv.i64TruncSatF64S, 'i64.trunc_sat_f64_u': cv.i64TruncSatF64U,
  'f32.convert_i32_s': cv.f32ConvertI32S, 'f32.convert_i32_u': cv.f32ConvertI32U,
  'f32.convert_i64_s': cv.f32ConvertI64S, 'f32.convert_i64_u': cv.f32ConvertI64U,
  'f64.convert_i32_s': cv.f64ConvertI32S, 'f64.convert_i32_u': cv.f64ConvertI32U,
  'f64.convert_i64_s': cv.f64ConvertI64S, 'f64.convert_i64_u': cv.f64ConvertI64U,
  'f32.demote_f64': cv.f32DemoteF64, 'f64.promote_f32': cv.f64PromoteF32,
  'i32.reinterpret_f32': cv.i32ReinterpretF32, 'f32.reinterpret_i32': cv.f32ReinterpretI32,
  'i64.reinterpret_f64': cv.i64ReinterpretF64, 'f64.reinterpret_i64': cv.f64ReinterpretI64,
});
