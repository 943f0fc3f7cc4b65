// TEST-ONLY: differential check of scalarOps against V8's WebAssembly, op by op: same operands
// in, same bits (or same trap) out. Where the spec lets a NaN result vary, checks only that our
// NaN is of the class the spec demands. Leaves the choice of ops and run counts to the tests.

import fc from 'fast-check';
import { Trap, TrapKind } from '../../errors.js';
import { scalarOps } from '../scalarOps.js';
import { buildV8Oracle, signatureOf, type NumType, type OracleFn } from './v8Oracle.js';
import { edgeOperand, flipSign } from './edgeValues.js';

const view = new DataView(new ArrayBuffer(8));
const f64OfBits = (b: bigint): number => (view.setBigInt64(0, b), view.getFloat64(0));
const bitsOfF64 = (x: number): bigint => (view.setFloat64(0, x), view.getBigInt64(0));

/** Operand or result in oracle form: f32 as int32 bits, f64 as signed bigint bits. */
type OracleValue = number | bigint;

const toOurs = (t: NumType, v: OracleValue): OracleValue => (t === 'f64' ? f64OfBits(v as bigint) : v);

function fromOurs(t: NumType, v: unknown, m: string): OracleValue {
  const fail = (): never => { throw new Error(`${m}: result ${String(v)} is not a normalized ${t}`); };
  switch (t) {
    case 'i32':
    case 'f32':
      if (typeof v !== 'number' || !Object.is(v, v | 0)) fail();
      return v as number;
    case 'i64':
      if (typeof v !== 'bigint' || BigInt.asIntN(64, v) !== v) fail();
      return v as bigint;
    case 'f64':
      if (typeof v !== 'number') fail();
      return bitsOfF64(v as number);
  }
}

// NaN class from oracle-form bits: magnitude above infinity is NaN; canonical = quiet bit only.
const NAN_SHAPE = {
  f32: { mag: (v: OracleValue) => BigInt((v as number) & 0x7fffffff), inf: 0x7f800000n, canon: 0x7fc00000n },
  f64: { mag: (v: OracleValue) => (v as bigint) & 0x7fffffffffffffffn, inf: 0x7ff0000000000000n, canon: 0x7ff8000000000000n },
};
const isNaNBits = (t: 'f32' | 'f64', v: OracleValue) => NAN_SHAPE[t].mag(v) > NAN_SHAPE[t].inf;
const isCanonicalBits = (t: 'f32' | 'f64', v: OracleValue) => NAN_SHAPE[t].mag(v) === NAN_SHAPE[t].canon;
const isArithmeticBits = (t: 'f32' | 'f64', v: OracleValue) =>
  isNaNBits(t, v) && (NAN_SHAPE[t].mag(v) & (NAN_SHAPE[t].canon - NAN_SHAPE[t].inf)) !== 0n;

// Ops whose NaN result the spec fixes bit for bit; every other float-result op may vary.
const NAN_EXACT = /\.(abs|neg|copysign|reinterpret_i32|reinterpret_i64)$/;

type Outcome = { value: OracleValue } | { trap: string };

function runOracle(fn: OracleFn, args: OracleValue[]): Outcome {
  try {
    return { value: fn(...args) };
  } catch (e) {
    if (e instanceof Error && e.constructor.name === 'RuntimeError') return { trap: e.message };
    throw e;
  }
}

/** Trap kinds our side may report for a V8 trap message, given whether an input was NaN. */
function expectedKinds(v8Message: string, nanInput: boolean): TrapKind[] {
  if (/divide by zero|remainder by zero/.test(v8Message)) return [TrapKind.IntegerDivideByZero];
  if (/divide result unrepresentable/.test(v8Message)) return [TrapKind.IntegerOverflow];
  // V8 says "float unrepresentable in integer range" for NaN and out-of-range alike.
  if (/float unrepresentable/.test(v8Message)) {
    return [nanInput ? TrapKind.InvalidConversionToInteger : TrapKind.IntegerOverflow];
  }
  throw new Error(`unknown V8 trap message: ${v8Message}`);
}

/** Compares one op on one operand list; throws a descriptive Error on any disagreement. */
export function checkOne(m: string, oracle: OracleFn, args: OracleValue[]): void {
  const sig = signatureOf(m);
  const ours = scalarOps[m];
  if (!ours) throw new Error(`${m}: missing from scalarOps`);
  const show = `${m}(${args.map((a) => `0x${BigInt.asUintN(typeof a === 'bigint' ? 64 : 32, BigInt(a)).toString(16)}`).join(', ')})`;
  const v8 = runOracle(oracle, args);
  let mine: Outcome;
  try {
    // No array of converted operands: V8 quiets signalling NaNs stored in a double array.
    const x = toOurs(sig.params[0]!, args[0]!);
    const raw = args.length === 1 ? ours(x) : ours(x, toOurs(sig.params[1]!, args[1]!));
    mine = { value: fromOurs(sig.result, raw, m) };
  } catch (e) {
    if (!(e instanceof Trap)) throw e;
    mine = { trap: e.kind };
  }
  const fmt = (o: Outcome) => ('trap' in o ? `trap "${o.trap}"` : `0x${BigInt.asUintN(64, BigInt(o.value)).toString(16)}`);
  const disagree = () => new Error(`${show}: V8 ${fmt(v8)}, ours ${fmt(mine)}`);
  if ('trap' in v8 || 'trap' in mine) {
    if (!('trap' in v8 && 'trap' in mine)) throw disagree();
    const nanInput = sig.params.some((p, i) => (p === 'f32' || p === 'f64') && isNaNBits(p, args[i]!));
    if (!expectedKinds(v8.trap, nanInput).includes(mine.trap as TrapKind)) throw disagree();
    return;
  }
  if (v8.value === mine.value) return;
  const r = sig.result;
  if ((r === 'f32' || r === 'f64') && !NAN_EXACT.test(m) && isNaNBits(r, v8.value) && isNaNBits(r, mine.value)) {
    const floatArgs = sig.params.flatMap((p, i) => (p === 'f32' || p === 'f64' ? [[p, args[i]!] as const] : []));
    const allCanonical = floatArgs.every(([p, a]) => !isNaNBits(p, a) || isCanonicalBits(p, a));
    const ok = allCanonical ? isCanonicalBits(r, mine.value) : isArithmeticBits(r, mine.value);
    if (ok) return;
    throw new Error(`${show}: ours ${fmt(mine)} is not ${allCanonical ? 'canonical' : 'an arithmetic'} NaN`);
  }
  throw disagree();
}

/** Operand-list arbitrary for an op; binary ops also get (x, x) and (x, -x) pairs. */
function operands(m: string): fc.Arbitrary<OracleValue[]> {
  const { params } = signatureOf(m);
  const independent = fc.tuple(...params.map((p) => edgeOperand[p]));
  if (params.length !== 2 || params[0] !== params[1]) return independent;
  const t = params[0]!;
  return fc.oneof(
    { weight: 4, arbitrary: independent },
    { weight: 1, arbitrary: edgeOperand[t].map((x) => [x, x]) },
    { weight: 1, arbitrary: edgeOperand[t].map((x) => [x, flipSign(t, x)]) },
  );
}

/** Property-tests each op against V8 for `numRuns` edge-biased operand lists. */
export function checkOpsAgainstV8(mnemonics: readonly string[], numRuns = 1000): void {
  const oracle = buildV8Oracle(mnemonics);
  for (const m of mnemonics) {
    fc.assert(fc.property(operands(m), (args) => checkOne(m, oracle[m]!, args)), { numRuns, includeErrorInReport: true });
  }
}

/** Checks each op on fixed operand lists (oracle form) against V8. */
export function checkCasesAgainstV8(m: string, cases: readonly OracleValue[][]): void {
  const oracle = buildV8Oracle([m]);
  for (const args of cases) checkOne(m, oracle[m]!, args);
}
