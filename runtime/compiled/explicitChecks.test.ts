// Explicit bounds checks (the default) trap exactly where the interpreter does: every access
// size and offset class at and around the end of memory, negative and huge addresses, a
// function with more reaches than it caches limits for, limits refreshed after growth (by the
// function, by a callee, by the host), and a memory of 0 pages.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Config } from '../config/knobs.js';
import type { Raw } from '../instance/objects.js';
import { outcome, setup, type Setup } from './_internals/testing.js';

const LOADS = ['i32.load', 'i64.load', 'f32.load', 'f64.load', 'i32.load8_u', 'i32.load8_s', 'i32.load16_s', 'i64.load32_u', 'i64.load16_u'];
const STORES: [string, string][] = [['i32.store8', 'i32'], ['i32.store16', 'i32'], ['i32.store', 'i32'], ['i64.store', 'i64'], ['i64.store32', 'i64'], ['f64.store', 'f64']];
// Reaches below 2^31 take the cached-limit check, larger ones the exact double form.
const OFFSETS = [0, 1, 7, 65535, 65536, 2147483647, 4294967295];
const SIZE: Readonly<Record<string, number>> = { load8: 1, store8: 1, load16: 2, store16: 2, load32: 4, store32: 4 };

function sizeOf(op: string): number {
  const suffix = /\.(load|store)(\d+)/.exec(op);
  if (suffix !== null) return SIZE[suffix[1] + suffix[2]];
  return op.startsWith('i64') || op.startsWith('f64') ? 8 : 4;
}

const resultOf = (op: string): string => (op.startsWith('i64') ? 'i64' : op.slice(0, 3));

const WAT = `(module
  (memory (export "mem") 1 4)
  ${LOADS.flatMap((op) => OFFSETS.map((off) => `(func (export "${op}/${off}") (param i32) (result ${resultOf(op)}) (${op} offset=${off} (local.get 0)))`)).join('\n  ')}
  ${STORES.flatMap(([op, t]) => OFFSETS.map((off) => `(func (export "${op}/${off}") (param i32 ${t}) (${op} offset=${off} (local.get 0) (local.get 1)))`)).join('\n  ')}
  ;; six reaches in one function: more than it caches limits for
  (func (export "many") (param i32) (result i32)
    (i32.add (i32.add (i32.add (i32.load8_u offset=3 (local.get 0)) (i32.load offset=100 (local.get 0)))
      (i32.add (i32.load16_u offset=9 (local.get 0)) (i32.load offset=2 (local.get 0))))
      (i32.add (i32.wrap_i64 (i64.load offset=40 (local.get 0))) (i32.load8_u offset=1000 (local.get 0)))))
  (func $grow (param i32) (result i32) (memory.grow (local.get 0)))
  (func (export "grow") (param i32) (result i32) (call $grow (local.get 0)))
  ;; loads before and after a callee grows memory
  (func (export "growThenLoad") (param $pages i32) (param $a i32) (result i32)
    (drop (i32.load (i32.const 0)))
    (drop (call $grow (local.get $pages)))
    (i32.load offset=4 (local.get $a)))
  ;; loads before and after growing memory itself
  (func (export "growHereThenLoad") (param $pages i32) (param $a i32) (result i32)
    (drop (i32.load (i32.const 0)))
    (drop (memory.grow (local.get $pages)))
    (i32.load offset=4 (local.get $a))))`;

/** Addresses around the first out-of-bounds one for `reach` in `bytes` of memory, and the odd ones. */
function addresses(reach: number, bytes: number): number[] {
  const edge = bytes - reach;
  return [0, 1, edge - 1, edge, edge + 1, -1, -reach, 0x7fffffff, -0x80000000, bytes].filter((a) => a >= -0x80000000 && a <= 0x7fffffff);
}

const CONFIGS: Partial<Config>[] = [{}, { optLevel: 'none' }, { boundsChecks: 'guarded' }];

/** Every call's outcome, and after each store the bytes at both ends of memory. */
function runAll(config: Partial<Config>): unknown[] {
  const s = setup(WAT, config);
  const ends = (x: Setup) => {
    const u8 = x.instance.getMemory('mem')!.u8;
    return [...u8.subarray(0, 16), ...u8.subarray(u8.length - 16)];
  };
  const out: unknown[] = [];
  for (const op of LOADS) {
    for (const off of OFFSETS) for (const a of addresses(off + sizeOf(op), 65536)) out.push(outcome(() => s.call(`${op}/${off}`, a)));
  }
  for (const [op, t] of STORES) {
    const v: Raw = t === 'i64' ? -0x0102030405060708n : t === 'f64' ? -1.5 : 0x7a6b5c4d;
    for (const off of OFFSETS) {
      for (const a of addresses(off + sizeOf(op), 65536)) out.push(outcome(() => s.call(`${op}/${off}`, a, v)), ends(s));
    }
  }
  for (const a of [...addresses(1004, 65536), ...addresses(101, 65536), ...addresses(3, 65536), 64536, 65432, 65495, 65527, 65532]) {
    out.push(outcome(() => s.call('many', a)));
  }
  // Growth by a callee, then by the function itself, then by the host: the limits follow.
  for (const name of ['growThenLoad', 'growHereThenLoad']) {
    for (const a of addresses(8, 2 * 65536)) out.push(outcome(() => s.call(name, 0, a)));
    out.push(outcome(() => s.call(name, 1, 65536 + 100)));
  }
  s.instance.getMemory('mem')!.grow(1);
  for (const a of addresses(4, 4 * 65536)) out.push(outcome(() => s.call('i32.load/0', a)));
  return out;
}

test('the default config checks with cached limits, and the old form where it caches none', () => {
  const text = setup(WAT).image.text;
  assert.ok(text.includes('if (($a >>> 0) >= $lim4) $tMemory();'));
  assert.ok(text.includes('$a > $ml - '), 'the uncached form for reaches beyond the cached ones');
  assert.ok(text.includes('$a + 4 > $ml'), 'the exact form for reaches of 2^31 and more');
});

test('every access size and offset traps where the interpreter traps, and writes what it writes', () => {
  const expected = runAll({ tier: 'interp' });
  for (const config of CONFIGS) assert.equal(runAll(config), expected, JSON.stringify(config));
});

test('a memory of 0 pages: every access traps until it grows', () => {
  const wat = `(module (memory (export "mem") 0 2)
    (func (export "load") (param i32) (result i32) (i32.load8_u (local.get 0)))
    (func (export "store") (param i32) (i64.store offset=8 (local.get 0) (i64.const -1)))
    (func (export "grow") (result i32) (memory.grow (i32.const 1))))`;
  const run = (config: Partial<Config>) => {
    const s = setup(wat, config);
    const calls: [string, ...Raw[]][] = [['load', 0], ['store', 0], ['load', -1], ['grow'], ['load', 0], ['load', 65535], ['load', 65536], ['store', 65520], ['store', 65521], ['load', 65535]];
    return calls.map(([name, ...args]) => outcome(() => s.call(name, ...args)));
  };
  const expected = run({ tier: 'interp' });
  assert.equal((expected[0] as { trap?: string }).trap, 'out of bounds memory access');
  for (const config of CONFIGS) assert.equal(run(config), expected, JSON.stringify(config));
});

test.run();
