// "Still fuzzing" for run-time behaviour: generated modules, run on the interpreter tier with
// calls from callsArbitrary, must reach every trap kind (fuel and interrupt aside) and must
// also mostly run without trapping. Anything thrown that is not a Trap is a failure here.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { Engine } from '../../../runtime/api/Engine.js';
import { Module } from '../../../runtime/api/Module.js';
import { Store } from '../../../runtime/api/Store.js';
import { Linker } from '../../../runtime/api/Linker.js';
import { Trap, TrapKind } from '../../../runtime/errors.js';
import { moduleArbitrary } from './moduleArbitrary.js';
import { callsArbitrary, resolveArgs } from '../calls.js';

const N = 1200;
const SEED = 777;
const FUEL = 50_000;

// A shallow call stack keeps "call stack exhausted" cheap; fuel is on only for modules that need it.
const plain = new Engine({ tier: 'interp', maxCallDepth: 1000 });
const fueled = new Engine({ tier: 'interp', maxCallDepth: 1000, consumeFuel: true });

const outcomes = new Map<string, number>();
const failures: string[] = [];
const bump = (k: string) => outcomes.set(k, (outcomes.get(k) ?? 0) + 1);

const cases = fc.sample(
  moduleArbitrary().chain((m) => callsArbitrary(m.info.exports, 4).map((calls) => ({ m, calls }))),
  { numRuns: N, seed: SEED },
);
cases.forEach(({ m, calls }, i) => {
  const engine = m.info.needsFuel ? fueled : plain;
  const store = new Store(engine);
  const refuel = () => m.info.needsFuel && store.setFuel(FUEL);
  const settle = (e: unknown, where: string) => {
    if (e instanceof Trap) bump(e.kind);
    else failures.push(`case ${i} (seed ${SEED}) ${where}: ${String((e as Error)?.stack ?? e)}`);
  };
  refuel();
  let instance;
  try {
    instance = new Linker().instantiate(store, new Module(engine, m.bytes));
  } catch (e) {
    settle(e, 'instantiation');
    return;
  }
  for (const c of calls) {
    refuel();
    try {
      instance.getFunc(c.name)!.invoke(resolveArgs(c.args, (name) => instance.getFunc(name)));
      bump('returned');
    } catch (e) {
      settle(e, c.name);
    }
  }
});

test(`every trap kind is reached (${N} modules on the interpreter)`, () => {
  console.log(`  outcomes: ${[...outcomes].map(([k, n]) => `${k}: ${n}`).join(', ')}`);
  assert.equal(failures.slice(0, 3), [], 'non-trap exceptions');
  const expected = Object.values(TrapKind).filter((k) => k !== TrapKind.OutOfFuel && k !== TrapKind.Interrupt);
  const missing = expected.filter((k) => !outcomes.get(k));
  assert.equal(missing, [], `trap kinds never reached: ${missing.join(', ')}`);
});

test('most calls return normally', () => {
  const returned = outcomes.get('returned') ?? 0;
  const trapped = [...outcomes].reduce((s, [k, n]) => (k === 'returned' ? s : s + n), 0);
  assert.ok(returned > trapped, `${returned} calls returned, ${trapped} trapped`);
});

test.run();
