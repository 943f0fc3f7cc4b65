// Tests f64 instructions: differential against V8 on edge-biased operands, plus NaN-payload
// and rounding facts of the spec.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ALL_SCALAR_MNEMONICS, signatureOf } from './_internals/v8Oracle.js';
import { checkOpsAgainstV8 } from './_internals/checkAgainstV8.js';
import { f64Abs, f64Copysign, f64Mul, f64Nearest, f64Neg } from './f64.js';

const ops = ALL_SCALAR_MNEMONICS.filter((m) => m.startsWith('f64.') && signatureOf(m).params.every((p) => p === 'f64'));
const view = new DataView(new ArrayBuffer(8));
const fromBits = (b: bigint) => (view.setBigInt64(0, b), view.getFloat64(0));
const bits = (x: number) => (view.setFloat64(0, x), view.getBigInt64(0));
const SNAN = 0x7ff4000000000001n;

test('covers the whole f64 family', () => {
  assert.is(ops.length, 20);
});

test('every f64 op agrees with V8 (bit for bit, or same NaN class where the spec allows)', () => {
  checkOpsAgainstV8(ops);
});

test('spec facts: ties to even, sign-bit ops keep NaN payloads', () => {
  assert.is(f64Nearest(2.5), 2);
  assert.ok(Object.is(f64Nearest(-0.5), -0));
  assert.is(f64Nearest(4503599627370495.5), 4503599627370496);
  assert.is(bits(f64Neg(fromBits(SNAN))), BigInt.asIntN(64, SNAN | (1n << 63n)));
  assert.is(bits(f64Abs(fromBits(BigInt.asIntN(64, SNAN | (1n << 63n))))), SNAN);
  assert.is(bits(f64Copysign(fromBits(SNAN), -0)), BigInt.asIntN(64, SNAN | (1n << 63n)));
  assert.is(bits(f64Mul(fromBits(SNAN), 2)) & 0x7ff8000000000000n, 0x7ff8000000000000n); // arithmetic NaN
});

test.run();
