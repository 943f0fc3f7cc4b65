// validateModuleFields on modules written in the text format (encoded by wabt, unvalidated)
// and on hand-built binaries: each module-level rule with the spec's message, and its order.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import wabtInit from 'wabt';
import { ValType, type ModuleInfo } from '../types.js';
import { decodeModule } from './decodeModule.js';
import { validateModuleFields } from './validateModule.js';
import { expectError } from './_internals/expectError.js';
import { mod, SEC, section, str, vec } from './_internals/wasmBytes.js';

const wabt = await wabtInit();

function wat(text: string): Uint8Array {
  const m = wabt.parseWat('test.wat', text, { simd: true, reference_types: true, bulk_memory: true });
  try {
    return m.toBinary({}).buffer;
  } finally {
    m.destroy();
  }
}
const check = (text: string) => validateModuleFields(decodeModule(wat(text)));
const invalid = (text: string, prefix: string) => expectError(() => check(text), 'invalid', prefix);

test('a module using every kind of field validates', () => {
  check(`(module
    (type $t (func (param i32)))
    (import "m" "f" (func (type $t)))
    (import "m" "g" (global $g i32))
    (import "m" "t" (table 1 funcref))
    (memory 1 65536)
    (table 0 10 externref)
    (global i32 (global.get $g))
    (global funcref (ref.func 1))
    (global externref (ref.null extern))
    (global v128 (v128.const i64x2 1 2))
    (global (mut f64) (f64.const 1.5))
    (func (export "run"))
    (start 1)
    (elem (i32.const 0) func 0 1)
    (elem (table 1) (global.get $g) externref (ref.null extern))
    (elem declare funcref (ref.func 0))
    (data (i32.const 0) "hi")
    (data "passive")
    (export "mem" (memory 0)) (export "g" (global 0)) (export "t" (table 1)))`);
});

test('type indices of imports and functions', () => {
  invalid('(module (import "m" "f" (func (type 3))))', 'unknown type 3');
  const bin = mod(section(SEC.type, vec([[0x60, 0, 0]])), section(SEC.func, vec([[0], [1]])),
    section(SEC.code, vec([[2, 0, 0x0b], [2, 0, 0x0b]])));
  const e = expectError(() => validateModuleFields(decodeModule(bin)), 'invalid', 'unknown type 1');
  assert.is(bin[e.offset], 1, 'points at the bad function entry');
});

test('limits of memories and tables', () => {
  invalid('(module (memory 65537))', 'memory size must be at most 65536 pages (4GiB)');
  invalid('(module (memory 0 65537))', 'memory size must be at most 65536 pages (4GiB)');
  invalid('(module (import "m" "m" (memory 2 1)))', 'size minimum must not be greater than maximum');
  invalid('(module (memory 2 1))', 'size minimum must not be greater than maximum');
  invalid('(module (table 0xffffffff 0 funcref))', 'size minimum must not be greater than maximum');
  invalid('(module (import "m" "t" (table 3 2 funcref)))', 'size minimum must not be greater than maximum');
  check('(module (table 0 0xffffffff funcref) (memory 65536 65536))');
  // The engines' initial-table-size limit, checked once the module is otherwise valid.
  expectError(() => check('(module (table 10000001 funcref))'), 'malformed', 'table initial size 10000001 exceeds');
  expectError(() => check('(module (import "m" "t" (table 20000000 externref)))'), 'malformed', 'table initial size');
  check('(module (table 10000000 funcref))');
});

test('global initialisers: constness, visibility and type', () => {
  invalid('(module (global i32 (i64.const 0)))', 'type mismatch');
  invalid('(module (global funcref (ref.null extern)))', 'type mismatch');
  invalid('(module (global i32 (global.get 0)))', 'unknown global 0');
  invalid('(module (global i32 (i32.const 0)) (global i32 (global.get 0)))', 'unknown global 0');
  invalid('(module (import "m" "g" (global i32)) (global i32 (global.get 2)))', 'unknown global 2');
  invalid('(module (import "m" "g" (global (mut i32))) (global i32 (global.get 0)))', 'constant expression required');
  invalid('(module (import "m" "g" (global externref)) (global funcref (global.get 0)))', 'type mismatch');
  invalid('(module (func) (global funcref (ref.func 7)))', 'unknown function 7');
  invalid('(module (global i32 (i32.const 0) (i32.const 0)))', 'type mismatch');
  invalid('(module (global i32))', 'type mismatch');
  invalid('(module (global i32 (nop)))', 'constant expression required');
  invalid('(module (global i32 (i32.add (i32.const 1) (i32.const 2))))', 'constant expression required');
  invalid('(module (global f32 (f32.neg (f32.const 1))))', 'constant expression required');
  invalid('(module (global i32 (block (result i32) (i32.const 0))))', 'constant expression required');
  invalid('(module (import "m" "g" (global i32)) (global i32 (global.get 0) (global.get 0)))', 'type mismatch');
  // Order inside an odd expression: constness (and global lookup) left to right, then functions.
  invalid('(module (global i32 (global.get 5) (nop)))', 'unknown global 5');
  invalid('(module (global i32 (nop) (global.get 5)))', 'constant expression required');
  invalid('(module (global funcref (ref.func 9) (ref.func 0)) (func))', 'unknown function 9');
});

test('element segments', () => {
  invalid('(module (func $f) (elem (i32.const 0) $f))', 'unknown table 0');
  invalid('(module (table 1 funcref) (elem (i64.const 0)))', 'type mismatch');
  invalid('(module (table 1 funcref) (elem (ref.null func)))', 'type mismatch');
  invalid('(module (table 1 funcref) (elem (i32.const 0) funcref (ref.null extern)))', 'type mismatch');
  invalid('(module (table 1 funcref) (elem (i32.const 0) funcref (item (i32.const 0))))', 'type mismatch');
  invalid('(module (table 1 funcref) (elem (i32.const 0) funcref (item (i32.add (i32.const 0) (i32.const 1)))))', 'constant expression required');
  invalid('(module (func $f) (table 1 externref) (elem (i32.const 0) $f))', 'type mismatch');
  invalid('(module (table 1 funcref) (elem (i32.const 0) externref (ref.null extern)))', 'type mismatch');
  invalid('(module (table 1 funcref) (elem (i32.const 0) func 3))', 'unknown function 3');
  invalid('(module (table 1 funcref) (global i32 (i32.const 0)) (elem (global.get 0)))', 'unknown global 0');
  invalid('(module (import "m" "g" (global (mut i32))) (table 1 funcref) (elem (global.get 0)))', 'constant expression required');
  invalid('(module (table 1 funcref) (elem (offset (i32.const 0) (nop))))', 'constant expression required');
  invalid('(module (table 1 funcref) (elem (offset)))', 'type mismatch');
  check('(module (func) (elem func 0) (elem declare func 0) (elem externref (ref.null extern)))');
});

test('data segments', () => {
  invalid('(module (data (i32.const 0) ""))', 'unknown memory 0');
  const toMemory1 = (memories: number[][]) => mod(
    section(SEC.memory, vec(memories)),
    section(SEC.data, vec([[0x02, 0x01, 0x41, 0x00, 0x0b, 0x00]])),
  );
  expectError(() => validateModuleFields(decodeModule(toMemory1([[0, 0]]))), 'invalid', 'unknown memory 1');
  expectError(() => validateModuleFields(decodeModule(toMemory1([]))), 'invalid', 'unknown memory 1');
  invalid('(module (memory 1) (data (i64.const 0)))', 'type mismatch');
  invalid('(module (memory 1) (data (offset (i32.const 0) (i32.const 0))))', 'type mismatch');
  invalid('(module (memory 1) (data (i32.ctz (i32.const 0))))', 'constant expression required');
  invalid('(module (memory 1) (global i32 (i32.const 0)) (data (global.get 0)))', 'unknown global 0');
  check('(module (data "passive only, no memory needed"))');
});

test('start function', () => {
  invalid('(module (start 0))', 'unknown function 0');
  invalid('(module (func (param i32)) (start 0))', 'start function');
  invalid('(module (func (result i32) (i32.const 0)) (start 0))', 'start function');
  check('(module (import "m" "f" (func)) (start 0))');
});

test('exports', () => {
  invalid('(module (export "f" (func 0)))', 'unknown function 0');
  invalid('(module (table 0 funcref) (export "t" (table 1)))', 'unknown table 1');
  invalid('(module (export "m" (memory 0)))', 'unknown memory 0');
  invalid('(module (global i32 (i32.const 0)) (export "g" (global 1)))', 'unknown global 1');
  const e = invalid('(module (func) (export "a" (func 0)) (export "a" (func 0)))', 'duplicate export name');
  const bin = wat('(module (func) (export "a" (func 0)) (export "a" (func 0)))');
  assert.equal([...bin.subarray(e.offset, e.offset + 2)], str('a'), 'points at the second export');
  check('(module (func) (global (mut i32) (i32.const 0)) (export "a" (func 0)) (export "b" (global 0)))');
});

test('multiple memories', () => {
  invalid('(module (memory 0) (memory 0))', 'multiple memories');
  invalid('(module (import "" "" (memory 1)) (memory 0))', 'multiple memories');
  invalid('(module (import "" "" (memory 1)) (import "" "" (memory 1)))', 'multiple memories');
  check('(module (table 0 funcref) (table 0 externref))');
});

test('hand-built ModuleInfo without decoder facts validates too', () => {
  const m: ModuleInfo = {
    bytes: new Uint8Array(0), types: [{ params: [], results: [] }], imports: [], funcs: [],
    tables: [], memories: [], globals: [{ type: { type: ValType.I64, mutable: false }, init: { kind: 'i32.const', value: 0 } }],
    exports: [], elems: [], datas: [], customs: [], numImportedFuncs: 0, numImportedTables: 0,
    numImportedMemories: 0, numImportedGlobals: 0, funcTypes: [], tableTypes: [], memoryTypes: [],
    globalTypes: [{ type: ValType.I64, mutable: false }],
  };
  const e = expectError(() => validateModuleFields(m), 'invalid', 'type mismatch');
  assert.is(e.offset, 0);
});

test.run();
