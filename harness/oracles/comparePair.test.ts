// The comparison of two call outcomes: equal bits are the same and anything else differs
// unless a NaN rule (the spec's, for a known operation) or V8's JS boundary allows it; traps
// match when their kind sets meet; engine limits poison; internal errors always differ; a
// value in a tier's non-normalized representation never passes for a normalized one.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TrapKind } from '../../runtime/errors.js';
import { compareOutcomes, type PairRules } from './comparePair.js';
import type { NanRule } from './values.js';
import type { CallOutcome, OValue } from './types.js';

const EXACT: PairRules = { jsBoundary: false, fuel: false };
const JS: PairRules = { jsBoundary: true, fuel: false };
const values = (...v: OValue[]): CallOutcome => ({ kind: 'values', values: v });
const f32 = (b: number): OValue => ({ t: 'f32', b: b | 0 });
const f64 = (b: bigint): OValue => ({ t: 'f64', b: BigInt.asIntN(64, b) });
const i32 = (b: number): OValue => ({ t: 'i32', b });
const verdict = (ref: CallOutcome, other: CallOutcome, nan?: NanRule, rules = EXACT) => compareOutcomes(ref, other, rules, nan && [nan]).kind;

const CANON32 = 0x7fc00000;
const NEG_CANON32 = 0xffc00000;
const QUIET_PAYLOAD32 = 0x7fc00001;
const SIGNALLING32 = 0x7fa00000;

test('values: equal bits are the same, anything else differs unless a NaN rule allows it', () => {
  assert.is(verdict(values(i32(5)), values(i32(5))), 'same');
  assert.is(verdict(values(i32(5)), values(i32(6))), 'differ');
  assert.is(verdict(values(i32(5)), values(i32(5), i32(5))), 'differ');
  assert.is(verdict(values(f32(0)), values(f32(0x80000000))), 'differ', '+0 vs -0');
  // exact: NaN bits must match
  assert.is(verdict(values(f32(CANON32)), values(f32(NEG_CANON32)), 'exact'), 'differ');
  // canonical: either sign of the canonical NaN, nothing else
  assert.is(verdict(values(f32(CANON32)), values(f32(NEG_CANON32)), 'canonical'), 'same');
  assert.is(verdict(values(f32(CANON32)), values(f32(QUIET_PAYLOAD32)), 'canonical'), 'differ');
  // arithmetic: any quiet NaN, but not a signalling one
  assert.is(verdict(values(f32(CANON32)), values(f32(QUIET_PAYLOAD32)), 'arithmetic'), 'same');
  assert.is(verdict(values(f32(CANON32)), values(f32(SIGNALLING32)), 'arithmetic'), 'differ');
  // a rule never excuses a NaN where the reference has a number
  assert.is(verdict(values(f32(0)), values(f32(CANON32)), 'arithmetic'), 'differ');
  // f64 bits
  assert.is(verdict(values(f64(0x7ff8000000000000n)), values(f64(0xfff8000000000000n)), 'canonical'), 'same');
  assert.is(verdict(values(f64(0x7ff8000000000000n)), values(f64(0x7ff8000000000abcn)), 'arithmetic'), 'same');
  assert.is(verdict(values(f64(0x7ff8000000000000n)), values(f64(0x7ff0000000000001n)), 'arithmetic'), 'differ');
  // across V8's JS boundary any NaN stands for any NaN, a number still for itself only
  assert.is(verdict(values(f32(CANON32)), values(f32(SIGNALLING32)), undefined, JS), 'same');
  assert.is(verdict(values(f32(0)), values(f32(0x80000000)), undefined, JS), 'differ');
});

test('a tier value off its representation never equals the normalized one', () => {
  assert.is(verdict(values(i32(0)), values(i32(-0))), 'differ', 'an i32 -0');
  assert.is(verdict(values(i32(-1)), values(i32(2 ** 32 - 1))), 'differ', 'an unsigned i32');
  assert.is(verdict(values({ t: 'f64', b: 0n }), values({ t: 'f64', b: 0 as unknown as bigint })), 'differ', 'an f64 that is not bits');
  assert.is(verdict(values({ t: 'i64', b: 1n }), values({ t: 'i64', b: 1 as unknown as bigint })), 'differ', 'an i64 number');
});

test('traps match when their kinds meet; exhaustion poisons; errors differ unless the same CompileError', () => {
  const trap = (...kinds: TrapKind[]): CallOutcome => ({ kind: 'trap', kinds, message: kinds[0]! });
  assert.is(verdict(trap(TrapKind.TableOutOfBounds, TrapKind.UndefinedElement), trap(TrapKind.UndefinedElement)), 'same');
  assert.is(verdict(trap(TrapKind.UndefinedElement), trap(TrapKind.TableOutOfBounds, TrapKind.UndefinedElement)), 'same');
  assert.is(verdict(trap(TrapKind.IntegerOverflow), trap(TrapKind.IntegerDivideByZero)), 'differ');
  assert.is(verdict(trap(TrapKind.Unreachable), values(i32(1))), 'differ');
  assert.is(verdict(values(i32(1)), trap(TrapKind.Unreachable)), 'differ');
  assert.is(verdict({ kind: 'exhausted', message: 'call stack exhausted' }, values(i32(1))), 'poison');
  assert.is(verdict(trap(TrapKind.Unreachable), { kind: 'exhausted', message: 'Maximum call stack size exceeded' }), 'poison');
  const err = (name: string, message = 'm'): CallOutcome => ({ kind: 'error', name, message });
  assert.is(verdict(err('TypeError'), err('TypeError')), 'differ', 'an internal error is a bug on both sides');
  assert.is(verdict(err('CompileError', 'type mismatch'), err('CompileError', 'type mismatch')), 'same');
  assert.is(verdict(values(), err('CompileError')), 'differ');
  assert.is(verdict({ kind: 'skipped', reason: 'v128 in signature' }, values()), 'skip');
});

test('fuel termination is compared between engines that count fuel, skipped otherwise', () => {
  const out: CallOutcome = { kind: 'trap', kinds: [TrapKind.OutOfFuel], message: 'all fuel consumed' };
  assert.is(compareOutcomes(out, values(), EXACT).kind, 'skip');
  assert.is(compareOutcomes(out, values(), { jsBoundary: false, fuel: true }).kind, 'differ');
  assert.is(compareOutcomes(out, out, { jsBoundary: false, fuel: true }).kind, 'same');
});

test.run();
