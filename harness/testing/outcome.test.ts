// The comparison verdicts and bits conversions that every differential test relies on: NaN
// rules, trap kinds, poisoning, error identity, and rejection of non-normalized values.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TrapKind } from '../../runtime/errors.js';
import { bitsFromRaw, carrierOf, NotNormalizedError, rawFromBits } from './bits.js';
import { compareOutcomes, type NanRule, type Outcome } from './outcome.js';

const values = (...v: (number | bigint)[]): Outcome => ({ kind: 'values', values: v });
const verdict = (ref: Outcome, ours: Outcome, t: 'f32' | 'f64' | 'i32' = 'f32', nan?: NanRule) =>
  compareOutcomes(ref, ours, { results: [t], nan: nan && [nan] }).kind;

const CANON32 = 0x7fc00000;
const NEG_CANON32 = 0xffc00000 | 0;
const QUIET_PAYLOAD32 = 0x7fc00001;
const SIGNALLING32 = 0x7fa00000;

test('values: equal bits are the same, anything else differs unless a NaN rule allows it', () => {
  assert.is(verdict(values(5), values(5), 'i32'), 'same');
  assert.is(verdict(values(5), values(6), 'i32'), 'differ');
  assert.is(verdict(values(5), values(5, 5), 'i32'), 'differ');
  assert.is(verdict(values(0), values(0x80000000 | 0)), 'differ', '+0 vs -0');
  // exact: NaN bits must match
  assert.is(verdict(values(CANON32), values(NEG_CANON32), 'f32', 'exact'), 'differ');
  // canonical: either sign of the canonical NaN, nothing else
  assert.is(verdict(values(CANON32), values(NEG_CANON32), 'f32', 'canonical'), 'same');
  assert.is(verdict(values(CANON32), values(QUIET_PAYLOAD32), 'f32', 'canonical'), 'differ');
  // arithmetic: any quiet NaN, but not a signalling one
  assert.is(verdict(values(CANON32), values(QUIET_PAYLOAD32), 'f32', 'arithmetic'), 'same');
  assert.is(verdict(values(CANON32), values(SIGNALLING32), 'f32', 'arithmetic'), 'differ');
  // a rule never excuses a NaN where the reference has a number
  assert.is(verdict(values(0), values(CANON32), 'f32', 'arithmetic'), 'differ');
  // f64 bits
  assert.is(verdict(values(0x7ff8000000000000n), values(0x7ff8000000000abcn), 'f64', 'arithmetic'), 'same');
  assert.is(verdict(values(0x7ff8000000000000n), values(0x7ff0000000000001n), 'f64', 'arithmetic'), 'differ');
});

test('traps match when our one kind is among the reference\'s; exhaustion poisons; errors by identity', () => {
  const trap = (...kinds: TrapKind[]): Outcome => ({ kind: 'trap', kinds, message: kinds[0]! });
  assert.is(verdict(trap(TrapKind.TableOutOfBounds, TrapKind.UndefinedElement), trap(TrapKind.UndefinedElement)), 'same');
  assert.is(verdict(trap(TrapKind.IntegerOverflow), trap(TrapKind.IntegerDivideByZero)), 'differ');
  assert.is(verdict(trap(TrapKind.Unreachable), values(1)), 'differ');
  assert.is(verdict(values(1), trap(TrapKind.Unreachable)), 'differ');
  assert.is(verdict({ kind: 'exhausted', message: '' }, values(1)), 'poisoned');
  assert.is(verdict(trap(TrapKind.Unreachable), { kind: 'exhausted', message: '' }), 'poisoned');
  const e = new Error('host');
  assert.is(verdict({ kind: 'error', error: e }, { kind: 'error', error: e }), 'same');
  assert.is(verdict({ kind: 'error', error: e }, { kind: 'error', error: new Error('host') }), 'differ');
});

test('bits conversions keep f64 NaN payloads and reject non-normalized runtime values', () => {
  for (const b of [0x7ff4000000000001n, -0x8000000000000n, 0n, -(1n << 63n)]) {
    assert.is(bitsFromRaw('f64', rawFromBits('f64', b)), b);
  }
  assert.is(rawFromBits('f32', SIGNALLING32), SIGNALLING32, 'f32 is bits already');
  for (const [t, v] of [['i32', -0], ['i32', 2 ** 31], ['i32', 1.5], ['i32', 1n], ['i64', 2n ** 63n], ['i64', 1], ['f64', 1n], ['f32', NaN]] as const) {
    assert.throws(() => bitsFromRaw(t, v), (e: unknown) => e instanceof NotNormalizedError, `${t} ${String(v)}`);
  }
  assert.equal(['i32', 'i64', 'f32', 'f64'].map((t) => carrierOf(t as 'i32')), ['i32', 'i64', 'i32', 'i64']);
});

test.run();
