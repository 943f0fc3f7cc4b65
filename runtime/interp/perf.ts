// Quick interpreter speed check (not a test): runs loops of about 10^6 wasm instructions and
// prints ns per executed instruction. Run with `node dist/runtime/interp/perf.js`.

import { testInstance } from './_internals/testInstance.js';

// Each iteration executes exactly 11 instructions (the `loop` instruction itself runs once).
const I32_LOOP = `(module
  (func (export "run") (param i32) (result i32) (local i32 i32)
    (loop
      local.get 1 local.get 2 i32.add local.set 1
      local.get 2 i32.const 1 i32.add local.tee 2
      local.get 0 i32.lt_s br_if 0)
    local.get 1))`;

// 15 instructions per iteration: memory traffic plus f64 and i64 arithmetic through the tables.
const MIXED_LOOP = `(module
  (memory 1)
  (func (export "run") (param i32) (result i32) (local i32 f64 i64)
    (loop
      local.get 1 i32.const 8 i32.rem_u local.get 2 f64.store offset=16
      local.get 2 f64.const 1.5 f64.add local.set 2
      local.get 3 i64.const 3 i64.add local.set 3
      local.get 1 i32.const 1 i32.add local.tee 1
      local.get 0 i32.lt_s br_if 0)
    local.get 1))`;

// A call per iteration: 7 instructions in the loop plus 3 in the callee (its `end` is free).
const CALL_LOOP = `(module
  (func $inc (param i32) (result i32) local.get 0 i32.const 1 i32.add)
  (func (export "run") (param i32) (result i32) (local i32)
    (loop
      local.get 1 call $inc local.set 1
      local.get 1 local.get 0 i32.lt_s br_if 0)
    local.get 1))`;

function measure(label: string, wat: string, perIteration: number, fuel?: number): void {
  const iterations = 100_000;
  const t = testInstance(wat, { fuel });
  const f = t.fn('run');
  for (let i = 0; i < 20; i++) {
    if (fuel !== undefined) t.state.store.fuel = fuel;
    f.invoke([iterations]); // warm up: let V8 optimise the loop
  }
  const runs = 20;
  const start = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) {
    if (fuel !== undefined) t.state.store.fuel = fuel;
    f.invoke([iterations]);
  }
  const ns = Number(process.hrtime.bigint() - start);
  const instructions = runs * iterations * perIteration;
  console.log(`${label.padEnd(28)} ${(ns / instructions).toFixed(2)} ns/instruction (${instructions / runs} instructions per run, ${(ns / runs / 1e6).toFixed(2)} ms per run)`);
}

measure('i32 loop', I32_LOOP, 11);
measure('i32 loop, fuel on', I32_LOOP, 11, 1e12);
measure('memory + f64 + i64 loop', MIXED_LOOP, 15);
measure('call loop', CALL_LOOP, 10);
