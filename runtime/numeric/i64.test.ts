// Tests i64 instructions: differential against V8 on edge-biased operands, plus spec facts.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Trap, TrapKind } from '../errors.js';
import { ALL_SCALAR_MNEMONICS, signatureOf } from './_internals/v8Oracle.js';
import { checkOpsAgainstV8 } from './_internals/checkAgainstV8.js';
import { i64DivS, i64RemS, i64Rotr, i64Clz, i64Ctz, i64Shl } from './i64.js';

const MIN = -(2n ** 63n);
const ops = ALL_SCALAR_MNEMONICS.filter((m) => m.startsWith('i64.') && signatureOf(m).params.every((p) => p === 'i64'));

test('covers the whole i64 family', () => {
  assert.is(ops.length, 32);
});

test('every i64 op agrees with V8 bit for bit, traps included', () => {
  checkOpsAgainstV8(ops);
});

test('spec facts: INT_MIN rem -1 is 0, overflow trap, shift counts wrap at 64', () => {
  assert.is(i64RemS(MIN, -1n), 0n);
  assert.throws(() => i64DivS(MIN, -1n), (e: unknown) => e instanceof Trap && e.kind === TrapKind.IntegerOverflow);
  assert.is(i64Shl(1n, 64n), 1n);
  assert.is(i64Shl(1n, 63n), MIN);
  assert.is(i64Rotr(1n, 1n), MIN);
  assert.is(i64Clz(0n), 64n);
  assert.is(i64Ctz(MIN), 63n);
});

test.run();
