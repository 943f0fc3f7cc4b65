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
import { carrierOf, showBits, type Bits, type ScalarType } from '../../harness/testing/bits.js';
import { compareOutcomes, type Outcome } from '../../harness/testing/outcome.js';
import { NUMERIC_OPS, nanRuleOf, narrowTrapKinds, numericOperands, type NumericOp } from '../../harness/testing/numericOps.js';
import { constCaseExport, constCaseModule, type ConstCase } from '../../harness/testing/constOperandModule.js';
import { ourEngine, tierChoices } from '../../harness/testing/ourEngine.js';
import { v8Engine } from '../../harness/testing/v8Engine.js';
import type { DiffInstance } from '../../harness/testing/diffEngine.js';

/** Property runs per op on run-time operands (136 ops); the file takes about 1.6 s per tier. */
const RUNS_PER_OP = 2000;
/** Modules of constant-operand cases per tier, and cases per module. */
const CONST_MODULES = 100;
const CASES_PER_MODULE = 40;

const ORACLE_BYTES = oracleModuleBytes(NUMERIC_OPS.map((o) => o.name));
const v8 = v8Engine.instantiate(ORACLE_BYTES);
const showArgs = (op: { params: readonly ScalarType[] }, args: readonly Bits[]) =>
  args.map((a, i) => showBits(op.params[i]!, a)).join(', ');

/** Throws with the op and operands unless our outcome is one the spec allows given V8's. */
function judge(op: NumericOp, args: readonly Bits[], ref: Outcome, ours: Outcome, where: string): void {
  const narrowed: Outcome = ref.kind === 'trap' ? { ...ref, kinds: narrowTrapKinds(op, args, ref.kinds) } : ref;
  const v = compareOutcomes(narrowed, ours, { results: [op.result], nan: [nanRuleOf(op, args)] });
  if (v.kind !== 'same') throw new Error(`${where} ${op.name}(${showArgs(op, args)}): ${v.why}`);
  if (ours.kind === 'trap' && !op.traps.includes(ours.kinds[0]!)) {
    throw new Error(`${op.name}: trap "${ours.kinds[0]}" is not in the opcode table's traps`);
  }
}

/** The oracle export's signature: integer carriers, the same bits. */
const carrierSig = (op: NumericOp) => ({ params: op.params.map(carrierOf), results: [carrierOf(op.result)] });

function checkRuntimeOperands(ours: DiffInstance, op: NumericOp, args: Bits[]): void {
  const sig = carrierSig(op);
  judge(op, args, v8.call(op.name, sig, args), ours.call(op.name, sig, args), 'operands at run time:');
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
  const sig = carrierSig;
  const divS = NUMERIC_OPS.find((o) => o.name === 'i32.div_s')!;
  assert.is(v8.call('i32.div_s', sig(divS), [1, 0]).kind, 'trap');
  const add = NUMERIC_OPS.find((o) => o.name === 'f64.add')!;
  const sNaN = 0x7ff4000000000001n;
  const r = v8.call('f64.add', sig(add), [sNaN, 0n]);
  assert.ok(r.kind === 'values' && r.values[0] !== sNaN, 'V8 quiets the signalling NaN');
  assert.is(nanRuleOf(add, [sNaN, 0n]), 'arithmetic');
});

const choices = tierChoices();
for (const choice of choices) {
  if ('skipped' in choice) {
    console.log(`numericTier: the ${choice.tier} tier is SKIPPED (${choice.skipped})`);
    continue;
  }
  const ours = ourEngine(choice.engine).instantiate(ORACLE_BYTES);

  test(`${choice.tier}: every scalar numeric op agrees with V8 on edge-biased run-time operands`, () => {
    for (const op of NUMERIC_OPS) {
      fc.assert(fc.property(numericOperands(op), (args) => checkRuntimeOperands(ours, op, args)), {
        numRuns: RUNS_PER_OP, includeErrorInReport: true,
      });
    }
  });

  test(`${choice.tier}: ops on constant operands agree with V8 (folding must not change bits)`, () => {
    const oneCase = fc.constantFrom(...NUMERIC_OPS).chain((op) => numericOperands(op).map((args) => ({ op, args })));
    fc.assert(fc.property(fc.array(oneCase, { minLength: 1, maxLength: CASES_PER_MODULE }), (list) => {
      const cases: ConstCase[] = list.map(({ op, args }) => ({ params: op.params, args, code: opcodeBytes(op.name), result: op.result }));
      const bytes = constCaseModule(cases);
      const [ref, mine] = [v8Engine.instantiate(bytes), ourEngine(choice.engine).instantiate(bytes)];
      list.forEach(({ op, args }, i) => {
        const sig = { params: [], results: [carrierOf(op.result)] };
        judge(op, args, ref.call(constCaseExport(i), sig, []), mine.call(constCaseExport(i), sig, []), 'constant operands:');
      });
    }), { numRuns: CONST_MODULES, includeErrorInReport: true });
  });

  test(`${choice.tier}: consts return their immediate's exact bits, NaN payloads included`, () => {
    for (const t of ['i32', 'i64', 'f32', 'f64'] as const) {
      fc.assert(fc.property(fc.array(edgeOperand[t], { minLength: 1, maxLength: CASES_PER_MODULE }), (values) => {
        const bytes = constCaseModule(values.map((v) => ({ params: [t], args: [v], code: [], result: t })));
        const [ref, mine] = [v8Engine.instantiate(bytes), ourEngine(choice.engine).instantiate(bytes)];
        const sig = { params: [], results: [carrierOf(t)] };
        values.forEach((v, i) => {
          const expected: Outcome = { kind: 'values', values: [v] };
          for (const [who, got] of [['V8', ref], ['ours', mine]] as const) {
            const verdict = compareOutcomes(expected, got.call(constCaseExport(i), sig, []), { results: [t] });
            if (verdict.kind !== 'same') throw new Error(`${t}.const ${showBits(t, v)} on ${who}: ${verdict.why}`);
          }
        });
      }), { numRuns: 25, includeErrorInReport: true });
    }
  });
}

test('at least one tier ran', () => {
  assert.ok(choices.some((c) => 'engine' in c), 'every tier was skipped');
});

test.run();
