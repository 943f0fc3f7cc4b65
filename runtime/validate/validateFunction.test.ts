// Function-body validation: one module per error message (text through wabt without its
// validator, or hand-made binaries for encoding errors), plus valid modules that exercise the
// subtle rules (polymorphic stack, br_table, multi-value blocks, typed select, SIMD lanes).

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CompileError } from '../errors.js';
import { decodeModule } from '../binary/decodeModule.js';
import { loadWabt, watToWasm } from '../../harness/wat/watToWasm.js';
import { validateCode } from './validateModule.js';
import { binModule, section, type BinOptions } from './_internals/testBinary.js';

await loadWabt();

function check(bytes: Uint8Array): void {
  validateCode(decodeModule(bytes));
}

function rejects(bytes: Uint8Array, kind: 'invalid' | 'malformed', prefix: string): void {
  try {
    check(bytes);
  } catch (e) {
    assert.instance(e, CompileError);
    const err = e as CompileError;
    assert.ok(err.message.startsWith(prefix), `expected "${prefix}", got "${err.message}"`);
    assert.is(err.kind, kind, err.message);
    return;
  }
  assert.unreachable(`accepted; expected ${kind} "${prefix}"`);
}

const wat = (text: string): Uint8Array => watToWasm(`(module ${text})`);

/** One `[] -> []` function whose instructions are `code`. */
const bin = (code: number[], o: BinOptions = {}): Uint8Array => binModule([code], o);

// --- one module per message ------------------------------------------------------------------

test('type mismatch', () => {
  rejects(wat('(func (result i32) (i64.const 0))'), 'invalid', 'type mismatch');
  rejects(wat('(func (i32.add (i32.const 1)) (drop))'), 'invalid', 'type mismatch');
  rejects(wat('(func (result i32) (i32.const 1) (i32.const 2))'), 'invalid', 'type mismatch');
  rejects(wat('(func (block (result i32) (nop)) (drop))'), 'invalid', 'type mismatch');
});

test('unknown indices carry the index', () => {
  rejects(wat('(func (drop (local.get 5)))'), 'invalid', 'unknown local 5');
  rejects(wat('(func (param i32) (local f32) (local.set 2 (f32.const 0)))'), 'invalid', 'unknown local 2');
  rejects(wat('(func (drop (global.get 3)))'), 'invalid', 'unknown global 3');
  rejects(wat('(func (call 9))'), 'invalid', 'unknown function 9');
  rejects(wat('(func (drop (table.size 3)))'), 'invalid', 'unknown table 3');
  rejects(wat('(func (br 3))'), 'invalid', 'unknown label');
  rejects(wat('(func (drop (i32.load (i32.const 0))))'), 'invalid', 'unknown memory 0');
  rejects(wat('(func (drop (memory.size)))'), 'invalid', 'unknown memory');
  rejects(wat('(func (elem.drop 4))'), 'invalid', 'unknown elem segment 4');
  rejects(bin([0xfc, 0x09, 0x01, 0x0b], { memory: true, dataCount: 1, trailing: section(11, [1, 1, 0]) }),
    'invalid', 'unknown data segment 1');
  rejects(bin([0x02, 0x07, 0x0b, 0x0b]), 'invalid', 'unknown type'); // block (type 7)
  rejects(bin([0x02, 0xc0, 0x7f, 0x0b, 0x0b]), 'invalid', 'unknown type'); // negative s33
});

test('module-context rules', () => {
  rejects(wat('(global i32 (i32.const 0)) (func (global.set 0 (i32.const 1)))'), 'invalid', 'global is immutable');
  rejects(wat('(func $f) (func (drop (ref.func $f)))'), 'invalid', 'undeclared function reference');
  rejects(wat('(table 1 externref) (func (call_indirect (i32.const 0)))'), 'invalid', 'type mismatch');
  rejects(wat('(table 1 externref) (table 1 funcref) (func (table.copy 0 1 (i32.const 0) (i32.const 0) (i32.const 0)))'),
    'invalid', 'type mismatch');
  rejects(wat('(table 1 externref) (elem func) (func (table.init 0 0 (i32.const 0) (i32.const 0) (i32.const 0)))'),
    'invalid', 'type mismatch');
});

test('select rules', () => {
  rejects(wat('(func (drop (select (ref.null func) (ref.null func) (i32.const 0))))'), 'invalid', 'type mismatch');
  rejects(wat('(func (drop (select (i32.const 0) (i64.const 0) (i32.const 0))))'), 'invalid', 'type mismatch');
  rejects(wat('(func (result i32) (select (result i32 i32) (i32.const 0) (i32.const 0) (i32.const 0)))'),
    'invalid', 'invalid result arity');
  rejects(bin([0x41, 0, 0x41, 0, 0x41, 0, 0x1c, 0x00, 0x1a, 0x0b]), 'invalid', 'invalid result arity');
  rejects(bin([0x41, 0, 0x41, 0, 0x41, 0, 0x1c, 0x01, 0x55, 0x1a, 0x0b]), 'malformed', 'malformed value type');
});

test('memory immediates', () => {
  rejects(wat('(memory 1) (func (drop (i32.load align=8 (i32.const 0))))'), 'invalid',
    'alignment must not be larger than natural');
  rejects(wat('(memory 1) (func (drop (v128.load8_lane align=2 0 (i32.const 0) (v128.const i64x2 0 0))))'), 'invalid',
    'alignment must not be larger than natural');
  rejects(bin([0x41, 0, 0x40, 0x01, 0x1a, 0x0b], { memory: true }), 'malformed', 'zero byte expected');
  rejects(bin([0x3f, 0x80, 0x00, 0x1a, 0x0b], { memory: true }), 'malformed', 'zero byte expected');
  rejects(bin([0xfc, 0x09, 0x00, 0x0b], { memory: true }), 'malformed', 'data count section required');
  rejects(bin([0x41, 0, 0x41, 0, 0x41, 0, 0xfc, 0x08, 0x00, 0x00, 0x0b], { memory: true }),
    'malformed', 'data count section required');
});

test('SIMD lane indices', () => {
  rejects(wat('(func (drop (i8x16.extract_lane_s 16 (v128.const i64x2 0 0))))'), 'invalid', 'invalid lane index');
  rejects(wat('(func (drop (f64x2.replace_lane 2 (v128.const i64x2 0 0) (f64.const 0))))'), 'invalid', 'invalid lane index');
  rejects(wat('(memory 1) (func (drop (v128.load32_lane 4 (i32.const 0) (v128.const i64x2 0 0))))'), 'invalid',
    'invalid lane index');
  const v0 = [0xfd, 0x0c, ...new Array(16).fill(0)];
  const lanes = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 32];
  rejects(bin([...v0, ...v0, 0xfd, 0x0d, ...lanes, 0x1a, 0x0b]), 'invalid', 'invalid lane index');
});

test('body encoding errors', () => {
  rejects(bin([0x06, 0x0b]), 'malformed', 'illegal opcode');
  rejects(bin([0xfd, 0x9a, 0x01, 0x0b]), 'malformed', 'illegal opcode');
  rejects(bin([0x05, 0x0b]), 'malformed', 'END opcode expected'); // else outside if
  rejects(bin([0x0b, 0x01]), 'malformed', 'section size mismatch'); // bytes after the final end
  rejects(bin([0x02, 0x41, 0x0b, 0x0b]), 'malformed', 'malformed value type'); // block type 0x41
  rejects(bin([0xd0, 0x7f, 0x1a, 0x0b]), 'malformed', 'malformed reference type');
  rejects(bin([0x42, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x02, 0x1a, 0x0b]), 'malformed',
    'integer too large');
  // The three missing-`end` cases of binary.wast, which the reference reports by what follows.
  const twoFuncs = new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...section(1, [1, 0x60, 0, 0]),
    ...section(3, [2, 0, 0]), ...section(10, [2, 4, 0, 0x41, 1, 0x1a, 5, 0, 0x41, 1, 0x1a, 0x0b]),
  ]);
  rejects(twoFuncs, 'malformed', 'END opcode expected');
  rejects(bin([0x41, 1, 0x1a]), 'malformed', 'unexpected end of section or function');
  rejects(bin([0x41, 1, 0x1a], { trailing: section(11, [1, 1, 0]) }), 'malformed', 'section size mismatch');
  rejects(bin([0x41]), 'malformed', 'unexpected end of section or function'); // inside an immediate
});

test('errors name the function and the instruction offset', () => {
  const bytes = wat('(func) (func (result i32) (nop) (i64.const 0))');
  try {
    check(bytes);
    assert.unreachable('accepted');
  } catch (e) {
    const err = e as CompileError;
    assert.is(err.funcIndex, 1);
    // The mismatch is found at the function's final `end`.
    assert.is(bytes[err.offset], 0x0b);
  }
});

// --- valid modules that a sloppy validator gets wrong ---------------------------------------

const valid = (name: string, text: string): void => {
  test(`valid: ${name}`, () => check(wat(text)));
};

valid('unreachable makes the stack polymorphic', '(func unreachable i32.add drop)');
valid('polymorphic values can be any type', '(func (result i32 f64) unreachable)');
valid('br then anything', '(func (result i64) (block (br 1 (i64.const 1))) unreachable)');
valid('br_table with unreachable operands of different label types',
  '(func (block (result f32) (block (result i32) unreachable br_table 0 1) drop (f32.const 0)) drop)');
valid('br_table to loop and block of the same arity',
  '(func (param i32) (block (loop (br_table 0 1 1 (local.get 0)))))');
valid('multi-value block with params',
  '(func (result i32) (i32.const 1) (i32.const 2) (block (param i32 i32) (result i32) i32.add))');
valid('loop with params branching back',
  '(func (param i32) (result i32) (local.get 0) (loop (param i32) (result i32) (local.set 0) (br_if 0 (local.get 0) (local.get 0))))');
valid('if without else whose params equal its results',
  '(func (param i32) (result i32) (local.get 0) (if (param i32) (result i32) (local.get 0) (then (drop) (i32.const 2))))');
valid('typed select on references',
  '(func (result funcref) (select (result funcref) (ref.null func) (ref.null func) (i32.const 0)))');
valid('select on v128', '(func (result v128) (select (v128.const i64x2 0 0) (v128.const i64x2 1 1) (i32.const 0)))');
valid('ref.func of an exported function', '(func $f (export "f")) (func (drop (ref.func $f)))');
valid('ref.func declared in an element segment', '(func $f) (elem declare func $f) (func (result funcref) (ref.func $f))');
valid('SIMD lane ops at the top lane',
  '(memory 1) (func (result i32) (drop (v128.load8_lane 15 (i32.const 0) (v128.const i64x2 0 0))) ' +
  '(i8x16.extract_lane_u 15 (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 31 (v128.const i64x2 0 0) (v128.const i64x2 0 0))))');
valid('table ops', '(table 1 funcref) (elem func) (func (result i32) (table.init 0 0 (i32.const 0) (i32.const 0) (i32.const 0)) ' +
  '(table.fill 0 (i32.const 0) (ref.null func) (i32.const 0)) (table.set 0 (i32.const 0) (table.get 0 (i32.const 0))) ' +
  '(drop (table.grow 0 (ref.null func) (i32.const 1))) (elem.drop 0) (table.size 0))');
valid('bulk memory with a data count', '(memory 1) (data "x") (func (memory.init 0 (i32.const 0) (i32.const 0) (i32.const 1)) (data.drop 0) ' +
  '(memory.copy (i32.const 0) (i32.const 0) (i32.const 0)) (memory.fill (i32.const 0) (i32.const 0) (i32.const 0)))');
valid('mutable global set', '(global (mut i64) (i64.const 0)) (func (global.set 0 (i64.const -1)))');
valid('return in nested blocks', '(func (result i32) (block (loop (return (i32.const 1)))) (i32.const 0))');
valid('natural alignment is allowed', '(memory 1) (func (i64.store align=8 (i32.const 0) (i64.const 0)) (drop (v128.load align=16 (i32.const 0))))');

test('valid: block type by type index (multi-value)', () => {
  check(wat('(type $t (func (param i32) (result i32 i32))) (func (result i32 i32) (i32.const 0) (block (type $t) (param i32) (result i32 i32) (i32.const 1)))'));
});

test('valid: long i64.const, deep nesting, tall operand stack', () => {
  check(wat('(func (drop (i64.const -9223372036854775808)))'));
  const n = 5000;
  const blocks = [...new Array(n).fill([0x02, 0x40]).flat(), ...new Array(n).fill(0x0b)];
  const pushes = [...new Array(n).fill([0x41, 0x00]).flat(), ...new Array(n).fill(0x1a)];
  check(bin([...blocks, ...pushes, 0x0b]));
});

test.run();
