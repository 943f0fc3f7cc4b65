// Contract of the numeric-op cases: the op list is the table's scalar numeric instructions,
// the operand generator keeps producing the edge values (a "still fuzzing" check), and the
// constant-operand modules validate with our validator and compute on V8.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { checkModule } from '../../runtime/api/Module.js';
import { opcodeBytes } from '../../runtime/numeric/_internals/v8Oracle.js';
import { TrapKind } from '../../runtime/errors.js';
import { NUMERIC_OPS, nanRuleOf, narrowTrapKinds, numericOperands, type NumericOp } from './numericOps.js';
import { constCaseExport, constCaseModule } from './constOperandModule.js';
import { isNaNBits } from './bits.js';
import { rawArray } from '../../runtime/instance/objects.js';
import { v8Engine } from '../oracles/v8Engine.js';
import { moduleCase, openSession } from '../oracles/openSession.js';

const byName = (n: string): NumericOp => NUMERIC_OPS.find((o) => o.name === n)!;

test('the op list: every scalar numeric instruction, no consts, loads or SIMD', () => {
  const names = new Set(NUMERIC_OPS.map((o) => o.name));
  for (const n of ['i32.add', 'i64.rotr', 'f32.copysign', 'f64.promote_f32', 'i64.trunc_sat_f64_u', 'i32.extend8_s']) assert.ok(names.has(n), n);
  for (const n of ['i32.const', 'i32.load', 'f32x4.add', 'select', 'memory.size']) assert.not.ok(names.has(n), n);
  assert.equal(byName('i64.trunc_f32_u').params, ['f32']);
  assert.is(byName('i64.trunc_f32_u').result, 'i64');
  assert.equal(byName('i32.div_s').traps, [TrapKind.IntegerDivideByZero, TrapKind.IntegerOverflow]);
});

test('still fuzzing: operands hit signalling and quiet NaNs, zeros of both signs, subnormals, extremes', () => {
  const add = byName('f64.add');
  const seen = new Set<string>();
  for (const [x] of fc.sample(numericOperands(add), { numRuns: 3000, seed: 1 })) {
    const b = x as bigint;
    const mag = b & 0x7fffffffffffffffn;
    if (isNaNBits('f64', b)) seen.add(mag & 0x8000000000000n ? 'qnan' : 'snan');
    if (mag === 0n) seen.add(b < 0n ? '-0' : '+0');
    if (mag > 0n && mag < 0x10000000000000n) seen.add('subnormal');
    if (mag === 0x7ff0000000000000n) seen.add(b < 0n ? '-inf' : '+inf');
  }
  assert.equal([...seen].sort(), ['+0', '+inf', '-0', '-inf', 'qnan', 'snan', 'subnormal']);
  const ints = new Set(fc.sample(numericOperands(byName('i32.div_s')), { numRuns: 3000, seed: 2 }).flat());
  for (const v of [0, -1, -0x80000000, 0x7fffffff]) assert.ok(ints.has(v), String(v));
});

test('NaN rules and trap narrowing follow the spec', () => {
  assert.is(nanRuleOf(byName('f32.neg'), [0x7fa00000]), 'exact');
  assert.is(nanRuleOf(byName('f32.add'), [0x7fc00000, 0]), 'canonical');
  assert.is(nanRuleOf(byName('f32.add'), [0x7fa00000, 0]), 'arithmetic');
  const both = [TrapKind.IntegerOverflow, TrapKind.InvalidConversionToInteger];
  assert.equal(narrowTrapKinds(byName('i32.trunc_f64_s'), [0x7ff8000000000000n], both), [TrapKind.InvalidConversionToInteger]);
  assert.equal(narrowTrapKinds(byName('i32.trunc_f64_s'), [0x41f0000000000000n], both), [TrapKind.IntegerOverflow]);
});

test('constant-operand modules validate and compute the op on V8', () => {
  const bytes = constCaseModule([
    { params: ['i32', 'i32'], args: [-0x80000000, 7], code: opcodeBytes('i32.add'), result: 'i32' },
    { params: ['f64'], args: [0x7ff4000000000001n], code: [], result: 'f64' },
    { params: ['f32', 'f32'], args: [0x3f800000, 0x40000000], code: opcodeBytes('f32.add'), result: 'f32' },
    { params: ['i64'], args: [-(1n << 63n)], code: opcodeBytes('i64.popcnt'), result: 'i64' },
  ]);
  checkModule(bytes);
  const session = openSession(v8Engine, moduleCase(bytes));
  const call = (i: number) => session.call({ name: constCaseExport(i), args: rawArray(0) }).outcome;
  assert.equal(call(0), { kind: 'values', values: [{ t: 'i32', b: -0x80000000 + 7 }] });
  assert.equal(call(1), { kind: 'values', values: [{ t: 'i64', b: 0x7ff4000000000001n }] });
  assert.equal(call(2), { kind: 'values', values: [{ t: 'i32', b: 0x40400000 }] });
  assert.equal(call(3), { kind: 'values', values: [{ t: 'i64', b: 1n }] });
  session.close();
});

test.run();
