// Property: whatever bytes it is given, decoding plus module validation either returns or
// throws a CompileError, and does so quickly. Inputs are valid modules (built by wabt) after
// random bit flips, byte writes, insertions, deletions and truncation.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import wabtInit from 'wabt';
import { CompileError } from '../errors.js';
import { decodeModule } from './decodeModule.js';
import { moduleNames } from './names.js';
import { validateModuleFields } from './validateModule.js';

const wabt = await wabtInit();

const SOURCES = [
  `(module $everything
    (type $t (func (param i32 i64) (result f32)))
    (import "env" "f" (func $imp (type $t)))
    (import "env" "g" (global $g i32))
    (import "env" "t" (table 2 10 funcref))
    (memory 1 2)
    (table $t2 3 externref)
    (global $m (mut i64) (i64.const -5))
    (global funcref (ref.func $f))
    (global v128 (v128.const i32x4 1 2 3 4))
    (func $f (export "f") (param $x i32) (result i32) (local $y f64) (local v128)
      (block (result i32) (local.get $x) (br_if 0 (i32.const 1)) (drop) (i32.const 2)))
    (func $s (call $f (i32.const 0)) drop)
    (start $s)
    (elem (i32.const 0) $f $s)
    (elem (table $t2) (global.get $g) externref (ref.null extern))
    (elem declare func $f)
    (elem funcref (ref.func $s) (ref.null func))
    (data (i32.const 16) "hello")
    (data "passive")
    (export "mem" (memory 0))
    (export "g" (global $m)))`,
  `(module
    (memory 1)
    (func (param v128) (result v128)
      (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 (local.get 0) (local.get 0))
      (v128.load offset=4 (i32.const 0)) drop
      (f64x2.promote_low_f32x4)))`,
  `(module (func (result i32) (i32.const 42)) (export "answer" (func 0)))`,
];

const seeds: Uint8Array[] = SOURCES.map((text) => {
  const m = wabt.parseWat('seed.wat', text, { simd: true, reference_types: true, bulk_memory: true });
  try {
    return m.toBinary({ write_debug_names: true }).buffer;
  } finally {
    m.destroy();
  }
});

type Mutation =
  | { op: 'flip'; at: number; bit: number }
  | { op: 'set'; at: number; byte: number }
  | { op: 'insert'; at: number; bytes: number[] }
  | { op: 'delete'; at: number; n: number }
  | { op: 'truncate'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), bit: fc.nat(7) }),
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), byte: fc.constantFrom(0, 0x0b, 0x7f, 0x80, 0xff, 0x41, 0x60) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), bytes: fc.array(fc.nat(255), { minLength: 1, maxLength: 6 }) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
);

function apply(bytes: Uint8Array, ms: readonly Mutation[]): Uint8Array {
  let b = Array.from(bytes);
  for (const m of ms) {
    const at = b.length === 0 ? 0 : m.at % (b.length + 1);
    switch (m.op) {
      case 'flip': if (at < b.length) b[at] ^= 1 << m.bit; break;
      case 'set': if (at < b.length) b[at] = m.byte; break;
      case 'insert': b.splice(at, 0, ...m.bytes); break;
      case 'delete': b.splice(at, m.n); break;
      case 'truncate': b = b.slice(0, at); break;
    }
  }
  return Uint8Array.from(b);
}

/** Decodes and validates, touching the lazy parts; returns the error, if any. */
function attempt(bytes: Uint8Array): unknown {
  try {
    const m = decodeModule(bytes);
    for (const f of m.funcs) void f.locals.length;
    moduleNames(m);
    validateModuleFields(m);
    return undefined;
  } catch (e) {
    return e;
  }
}

test('the unmutated seeds decode and validate', () => {
  for (const s of seeds) assert.is(attempt(s), undefined);
});

test('mutated modules: only CompileError, and never a hang', () => {
  fc.assert(
    fc.property(fc.nat(seeds.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 }), (which, ms) => {
      const input = apply(seeds[which], ms);
      const t0 = performance.now();
      const e = attempt(input);
      const elapsed = performance.now() - t0;
      if (e !== undefined && !(e instanceof CompileError)) throw e;
      // A hang detector, not a speed measure: a tiny input taking seconds means a loop that
      // does not advance (speed is measured by npm run bench).
      if (elapsed > 2000) throw new Error(`took ${elapsed.toFixed(1)} ms`);
    }),
    { numRuns: 3000 },
  );
});

test('random bytes after a valid header', () => {
  const header = seeds[2].subarray(0, 8);
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 64 }), (tail) => {
      const input = new Uint8Array(8 + tail.length);
      input.set(header);
      input.set(tail, 8);
      const e = attempt(input);
      if (e !== undefined && !(e instanceof CompileError)) throw e;
    }),
    { numRuns: 3000 },
  );
});

test.run();
