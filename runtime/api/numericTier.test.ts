// The tiers' scalar numeric instructions against V8, through the public API: one module with an
// export per op (f32/f64 carried as integer bits) runs on our tier and on V8, operands drawn
// edge-biased by fast-check; also every op on CONSTANT operands and every const. Runs on each
// tier the Engine accepts; a tier it refuses ("not available yet") is skipped and said so.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { ALL_SCALAR_MNEMONICS, opcodeBytes, oracleModuleBytes, signatureOf } from '../numeric/_internals/v8Oracle.js';
import { edgeOperand } from '../numeric/_internals/edgeValues.js';
import { OPS_BY_NAME } from '../opcodes/table.js';
import { rawArray } from '../instance/objects.js';
import { carrierOf, showBits, type Bits, type ScalarType } from '../../harness/testing/bits.js';
import { NUMERIC_OPS, nanRuleOf, narrowTrapKinds, numericOperands, type NumericOp } from '../../harness/testing/numericOps.js';
import { constCaseExport, constCaseModule, type ConstCase } from '../../harness/testing/constOperandModule.js';
import { compareOutcomes, type Step } from '../../harness/oracles/comparePair.js';
import { moduleCase, openSession } from '../../harness/oracles/openSession.js';
import { OUR_TIERS } from '../../harness/oracles/engines.js';
import { v8Engine } from '../../harness/oracles/v8Engine.js';
import type { CallOutcome, EngineSession, OracleEngine, OValue } from '../../harness/oracles/types.js';

/** Property runs per op on run-time operands (136 ops); the file takes about 1.6 s per tier. */
const RUNS_PER_OP = 2000;
/** Modules of constant-operand cases per tier, and cases per module. */
const CONST_MODULES = 100;
const CASES_PER_MODULE = 40;

const ORACLE_BYTES = oracleModuleBytes(NUMERIC_OPS.map((o) => o.name));
const v8 = openSession(v8Engine, moduleCase(ORACLE_BYTES));
const showArgs = (op: { params: readonly ScalarType[] }, args: readonly Bits[]) =>
  args.map((a, i) => showBits(op.params[i]!, a)).join(', ');

/** Calls export `name` with integer-carried bits (every oracle export takes carriers only). */
function call(s: EngineSession, name: string, args: readonly Bits[]): CallOutcome {
  const raw = rawArray(args.length);
  for (let i = 0; i < args.length; i++) raw[i] = args[i]!;
  return s.call({ name, args: raw }).outcome;
}

/** The outcome with its (carrier) values read as type `t`: the same bits, so NaN rules apply. */
function asType(o: CallOutcome, t: ScalarType): CallOutcome {
  return o.kind === 'values' ? { ...o, values: o.values.map((v) => ({ t, b: (v as { b: number | bigint }).b }) as OValue) } : o;
}

const why = (s: Step): string => (s.kind === 'differ' ? s.detail : s.kind === 'same' ? '' : `${s.kind}: ${s.reason}`);
const EXACT = { jsBoundary: false, fuel: false };

/** Throws with the op and operands unless our outcome is one the spec allows given V8's. */
function judge(op: NumericOp, args: readonly Bits[], ref: CallOutcome, ours: CallOutcome, where: string): void {
  const narrowed: CallOutcome = ref.kind === 'trap' ? { ...ref, kinds: narrowTrapKinds(op, args, ref.kinds) } : ref;
  const v = compareOutcomes(asType(narrowed, op.result), asType(ours, op.result), EXACT, [nanRuleOf(op, args)]);
  if (v.kind !== 'same') throw new Error(`${where} ${op.name}(${showArgs(op, args)}): ${why(v)}`);
  if (ours.kind === 'trap' && !op.traps.includes(ours.kinds[0]!)) {
    throw new Error(`${op.name}: trap "${ours.kinds[0]}" is not in the opcode table's traps`);
  }
}

function checkRuntimeOperands(ours: EngineSession, op: NumericOp, args: Bits[]): void {
  judge(op, args, call(v8, op.name, args), call(ours, op.name, args), 'operands at run time:');
}

/** Sessions of V8 and `engine` on `bytes`, closed after `fn`. */
function withBoth(engine: OracleEngine, bytes: Uint8Array, fn: (ref: EngineSession, mine: EngineSession) => void): void {
  const c = moduleCase(bytes);
  const ref = openSession(v8Engine, c);
  const mine = openSession(engine, c);
  try {
    fn(ref, mine);
  } finally {
    ref.close();
    mine.close();
  }
}

test('the opcode table\'s scalar ops are exactly the oracle encoder\'s, with the same facts', () => {
  assert.equal([...NUMERIC_OPS.map((o) => o.name)].sort(), [...ALL_SCALAR_MNEMONICS].sort());
  for (const op of NUMERIC_OPS) {
    const sig = signatureOf(op.name);
    assert.equal([sig.params, sig.result], [op.params, op.result], op.name);
    const info = OPS_BY_NAME.get(op.name)!;
    assert.equal(opcodeBytes(op.name), info.prefix === 0 ? [info.code] : [info.prefix, info.code], op.name);
  }
});

test('the comparison is not vacuous: V8 traps and returns NaNs on these operands', () => {
  assert.is(call(v8, 'i32.div_s', [1, 0]).kind, 'trap');
  const add = NUMERIC_OPS.find((o) => o.name === 'f64.add')!;
  const sNaN = 0x7ff4000000000001n;
  const r = call(v8, 'f64.add', [sNaN, 0n]);
  assert.ok(r.kind === 'values' && (r.values[0] as { b: bigint }).b !== sNaN, 'V8 quiets the signalling NaN');
  assert.is(nanRuleOf(add, [sNaN, 0n]), 'arithmetic');
});

const oracleCase = moduleCase(ORACLE_BYTES);
const ran: string[] = [];
for (const engine of OUR_TIERS) {
  const skipped = engine.canRun(oracleCase);
  if (skipped !== undefined) {
    console.log(`numericTier: the ${engine.name} tier is SKIPPED (${skipped})`);
    continue;
  }
  ran.push(engine.name);
  const ours = openSession(engine, oracleCase);

  test(`${engine.name}: every scalar numeric op agrees with V8 on edge-biased run-time operands`, () => {
    for (const op of NUMERIC_OPS) {
      fc.assert(fc.property(numericOperands(op), (args) => checkRuntimeOperands(ours, op, args)), {
        numRuns: RUNS_PER_OP, includeErrorInReport: true,
      });
    }
  });

  test(`${engine.name}: ops on constant operands agree with V8 (folding must not change bits)`, () => {
    const oneCase = fc.constantFrom(...NUMERIC_OPS).chain((op) => numericOperands(op).map((args) => ({ op, args })));
    fc.assert(fc.property(fc.array(oneCase, { minLength: 1, maxLength: CASES_PER_MODULE }), (list) => {
      const cases: ConstCase[] = list.map(({ op, args }) => ({ params: op.params, args, code: opcodeBytes(op.name), result: op.result }));
      withBoth(engine, constCaseModule(cases), (ref, mine) => {
        list.forEach(({ op, args }, i) => {
          judge(op, args, call(ref, constCaseExport(i), []), call(mine, constCaseExport(i), []), 'constant operands:');
        });
      });
    }), { numRuns: CONST_MODULES, includeErrorInReport: true });
  });

  test(`${engine.name}: consts return their immediate's exact bits, NaN payloads included`, () => {
    for (const t of ['i32', 'i64', 'f32', 'f64'] as const) {
      fc.assert(fc.property(fc.array(edgeOperand[t], { minLength: 1, maxLength: CASES_PER_MODULE }), (values) => {
        const bytes = constCaseModule(values.map((v) => ({ params: [t], args: [v], code: [], result: t })));
        withBoth(engine, bytes, (ref, mine) => {
          values.forEach((v, i) => {
            const expected: CallOutcome = { kind: 'values', values: [{ t: carrierOf(t), b: v } as OValue] };
            for (const [who, got] of [['V8', ref], ['ours', mine]] as const) {
              const verdict = compareOutcomes(expected, call(got, constCaseExport(i), []), EXACT);
              if (verdict.kind !== 'same') throw new Error(`${t}.const ${showBits(t, v)} on ${who}: ${why(verdict)}`);
            }
          });
        });
      }), { numRuns: 25, includeErrorInReport: true });
    }
  });
}

test('at least one tier ran', () => {
  assert.ok(ran.length > 0, 'every tier was skipped');
});

test.run();
