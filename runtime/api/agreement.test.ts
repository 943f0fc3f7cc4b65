// Our decode+validate verdict against wabt's (on text modules) and V8's (on mutated bytes).
// The decoder must throw nothing but CompileError; every disagreement with V8 must be one of
// the explained differences listed in KNOWN, or the test fails.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import wabtInit from 'wabt';
import { checkModule } from './Module.js';
import { CompileError } from '../errors.js';

const wabt = await wabtInit();
const FEATURES = { mutable_globals: true, sat_float_to_int: true, sign_extension: true, simd: true, multi_value: true, bulk_memory: true, reference_types: true };

const SEEDS = [
  `(module (func (export "f") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))`,
  `(module (memory 1 2) (data (i32.const 8) "hello") (func (export "ld") (param i32) (result i64)
     (i64.load offset=4 align=4 (local.get 0))) (func (i32.store8 (i32.const 0) (i32.const 1)) (drop (memory.grow (i32.const 1)))))`,
  `(module (type $t (func (param i32) (result i32))) (table 4 funcref) (elem (i32.const 0) $a $b)
     (func $a (type $t) (local.get 0)) (func $b (type $t) (i32.const 7))
     (func (export "ci") (param i32) (result i32) (call_indirect (type $t) (i32.const 3) (local.get 0))))`,
  `(module (global $g (mut f64) (f64.const 1.5)) (func (export "g") (result f64 f32)
     (global.set $g (f64.mul (global.get $g) (f64.const 2))) (global.get $g) (f32.const -0x1p-149)))`,
  `(module (func (export "br") (param i32) (result i32)
     (block $a (block $b (block $c (br_table $a $b $c (local.get 0))) (return (i32.const 1))) (return (i32.const 2))) (i32.const 3)))`,
  `(module (memory 1) (func (export "simd") (param i32) (result i32)
     (i32x4.extract_lane 2 (i32x4.add (v128.load (local.get 0)) (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 (v128.const i32x4 1 2 3 4) (i32x4.splat (local.get 0)))))))`,
  `(module (memory 1) (data $d "abc") (elem $e funcref (ref.func $f)) (table 2 funcref)
     (func $f (memory.init $d (i32.const 0) (i32.const 0) (i32.const 3)) (data.drop $d)
       (table.init $e (i32.const 0) (i32.const 0) (i32.const 1)) (elem.drop $e)
       (memory.copy (i32.const 0) (i32.const 1) (i32.const 2)) (memory.fill (i32.const 0) (i32.const 0) (i32.const 1))))`,
  `(module (table $t 1 externref) (func (export "r") (param externref) (result i32)
     (table.set $t (i32.const 0) (local.get 0)) (ref.is_null (table.get $t (i32.const 0)))) (func (result funcref) (ref.null func)))`,
  `(module (func (export "mv") (param i32) (result i32 i32) (local.get 0) (block (param i32) (result i32 i32) (i32.const 2))))`,
  `(module (func (export "sat") (param f64) (result i64) (i64.trunc_sat_f64_s (local.get 0)))
     (func (param i32) (result i32) (i32.extend8_s (local.get 0))) (start 2) (func (loop (br_if 0 (i32.const 0)))))`,
];

const seedBinaries = SEEDS.map((text) => {
  const m = wabt.parseWat('seed.wat', text, FEATURES);
  m.resolveNames();
  m.validate();
  const bytes = m.toBinary({}).buffer.slice();
  m.destroy();
  return bytes;
});

/** Explained disagreements with the V8 in node 20, by the reason our error gives. */
const KNOWN: { why: string; ours: RegExp; at?: (bytes: Uint8Array, offset: number) => boolean }[] = [
  // V8 11.3 ships tail calls (return_call 0x12, return_call_indirect 0x13); WebAssembly 2.0 has no such opcodes.
  { why: 'tail-call opcodes (post-2.0 proposal V8 ships)', ours: /^illegal opcode 1[23]\b/ },
  // V8 ships exception handling: try 0x06, catch 0x07, throw 0x08, rethrow 0x09, delegate 0x18,
  // catch_all 0x19, and the tag section (id 13).
  { why: 'exception-handling opcodes (post-2.0 proposal V8 ships)', ours: /^illegal opcode (6|7|8|9|18|19)\b/ },
  { why: 'exception-handling tag section (post-2.0 proposal V8 ships)', ours: /^malformed section id 13\b/ },
  // V8 ships threads: limits flag 3 is a shared memory with a maximum; 2.0 limits flags are 0 or 1.
  { why: 'shared-memory limits flag (threads proposal V8 ships)', ours: /^integer too large/, at: (b, o) => b[o] === 3 },
];

function ourVerdict(bytes: Uint8Array): { ok: boolean; error?: CompileError } {
  try {
    checkModule(bytes);
    return { ok: true };
  } catch (e) {
    if (!(e instanceof CompileError)) throw new Error(`non-CompileError escaped: ${(e as Error)?.stack ?? e}`);
    return { ok: false, error: e };
  }
}

test('text modules decode and validate exactly as wabt says', () => {
  for (const b of seedBinaries) assert.ok(ourVerdict(b).ok);
  // And invalid text that wabt encodes but rejects in validation is rejected by us too.
  for (const text of [
    '(module (func (result i32) (i64.const 1)))',
    '(module (func (local.get 3)))',
    '(module (global i32 (i32.const 0)) (func (global.set 0 (i32.const 1))))',
    '(module (func (i32.load (i32.const 0)) drop))',
    '(module (memory 1) (func (i32.load align=8 (i32.const 0)) drop))',
    '(module (func (br 1)))',
    '(module (func (select (i32.const 1) (i64.const 1) (i32.const 0)) drop))',
  ]) {
    const m = wabt.parseWat('bad.wat', text, FEATURES);
    m.resolveNames();
    assert.throws(() => m.validate(), undefined, `wabt accepts ${text}`);
    const bytes = m.toBinary({}).buffer.slice();
    m.destroy();
    const v = ourVerdict(bytes);
    assert.is(v.ok, false, text);
    assert.is(v.error!.kind, 'invalid', text);
  }
});

type Mutation = { kind: 'flip' | 'insert' | 'delete' | 'truncate' | 'overlong'; at: number; value: number };

function mutate(src: Uint8Array, muts: Mutation[]): Uint8Array {
  let b = Array.from(src);
  for (const m of muts) {
    const at = b.length === 0 ? 0 : m.at % b.length;
    if (m.kind === 'flip') b[at] ^= 1 << (m.value & 7);
    else if (m.kind === 'insert') b.splice(at, 0, m.value & 0xff);
    else if (m.kind === 'delete') b.splice(at, 1);
    else if (m.kind === 'truncate') b = b.slice(0, at);
    // Rewrite one byte < 0x80 (often a LEB) as an overlong two-byte form.
    else if (b[at] < 0x80) b.splice(at, 1, b[at] | 0x80, 0x00);
  }
  return Uint8Array.from(b);
}

const mutationArb = fc.record({
  kind: fc.constantFrom<Mutation['kind']>('flip', 'flip', 'flip', 'insert', 'delete', 'truncate', 'overlong'),
  at: fc.nat(),
  value: fc.nat(),
});

const unexplained: string[] = [];
const stats = { tried: 0, disagreed: 0, explained: new Map<string, number>() };

test('mutated modules: only CompileError, and the same verdict as V8 (or an explained difference)', () => {
  fc.assert(
    fc.property(fc.nat(seedBinaries.length - 1), fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (seed, muts) => {
      const bytes = mutate(seedBinaries[seed], muts);
      const ours = ourVerdict(bytes);
      const v8 = WebAssembly.validate(bytes);
      stats.tried++;
      if (ours.ok === v8) return true;
      stats.disagreed++;
      const err = ours.error;
      const known = err && v8 ? KNOWN.find((k) => k.ours.test(err.message) && (k.at === undefined || k.at(bytes, err.offset))) : undefined;
      if (known === undefined) {
        unexplained.push(`ours ${ours.ok ? 'valid' : `${ours.error!.kind}: ${ours.error!.message}`}, V8 ${v8 ? 'valid' : 'invalid'}; bytes ${Buffer.from(bytes).toString('hex')}`);
        return true;
      }
      stats.explained.set(known.why, (stats.explained.get(known.why) ?? 0) + 1);
      return true;
    }),
    { numRuns: 20_000 },
  );
  assert.equal(unexplained.slice(0, 5), [], `${unexplained.length} unexplained disagreements with V8`);
  console.log(`\nmutation agreement: ${stats.tried} mutated modules, ${stats.disagreed} disagreements, all explained: ${JSON.stringify([...stats.explained])}`);
});

test.run();
