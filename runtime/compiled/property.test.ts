// Property tests: random scalar operations compiled versus interpreted, results compared as
// exact bits (NaN payloads included) or as the same trap. Single ops on edge operands, then
// random expression trees (exercising pending expressions, constant folding and the NaN fix).

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { OPS, type OpInfo } from '../opcodes/table.js';
import { ValType, valTypeName } from '../types.js';
import type { Config } from '../config/knobs.js';
import { rawArray, type Raw } from '../instance/objects.js';
import { NUMERIC_FNS } from '../exec/numericFns.js';
import { f64FromBits } from '../numeric/_internals/scratch.js';
import { edgeOperand } from '../numeric/_internals/edgeValues.js';
import { outcome, setup, watToBytes, type Setup } from './_internals/testing.js';

const SCALARS = [ValType.I32, ValType.I64, ValType.F32, ValType.F64] as const;
type Scalar = (typeof SCALARS)[number];
const isScalar = (t: ValType): t is Scalar => (SCALARS as readonly ValType[]).includes(t);

/** Every scalar numeric instruction without immediates. */
const SCALAR_OPS: readonly OpInfo[] = OPS.filter(
  (op) => op.imm === 'none' && op.params !== undefined && op.params.length > 0 && op.results!.length === 1
    && [...op.params, ...op.results!].every(isScalar) && NUMERIC_FNS[op.id] !== undefined,
);

/** A value in bits form (i32/f32: int32 number; i64/f64: signed bigint) as the runtime holds it. */
function rawOf(t: Scalar, bits: number | bigint): Raw {
  return t === ValType.F64 ? f64FromBits(bits as bigint) : bits;
}

/** Arguments in a generic array (an array of doubles would canonicalize NaNs). */
function rawArgs(types: readonly Scalar[], bits: readonly (number | bigint)[]): Raw[] {
  const out = rawArray(types.length);
  types.forEach((t, i) => (out[i] = rawOf(t, bits[i])));
  return out;
}

const operand = (t: Scalar): fc.Arbitrary<number | bigint> => edgeOperand[valTypeName(t) as 'i32' | 'i64' | 'f32' | 'f64'];
const CONFIGS: Partial<Config>[] = [{ tier: 'interp' }, {}, { optLevel: 'none' }, { boundsChecks: 'guarded', inlineSmallFunctions: true }];

test('every scalar op on edge operands: compiled equals interpreted, bit for bit', () => {
  const wat = `(module ${SCALAR_OPS.map((op) => `(func (export "${op.id}") (param ${op.params!.map(valTypeName).join(' ')}) (result ${valTypeName(op.results![0])})
    ${op.params!.map((_, i) => `(local.get ${i})`).join(' ')} ${op.name})`).join('\n')})`;
  const bytes = watToBytes(wat);
  const tiers = CONFIGS.map((c) => setup(bytes, c));
  assert.ok(SCALAR_OPS.length > 120, `${SCALAR_OPS.length} ops`);
  const sample = fc.constantFrom(...SCALAR_OPS).chain((op) => fc.tuple(fc.constant(op), fc.tuple(...(op.params as Scalar[]).map(operand))));
  fc.assert(
    fc.property(sample, ([op, bits]) => {
      const run = (s: Setup) => outcome(() => s.fn(String(op.id)).invoke(rawArgs(op.params as Scalar[], bits)));
      const want = run(tiers[0]);
      for (const s of tiers.slice(1)) assert.equal(run(s), want, `${op.name}(${bits.join(', ')}) on ${JSON.stringify(s.engine.config.optLevel)}`);
    }),
    { numRuns: 4000, seed: 42 },
  );
});

/** A random expression tree of scalar ops over the function's parameters and constants. */
type Expr =
  | { readonly kind: 'param'; readonly type: Scalar }
  | { readonly kind: 'const'; readonly type: Scalar; readonly bits: number | bigint }
  | { readonly kind: 'op'; readonly op: OpInfo; readonly args: readonly Expr[] }
  | { readonly kind: 'select'; readonly type: Scalar; readonly args: readonly Expr[] };

const PARAMS: readonly Scalar[] = SCALARS; // one parameter of each type, in this order

function exprs(): Record<string, fc.Arbitrary<Expr>> {
  return fc.letrec<Record<string, Expr>>((tie) => {
    const out: Record<string, fc.Arbitrary<Expr>> = {};
    for (const t of SCALARS) {
      const leaf = fc.oneof(
        fc.constant<Expr>({ kind: 'param', type: t }),
        operand(t).map((bits): Expr => ({ kind: 'const', type: t, bits })),
      );
      const ops = SCALAR_OPS.filter((op) => op.results![0] === t).map((op) =>
        fc.tuple(...op.params!.map((p) => tie(String(p)))).map((args): Expr => ({ kind: 'op', op, args })));
      const select = fc.tuple(tie(String(t)), tie(String(t)), tie(String(ValType.I32)))
        .map((args): Expr => ({ kind: 'select', type: t, args }));
      out[String(t)] = fc.oneof({ maxDepth: 4, depthIdentifier: 'expr' }, leaf, select, ...ops);
    }
    return out;
  });
}

function wat(e: Expr): string {
  switch (e.kind) {
    case 'param':
      return `(local.get ${PARAMS.indexOf(e.type)})`;
    case 'const':
      // Through reinterpret: exact for every bit pattern, and a chance for constant folding.
      if (e.type === ValType.F32) return `(f32.reinterpret_i32 (i32.const ${e.bits}))`;
      if (e.type === ValType.F64) return `(f64.reinterpret_i64 (i64.const ${e.bits}))`;
      return `(${valTypeName(e.type)}.const ${e.bits})`;
    case 'op':
      return `(${e.op.name} ${e.args.map(wat).join(' ')})`;
    case 'select':
      return `(select ${e.args.map(wat).join(' ')})`;
  }
}

test('random expression trees: compiled equals interpreted, bit for bit', () => {
  const trees = exprs();
  const arb = fc.tuple(
    fc.constantFrom(...SCALARS).chain((t) => trees[String(t)]),
    fc.array(fc.tuple(...PARAMS.map(operand)), { minLength: 1, maxLength: 4 }),
  );
  fc.assert(
    fc.property(arb, ([e, argSets]) => {
      const type = e.kind === 'op' ? (e.op.results![0] as Scalar) : e.type;
      // Twice the tree, through a local and a drop, so values also cross statements.
      const text = `(module (func (export "f") (param ${PARAMS.map(valTypeName).join(' ')}) (result ${valTypeName(type)}) (local ${valTypeName(type)})
        (local.set 4 ${wat(e)}) (drop ${wat(e)}) (local.get 4)))`;
      const bytes = watToBytes(text);
      const tiers = CONFIGS.map((c) => setup(bytes, c));
      for (const bits of argSets) {
        const run = (s: Setup) => outcome(() => s.fn('f').invoke(rawArgs(PARAMS, bits)));
        const want = run(tiers[0]);
        for (const s of tiers.slice(1)) assert.equal(run(s), want, text);
      }
    }),
    { numRuns: 150, seed: 7 },
  );
});

test.run();
