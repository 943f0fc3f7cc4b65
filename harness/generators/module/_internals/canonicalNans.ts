// NaN canonicalization for differential runs: the spec lets float arithmetic return any NaN of
// the allowed class (sign and payload engine-chosen), and such bits leak through stores and
// reinterprets into everything after them. With the swarm's `canonicalNans`, every opcode that
// may produce such a NaN is followed by code replacing a NaN result with the canonical one.

import { OPS, op as opNamed, type OpInfo } from '../../../../runtime/opcodes/table.js';
import { ValType } from '../../../../runtime/types.js';
import type { BodyBuilder } from '../BodyBuilder.js';

/** How an opcode's result is canonicalized: none, a scalar, or per lane of a vector. */
type Shape = 'f32' | 'f64' | 'f32x4' | 'f64x2';

// Arithmetic whose NaN results are nondeterministic. abs, neg, copysign, pmin/pmax, loads,
// consts, splats, lane moves and reinterprets only move bits, so they stay exact.
const ARITH = 'add|sub|mul|div|sqrt|min|max|ceil|floor|trunc|nearest';
const RULES: readonly [RegExp, Shape][] = [
  [new RegExp(`^f32\\.(${ARITH}|demote_f64)$`), 'f32'],
  [new RegExp(`^f64\\.(${ARITH}|promote_f32)$`), 'f64'],
  [new RegExp(`^f32x4\\.(${ARITH}|demote_f64x2_zero)$`), 'f32x4'],
  [new RegExp(`^f64x2\\.(${ARITH}|promote_low_f32x4)$`), 'f64x2'],
];

/** Canonicalization shape of every opcode, by op id (undefined: its results are exact). */
const SHAPES: readonly (Shape | undefined)[] = OPS.map((o) => RULES.find(([re]) => re.test(o.name))?.[1]);

const CANON_F32 = 0x7fc00000;
const CANON_F64 = 0x7ff8000000000000n;

const O = {
  localTee: opNamed('local.tee'), localGet: opNamed('local.get'), select: opNamed('select'),
  f32Const: opNamed('f32.const'), f64Const: opNamed('f64.const'), v128Const: opNamed('v128.const'),
  f32Eq: opNamed('f32.eq'), f64Eq: opNamed('f64.eq'), f32x4Eq: opNamed('f32x4.eq'), f64x2Eq: opNamed('f64x2.eq'),
  bitselect: opNamed('v128.bitselect'),
};

function canonVector(lanes: Shape): Uint8Array {
  const v = new Uint8Array(16);
  const d = new DataView(v.buffer);
  for (let i = 0; i < 16; i += lanes === 'f32x4' ? 4 : 8) {
    if (lanes === 'f32x4') d.setInt32(i, CANON_F32, true);
    else d.setBigUint64(i, CANON_F64, true);
  }
  return v;
}
const CANON_VECTORS = { f32x4: canonVector('f32x4'), f64x2: canonVector('f64x2') };

/**
 * After `o` left its result on the stack: when it may be a nondeterministic NaN, replaces it
 * with the canonical NaN (x == x ? x : canon, lane-wise for vectors). Stack shape unchanged.
 */
export function canonicalizeResult(b: BodyBuilder, o: OpInfo): void {
  const shape = SHAPES[o.id];
  if (shape === undefined) return;
  const type = shape === 'f32' ? ValType.F32 : shape === 'f64' ? ValType.F64 : ValType.V128;
  const t = b.scratchLocal(type, 63);
  b.op(O.localTee).code.uleb(t);
  switch (shape) {
    case 'f32': b.op(O.f32Const).code.bits32(CANON_F32); break;
    case 'f64': b.op(O.f64Const).code.bits64(CANON_F64); break;
    default: b.op(O.v128Const).code.bytes(CANON_VECTORS[shape]);
  }
  b.op(O.localGet).code.uleb(t);
  b.op(O.localGet).code.uleb(t);
  switch (shape) {
    case 'f32': b.op(O.f32Eq).op(O.select); break;
    case 'f64': b.op(O.f64Eq).op(O.select); break;
    case 'f32x4': b.op(O.f32x4Eq).op(O.bitselect); break;
    case 'f64x2': b.op(O.f64x2Eq).op(O.bitselect); break;
  }
}
