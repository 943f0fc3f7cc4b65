// The scalar numeric instructions as differential test cases: the list read off the opcode
// table (fixed signature, no immediates), edge-biased operand lists, the NaN rule the spec
// gives each op, and the narrowing of V8's merged float-to-int trap. Consts (immediates) and
// SIMD are left to their callers.

import fc from 'fast-check';
import { OPS } from '../../runtime/opcodes/table.js';
import { TrapKind } from '../../runtime/errors.js';
import { ValType } from '../../runtime/types.js';
import { edgeOperand, flipSign } from '../../runtime/numeric/_internals/edgeValues.js';
import { isCanonicalNaNBits, isFloat, isNaNBits, type Bits, type ScalarType } from './bits.js';
import type { NanRule } from '../oracles/values.js';

/** One scalar numeric instruction. */
export interface NumericOp {
  readonly name: string;
  readonly params: readonly ScalarType[];
  readonly result: ScalarType;
  /** Trap kinds the opcode table says it can raise. */
  readonly traps: readonly TrapKind[];
}

const SCALAR: ReadonlyMap<ValType, ScalarType> = new Map([
  [ValType.I32, 'i32'], [ValType.I64, 'i64'], [ValType.F32, 'f32'], [ValType.F64, 'f64'],
] as const);

/**
 * Every opcode of the table with a fixed signature over i32/i64/f32/f64, one result, no
 * immediates and no memory access: the scalar numeric instructions (consts excluded).
 */
export const NUMERIC_OPS: readonly NumericOp[] = OPS.flatMap((o) => {
  if (o.imm !== 'none' || o.params === undefined || o.results?.length !== 1 || o.memBytes !== undefined) return [];
  const types = [...o.params, ...o.results].map((t) => SCALAR.get(t));
  if (types.some((t) => t === undefined)) return [];
  const scalar = types as ScalarType[];
  return [{ name: o.name, params: scalar.slice(0, -1), result: scalar[scalar.length - 1]!, traps: o.traps }];
});

/**
 * Operand lists for `op`: each operand edge-biased for its type; a binary op over one type
 * also gets (x, x) and (x, -x) pairs, where equality, signed zeros and cancellation hide.
 */
export function numericOperands(op: NumericOp): fc.Arbitrary<Bits[]> {
  const independent = fc.tuple(...op.params.map((p) => edgeOperand[p])) as fc.Arbitrary<Bits[]>;
  const [a, b] = op.params;
  if (op.params.length !== 2 || a !== b) return independent;
  return fc.oneof(
    { weight: 4, arbitrary: independent },
    { weight: 1, arbitrary: edgeOperand[a!].map((x) => [x, x]) },
    { weight: 1, arbitrary: edgeOperand[a!].map((x) => [x, flipSign(a!, x)]) },
  );
}

// Float results whose bits the spec fixes even for NaN: sign-bit ops and reinterpretation.
const NAN_EXACT = /\.(abs|neg|copysign|reinterpret_i32|reinterpret_i64)$/;

/** The spec's NaN rule for `op`'s result on `args` (irrelevant for integer results). */
export function nanRuleOf(op: NumericOp, args: readonly Bits[]): NanRule {
  if (!isFloat(op.result) || NAN_EXACT.test(op.name)) return 'exact';
  const oddNaN = op.params.some((p, i) => isFloat(p) && isNaNBits(p, args[i]!) && !isCanonicalNaNBits(p, args[i]!));
  return oddNaN ? 'arithmetic' : 'canonical';
}

/**
 * V8 reports NaN and out-of-range float-to-int conversion with one message; the spec's kind
 * follows from the operand: a NaN is "invalid conversion", anything else "integer overflow".
 */
export function narrowTrapKinds(op: NumericOp, args: readonly Bits[], kinds: readonly TrapKind[]): readonly TrapKind[] {
  if (!kinds.includes(TrapKind.InvalidConversionToInteger)) return kinds;
  const p = op.params[0]!;
  const nan = isFloat(p) && isNaNBits(p, args[0]!);
  return [nan ? TrapKind.InvalidConversionToInteger : TrapKind.IntegerOverflow];
}
