// Test support: the property every SIMD op must satisfy. For random edge-biased operands our
// result equals V8's byte for byte, except NaN lanes of arithmetic float ops, where both must
// be NaN and ours must be a NaN the spec allows. Also checks: inputs untouched, fresh result,
// scalar results in the project encoding, and the same bits on a second call.

import fc from 'fast-check';
import * as assert from 'uvu/assert';
import type { SimdMemoryOp } from '../simdMemoryOps.js';
import { i32OperandArb, laneArb, vectorArb, type Shape } from './arbitraries.js';
import { SIMD_OPS, type SimdOpFacts, type TypeLetter } from './opTable.js';
import type { SimdOp } from './types.js';
import { runOnV8 } from './v8Oracle.js';

const SHAPE_OF: Readonly<Record<string, Shape>> = {
  i8x16: 'i8', i16x8: 'i16', i32x4: 'i32', i64x2: 'i64', f32x4: 'f32', f64x2: 'f64',
};

/** The lane shape of an op's vector input: the `_i16x8` in a widening name, else its prefix. */
function inputShape(name: string): Shape {
  const [prefix, rest] = name.split('.') as [string, string];
  const from = /(i8x16|i16x8|i32x4|f32x4|f64x2)/.exec(rest);
  if (from) return SHAPE_OF[from[1]!]!;
  const mem = /(?:load|store)(8|16|32|64)/.exec(rest);
  if (mem) return ({ 8: 'i8', 16: 'i16', 32: 'i32', 64: 'i64' } as const)[mem[1] as '8']!;
  return SHAPE_OF[prefix] ?? 'i32';
}

/**
 * Arithmetic float ops, whose NaN results the spec leaves open: result lane width and the width
 * of the input lane with the same index (demote/promote change width, keep lane numbers).
 */
const NAN_LANES: ReadonlyMap<string, readonly [out: 4 | 8, input: 4 | 8]> = new Map([
  ...['add', 'sub', 'mul', 'div', 'min', 'max', 'sqrt', 'ceil', 'floor', 'trunc', 'nearest'].flatMap(
    (op): Array<[string, readonly [4 | 8, 4 | 8]]> => [[`f32x4.${op}`, [4, 4]], [`f64x2.${op}`, [8, 8]]],
  ),
  ['f32x4.demote_f64x2_zero', [4, 8]],
  ['f64x2.promote_low_f32x4', [8, 4]],
]);

function hex(b: Uint8Array): string {
  return Buffer.from(b).toString('hex');
}

/** Lane `i` of width `w` as (high word, low word) unsigned; f32 lanes have high word 0. */
function laneWords(b: Uint8Array, i: number, w: 4 | 8): [number, number] {
  const dv = new DataView(b.buffer, b.byteOffset, 16);
  return w === 4 ? [0, dv.getUint32(4 * i, true)] : [dv.getUint32(8 * i + 4, true), dv.getUint32(8 * i, true)];
}

type NaNClass = 'number' | 'canonical' | 'arithmetic' | 'signalling';
function nanClass(b: Uint8Array, i: number, w: 4 | 8): NaNClass {
  const [hi, lo] = laneWords(b, i, w);
  if (w === 4) {
    const m = lo & 0x7fffffff;
    if (m <= 0x7f800000) return 'number';
    return m === 0x7fc00000 ? 'canonical' : m & 0x00400000 ? 'arithmetic' : 'signalling';
  }
  const m = hi & 0x7fffffff;
  if (m < 0x7ff00000 || (m === 0x7ff00000 && lo === 0)) return 'number';
  return m === 0x7ff80000 && lo === 0 ? 'canonical' : m & 0x00080000 ? 'arithmetic' : 'signalling';
}

/** Asserts our bytes equal V8's, with the spec's NaN latitude for arithmetic float lanes. */
function compareResult(name: string, ours: Uint8Array, v8: Uint8Array, vecInputs: Uint8Array[]): void {
  const nan = NAN_LANES.get(name);
  if (!nan) {
    assert.is(hex(ours), hex(v8), `${name}: ours vs V8`);
    return;
  }
  const [w, inW] = nan;
  for (let i = 0; i < 16 / w; i++) {
    const mine = nanClass(ours, i, w);
    const theirs = nanClass(v8, i, w);
    if (mine === 'number' || theirs === 'number') {
      assert.is(hex(ours.slice(i * w, i * w + w)), hex(v8.slice(i * w, i * w + w)), `${name} lane ${i}`);
      continue;
    }
    const inClasses = vecInputs.map((v) => nanClass(v, i, inW)).filter((c) => c !== 'number');
    const allCanonical = inClasses.every((c) => c === 'canonical');
    assert.ok(mine !== 'signalling', `${name} lane ${i}: signalling NaN result`);
    if (allCanonical) assert.is(mine, 'canonical', `${name} lane ${i}: canonical NaN inputs need a canonical result`);
  }
}

/** The JS value of a scalar operand's bytes in the project encoding. */
function scalarOf(t: TypeLetter, b: Uint8Array): number | bigint {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (t === 'I') return dv.getBigInt64(0, true);
  if (t === 'F') return new Float64Array(b.slice(0, 8).buffer)[0]!;
  return dv.getInt32(0, true); // i32, and f32 as raw bits
}

/** Bytes of a scalar result, after checking it is well-formed for its type. */
function bytesOfResult(name: string, t: TypeLetter, r: unknown): Uint8Array {
  const out = new Uint8Array(t === 'i' || t === 'f' ? 4 : t === 'v' ? 16 : 8);
  const dv = new DataView(out.buffer);
  if (t === 'v') {
    assert.ok(r instanceof Uint8Array && r.length === 16, `${name}: result is not a 16-byte Uint8Array`);
    out.set(r as Uint8Array);
  } else if (t === 'I') {
    assert.ok(typeof r === 'bigint', `${name}: i64 result must be a bigint`);
    assert.is(BigInt.asIntN(64, r as bigint), r, `${name}: i64 result out of signed range`);
    dv.setBigInt64(0, r as bigint, true);
  } else if (t === 'F') {
    assert.type(r, 'number', `${name}: f64 result must be a number`);
    new Float64Array(out.buffer)[0] = r as number;
  } else {
    assert.ok(typeof r === 'number' && (r | 0) === r, `${name}: i32/f32 result must be a signed int32 number`);
    dv.setInt32(0, r as number, true);
  }
  return out;
}

/** A copy of `v` at an odd byte offset, so ops cannot assume aligned inputs. */
function unaligned(v: Uint8Array): Uint8Array {
  const host = new Uint8Array(v.length + 3);
  host.set(v, 1);
  return host.subarray(1, 1 + v.length);
}

function immArb(facts: SimdOpFacts): fc.Arbitrary<number | Uint8Array | undefined> {
  const imm = facts.imm;
  if (imm.kind === 'lane' || imm.kind === 'memargLane') return fc.integer({ min: 0, max: imm.lanes - 1 });
  if (imm.kind === 'shuffle') {
    return fc.oneof(
      fc.uint8Array({ min: 0, max: 31, minLength: 16, maxLength: 16 }),
      fc.uint8Array({ min: 0, max: 15, minLength: 16, maxLength: 16 }),
    );
  }
  if (imm.kind === 'v128') return fc.uint8Array({ minLength: 16, maxLength: 16 });
  return fc.constant(undefined);
}

/** Operand bytes in V8 oracle order (memory ops: loaded bytes replace the address). */
function operandsArb(facts: SimdOpFacts): fc.Arbitrary<Uint8Array[]> {
  const shape = inputShape(facts.name);
  const one = (t: TypeLetter): fc.Arbitrary<Uint8Array> => {
    if (t === 'v') return vectorArb(shape);
    if (t === 'i') return i32OperandArb;
    const s: Shape = t === 'I' ? 'i64' : t === 'f' ? 'f32' : 'f64';
    return laneArb(s).map((x) => {
      const b = new Uint8Array(8);
      new DataView(b.buffer).setBigUint64(0, BigInt.asUintN(64, x), true);
      return b.slice(0, t === 'f' ? 4 : 8);
    });
  };
  const imm = facts.imm;
  if (imm.kind === 'memarg' || imm.kind === 'memargLane') {
    const isStore = facts.name.includes('store');
    const parts: Array<fc.Arbitrary<Uint8Array>> = [];
    if (!isStore) parts.push(vectorArb(shape, imm.bytes));
    if (facts.params.length === 2) parts.push(vectorArb(shape));
    return fc.tuple(...parts);
  }
  return fc.tuple(...facts.params.map(one));
}

/** Calls our implementation with operands converted to the project encoding. */
function callOurs(
  facts: SimdOpFacts,
  impl: SimdOp | SimdMemoryOp,
  operands: Uint8Array[],
  imm: number | Uint8Array | undefined,
): unknown {
  if (typeof impl !== 'function') {
    if (impl.kind === 'load') return impl.load(operands[0]!);
    if (impl.kind === 'loadLane') return impl.load(operands[0]!, operands[1]!, imm as number);
    return impl.store(operands[0]!, (imm as number | undefined) ?? 0);
  }
  // No JS array may hold the scalars: V8 quiets signalling NaNs stored in double-element arrays.
  const arg = (i: number): unknown => (facts.params[i] === 'v' ? operands[i] : scalarOf(facts.params[i]!, operands[i]!));
  switch (facts.params.length) {
    case 0: return impl(imm);
    case 1: return impl(arg(0), imm);
    case 2: return impl(arg(0), arg(1), imm);
    default: return impl(arg(0), arg(1), arg(2), imm);
  }
}

/**
 * Property-tests one op against V8 for `numRuns` random cases and throws on the first
 * (shrunk) counterexample.
 */
export function checkAgainstV8(name: string, impl: SimdOp | SimdMemoryOp, numRuns = 250): void {
  const facts = SIMD_OPS.get(name);
  if (!facts) throw new RangeError(`no facts for SIMD op ${name}`);
  const isMemory = facts.imm.kind === 'memarg' || facts.imm.kind === 'memargLane';
  const resultType: TypeLetter = isMemory ? 'v' : facts.result ?? 'v';
  const isStore = isMemory && name.includes('store');
  fc.assert(
    fc.property(operandsArb(facts), immArb(facts), fc.boolean(), (operands, imm, odd) => {
      const v8 = runOnV8(name, operands, imm);
      const ins = operands.map((o) => (odd ? unaligned(o) : o.slice()));
      const ours = callOurs(facts, impl, ins, imm);
      ins.forEach((o, i) => assert.is(hex(o), hex(operands[i]!), `${name} mutated operand ${i}`));
      assert.ok(!ins.includes(ours as Uint8Array), `${name} returned an input`);
      const mine = isStore ? (ours as Uint8Array) : bytesOfResult(name, resultType, ours);
      const again = callOurs(facts, impl, ins, imm);
      const mineAgain = isStore ? (again as Uint8Array) : bytesOfResult(name, resultType, again);
      assert.is(hex(mineAgain), hex(mine), `${name} is not deterministic`);
      const vecInputs = facts.params.length > 0 && facts.params[0] === 'v' ? ins.filter((o) => o.length === 16) : [];
      compareResult(name, mine, v8, vecInputs);
    }),
    { numRuns },
  );
}
