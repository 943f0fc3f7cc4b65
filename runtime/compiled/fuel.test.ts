// Fuel parity with the interpreter: for every starting fuel from 0 up past what a run needs,
// the compiled tier must trap at the same point (same kind, same frames) and leave the same
// fuel, and a host function must see the same fuel when called. Both follow exec/fuelPlan.ts.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ValType } from '../types.js';
import type { Config } from '../config/knobs.js';
import type { Raw } from '../instance/objects.js';
import type { Module } from '../api/Module.js';
import { compile, hostFunc, outcome, setup, type Setup } from './_internals/testing.js';

const WAT = `(module
  (import "h" "peek" (func $peek (param i32)))
  (memory 1)
  (table 2 funcref)
  (elem (i32.const 0) $sq $sum)
  (type $ii (func (param i32) (result i32)))
  (func $sq (param i32) (result i32) (i32.mul (local.get 0) (local.get 0)))
  (func $sum (export "sum") (param i32) (result i32) (local i32)
    (block $out
      (loop $l
        (br_if $out (i32.eqz (local.get 0)))
        (local.set 1 (i32.add (local.get 1) (call $sq (local.get 0))))
        (call $peek (local.get 1))
        (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
        (br $l)))
    (local.get 1))
  (func (export "branchy") (param i32) (result i32)
    (block $a
      (block $b
        (block $c (br_table $a $b $c (local.get 0)))
        (return (i32.const 1)))
      (drop (if (result i32) (i32.and (local.get 0) (i32.const 1))
        (then (nop) (i32.const 2))
        (else (call_indirect (type $ii) (i32.const 5) (i32.const 0))))))
    (i32.const 3))
  (func (export "traps") (param i32) (result i32)
    (drop (i32.load (i32.const 0)))
    (i32.div_u (i32.const 10) (local.get 0)))
  (func (export "grows") (param i32) (result i32)
    (drop (memory.grow (local.get 0)))
    (memory.fill (i32.const 0) (i32.const 7) (local.get 0))
    (i32.load8_u (i32.const 0)))
)`;

interface Run {
  readonly outcome: unknown;
  readonly fuel: number | undefined;
  readonly peeks: (number | undefined)[];
}

const modules = new Map<string, Module>();

/** A fresh instance (and store) of the module compiled once per config. */
function instance(config: Partial<Config>, peeks: (number | undefined)[]): Setup {
  const key = JSON.stringify(config);
  let m = modules.get(key);
  if (m === undefined) modules.set(key, (m = compile(WAT, { consumeFuel: true, ...config })));
  let s: Setup | undefined;
  const peek = hostFunc([ValType.I32], [], () => {
    peeks.push(s!.store.getFuel());
    return [];
  });
  s = setup(m, {}, { 'h.peek': peek });
  return s;
}

function run(config: Partial<Config>, fuel: number, name: string, args: Raw[]): Run {
  const peeks: (number | undefined)[] = [];
  const s = instance(config, peeks);
  s.store.setFuel(fuel);
  const o = outcome(() => s.call(name, ...args));
  return { outcome: o, fuel: s.store.getFuel(), peeks };
}

const CASES: [string, Raw[]][] = [
  ['sum', [0]], ['sum', [3]], ['branchy', [0]], ['branchy', [1]], ['branchy', [2]], ['branchy', [3]], ['branchy', [9]],
  ['traps', [0]], ['traps', [5]], ['grows', [1]],
];

test('every starting fuel: same trap point, same remaining fuel, same fuel seen by the host', () => {
  for (const config of [{}, { optLevel: 'none' as const }, { boundsChecks: 'guarded' as const, paddingBetweenFunctions: 17 }]) {
    for (const [name, args] of CASES) {
      for (let fuel = 0; fuel <= 70; fuel++) {
        const c = run(config, fuel, name, args);
        const i = run({ tier: 'interp' }, fuel, name, args);
        assert.equal(c, i, `${name}(${args}) with fuel ${fuel} ${JSON.stringify(config)}`);
      }
    }
  }
});

test('the fuel trap is "all fuel consumed" at the check that saw a negative count', () => {
  const c = run({}, 20, 'sum', [3]);
  const i = run({ tier: 'interp' }, 20, 'sum', [3]);
  assert.equal(c, i);
  assert.ok(typeof c.outcome === 'object' && c.outcome !== null && 'trap' in c.outcome);
  assert.is((c.outcome as { trap: string }).trap, 'all fuel consumed');
  assert.ok(c.fuel! < 0);
});

test('fuel reaches codegen: charges and checks are in the text only with consumeFuel', () => {
  const on = instance({}, []).image.text;
  const off = setup(WAT, {}, { 'h.peek': hostFunc([ValType.I32], [], () => []) }).image.text;
  assert.ok(on.includes('st.fuel -='));
  assert.ok(!off.includes('st.fuel'));
});

test.run();
