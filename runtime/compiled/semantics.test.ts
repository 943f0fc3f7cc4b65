// The compiled tier gives the interpreter's results bit for bit: NaN payloads (f32 as bits,
// f64 never through an all-double array), i64, SIMD, multi-value, globals, tables, bulk ops
// with partial failures, calls across instances and tiers, memory shared and grown elsewhere.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ValType } from '../types.js';
import type { Config } from '../config/knobs.js';
import { rawArray, type Raw } from '../instance/objects.js';
import { f64FromBits, f64ToBits } from '../numeric/_internals/scratch.js';
import { catchTrap, exact, hostFunc, outcome, setup, type Setup, type TestImports } from './_internals/testing.js';

const SNAN64_BITS = 0x7ff4000000000001n;
const NEG_NAN64_BITS = BigInt.asIntN(64, 0xfff8000000000ab1n);
const SNAN64 = f64FromBits(SNAN64_BITS);
const NEG_NAN64 = f64FromBits(NEG_NAN64_BITS);
const SNAN32 = 0x7fa00001;

const CONFIGS: Partial<Config>[] = [{}, { optLevel: 'none' }, { boundsChecks: 'guarded', inlineSmallFunctions: true }];

/**
 * An f64 argument by its bits. Test data must not hold NaN doubles in arrays: V8 canonicalizes
 * NaNs stored into arrays of doubles (array literals and rest parameters included).
 */
interface F64 {
  readonly f64: bigint;
}
const f64 = (bits: bigint): F64 => ({ f64: bits });
type Arg = Raw | F64;

/** Arguments in a generic array, f64s made from their bits. */
function rawArgs(args: readonly Arg[]): Raw[] {
  const out = rawArray(args.length);
  args.forEach((a, i) => (out[i] = typeof a === 'object' && a !== null && 'f64' in a ? f64FromBits((a as F64).f64) : a));
  return out;
}

/** Runs `calls` on both tiers under every config and demands equal outcomes; returns the compiled ones. */
function agree(wat: string, calls: [string, ...Arg[]][], imports: () => TestImports = () => ({})): unknown[] {
  let last: unknown[] = [];
  for (const config of CONFIGS) {
    const run = (tier: Config['tier']) => {
      const s = setup(wat, { ...config, tier }, imports());
      return calls.map(([name, ...args]) => outcome(() => s.fn(name).invoke(rawArgs(args))));
    };
    const c = run('compiled');
    assert.equal(c, run('interp'), JSON.stringify(config));
    last = c;
  }
  return last;
}

test('NaN payloads survive params, locals, globals, memory, select, calls and multi-value', () => {
  const wat = `(module
    (memory 1)
    (global $g (mut f64) (f64.const 0))
    (global $h (mut f32) (f32.const 0))
    (func $id (param f64) (result f64) (local.get 0))
    (func (export "f64") (param f64) (result f64) (local f64)
      (local.set 1 (call $id (local.get 0)))
      (global.set $g (local.get 1))
      (f64.store (i32.const 8) (global.get $g))
      (select (f64.load (i32.const 8)) (f64.const 1) (i32.const 1)))
    (func (export "f32") (param f32) (result f32)
      (global.set $h (local.get 0))
      (f32.store (i32.const 4) (global.get $h))
      (f32.load (i32.const 4)))
    (func (export "multi") (param f64 f32) (result f32 f64 f64) (local.get 1) (local.get 0) (f64.const nan:0x4000000000001))
    (func (export "arith") (param f64 f64) (result f64) (f64.add (local.get 0) (local.get 1)))
    (func (export "neg") (param f64) (result f64) (f64.neg (local.get 0)))
    (func (export "consts") (result f64 f32) (f64.const -nan:0x8000000000ab1) (f32.const nan:0x200001)))`;
  const got = agree(wat, [['f64', f64(SNAN64_BITS)], ['f32', SNAN32], ['multi', f64(SNAN64_BITS), SNAN32], ['arith', f64(SNAN64_BITS), 1],
    ['arith', 1, f64(NEG_NAN64_BITS)], ['neg', f64(SNAN64_BITS)], ['consts']]);
  assert.equal(got[0], { ok: [exact(SNAN64)] });
  assert.equal(got[1], { ok: [SNAN32] });
  assert.equal(got[2], { ok: [SNAN32, exact(SNAN64), exact(SNAN64)] });
  assert.equal(got[3], { ok: [exact(f64FromBits(0x7ffc000000000001n))] }, 'quieted first NaN operand');
  assert.equal(got[6], { ok: [exact(NEG_NAN64), SNAN32] });
});

test('NaN payloads survive code V8 has optimized', () => {
  const s = setup(`(module (global $g (mut f64) (f64.const 0))
    (func (export "f") (param f64 f64) (result f64 f64) (local f64)
      (local.set 2 (f64.mul (local.get 0) (local.get 1)))
      (global.set $g (local.get 2))
      (global.get $g) (f64.abs (local.get 0))))`);
  const f = s.fn('f');
  const args = rawArray(2);
  for (let k = 0; k < 50_000; k++) {
    args[0] = k & 1 ? SNAN64 : k;
    args[1] = 1.5;
    f.invoke(args);
  }
  args[0] = SNAN64;
  const r = f.invoke(args);
  assert.is(f64ToBits(r[0] as number), 0x7ffc000000000001n);
  assert.is(f64ToBits(r[1] as number), 0x7ff4000000000001n);
});

test('i64, conversions and traps agree', () => {
  const wat = `(module
    (func (export "mix") (param i64 i64) (result i64)
      (i64.add (i64.mul (local.get 0) (local.get 1)) (i64.rotl (local.get 0) (local.get 1))))
    (func (export "div") (param i64 i64) (result i64) (i64.div_s (local.get 0) (local.get 1)))
    (func (export "cmp") (param i64 i64) (result i32) (i64.lt_u (local.get 0) (local.get 1)))
    (func (export "trunc") (param f64) (result i64) (i64.trunc_f64_u (local.get 0)))
    (func (export "wrap") (param i64) (result i32 i64) (i32.wrap_i64 (local.get 0)) (i64.extend_i32_u (i32.wrap_i64 (local.get 0)))))`;
  const big = -(1n << 63n);
  agree(wat, [['mix', big, -1n], ['mix', 0x123456789abcdefn, 77n], ['div', big, -1n], ['div', 5n, 0n], ['div', -7n, 2n],
    ['cmp', -1n, 1n], ['trunc', 1e19], ['trunc', -1], ['trunc', f64(0x7ff8000000000000n)], ['wrap', -1n], ['wrap', 0x1_8000_0000n]]);
});

test('SIMD agrees', () => {
  const wat = `(module (memory 1)
    (func (export "s") (param i32) (result i32 i64)
      (v128.store (i32.const 16) (i32x4.add (v128.const i32x4 1 2 3 0x7fffffff) (i32x4.splat (local.get 0))))
      (i32x4.extract_lane 3 (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 (v128.load (i32.const 16)) (v128.const i64x2 5 6)))
      (i64x2.extract_lane 1 (v128.load64_splat (i32.const 20))))
    (func (export "f") (param f32) (result i32) (i32x4.extract_lane 0 (f32x4.mul (f32x4.splat (local.get 0)) (v128.const f32x4 nan:0x1 1 2 3))))
    (func (export "oob") (result i32) (i32x4.extract_lane 0 (v128.load (i32.const 65530)))))`;
  agree(wat, [['s', 1], ['s', -1], ['f', SNAN32], ['oob']]);
});

test('multi-value blocks, loops with params, br_table with values', () => {
  const wat = `(module
    (func (export "mv") (param i32) (result i32 i32 i64)
      local.get 0
      block (param i32) (result i32 i32 i64)
        i32.const 9
        i64.const 9
        local.get 0
        i32.eqz
        br_if 0
        drop drop
        i32.const 1
        i64.const 2
      end)
    (func (export "loop") (param i32) (result i32)
      i32.const 0
      local.get 0
      loop (param i32 i32) (result i32)
        local.set 0
        local.get 0
        i32.add
        local.get 0 i32.const 1 i32.sub local.tee 0
        local.get 0
        br_if 0
        drop
      end)
    (func (export "bt") (param i32) (result i32)
      (block (result i32) (block (result i32) (block (result i32)
        (br_table 0 1 2 (i32.const 10) (local.get 0)))
        (i32.const 1) (i32.add))
        (i32.const 2) (i32.add))))`;
  agree(wat, [['mv', 0], ['mv', 5], ['loop', 5], ['bt', 0], ['bt', 1], ['bt', 2], ['bt', -1], ['bt', 99]]);
});

test('tables, globals, bulk ops and their partial failures agree', () => {
  const wat = `(module
    (memory 1 3)
    (data $d "hello world")
    (table $t 4 10 funcref)
    (table $e 2 externref)
    (elem $s funcref (ref.func $a) (ref.func $b))
    (global $c (mut i32) (i32.const 0))
    (type $v (func (result i32)))
    (func $a (result i32) (i32.const 1))
    (func $b (result i32) (i32.const 2))
    (func (export "init") (param i32 i32 i32) (table.init $t $s (local.get 0) (local.get 1) (local.get 2)))
    (func (export "call") (param i32) (result i32) (call_indirect $t (type $v) (local.get 0)))
    (func (export "grow") (param i32) (result i32 i32) (table.grow $t (ref.null func) (local.get 0)) (table.size $t))
    (func (export "copy") (param i32 i32 i32) (table.copy $t $t (local.get 0) (local.get 1) (local.get 2)))
    (func (export "minit") (param i32 i32 i32) (memory.init $d (local.get 0) (local.get 1) (local.get 2)))
    (func (export "mfill") (param i32 i32 i32) (memory.fill (local.get 0) (local.get 1) (local.get 2)))
    (func (export "mcopy") (param i32 i32 i32) (memory.copy (local.get 0) (local.get 1) (local.get 2)))
    (func (export "peek") (param i32) (result i64) (i64.load (local.get 0)))
    (func (export "mgrow") (param i32) (result i32 i32) (memory.grow (local.get 0)) (memory.size))
    (func (export "drop") (data.drop $d) (elem.drop $s))
    (func (export "ext") (param externref) (result i32)
      (table.set $e (i32.const 1) (local.get 0)) (ref.is_null (table.get $e (i32.const 1))))
    (func (export "count") (result i32) (global.set $c (i32.add (global.get $c) (i32.const 1))) (global.get $c)))`;
  agree(wat, [['init', 1, 0, 2], ['call', 1], ['call', 2], ['call', 0], ['call', 4], ['init', 3, 0, 2], ['call', 3],
    ['grow', 2], ['copy', 4, 1, 2], ['call', 5], ['copy', 5, 1, 9], ['minit', 100, 0, 11], ['peek', 100], ['minit', 65530, 0, 11],
    ['peek', 65528], ['mfill', 65530, 7, 7], ['mcopy', 0, 100, 8], ['peek', 0], ['mgrow', 1], ['mgrow', 5], ['peek', 131000],
    ['drop'], ['minit', 0, 0, 1], ['init', 0, 0, 0], ['ext', null], ['ext', 'x'], ['count'], ['count']]);
});

test('call_indirect and imports across instances, tiers and host functions', () => {
  for (const config of CONFIGS) {
    const lib = setup(`(module (memory (export "mem") 1)
      (func (export "inc") (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
      (func (export "grow") (result i32) (memory.grow (i32.const 1)))
      (func (export "pair") (result f64 i32) (f64.const nan:0x4000000000001) (i32.const 7)))`, config);
    const interp = setup(`(module (func (export "dbl") (param i32) (result i32) (i32.shl (local.get 0) (i32.const 1))))`, { tier: 'interp' });
    const host = hostFunc([ValType.I32], [ValType.I32], (a) => [(a[0] as number) * 3]);
    const user = setup(`(module
      (import "lib" "inc" (func $inc (param i32) (result i32)))
      (import "lib" "grow" (func $grow (result i32)))
      (import "lib" "pair" (func $pair (result f64 i32)))
      (import "lib" "mem" (memory 1))
      (import "i" "dbl" (func $dbl (param i32) (result i32)))
      (import "h" "tri" (func $tri (param i32) (result i32)))
      (type $ii (func (param i32) (result i32)))
      (table 4 funcref)
      (elem (i32.const 0) $inc $dbl $tri)
      (func (export "ind") (param i32 i32) (result i32) (call_indirect (type $ii) (local.get 1) (local.get 0)))
      (func (export "sizes") (result i32 i32 i32) (memory.size) (call $grow) (memory.size))
      (func (export "last") (result i32) (i32.load (i32.const 131068)))
      (func (export "pair") (result f64 i32) (call $pair)))`, config, {
      'lib.inc': lib.fn('inc'), 'lib.grow': lib.fn('grow'), 'lib.pair': lib.fn('pair'), 'lib.mem': { kind: 'memory', memory: lib.instance.getMemory('mem')! },
      'i.dbl': interp.fn('dbl'), 'h.tri': host,
    }, lib.store);
    assert.equal(user.call('ind', 0, 10), [11]);
    assert.equal(user.call('ind', 1, 10), [20]);
    assert.equal(user.call('ind', 2, 10), [30]);
    assert.is(catchTrap(() => user.call('ind', 3, 10)).message, 'uninitialized element 3');
    assert.is(catchTrap(() => user.call('ind', 9, 10)).message, 'undefined element 9');
    assert.equal(user.call('sizes'), [1, 1, 2], 'growth by another instance is visible at once');
    assert.equal(user.call('last'), [0]);
    assert.equal(user.call('pair').map(exact), [exact(SNAN64), 7]);
  }
});

test.run();
