// Unrolled loops (optLevel speed) give the interpreter's outcomes: every way into, around and
// out of a body written out several times (branches to the loop from nested blocks and
// br_table, early exits, params and results, traps in any copy with exact frames, fuel and
// epoch checks per iteration), for 1 to 4 copies. Also which loops qualify, and how many
// copies each gets.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import vm from 'node:vm';
import type { Config } from '../config/knobs.js';
import { Trap } from '../errors.js';
import type { InstanceState, Raw } from '../instance/objects.js';
import type { Module } from '../api/Module.js';
import { compile, hostFunc, outcome, setup, watToBytes, type Setup } from './_internals/testing.js';
import { unrollableSize, unrollCopies, UNROLL_BUDGET, UNROLL_LIMIT, UNROLL_MAX_COPIES } from './_internals/unrolling.js';
import { ModuleScope } from './_internals/ModuleScope.js';
import { translateFunction } from './_internals/translateFunction.js';
import { assembleScript } from './_internals/assembleScript.js';
import { RT, type JsFunction, type RuntimeSupport } from './_internals/runtimeSupport.js';

const WAT = `(module
  (memory 1)
  ;; sum of 1..n, the counter tested at the bottom (n >= 1)
  (func (export "sum") (param $n i32) (result i32) (local $s i32)
    (loop $l
      (local.set $s (i32.add (local.get $s) (local.get $n)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $s))
  ;; branches to the loop from inside nested blocks and an if; an early exit by depth
  (func (export "nested") (param $n i32) (result i32) (local $s i32)
    (block $out
      (loop $l
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br_if $out (i32.lt_s (local.get $n) (i32.const 0)))
        (block $skip
          (br_if $skip (i32.and (local.get $n) (i32.const 1)))
          (local.set $s (i32.add (local.get $s) (local.get $n)))
          (if (i32.eq (local.get $n) (i32.const 6)) (then (br $l))))
        (local.set $s (i32.add (local.get $s) (i32.const 100)))
        (br_if $out (i32.gt_u (local.get $s) (i32.const 2000)))
        (br $l)))
    (local.get $s))
  ;; br_table to the loop, to an inner block and out
  (func (export "table") (param $n i32) (result i32) (local $s i32)
    (block $out
      (loop $l
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (block $inner
          (br_table $l $inner $l $out (i32.rem_u (local.get $n) (i32.const 4))))
        (local.set $s (i32.add (local.get $s) (i32.const 1)))
        (br_if $l (i32.lt_u (local.get $s) (i32.const 9)))))
    (i32.add (local.get $s) (i32.mul (local.get $n) (i32.const 1000))))
  ;; a loop with params and results: (a, b) -> (b, a + b) until b passes the limit
  (func (export "multi") (param $lim i32) (result i32 i32) (local $t i32) (local $u i32)
    (i32.const 0) (i32.const 1)
    (loop $l (param i32 i32) (result i32 i32)
      (local.set $t)
      (local.set $u (i32.add (local.get $t)))
      (local.get $t) (local.get $u)
      (br_if $l (i32.lt_u (local.get $u) (local.get $lim)))))
  ;; f64 accumulation over memory, the matmul kernel's inner loop: NaN bits must come out exact
  (func (export "dot") (param $n i32) (result f64) (local $p i32) (local $acc f64)
    (block $out
      (br_if $out (i32.eqz (local.get $n)))
      (loop $l
        (local.set $acc (f64.add (local.get $acc)
          (f64.mul (f64.load (local.get $p)) (f64.load offset=256 (local.get $p)))))
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
    (local.get $acc))
  (func (export "poke") (param i32 i64) (i64.store (local.get 0) (local.get 1)))
  ;; traps on the n-th iteration (an odd or even one: either copy)
  (func (export "traps") (param $n i32) (result i32) (local $i i32)
    (loop $l
      (drop (i32.load (i32.sub (i32.const 65536) (i32.mul (i32.sub (local.get $n) (local.get $i)) (i32.const 4)))))
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 100))))
    (local.get $i))
  ;; the body ends unreachable: only the branch back keeps it going
  (func (export "dead") (param $n i32) (result i32)
    (loop $l
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br_if $l (local.get $n))
      (return (i32.const 42))
      (unreachable))
    (i32.const -1))
  ;; returns from inside the loop
  (func (export "ret") (param $n i32) (result i32)
    (loop $l
      (if (i32.ge_u (local.get $n) (i32.const 37)) (then (return (local.get $n))))
      (local.set $n (i32.add (local.get $n) (i32.const 5)))
      (br $l))
    (i32.const -1))
)`;

const CALLS: [string, Raw[]][] = [
  ['sum', [1]], ['sum', [2]], ['sum', [7]], ['sum', [64]],
  ['nested', [0]], ['nested', [1]], ['nested', [2]], ['nested', [9]], ['nested', [100]],
  ['table', [0]], ['table', [1]], ['table', [2]], ['table', [3]],
  ['multi', [0]], ['multi', [1]], ['multi', [2]], ['multi', [100]], ['multi', [1000]],
  ['traps', [0]], ['traps', [1]], ['traps', [2]], ['traps', [3]], ['traps', [100]],
  ['dead', [1]], ['dead', [2]], ['dead', [5]],
  ['ret', [0]], ['ret', [36]], ['ret', [37]], ['ret', [2]],
];

/** f64 bit patterns poked into memory before the dot products: NaNs of every kind, infinities. */
const POKES: [number, bigint][] = [
  [0, 0x3ff0000000000000n], [256, 0x4000000000000000n],
  [8, 0x7ff4000000000001n], [264, 0x3ff0000000000000n], // signalling NaN x 1
  [16, 0x7ff0000000000000n], [272, 0n], // infinity x 0: a new NaN
  [24, BigInt.asIntN(64, 0xfff8000000000ab1n)], [280, 0x7ff8000000000000n], // two NaNs
  [32, 0x7ff0000000000000n], [288, 0x3ff0000000000000n],
  [40, BigInt.asIntN(64, 0xfff0000000000000n)], [296, 0x3ff0000000000000n], // inf + -inf
];

function runAll(config: Partial<Config>): unknown[] {
  const s = setup(WAT, config);
  const out: unknown[] = CALLS.map(([name, args]) => outcome(() => s.call(name, ...args)));
  for (let n = 0; n <= 6; n++) {
    for (const [at, bits] of POKES.slice(0, 2 * (n + 1))) s.call('poke', at, bits);
    out.push(outcome(() => s.call('dot', n)));
  }
  return out;
}

test('the default config unrolls these loops (the cases below test unrolled code)', () => {
  const text = setup(WAT).image.text;
  for (const fragment of ['$tMemory(); d1 = $dv.getFloat64', '$dv.getInt32']) {
    const copies = text.split(fragment).length - 1;
    assert.ok(copies >= 2, `${fragment} appears ${copies} times`);
  }
  const none = setup(WAT, { optLevel: 'none' }).image.text;
  assert.is(none.split('$M0.view.getInt32').length - 1, 1, 'optLevel none writes each body once');
});

test('unrolled loops: same results, traps and frames as the interpreter', () => {
  const expected = runAll({ tier: 'interp' });
  for (const config of [{}, { boundsChecks: 'guarded' as const }, { paddingBetweenFunctions: 9, generateAddressMap: true }, { optLevel: 'none' as const }]) {
    assert.equal(runAll(config), expected, JSON.stringify(config));
  }
});

test('fuel: charged and checked once per iteration of an unrolled loop', () => {
  const modules = { compiled: compile(WAT, { consumeFuel: true }), interp: compile(WAT, { tier: 'interp', consumeFuel: true }) };
  for (const [name, args] of [['sum', [5]], ['nested', [9]], ['table', [2]], ['multi', [100]], ['dead', [4]]] as [string, Raw[]][]) {
    for (let fuel = 0; fuel <= 90; fuel += 3) {
      const run = (m: Module) => {
        const s = setup(m);
        s.store.setFuel(fuel);
        return [outcome(() => s.call(name, ...args)), s.store.getFuel()];
      };
      assert.equal(run(modules.compiled), run(modules.interp), `${name}(${args}) with fuel ${fuel}`);
    }
  }
});

test('epoch: the deadline is checked at the header of every iteration', () => {
  const wat = `(module
    (import "h" "tick" (func $tick))
    (global $n (export "n") (mut i32) (i32.const 0))
    (func (export "run")
      (loop $l
        (call $tick)
        (global.set $n (i32.add (global.get $n) (i32.const 1)))
        (br_if $l (i32.lt_u (global.get $n) (i32.const 100))))))`;
  const run = (tier: Config['tier'], deadline: number) => {
    let s: Setup | undefined;
    const tick = hostFunc([], [], () => {
      Atomics.add(s!.engine.epoch, 0, 1);
      return [];
    });
    s = setup(wat, { tier, epochInterruption: true }, { 'h.tick': tick });
    s.store.setEpochDeadline(deadline);
    return [outcome(() => s!.call('run')), s.instance.getGlobal('n')!.value];
  };
  for (const deadline of [1, 2, 3, 4, 7]) {
    const c = run('compiled', deadline);
    assert.equal(c, run('interp', deadline), `deadline ${deadline}`);
    assert.is((c[0] as { trap?: string }).trap, 'interrupt');
  }
});

/**
 * The module's functions translated with `unrollCopies` copies (a TranslateOptions choice no
 * knob sets yet), bound to a fresh instance, called raw: results, or the trap's kind.
 */
function runCopies(copies: number): { results: unknown[]; text: string } {
  const s = setup(WAT);
  const info = s.module.info;
  const scope = new ModuleScope(info);
  const opts = { optimize: true, guarded: false, fuel: false, epoch: false, unrollCopies: copies };
  const codes = info.funcs.map((_, i) => translateFunction(scope, info.numImportedFuncs + i, opts));
  const script = assembleScript(scope, codes, 0).text;
  const fns = (new vm.Script(script).runInThisContext() as (rt: RuntimeSupport) => { instantiate: (i: InstanceState) => JsFunction[] })(RT).instantiate(s.instance.state);
  const index = new Map(info.exports.map((e) => [e.name, e.index - info.numImportedFuncs]));
  const results = CALLS.map(([name, args]) => {
    try {
      const r: unknown = fns[index.get(name)!](...args);
      return Array.isArray(r) ? [...r] : r; // multi-value results come in a shared array
    } catch (e) {
      s.store.state.depth = 0;
      if (e instanceof Trap) return e.kind;
      throw e;
    }
  });
  return { results: JSON.parse(JSON.stringify(results)), text: codes[0].text };
}

test('any number of copies: the interpreter\'s results (translated directly)', () => {
  const interp = setup(WAT, { tier: 'interp' });
  const expected = CALLS.map(([name, args]) => {
    const o = outcome(() => interp.call(name, ...args)) as { ok?: unknown[]; trap?: string };
    return o.ok === undefined ? o.trap : o.ok.length === 1 ? o.ok[0] : o.ok;
  });
  for (const copies of [1, 2, 3, 4]) {
    const { results, text } = runCopies(copies);
    assert.equal(results, expected, `${copies} copies`);
    assert.is(text.split('l1 = ((l1 + l0) | 0);').length - 1, copies, `sum's body written ${copies} times`);
  }
});

/** Where the body of the loop starting `wat`'s only function starts (past its block type). */
function firstLoopBody(wat: string): { bytes: Uint8Array; start: number; end: number } {
  const bytes = watToBytes(wat);
  const body = compile(bytes).info.funcs[0];
  assert.is(bytes[body.codeStart], 0x03, 'the body starts with a loop');
  return { bytes, start: body.codeStart + 2, end: body.codeEnd };
}

test('unrollableSize: innermost loops up to the limit only, counted without their end', () => {
  const small = firstLoopBody('(module (func (loop (br 0))))');
  assert.is(unrollableSize(small.bytes, small.start, small.end), 1);
  const outer = firstLoopBody('(module (func (loop (loop (br 1)))))');
  assert.is(unrollableSize(outer.bytes, outer.start, outer.end), undefined, 'a loop inside');
  const nops = (n: number) => firstLoopBody(`(module (func (loop ${'(nop) '.repeat(n)})))`);
  const fits = nops(UNROLL_LIMIT);
  assert.is(unrollableSize(fits.bytes, fits.start, fits.end), UNROLL_LIMIT);
  const over = nops(UNROLL_LIMIT + 1);
  assert.is(unrollableSize(over.bytes, over.start, over.end), undefined, 'too long');
});

test('unrollCopies: short bodies get more copies, within the budget, 2 to 4', () => {
  assert.is(unrollCopies(1), UNROLL_MAX_COPIES);
  assert.is(unrollCopies(UNROLL_BUDGET / 4), 4);
  assert.is(unrollCopies(UNROLL_BUDGET / 4 + 1), 3);
  assert.is(unrollCopies(UNROLL_BUDGET / 3 + 1), 2);
  assert.is(unrollCopies(UNROLL_LIMIT), 2, 'the longest body still gets two');
  for (let n = 1; n <= UNROLL_LIMIT; n++) {
    const c = unrollCopies(n);
    assert.ok(c === 2 || c * n <= UNROLL_BUDGET, `${n} instructions: ${c} copies`);
  }
});

test('the default config writes a short body out more times than a long one', () => {
  // The body adds 12345 once per copy; `more` lengthens it.
  const copiesOf = (more: string): number => {
    const wat = `(module (memory 1) (func (export "f") (param i32) (result i32) (local i32)
      (loop (local.set 1 (i32.add (local.get 1) (i32.const 12345))) ${more}
        (br_if 0 (local.tee 0 (i32.sub (local.get 0) (i32.const 1)))))
      (local.get 1)))`;
    return setup(wat).image.text.split('12345').length - 1;
  };
  const short = copiesOf('');
  const long = copiesOf('(drop (i32.load (local.get 1))) '.repeat(12));
  assert.is(short, UNROLL_MAX_COPIES, 'a 9-instruction body');
  assert.is(long, 2, 'a 45-instruction body');
});

test.run();
