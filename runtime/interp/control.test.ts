// Control flow and calls in the interpreter: blocks, loops and ifs with params and multiple
// results, every branch form, return, select, local initialisation, dead code, recursion.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Trap, TrapKind } from '../errors.js';
import { testInstance } from './_internals/testInstance.js';

test('block, loop and if with params and multiple results', () => {
  const t = testInstance(`(module
    (func (export "swap") (param i32 i32) (result i32 i32)
      local.get 1 local.get 0)
    (func (export "blockParams") (param i32 i32) (result i32 i32)
      local.get 0 local.get 1
      (block (param i32 i32) (result i32 i32) call 0))
    ;; sum 1..10 with a loop whose params carry (acc, i)
    (func (export "loopParams") (result i32) (local $i i32)
      i32.const 0 i32.const 1
      (loop (param i32 i32) (result i32)
        local.tee $i i32.add ;; acc + i
        local.get $i i32.const 1 i32.add ;; i + 1
        local.get $i i32.const 10 i32.lt_s
        br_if 0 ;; back to the loop with (acc + i, i + 1)
        drop))
    (func (export "ifElse") (param i32) (result i32 i64)
      i32.const 5
      local.get 0
      (if (param i32) (result i32 i64)
        (then i32.const 1 i32.add i64.const 10)
        (else i32.const 2 i32.mul i64.const 20))))`);
  assert.equal(t.call('swap', 1, 2), [2, 1]);
  assert.equal(t.call('blockParams', 3, 4), [4, 3]);
  assert.equal(t.call('loopParams'), [55]);
  assert.equal(t.call('ifElse', 1), [6, 10n]);
  assert.equal(t.call('ifElse', 0), [10, 20n]);
});

test('br unwinds extra operands and keeps the label values', () => {
  const t = testInstance(`(module
    (func (export "f") (param i32) (result i32 i32)
      (block (result i32 i32)
        i32.const 100 i32.const 200 i32.const 300 ;; extra junk below the results
        i32.const 1 i32.const 2
        local.get 0
        br_if 0
        drop drop drop drop drop
        i32.const 7 i32.const 8)))`);
  // The taken br_if leaves [1, 2] at the block's base, discarding 100/200/300 beneath them.
  assert.equal(t.call('f', 1), [1, 2]);
  assert.equal(t.call('f', 0), [7, 8]);
});

test('br_table picks the label and clamps to the default', () => {
  const t = testInstance(`(module
    (func (export "f") (param i32) (result i32)
      (block (block (block (block
        local.get 0
        br_table 0 1 2 3)
        i32.const 10 return)
        i32.const 11 return)
        i32.const 12 return)
      i32.const 13))`);
  assert.equal(t.call('f', 0), [10]);
  assert.equal(t.call('f', 1), [11]);
  assert.equal(t.call('f', 2), [12]);
  assert.equal(t.call('f', 3), [13]);
  assert.equal(t.call('f', 99), [13]);
  assert.equal(t.call('f', -1), [13]); // the index is unsigned
});

test('br_table with values and a loop target', () => {
  const t = testInstance(`(module
    (func (export "pick") (param i32) (result i32)
      (block (result i32)
        (block (result i32)
          i32.const 99 ;; junk beneath the branch value: unwound
          i32.const 5
          local.get 0
          br_table 0 1)
        i32.const 1 i32.add))
    (func (export "count") (param i32) (result i32) (local i32)
      (block (loop
        local.get 1 i32.const 1 i32.add local.set 1
        local.get 1 local.get 0 i32.ge_s
        br_table 0 1)) ;; 0 (not done) -> loop again, 1 (done) -> leave
      local.get 1))`);
  assert.equal(t.call('pick', 0), [6]);
  assert.equal(t.call('pick', 1), [5]);
  assert.equal(t.call('pick', 7), [5]);
  assert.equal(t.call('count', 5), [5]);
  assert.equal(t.call('count', 1), [1]);
});

test('return from nested blocks and from the function label', () => {
  const t = testInstance(`(module
    (func (export "early") (param i32) (result i32)
      (block (loop (block
        local.get 0 (if (then i32.const 42 i32.const 43 drop return))
        br 2)))
      i32.const 7)
    (func (export "brOut") (result i32 i32)
      i32.const 1 i32.const 2 i32.const 3 br 0))`);
  assert.equal(t.call('early', 1), [42]);
  assert.equal(t.call('early', 0), [7]);
  assert.equal(t.call('brOut'), [2, 3]);
});

test('unreachable traps; dead code after branches is skipped', () => {
  const t = testInstance(`(module
    (func (export "u") unreachable)
    (func (export "dead") (result i32)
      (block (result i32)
        i32.const 1
        br 0
        ;; unreachable code with nested structure and immediates of every shape
        (block (loop (if (i32.const 0) (then nop) (else nop))))
        i64.const 0x7fffffffffffffff drop
        f64.const 1.5 drop
        (br_table 0 0 0 (i32.const 0))
        unreachable))
    (func (export "deadElse") (param i32) (result i32)
      (if (result i32) (local.get 0)
        (then (return (i32.const 5)) i32.const 99)
        (else i32.const 6))))`);
  try {
    t.call('u');
    assert.unreachable('should trap');
  } catch (e) {
    assert.instance(e, Trap);
    assert.is((e as Trap).kind, TrapKind.Unreachable);
  }
  assert.equal(t.call('dead'), [1]);
  assert.equal(t.call('deadElse', 1), [5]);
  assert.equal(t.call('deadElse', 0), [6]);
});

test('select, typed select and zero-initialised locals of every type', () => {
  const t = testInstance(`(module
    (func (export "sel") (param i32) (result i64)
      i64.const 1 i64.const 2 local.get 0 select)
    (func (export "selRef") (param i32) (result externref)
      ref.null extern (ref.null extern) local.get 0 select (result externref))
    (func (export "zeros") (result i32 i64 f32 f64 funcref externref)
      (local i32 i64 f32 f64 funcref externref)
      local.get 0 local.get 1 local.get 2 local.get 3 local.get 4 local.get 5)
    (func (export "v128zero") (result v128) (local v128) local.get 0))`);
  assert.equal(t.call('sel', 1), [1n]);
  assert.equal(t.call('sel', 0), [2n]);
  assert.equal(t.call('selRef', 0), [null]);
  assert.equal(t.call('zeros'), [0, 0n, 0, 0, null, null]);
  const [v1] = t.call('v128zero') as Uint8Array[];
  const [v2] = t.call('v128zero') as Uint8Array[];
  assert.equal([...v1], new Array(16).fill(0));
  assert.ok(v1 !== v2, 'each call gets a fresh zero vector');
});

test('calls and recursion', () => {
  const t = testInstance(`(module
    (func $fib (export "fib") (param i32) (result i32)
      (if (result i32) (i32.lt_s (local.get 0) (i32.const 2))
        (then (local.get 0))
        (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))
                       (call $fib (i32.sub (local.get 0) (i32.const 2)))))))
    (func $depth (export "depth") (param i32) (result i32)
      (if (result i32) (i32.eqz (local.get 0))
        (then (i32.const 0))
        (else (i32.add (i32.const 1) (call $depth (i32.sub (local.get 0) (i32.const 1)))))))
    (func $multi (param i32) (result i32 i32) (local.get 0) (i32.mul (local.get 0) (local.get 0)))
    (func (export "useMulti") (param i32) (result i32) (i32.sub (call $multi (local.get 0)))))`,
  { maxDepth: 100_000 });
  const fib = (n: number): number => (n < 2 ? n : fib(n - 1) + fib(n - 2));
  assert.equal(t.call('fib', 20), [fib(20)]);
  // Far deeper than the JS stack would allow with one JS frame per wasm call.
  assert.equal(t.call('depth', 90_000), [90_000]);
  assert.is(t.state.store.depth, 0);
  assert.equal(t.call('useMulti', 7), [7 - 49]);
});

test('globals and ref.func / ref.is_null', () => {
  const t = testInstance(`(module
    (global $g (mut i64) (i64.const 5))
    (global $r (mut funcref) (ref.null func))
    (func $f (export "f") (result i32) i32.const 9)
    (elem declare func $f)
    (func (export "bump") (result i64)
      (global.set $g (i64.add (global.get $g) (i64.const 1))) (global.get $g))
    (func (export "refs") (result i32 i32)
      (ref.is_null (global.get $r))
      (global.set $r (ref.func $f))
      (ref.is_null (global.get $r))))`);
  assert.equal(t.call('bump'), [6n]);
  assert.equal(t.call('bump'), [7n]);
  assert.equal(t.call('refs'), [1, 0]);
  assert.is(t.state.globals[1].value, t.fn('f'));
});

test.run();
