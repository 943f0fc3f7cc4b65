// Every V8 trap message we map is produced by node's V8 as written, each lands on the kinds the
// spec gives, stack overflow is told apart, and an unmapped RuntimeError is refused loudly.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TrapKind } from '../../runtime/errors.js';
import { loadWabt, watToWasm } from '../wat/watToWasm.js';
import { rawArray } from '../../runtime/instance/objects.js';
import { classifyV8Error, UnknownV8ErrorError } from './v8Traps.js';
import { v8Engine } from './v8Engine.js';
import { moduleCase, openSession } from './openSession.js';

await loadWabt();

const CASES: [string, string, TrapKind][] = [
  ['unreachable', 'unreachable', TrapKind.Unreachable],
  ['mem', '(drop (i32.load (i32.const 65535)))', TrapKind.MemoryOutOfBounds],
  ['minit', '(memory.init $d (i32.const 65535) (i32.const 0) (i32.const 3))', TrapKind.MemoryOutOfBounds],
  ['cinull', '(call_indirect (type $v) (i32.const 1))', TrapKind.IndirectCallToNull],
  ['cisig', '(drop (call_indirect (type $i) (i32.const 0)))', TrapKind.IndirectCallTypeMismatch],
  ['cioob', '(call_indirect (type $v) (i32.const 5))', TrapKind.UndefinedElement],
  ['tget', '(drop (table.get (i32.const 5)))', TrapKind.TableOutOfBounds],
  ['edrop', '(elem.drop $e) (table.init $e (i32.const 0) (i32.const 0) (i32.const 1))', TrapKind.TableOutOfBounds],
  ['div', '(drop (i32.div_s (i32.const 1) (i32.const 0)))', TrapKind.IntegerDivideByZero],
  ['rem', '(drop (i64.rem_u (i64.const 1) (i64.const 0)))', TrapKind.IntegerDivideByZero],
  ['ovf', '(drop (i32.div_s (i32.const 0x80000000) (i32.const -1)))', TrapKind.IntegerOverflow],
  ['nan', '(drop (i32.trunc_f32_s (f32.const nan)))', TrapKind.InvalidConversionToInteger],
  ['big', '(drop (i32.trunc_f32_s (f32.const 1e10)))', TrapKind.IntegerOverflow],
];

const module = watToWasm(`(module (memory 1) (table 2 funcref) (type $v (func)) (type $i (func (result i32)))
  (elem (i32.const 0) $a) (func $a) (data $d "abc") (elem $e funcref (ref.func $a))
  (func $r (export "rec") (call $r))
  ${CASES.map(([name, body]) => `(func (export "${name}") ${body})`).join('\n')})`);

test('each V8 trap maps to kinds that include the spec\'s; recursion is exhaustion', () => {
  const session = openSession(v8Engine, moduleCase(module));
  const call = (name: string) => session.call({ name, args: rawArray(0) }).outcome;
  for (const [name, , kind] of CASES) {
    const o = call(name);
    assert.ok(o.kind === 'trap' && o.kinds.includes(kind), `${name}: ${JSON.stringify(o)}`);
  }
  assert.is(call('rec').kind, 'exhausted');
  session.close();
});

test('non-V8 errors are left to the caller; unknown RuntimeErrors are refused', () => {
  assert.is(classifyV8Error(new Error('host')), undefined);
  assert.is(classifyV8Error('a string'), undefined);
  assert.throws(() => classifyV8Error(new WebAssembly.RuntimeError('something new')), (e: unknown) => e instanceof UnknownV8ErrorError);
});

test.run();
