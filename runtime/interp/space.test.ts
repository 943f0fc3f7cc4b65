// The interpreter's shared space (space.ts): functions placed in the code text at absolute
// positions with their branch targets relocated, the text emptied only when no run is active,
// the typed error when it is full under a running function, and the frame space's limit.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CodeSpaceExhausted, Trap, TrapKind } from '../errors.js';
import { ValType } from '../types.js';
import type { InterpFunc } from './_internals/InterpFunc.js';
import { FRAME_SLOTS, SPACE, TEXT_SLOTS } from './_internals/space.js';
import { hostFunc, testInstance } from './_internals/testInstance.js';

// Loops and ifs in a callee and a caller: wrong relocation sends a branch into another function.
const BRANCHY = `(module
  (import "h" "f" (func $host (param i32) (result i32)))
  (func $collatz (export "collatz") (param $n i32) (result i32) (local $steps i32)
    (block $done
      (loop $next
        (br_if $done (i32.eq (local.get $n) (i32.const 1)))
        (if (i32.and (local.get $n) (i32.const 1))
          (then (local.set $n (i32.add (i32.mul (local.get $n) (i32.const 3)) (i32.const 1))))
          (else (local.set $n (i32.shr_u (local.get $n) (i32.const 1)))))
        (local.set $steps (i32.add (local.get $steps) (i32.const 1)))
        (br $next)))
    (local.get $steps))
  (func (export "sum") (param $k i32) (result i32) (local $s i32)
    (loop $l
      (local.set $s (i32.add (local.get $s) (call $collatz (local.get $k))))
      (br_if $l (local.tee $k (i32.sub (local.get $k) (i32.const 1)))))
    (local.get $s))
  (func (export "viaHost") (param i32) (result i32) (call $host (local.get 0)))
  ;; Its param (in the i32 register file) and an f64 local are read after the host call.
  (func (export "keepAcross") (param $n i32) (result i32) (local $x f64)
    (local.set $x (f64.convert_i32_s (local.get $n)))
    (i32.add (i32.add (call $host (local.get $n)) (local.get $n)) (i32.trunc_f64_s (local.get $x)))))`;

const I32_TO_I32 = { params: [ValType.I32], results: [ValType.I32] };

function collatzSteps(n: number): number {
  let steps = 0;
  for (; n !== 1; steps++) n = n % 2 === 1 ? 3 * n + 1 : n / 2;
  return steps;
}

function branchy(host: (n: number) => number = (n) => n) {
  return testInstance(BRANCHY, { imports: { 'h.f': hostFunc(I32_TO_I32, (a) => [host(a[0] as number)]) } });
}

test('functions run from any position in the text, branches relocated', () => {
  const t = branchy();
  // Something else placed first, so these functions stand past the start of the text.
  testInstance('(module (func (export "f") (result i32) (i32.const 1)))').call('f');
  let want = 0;
  for (let k = 1; k <= 30; k++) want += collatzSteps(k);
  assert.equal(t.call('sum', 30), [want]);
  const f = t.fn('collatz') as InterpFunc;
  assert.ok(f.code().start > 0, 'placed past the start');
  assert.is(f.code().gen, SPACE.gen);
});

test('a full text is emptied when no run is active, and functions are placed again', () => {
  const t = branchy();
  assert.equal(t.call('collatz', 27), [collatzSteps(27)]);
  const f = (t.fn('collatz') as InterpFunc).code();
  const gen = SPACE.gen;
  SPACE.top = TEXT_SLOTS - 1; // as if the text had filled up
  const u = testInstance('(module (func (export "f") (result i32) (i32.const 5)))');
  assert.equal(u.call('f'), [5]);
  assert.is(SPACE.gen, gen + 1, 'emptied');
  assert.equal(t.call('collatz', 27), [collatzSteps(27)], 'placed again');
  assert.is(f.gen, SPACE.gen);
});

test('a full text under a running function: a typed error, and the next run starts afresh', () => {
  let t = branchy();
  t = branchy((n) => {
    SPACE.top = TEXT_SLOTS - 1; // fills up while the outer run is active
    return t.call('collatz', n)[0] as number;
  });
  const active = SPACE.active;
  assert.throws(() => t.call('viaHost', 27), (e: unknown) => e instanceof CodeSpaceExhausted && !(e instanceof Trap));
  assert.is(SPACE.active, active, 'every run that started has finished');
  assert.is(SPACE.base, 0);
  // Nothing is running now: the text is emptied for the next function placed.
  const u = branchy();
  assert.equal(u.call('sum', 10), [[...Array(10)].reduce((s, _, i) => s + collatzSteps(i + 1), 0)]);
});

test('nested runs (through a host call) place their frames past the caller', () => {
  // Each level keeps values in its frame across a host call that calls back in, 50 levels
  // deep: a nested run writing over its caller's frame changes the sum.
  let t = branchy();
  let depth = 0;
  t = branchy((n) => (++depth > 50 ? 0 : (t.call('keepAcross', n + 1)[0] as number)));
  let want = 0;
  for (let n = 27; n <= 77; n++) want += 2 * n;
  assert.equal(t.call('keepAcross', 27), [want]);
  assert.is(SPACE.base, 0, 'back at the bottom');
});

test('frames past the frame space trap "call stack exhausted", and the store stays usable', () => {
  // 2,000 i32 locals a frame: the frame space runs out long before a depth of 100,000.
  const locals = ' i32'.repeat(2000);
  const t = testInstance(`(module
    (func $deep (export "deep") (param $n i32) (result i32) (local${locals})
      (if (result i32) (local.get $n)
        (then (i32.add (call $deep (i32.sub (local.get $n) (i32.const 1))) (i32.const 1)))
        (else (i32.const 0)))))`, { maxDepth: 100000 });
  assert.ok(2000 * 100000 > FRAME_SLOTS);
  try {
    t.call('deep', 99999);
    assert.unreachable('expected a trap');
  } catch (e) {
    assert.instance(e, Trap);
    assert.is((e as Trap).kind, TrapKind.CallStackExhausted);
  }
  assert.equal(t.call('deep', 100), [100]);
  assert.ok(globalThis.__crucibleStack.length <= 1 << 16, 'the value stack was cut back');
});

test.run();
