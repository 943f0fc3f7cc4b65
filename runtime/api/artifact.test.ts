// Artifacts end to end through the Module API: serialize, deserialize (bytes) and
// deserializeFile give modules that behave exactly like the fresh compilation, results, traps
// and backtraces (names, offsets) included, under every config of the knob matrix on both
// tiers; corrupt or foreign artifacts are refused with ArtifactError and nothing else.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { DEFAULT_CONFIG, type Config } from '../config/knobs.js';
import { configMatrix } from '../../harness/generators/configs.js';
import { ArtifactError } from '../artifact/ArtifactError.js';
import { rejects } from '../artifact/_internals/testing.js';
import { Engine } from './Engine.js';
import { Module } from './Module.js';
import { Store } from './Store.js';
import { Linker } from './Linker.js';
import { outcome, watToBytes, type Outcome } from '../compiled/_internals/testing.js';
import { rawArray } from '../instance/objects.js';

const dir = mkdtempSync(join(tmpdir(), 'crucible-artifact-test-'));
process.once('exit', () => rmSync(dir, { recursive: true, force: true }));

// Memory image (active data at constant offsets), a passive segment, a table with active and
// passive elements, globals of every scalar type (a NaN payload among them), a start function,
// names, and a trap deep in a call chain for backtraces.
const WASM = watToBytes(`(module
  (memory 1 3)
  (data (i32.const 8) "\\01\\02\\03\\04")
  (data (i32.const 65000) "tail")
  (data $p "passive!")
  (table 4 funcref)
  (elem (i32.const 1) $sq $deep)
  (elem $e func $sq)
  (global $g (mut i32) (i32.const 5))
  (global $h i64 (i64.const -9007199254740993))
  (global $n f64 (f64.const nan:0x4000000000001))
  (global $f f32 (f32.const -nan:0x200001))
  (func $start (global.set $g (i32.add (global.get $g) (i32.load8_u (i32.const 9)))))
  (start $start)
  (func $sq (param i32) (result i32) (i32.mul (local.get 0) (local.get 0)))
  (func $deep (param i32) (result i32)
    (if (result i32) (local.get 0)
      (then (call $deep (i32.sub (local.get 0) (i32.const 1))))
      (else (i32.load (i32.const 300000)))))
  (func (export "run") (param i32) (result i32)
    (memory.init $p (i32.const 100) (i32.const 0) (i32.const 8))
    (i32.add (call_indirect (param i32) (result i32) (local.get 0) (i32.const 1))
      (i32.add (i32.load (i32.const 8)) (i32.add (global.get $g) (i32.load (i32.const 100))))))
  (func (export "grow") (result i32) (drop (memory.grow (i32.const 1))) (i32.load (i32.const 65000)))
  (func (export "trap") (param i32) (result i32) (call_indirect (param i32) (result i32) (local.get 0) (i32.const 2)))
  (func (export "globals") (result i64 f64 f32) (global.get $h) (global.get $n) (global.get $f)))`, true);

function behaviour(m: Module): Outcome[] {
  const engine = m.engine;
  const store = new Store(engine);
  if (engine.config.consumeFuel) store.setFuel(1e7);
  if (engine.config.epochInterruption) store.setEpochDeadline(1e6);
  const instance = new Linker().instantiate(store, m);
  const call = (name: string, ...args: number[]) => outcome(() => {
    const a = rawArray(args.length);
    args.forEach((x, i) => (a[i] = x));
    return instance.getFunc(name)!.invoke(a);
  });
  return [call('run', 3), call('run', -2), call('grow'), call('trap', 4), call('globals')];
}

let n = 0;
function viaFile(engine: Engine, artifact: Uint8Array): Module {
  const path = join(dir, `m${n++}.cwasm`);
  writeFileSync(path, artifact);
  return Module.deserializeFile(engine, path);
}

test('round trip under every config of the matrix, both tiers', () => {
  const configs = [
    ...configMatrix({ ...DEFAULT_CONFIG, tier: 'interp' }),
    ...configMatrix({ ...DEFAULT_CONFIG, tier: 'compiled' }),
  ];
  assert.ok(configs.length >= 20);
  for (const { name, config } of configs) {
    const engine = new Engine({ ...config, moduleCache: false });
    const fresh = new Module(engine, WASM);
    const expected = behaviour(fresh);
    const artifact = fresh.serialize();
    const fromBytes = Module.deserialize(engine, artifact);
    const fromFile = viaFile(engine, artifact);
    assert.is(fromFile.origin, 'artifact');
    assert.equal(behaviour(fromBytes), expected, `${config.tier} ${name}: deserialize`);
    assert.equal(behaviour(fromFile), expected, `${config.tier} ${name}: deserializeFile`);
    assert.equal(behaviour(fromFile), expected, `${config.tier} ${name}: a second instance`);
  }
});

test('the trap backtrace of a loaded module carries names and offsets', () => {
  const engine = new Engine({ tier: 'compiled' });
  const loaded = viaFile(engine, new Module(engine, WASM).serialize());
  const got = behaviour(loaded)[3] as { trap: string; frames: { name?: string; offset?: number }[] };
  assert.is(got.trap, 'out of bounds memory access');
  assert.equal(got.frames.slice(0, 6).map((f) => f.name), ['deep', 'deep', 'deep', 'deep', 'deep', undefined]);
  assert.ok(got.frames.every((f) => typeof f.offset === 'number'));
});

test('other knobs, another tier, another runtime build: refused with the reason', () => {
  const artifact = new Module(new Engine({ tier: 'compiled' }), WASM).serialize();
  assert.is(rejects(() => Module.deserialize(new Engine({ tier: 'compiled', optLevel: 'none' }), artifact)).reason, 'knobs');
  assert.match(rejects(() => Module.deserialize(new Engine({ tier: 'compiled', optLevel: 'none' }), artifact)).message, /optLevel/);
  assert.is(rejects(() => Module.deserialize(new Engine({ tier: 'interp' }), artifact)).reason, 'knobs');
  // Knobs that do not change code are free to differ.
  behaviour(Module.deserialize(new Engine({ tier: 'compiled', maxCallDepth: 2000, poolingAllocator: true }), artifact));
});

test('random bit flips and truncations are refused by deserialize, never crash', () => {
  const engine = new Engine({ tier: 'compiled' });
  const artifact = new Module(engine, WASM).serialize();
  fc.assert(fc.property(fc.integer({ min: 0, max: artifact.length * 8 - 1 }), (bit) => {
    const bad = artifact.slice();
    bad[bit >> 3] ^= 1 << (bit & 7);
    rejects(() => Module.deserialize(engine, bad));
  }), { numRuns: 300, seed: 5 });
  fc.assert(fc.property(fc.integer({ min: 0, max: artifact.length - 1 }), (len) => {
    rejects(() => Module.deserialize(engine, artifact.subarray(0, len)));
    rejects(() => viaFile(engine, artifact.subarray(0, len)));
  }), { numRuns: 100, seed: 6 });
});

test('a bit flip in a file is refused at load or when the damaged section is first read', () => {
  const engine = new Engine({ tier: 'compiled' });
  const artifact = new Module(engine, WASM).serialize();
  const expected = behaviour(Module.deserialize(engine, artifact));
  fc.assert(fc.property(fc.integer({ min: 0, max: artifact.length * 8 - 1 }), (bit) => {
    const bad = artifact.slice();
    bad[bit >> 3] ^= 1 << (bit & 7);
    try {
      const m = viaFile(engine, bad);
      // Loaded: only a lazy section can be damaged; reading them all must refuse it.
      behaviour(m);
      m.info.bytes;
      for (const s of m.info.datas) s.bytes;
      assert.unreachable(`flip of bit ${bit} went unnoticed (behaviour ${JSON.stringify(behaviour(m)) === JSON.stringify(expected) ? 'unchanged' : 'CHANGED'})`);
    } catch (e) {
      if (!(e instanceof ArtifactError)) throw e;
    }
  }), { numRuns: 200, seed: 7 });
});

test('a missing file is an ArtifactError', () => {
  rejects(() => Module.deserializeFile(new Engine(), join(dir, 'nope.cwasm')));
});

test.run();
