// Tests conversions: differential against V8 on edge-biased operands (range edges, ties,
// NaNs), plus hand-picked cases where naive JS goes wrong (double rounding, bounds).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Trap, TrapKind } from '../errors.js';
import { ALL_SCALAR_MNEMONICS, signatureOf } from './_internals/v8Oracle.js';
import { checkCasesAgainstV8, checkOpsAgainstV8 } from './_internals/checkAgainstV8.js';
import { bitsOfF32, bitsOfF64 } from './_internals/edgeValues.js';
import { f32ConvertI64S, f32ConvertI64U, i32TruncF32S, i32TruncF64S, i64TruncF64U } from './convert.js';

const ops = ALL_SCALAR_MNEMONICS.filter((m) => signatureOf(m).params.some((p) => p !== m.slice(0, 3)));
const trapsWith = (kind: TrapKind) => (e: unknown) => e instanceof Trap && e.kind === kind;

test('covers every conversion', () => {
  assert.is(ops.length, 33);
});

test('every conversion agrees with V8 (bits, NaN class, trap kind)', () => {
  checkOpsAgainstV8(ops);
});

test('int64 -> f32 rounds once: ties that Number() then fround would round wrongly', () => {
  // 2^63 + 2^39 + 1 sits just above a float32 tie; Number() drops the +1 and lands on it.
  const justAboveTie = BigInt.asIntN(64, (1n << 63n) + (1n << 39n) + 1n);
  assert.is(f32ConvertI64U(justAboveTie), bitsOfF32(2 ** 63 + 2 ** 40));
  assert.is(f32ConvertI64S((1n << 62n) + (1n << 38n) + 1n), bitsOfF32(2 ** 62 + 2 ** 39));
  assert.is(f32ConvertI64S(-((1n << 62n) + (1n << 38n) + 1n)), bitsOfF32(-(2 ** 62 + 2 ** 39)));
  checkCasesAgainstV8('f32.convert_i64_u', [[justAboveTie], [(1n << 53n) + 1n], [-1n]]);
  checkCasesAgainstV8('f32.convert_i64_s', [[9223371761976868863n], [-9223371761976868863n], [(1n << 62n) + (1n << 38n) + 1n]]);
});

test('truncation bounds are exact', () => {
  assert.is(i32TruncF64S(-2147483648.9), -2147483648);
  assert.throws(() => i32TruncF64S(-2147483649), trapsWith(TrapKind.IntegerOverflow));
  assert.is(i32TruncF64S(2147483647.9), 2147483647);
  assert.throws(() => i32TruncF32S(bitsOfF32(2 ** 31)), trapsWith(TrapKind.IntegerOverflow));
  assert.is(i32TruncF32S(bitsOfF32(-(2 ** 31))), -2147483648);
  assert.throws(() => i32TruncF32S(0x7fa00000), trapsWith(TrapKind.InvalidConversionToInteger));
  assert.is(i64TruncF64U(-0.9), 0n);
  assert.throws(() => i64TruncF64U(2 ** 64), trapsWith(TrapKind.IntegerOverflow));
  checkCasesAgainstV8('i32.trunc_f64_s', [[bitsOfF64(-2147483648.9)], [bitsOfF64(-2147483649)]]);
});

test.run();
