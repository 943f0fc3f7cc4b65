// Tables in the interpreter: get/set/size/grow/fill/copy/init, elem.drop, their bounds
// (checked before any write), and call_indirect's three distinct traps.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Trap, TrapKind } from '../errors.js';
import { hostFunc, testInstance } from './_internals/testInstance.js';

function trapKind(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof Trap) return e.kind;
    throw e;
  }
  return 'no trap';
}

const TABLES = `(module
  (type $ii (func (param i32) (result i32)))
  (table $t 4 6 funcref)
  (table $x 3 externref)
  (func $double (type $ii) (i32.mul (local.get 0) (i32.const 2)))
  (func $negate (type $ii) (i32.sub (i32.const 0) (local.get 0)))
  (func $other (param i64) (result i64) (local.get 0))
  (elem (table $t) (i32.const 0) func $double $negate $other)
  (elem $seg func $negate $double)
  (func (export "callAt") (param i32 i32) (result i32)
    (call_indirect $t (type $ii) (local.get 1) (local.get 0)))
  (func (export "size") (result i32) (table.size $t))
  (func (export "grow") (param i32) (result i32) (table.grow $t (ref.null func) (local.get 0)))
  (func (export "isNull") (param i32) (result i32) (ref.is_null (table.get $t (local.get 0))))
  (func (export "setNull") (param i32) (table.set $t (local.get 0) (ref.null func)))
  (func (export "fillWith") (param i32 i32 i32)
    (table.fill $t (local.get 0) (table.get $t (local.get 1)) (local.get 2)))
  (func (export "copy") (param i32 i32 i32) (table.copy $t $t (local.get 0) (local.get 1) (local.get 2)))
  (func (export "init") (param i32 i32 i32) (table.init $t $seg (local.get 0) (local.get 1) (local.get 2)))
  (func (export "dropSeg") (elem.drop $seg))
  (func (export "xset") (param i32 externref) (table.set $x (local.get 0) (local.get 1)))
  (func (export "xget") (param i32) (result externref) (table.get $x (local.get 0)))
  (func (export "xgrow") (param externref i32) (result i32) (table.grow $x (local.get 0) (local.get 1))))`;

test('call_indirect: success and its three traps', () => {
  const t = testInstance(TABLES);
  assert.equal(t.call('callAt', 0, 21), [42]);
  assert.equal(t.call('callAt', 1, 21), [-21]);
  assert.is(trapKind(() => t.call('callAt', 2, 1)), TrapKind.IndirectCallTypeMismatch);
  assert.is(trapKind(() => t.call('callAt', 3, 1)), TrapKind.IndirectCallToNull);
  assert.is(trapKind(() => t.call('callAt', 4, 1)), TrapKind.UndefinedElement);
  assert.is(trapKind(() => t.call('callAt', -1, 1)), TrapKind.UndefinedElement);
  assert.is(t.state.store.depth, 0);
});

test('call_indirect compares signatures structurally, across modules and with host functions', () => {
  const t = testInstance(TABLES);
  const other = testInstance(`(module (func (export "triple") (param i32) (result i32)
    (i32.mul (local.get 0) (i32.const 3))))`);
  t.state.tables[0].elements[3] = other.fn('triple');
  assert.equal(t.call('callAt', 3, 5), [15]);
  t.state.tables[0].elements[3] = hostFunc({ params: [0x7f], results: [0x7f] }, ([x]) => [(x as number) + 100]);
  assert.equal(t.call('callAt', 3, 5), [105]);
  t.state.tables[0].elements[3] = hostFunc({ params: [0x7f], results: [] }, () => []);
  assert.is(trapKind(() => t.call('callAt', 3, 5)), TrapKind.IndirectCallTypeMismatch);
});

test('table.get/set/size/grow', () => {
  const t = testInstance(TABLES);
  assert.equal(t.call('size'), [4]);
  assert.equal(t.call('isNull', 0), [0]);
  assert.equal(t.call('isNull', 3), [1]);
  assert.is(trapKind(() => t.call('isNull', 4)), TrapKind.TableOutOfBounds);
  t.call('setNull', 0);
  assert.equal(t.call('isNull', 0), [1]);
  assert.is(trapKind(() => t.call('setNull', 4)), TrapKind.TableOutOfBounds);
  assert.equal(t.call('grow', 3), [-1]); // max 6
  assert.equal(t.call('grow', 2), [4]);
  assert.equal(t.call('size'), [6]);
  assert.equal(t.call('isNull', 5), [1]);
  const host = { any: 'js value' };
  assert.equal(t.call('xgrow', host, 2), [3]);
  assert.is(t.call('xget', 4)[0], host);
  t.call('xset', 0, 1.5);
  assert.equal(t.call('xget', 0), [1.5]);
  assert.equal(t.call('xget', 1), [null]);
});

test('table.fill/copy/init check bounds before writing anything; elem.drop empties', () => {
  const t = testInstance(TABLES);
  const elems = t.state.tables[0].elements;
  const [dbl, neg] = [elems[0], elems[1]];
  t.call('fillWith', 2, 0, 2);
  assert.ok(elems[2] === dbl && elems[3] === dbl);
  assert.is(trapKind(() => t.call('fillWith', 3, 1, 2)), TrapKind.TableOutOfBounds);
  assert.is(elems[3], dbl, 'a trapping fill writes nothing');
  t.call('fillWith', 4, 1, 0); // empty at the end is fine
  assert.is(trapKind(() => t.call('fillWith', 5, 1, 0)), TrapKind.TableOutOfBounds);

  // Overlapping copies in both directions.
  elems.splice(0, 4, dbl, neg, null, null);
  t.call('copy', 1, 0, 3);
  assert.equal(elems, [dbl, dbl, neg, null]);
  elems.splice(0, 4, dbl, neg, null, null);
  t.call('copy', 0, 1, 3);
  assert.equal(elems, [neg, null, null, null]);
  elems.splice(0, 4, dbl, neg, null, null);
  assert.is(trapKind(() => t.call('copy', 2, 0, 3)), TrapKind.TableOutOfBounds);
  assert.equal(elems, [dbl, neg, null, null]);

  t.call('init', 2, 0, 2); // $seg = [negate, double]
  assert.equal(elems, [dbl, neg, neg, dbl]);
  assert.is(trapKind(() => t.call('init', 0, 1, 2)), TrapKind.TableOutOfBounds); // source overrun
  assert.is(trapKind(() => t.call('init', 3, 0, 2)), TrapKind.TableOutOfBounds);
  assert.equal(elems, [dbl, neg, neg, dbl]);
  t.call('dropSeg');
  t.call('init', 0, 0, 0);
  assert.is(trapKind(() => t.call('init', 0, 0, 1)), TrapKind.TableOutOfBounds);
  assert.equal(t.state.elems[1], []);
});

test.run();
