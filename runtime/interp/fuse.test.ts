// Fusion must change nothing: random small bodies (i32/f64 expressions over locals, loads and
// stores that may trap, calls that may trap, ifs, counted loops, br_if with and without values)
// run lowered with and without fused ops, on the same random inputs; results (f64 by bits),
// trap kinds with their backtrace offsets, memory and remaining fuel must agree exactly.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { Trap } from '../errors.js';
import type { Raw } from '../instance/objects.js';
import { decodeModule } from '../binary/decodeModule.js';
import { C } from './_internals/codes.js';
import { PAIRS } from './_internals/pairs.js';
import { lower } from './_internals/lower.js';
import { testInstance, watToBytes } from './_internals/testInstance.js';

/** A small deterministic generator (mulberry32), so one integer seed names one program. */
function rng(seed: number): (n: number) => number {
  let s = seed | 0;
  return (n) => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}

const I32_BIN = ['add', 'sub', 'mul', 'and', 'or', 'xor', 'shl', 'shr_s', 'shr_u', 'rotl', 'rotr',
  'eq', 'ne', 'lt_s', 'lt_u', 'gt_s', 'gt_u', 'le_s', 'le_u', 'ge_s', 'ge_u'];
const I32_VARS = ['$p0', '$p1', '$i0', '$i1', '$i2', '$i3'];
const F64_VARS = ['$p2', '$f0', '$f1'];
const CONSTS = ['0', '1', '-1', '2', '7', '31', '32', '0x7fffffff', '-0x80000000', '0xfff8', '65535', '65536'];
const F64_CONSTS = ['0', '-0', '1.5', '-2.25', 'inf', 'nan', 'nan:0x4000000000001', '-nan:0x1234', '1e300'];
const OFFSETS = ['', 'offset=4', 'offset=65528', 'offset=65530', 'offset=65533', 'offset=65536'];

/** A random function body's text; `r` picks, `d` bounds the nesting. */
function program(seed: number): string {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[r(xs.length)];
  const addr = (d: number): string => (r(4) === 0 ? i32(d) : `(i32.and ${i32(d)} (i32.const 0xfff8))`);
  const i32 = (d: number): string => {
    const k = d <= 0 ? r(2) : r(11);
    switch (k) {
      case 0: return `(local.get ${pick(I32_VARS)})`;
      case 1: return `(i32.const ${pick(CONSTS)})`;
      case 2: case 3: case 4: return `(i32.${pick(I32_BIN)} ${i32(d - 1)} ${i32(d - 1)})`;
      case 5: return `(i32.eqz ${i32(d - 1)})`;
      case 6: return `(i32.load ${pick(OFFSETS)} ${addr(d - 1)})`;
      case 7: return `(local.tee ${pick(I32_VARS.slice(2))} ${i32(d - 1)})`;
      case 8: return `(select ${i32(d - 1)} ${i32(d - 1)} ${i32(d - 1)})`;
      case 9: return `(call $div ${i32(d - 1)})`;
      default: return `(f64.lt ${f64(d - 1)} ${f64(d - 1)})`;
    }
  };
  const f64 = (d: number): string => {
    const k = d <= 0 ? r(2) : r(7);
    switch (k) {
      case 0: return `(local.get ${pick(F64_VARS)})`;
      case 1: return `(f64.const ${pick(F64_CONSTS)})`;
      case 2: case 3: return `(f64.${pick(['add', 'sub', 'mul', 'div'])} ${f64(d - 1)} ${f64(d - 1)})`;
      case 4: return `(f64.load ${pick(OFFSETS)} ${addr(d - 1)})`;
      case 5: return `(f64.convert_i32_s ${i32(d - 1)})`;
      default: return `(local.tee ${pick(F64_VARS.slice(1))} ${f64(d - 1)})`;
    }
  };
  // Counted loops of three iterations, closed in each shape the loop-closing branches take
  // (and some they do not); the last two wrap past 2^31. Each depth d has its own counter $c<d>
  // and bound $m<d>, which no body sets, so nested loops do not disturb each other.
  const loop = (body: string, d: number): string => {
    const [$c, $m] = [`$c${d}`, `$m${d}`];
    const tee = (op: string, k: string): string => `(local.tee ${$c} (i32.${op} (local.get ${$c}) (i32.const ${k})))`;
    switch (r(8)) {
      case 0: return `(local.set ${$c} (i32.const 3)) (loop ${body} (br_if 0 ${tee('sub', '1')}))`;
      case 1: return `(local.set ${$c} (i32.const 0)) (loop ${body} (br_if 0 (i32.ne ${tee('add', '1')} (i32.const 3))))`;
      case 2: return `(local.set ${$c} (i32.const 3)) (local.set ${$m} (i32.const 0)) (loop ${body} (br_if 0 (i32.ne ${tee('sub', '1')} (local.get ${$m}))))`;
      case 3: return `(local.set ${$c} (i32.const -3)) (local.set ${$m} (i32.const 0)) (loop ${body} (br_if 0 (i32.lt_s ${tee('add', '1')} (local.get ${$m}))))`;
      case 4: return `(local.set ${$c} (i32.const 0)) (loop ${body} (local.set ${$c} (i32.add (local.get ${$c}) (i32.const 1))) (br_if 0 (i32.lt_s (local.get ${$c}) (i32.const 3))))`;
      case 5: return `(local.set ${$c} (i32.const 3)) (loop ${body} (br_if 0 (i32.gt_s ${tee('sub', '1')} (i32.const 0))))`;
      case 6: return `(local.set ${$c} (i32.const 0x7ffffffe)) (loop ${body} (br_if 0 (i32.lt_u ${tee('add', '1')} (i32.const 0x80000001))))`;
      default: return `(local.set ${$c} (i32.const 0x7ffffffe)) (local.set ${$m} (i32.const 0x80000001)) (loop ${body} (br_if 0 (i32.lt_u ${tee('sub', '-1')} (local.get ${$m}))))`;
    }
  };
  const stmts = (d: number, n: number): string => Array.from({ length: n }, () => stmt(d)).join(' ');
  // Runs of local-to-local moves (joined into MOVE2/MOVE3), some reading a local just written.
  const moves = (): string => Array.from({ length: 2 + r(3) },
    () => `(local.set ${pick(I32_VARS.slice(2))} (local.get ${pick(I32_VARS)}))`).join(' ');
  // Runs of in-place adds (joined into INC2_*), by constants or locals, some commuted.
  const bumps = (): string => Array.from({ length: 2 + r(2) }, () => {
    const x = pick(I32_VARS.slice(2));
    const v = r(2) === 0 ? `(i32.const ${pick(CONSTS)})` : `(local.get ${pick(I32_VARS)})`;
    const op = r(3) === 0 ? `(i32.sub (local.get ${x}) (i32.const ${pick(CONSTS)}))` : r(2) === 0 ? `(i32.add ${v} (local.get ${x}))` : `(i32.add (local.get ${x}) ${v})`;
    return `(local.set ${x} ${op})`;
  }).join(' ');
  const stmt = (d: number): string => {
    switch (d <= 0 ? r(4) : r(11)) {
      case 0: case 1: return `(local.set ${pick(I32_VARS.slice(2))} ${i32(2)})`;
      case 2: return `(local.set ${pick(F64_VARS.slice(1))} ${f64(2)})`;
      case 3: {
        const op = pick(['i32.store', 'f64.store', 'i32.store8', 'i32.store16']);
        return `(${op} ${pick(OFFSETS)} ${addr(1)} ${op === 'f64.store' ? f64(2) : i32(2)})`;
      }
      case 4: return `(if ${i32(2)} (then ${stmts(d - 1, 2)}) (else ${stmts(d - 1, 1)}))`;
      case 5: return `(block (br_if 0 ${i32(2)}) ${stmts(d - 1, 2)})`;
      case 6: return loop(stmts(d - 1, 2), d);
      case 7: return `(local.set ${pick(I32_VARS.slice(2))} (block (result i32) (drop (br_if 0 ${i32(1)} ${i32(1)})) ${i32(1)}))`;
      case 8: return `(drop ${i32(2)})`;
      case 9: return r(2) === 0 ? moves() : bumps();
      default: return `(if (${pick(['i32.lt_s', 'i32.ne', 'i32.ge_u'])} ${i32(1)} ${i32(1)}) (then ${stmts(d - 1, 1)}))`;
    }
  };
  return `(module
    (memory 1)
    (data (i32.const 0) "\\01\\02\\03\\04\\ff\\fe\\fd\\fc\\00\\00\\00\\00\\00\\00\\f8\\7f\\80")
    (func $div (param i32) (result i32) (i32.div_u (i32.const 1000) (local.get 0)))
    (func (export "run") (param $p0 i32) (param $p1 i32) (param $p2 f64) (result i32 i32 i32 i32 f64 f64)
      (local $i0 i32) (local $i1 i32) (local $i2 i32) (local $i3 i32) (local $f0 f64) (local $f1 f64) (local $c1 i32) (local $c2 i32) (local $c3 i32) (local $m1 i32) (local $m2 i32) (local $m3 i32)
      ${stmts(3, 5)}
      (local.get $i0) (local.get $i1) (local.get $i2) (local.get $i3) (local.get $f0) (local.get $f1)))`;
}

const bits = new DataView(new ArrayBuffer(8));
/** A result or trap as exact text: f64s by their bits, traps with kind and frame offsets. */
function outcome(f: () => Raw[]): string {
  try {
    return f().map((v, i) => {
      if (i < 4) return String(v);
      bits.setFloat64(0, v as number);
      return bits.getBigUint64(0).toString(16);
    }).join(' ');
  } catch (e) {
    if (!(e instanceof Trap)) throw e;
    return `trap ${e.kind} ${e.frames.map((fr) => `${fr.func}@${fr.offset}`).join(',')}`;
  }
}

const I32_INPUT = fc.oneof(fc.constantFrom(0, 1, -1, 3, 0x7fffffff, -0x80000000, 0xfff8), fc.integer({ min: -0x80000000, max: 0x7fffffff }));
const F64_INPUT = fc.oneof(fc.double(), fc.constantFrom(NaN, -0, Infinity));
const INPUTS = fc.array(fc.tuple(I32_INPUT, I32_INPUT, F64_INPUT), { minLength: 1, maxLength: 6 });

/** Runs `inputs` in order on fused and unfused instances (memory carries over between calls). */
function compare(wat: string, inputs: [number, number, number][], fuel?: number): void {
  const fused = testInstance(wat, { fuel });
  const plain = testInstance(wat, { fuel, fuse: false });
  for (const args of inputs) {
    const a = outcome(() => fused.call('run', ...args));
    const b = outcome(() => plain.call('run', ...args));
    if (a !== b) assert.unreachable(`fused ${a}\nplain ${b}\nargs ${args}\n${wat}`);
    assert.is(fused.state.store.fuel, plain.state.store.fuel, 'fuel left');
  }
  assert.equal(fused.state.memories[0].u8, plain.state.memories[0].u8, 'memory');
}

test('fused and unfused lowering agree on random bodies and inputs', () => {
  fc.assert(fc.property(fc.integer(), INPUTS, (seed, inputs) => compare(program(seed), inputs)), { numRuns: 150, seed: 4 });
});

test('... and under fuel, including running out at every kind of point', () => {
  fc.assert(fc.property(fc.integer(), INPUTS, fc.integer({ min: 0, max: 400 }), (seed, inputs, fuel) =>
    compare(program(seed), inputs, fuel)), { numRuns: 100, seed: 5 });
});

test('held-back operands under computed values: reads before writes, f64 results moved or boxed', () => {
  const wat = `(module (memory 1)
    (func (export "run") (param $p0 i32) (param $p1 i32) (param $p2 f64) (result i32 i32 i32 i32 f64 f64)
      (local $i0 i32) (local $i1 i32) (local $f0 f64) (local $f1 f64)
      (local.set $i0 (local.get $p1))
      ;; old i0 (held back) + the new one, written by the add under it
      local.get $i0 local.get $p0 i32.const 1 i32.add local.tee $i0 i32.add local.set $i1
      ;; an f64 result left on top by a local-to-local move above it, then stored to a local
      local.get $p2 local.get $p2 f64.add local.get $p0 local.set $i1 local.set $f0
      ;; accumulate: f1 held back under the product
      local.get $f1 local.get $p2 local.get $f0 f64.mul f64.add local.set $f1
      ;; an f64 result and an f64 local boxed under an i32 result for a table-driven op
      local.get $f1 local.get $f0 local.get $p2 f64.sub local.get $p0 i32.const 3 i32.mul
      f64.convert_i32_s f64.add f64.add local.set $f0
      (local.get $i0) (local.get $i1) (local.get $p0) (local.get $p1) (local.get $f0) (local.get $f1)))`;
  fc.assert(fc.property(INPUTS, (inputs) => compare(wat, inputs)), { numRuns: 50, seed: 6 });
  const r = testInstance(wat, {}).call('run', 5, 7, 1.5);
  assert.equal(r, [6, 5, 5, 7, 1.5 + 1.5 + 3.0 + 15, 1.5 * 3]);
});

test('the generated bodies do get fused (the property is not vacuous)', () => {
  const seen = new Set<number>();
  for (let seed = 0; seed < 40; seed++) {
    const m = decodeModule(watToBytes(program(seed)));
    const code = lower(m, 1, { fuel: false, inline: true }).code;
    for (const x of code) seen.add(x); // immediates too: only a rough census
  }
  const loopClosing = [C.INC_BR_NZ, C.INC_BR_NE_RI, C.INC_BR_NE_RR, C.INC_BR_LT_S_RR, C.INC_BR_LT_S_RI, C.INC_BR_LT_U_RI, C.INC_BR_LT_U_RR];
  for (const c of [C.I32_ADD_RR, C.I32_XOR_RI, C.BR_NZ_R, C.MOVE, C.MOVE2, C.MOVE3, C.F64_ADD_RR, C.F64_LOAD_R, C.I32_STORE_R, C.I32_STORE8_R, C.I32_STORE16_R, ...loopClosing]) {
    assert.ok(seen.has(c), `fused code ${c} never emitted`);
  }
  for (const c of [C.INC2_II, C.INC2_IR, C.INC2_RI, C.INC2_RR]) assert.ok(seen.has(c), `INC2 code ${c} never emitted`);
  assert.ok([C.I32_ADD_LL, C.F64_ADD_LL, C.F64_SUB_LL, C.F64_MUL_LL].some((c) => seen.has(c)), 'no op over two loads');
  // Pairs of each kind: over an i32 op, over an i32 load, over an f64 op, over an f64 load.
  const pairs = PAIRS.filter((p) => seen.has(p.code));
  for (const kind of ['i32.RR', 'i32.RI', 'i32.LOAD', 'f64.RR', 'f64.LOAD']) {
    assert.ok(pairs.some((p) => `${p.outer.slice(0, 3)}.${p.inner.form}` === kind), `no pair over ${kind}`);
  }
});

test('joined moves run in order: a chain, a swap through a temporary, a rotation', () => {
  const wat = `(module (func (export "run") (param $a i32) (param $b i32) (result i32 i32 i32 i32 i32 i32 i32 i32)
    (local $c i32) (local $d i32) (local $t i32) (local $x i32) (local $y i32) (local $z i32)
    (local.set $c (i32.const 3)) (local.set $x (i32.const 10)) (local.set $y (i32.const 20)) (local.set $z (i32.const 30))
    (local.set $c (local.get $b)) (local.set $d (local.get $c)) (local.set $t (local.get $d))
    (local.set $t (local.get $a)) (local.set $a (local.get $b)) (local.set $b (local.get $t))
    (local.set $t (local.get $x)) (local.set $x (local.get $y)) (local.set $y (local.get $z)) (local.set $z (local.get $t))
    (local.get $a) (local.get $b) (local.get $c) (local.get $d) (local.get $t) (local.get $x) (local.get $y) (local.get $z)))`;
  const code = lower(decodeModule(watToBytes(wat)), 0, { fuel: false, inline: true }).code;
  assert.ok(code.includes(C.MOVE3), 'three moves in a row are one MOVE3');
  assert.equal(testInstance(wat, {}).call('run', 1, 2), [2, 1, 2, 2, 10, 20, 30, 10]);
  const plain = testInstance(wat, { fuse: false });
  assert.equal(plain.call('run', 1, 2), [2, 1, 2, 2, 10, 20, 30, 10]);
  assert.not.ok(lower(decodeModule(watToBytes(wat)), 0, { fuel: false, inline: false, fuse: false }).code.includes(C.MOVE3));
});

test('in-place adds in a row run in order as one code; a branch still absorbs a third', () => {
  const wat = `(module (func (export "run") (param $a i32) (param $b i32) (result i32 i32 i32)
    (local $k i32) (local.set $k (i32.const 3))
    (loop $l
      (local.set $a (i32.add (local.get $a) (i32.const 8)))
      (local.set $b (i32.add (local.get $a) (local.get $b)))
      (br_if $l (local.tee $k (i32.sub (local.get $k) (i32.const 1)))))
    (local.set $a (i32.add (local.get $a) (local.get $a)))
    (local.set $a (i32.sub (local.get $a) (i32.const 5)))
    (local.get $a) (local.get $b) (local.get $k)))`;
  const code = Array.from(lower(decodeModule(watToBytes(wat)), 0, { fuel: false, inline: true }).code);
  assert.equal(code.slice(3, 14), [C.INC2_IR, 0, 8, 1, 0, 3, C.INC_BR_NZ, 2, -1, 3, 3]);
  assert.equal(code.slice(14, 20), [C.INC2_RI, 0, 0, 0, -5, 3]);
  // a = 1 + 24, b = 2 + 9 + 17 + 25, then a = 2a - 5.
  for (const fuse of [true, false]) assert.equal(testInstance(wat, { fuse }).call('run', 1, 2), [45, 53, 0]);
});

test('loop_sum-like loop is two dispatches per iteration', () => {
  const m = decodeModule(watToBytes(`(module (func (param $n i32) (result i32) (local $acc i32)
    (loop $top
      (local.set $acc (i32.add (local.get $acc) (local.get $n)))
      (br_if $top (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $acc)))`));
  const l = lower(m, 0, { fuel: false, inline: true });
  assert.equal(Array.from(l.code), [C.I32_ADD_RR, 1, 0, 1, 2, C.INC_BR_NZ, 0, -1, 0, 2, C.LOCAL_GET_I, 1, C.RETURN]);
});

test.run();
