// The module cache's key covers every setting that changes code: flipping any codegen knob of
// the table misses the cache, flipping any other knob hits it and, to prove the table's
// `codegen: false` is true, generates the very same code. (Wasmtime once served unoptimized
// code to an optimized config because its cache key left a setting out.)

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONFIG, KNOBS, type Config, type Knob, type KnobName } from '../config/knobs.js';
import { Engine } from './Engine.js';
import { Module, moduleCacheStats } from './Module.js';
import { Store } from './Store.js';
import { Linker } from './Linker.js';
import { moduleCacheKey, moduleCachePath } from './moduleCache.js';
import type { CompiledModule } from '../compiled/CompiledModule.js';
import { watToBytes } from '../compiled/_internals/testing.js';

const dir = mkdtempSync(join(tmpdir(), 'crucible-cache-test-'));
process.env.CRUCIBLE_CACHE_DIR = dir;
process.once('exit', () => rmSync(dir, { recursive: true, force: true }));

const WASM = watToBytes(`(module
  (memory 1) (data (i32.const 16) "\\2a\\00\\00\\00")
  (func $sq (param i32) (result i32) (i32.mul (local.get 0) (local.get 0)))
  (func (export "run") (param i32) (result i32)
    (i32.add (call $sq (local.get 0)) (i32.load (i32.const 16))))
  (func (export "oob") (result i32) (i32.load (i32.const 70000))))`, true);

const BASE: Config = { ...DEFAULT_CONFIG, tier: 'compiled', moduleCache: true };

/** A value of `knob` other than `v` (the first that differs). */
function other(knob: Knob, v: unknown): unknown {
  if (knob.kind === 'bool') return !v;
  if (knob.kind === 'int') return v === knob.min ? knob.max : knob.min;
  return knob.values.find((x) => x !== v);
}

function load(config: Config): { module: Module; origin: string; stats: ReturnType<typeof moduleCacheStats> } {
  const engine = new Engine(config);
  const module = new Module(engine, WASM);
  return { module, origin: module.origin, stats: moduleCacheStats(engine) };
}

function run(m: Module): number {
  const engine = m.engine;
  const instance = new Linker().instantiate(new Store(engine), m);
  if (engine.config.consumeFuel) instance.store.setFuel(1e6);
  if (engine.config.epochInterruption) instance.store.setEpochDeadline(1e6);
  return instance.getFunc('run')!.invoke([7])[0] as number;
}

test('a compile stores an entry, the same bytes and knobs hit it and run the same', () => {
  const first = load(BASE);
  assert.is(first.origin, 'compiled');
  assert.equal({ ...first.stats }, { hits: 0, misses: 1, rejected: 0, stores: 1, writeErrors: 0 });
  const again = load(BASE);
  assert.is(again.origin, 'cache');
  assert.is(run(again.module), run(first.module));
  assert.is(run(again.module), 49 + 42);
});

test('every codegen knob flipped misses the cache (hidden knobs included)', () => {
  const flips = (Object.entries(KNOBS) as [KnobName, Knob][]).filter(([, k]) => k.codegen);
  assert.ok(flips.length >= 8, 'the table has codegen knobs');
  for (const [name, knob] of flips) {
    const config = { ...BASE, [name]: other(knob, BASE[name]) } as Config;
    assert.is.not(moduleCacheKey(WASM, config), moduleCacheKey(WASM, BASE), `${name} is in the key`);
    const got = load(config);
    assert.is(got.origin, 'compiled', `${name}=${String(config[name])} must not be served the default's code`);
    assert.is(got.stats.misses, 1);
    assert.is(load(config).origin, 'cache', `${name}: its own entry is then found`);
  }
});

test('every other knob hits the cache, and truly does not change the generated code', () => {
  const base = load(BASE).module.prepared as CompiledModule;
  const others = (Object.entries(KNOBS) as [KnobName, Knob][]).filter(([name, k]) => !k.codegen && name !== 'moduleCache');
  assert.ok(others.length >= 5);
  for (const [name, knob] of others) {
    const config = { ...BASE, [name]: other(knob, BASE[name]) } as Config;
    assert.is(load(config).origin, 'cache', `${name} is not a codegen knob, so it shares the entry`);
    const fresh = new Module(new Engine({ ...config, moduleCache: false }), WASM).prepared as CompiledModule;
    assert.is(fresh.image.text, base.image.text, `${name} claims not to affect codegen: the text must be identical`);
  }
});

test('a corrupt entry is refused, counted, recompiled and replaced', () => {
  const path = moduleCachePath(dir, moduleCacheKey(WASM, BASE));
  writeFileSync(path, new Uint8Array(100));
  const got = load(BASE);
  assert.is(got.origin, 'compiled');
  assert.is(got.stats.rejected, 1);
  assert.is(got.stats.stores, 1);
  assert.is(load(BASE).origin, 'cache');
  assert.ok(readdirSync(join(path, '..')).every((f) => !f.endsWith('.tmp')), 'no temporary files left');
});

test('without the knob, nothing is read or written', () => {
  const before = readdirSync(dir, { recursive: true }).length;
  const got = load({ ...BASE, moduleCache: false, optLevel: 'none', paddingBetweenFunctions: 7 });
  assert.is(got.origin, 'compiled');
  assert.equal({ ...got.stats }, { hits: 0, misses: 0, rejected: 0, stores: 0, writeErrors: 0 });
  assert.is(readdirSync(dir, { recursive: true }).length, before);
});

test.run();
