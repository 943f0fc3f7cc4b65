// Tests f32 instructions (bit-pattern representation): differential against V8 on
// edge-biased operands, plus NaN-propagation and rounding facts of the spec.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ALL_SCALAR_MNEMONICS, signatureOf } from './_internals/v8Oracle.js';
import { checkOpsAgainstV8 } from './_internals/checkAgainstV8.js';
import { bitsOfF32 } from './_internals/edgeValues.js';
import { f32Add, f32Min, f32Max, f32Nearest, f32Neg, f32Sqrt } from './f32.js';

const ops = ALL_SCALAR_MNEMONICS.filter((m) => m.startsWith('f32.') && signatureOf(m).params.every((p) => p === 'f32'));
const SNAN = 0x7fa00001;

test('covers the whole f32 family', () => {
  assert.is(ops.length, 20);
});

test('every f32 op agrees with V8 (bit for bit, or same NaN class where the spec allows)', () => {
  checkOpsAgainstV8(ops);
});

test('spec facts: ties to even, signed zeros, NaN classes', () => {
  assert.is(f32Nearest(bitsOfF32(2.5)), bitsOfF32(2));
  assert.is(f32Nearest(bitsOfF32(-0.5)), bitsOfF32(-0));
  assert.is(f32Nearest(bitsOfF32(3.5)), bitsOfF32(4));
  assert.is(f32Min(bitsOfF32(0), bitsOfF32(-0)), bitsOfF32(-0));
  assert.is(f32Max(bitsOfF32(-0), bitsOfF32(0)), bitsOfF32(0));
  assert.is(f32Neg(SNAN), SNAN | 0x80000000); // payload kept, not quieted
  assert.is(f32Sqrt(bitsOfF32(-1)) & 0x7fffffff, 0x7fc00000); // fresh NaN: canonical
  assert.is(f32Add(SNAN, bitsOfF32(1)) & 0x7fc00000, 0x7fc00000); // signalling in: arithmetic NaN out
  // Same inputs, same bits: the choice among allowed NaNs is deterministic.
  assert.is(f32Add(0x7f800123, 0xffc00000 | 0), f32Add(0x7f800123, 0xffc00000 | 0));
});

test.run();
