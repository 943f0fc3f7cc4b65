// `select (result)` reaches our validator as the text means it (0x1c 0x00), not as wabt
// encodes it (0x1b); mixed modules are left alone.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadWabt, watToWasm } from './watToWasm.js';
import { countSelects } from './emptyTypedSelect.js';
import { checkModule } from '../../runtime/api/Module.js';
import { CompileError } from '../../runtime/errors.js';

await loadWabt();

function verdict(bytes: Uint8Array): string {
  try {
    checkModule(bytes);
    return 'valid';
  } catch (e) {
    return e instanceof CompileError ? `${e.kind}: ${e.message}` : String(e);
  }
}

test('counts selects and the empty typed ones, ignoring names and strings', () => {
  assert.equal(countSelects('(module (func $select (select (result) (nop) (nop) (i32.const 1))))'), { all: 1, emptyTyped: 1 });
  assert.equal(countSelects('(module (func (export "select") (select (result i32) (i32.const 1) (i32.const 2) (i32.const 3)) drop select))'), { all: 2, emptyTyped: 0 });
});

test('an empty typed select is encoded 0x1c 0x00 and rejected by arity', () => {
  const bytes = watToWasm('(module (func $arity-0 (select (result) (nop) (nop) (i32.const 1))))');
  const code = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  assert.match(code, /01 01 41 01 1c 00 0b/);
  assert.match(verdict(bytes), /^invalid: invalid result arity/);
});

test('modules mixing select forms are left as wabt encodes them', () => {
  const text = '(module (func (result i32) (select (i32.const 1) (i32.const 2) (i32.const 3))) (func (select (result) (nop) (nop) (i32.const 1))))';
  assert.match(verdict(watToWasm(text)), /^invalid: type mismatch/);
  // And a module with only ordinary selects is untouched and valid.
  assert.is(verdict(watToWasm('(module (func (result i32) (select (i32.const 1) (i32.const 2) (i32.const 3))))')), 'valid');
});

test.run();
