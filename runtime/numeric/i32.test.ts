// Tests i32 instructions: differential against V8 on edge-biased operands, plus spec facts.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Trap, TrapKind } from '../errors.js';
import { ALL_SCALAR_MNEMONICS, signatureOf } from './_internals/v8Oracle.js';
import { checkOpsAgainstV8 } from './_internals/checkAgainstV8.js';
import { i32DivS, i32RemS, i32Rotl, i32Ctz, i32Popcnt } from './i32.js';

const ops = ALL_SCALAR_MNEMONICS.filter((m) => m.startsWith('i32.') && signatureOf(m).params.every((p) => p === 'i32'));

test('covers the whole i32 family', () => {
  assert.is(ops.length, 31);
});

test('every i32 op agrees with V8 bit for bit, traps included', () => {
  checkOpsAgainstV8(ops);
});

test('spec facts: INT_MIN rem -1 is 0, INT_MIN div -1 overflows, rotl by 0 and 32', () => {
  assert.ok(Object.is(i32RemS(-0x80000000, -1), 0));
  assert.throws(() => i32DivS(-0x80000000, -1), (e: unknown) => e instanceof Trap && e.kind === TrapKind.IntegerOverflow);
  assert.throws(() => i32DivS(5, 0), (e: unknown) => e instanceof Trap && e.kind === TrapKind.IntegerDivideByZero);
  assert.is(i32Rotl(0x12345678, 0), 0x12345678);
  assert.is(i32Rotl(0x12345678, 32), 0x12345678);
  assert.is(i32Rotl(0x80000001, 1), 3);
  assert.is(i32Ctz(0), 32);
  assert.is(i32Popcnt(-1), 32);
});

test.run();
