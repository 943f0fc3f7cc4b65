// The module cache's key covers every setting that changes code: flipping any codegen knob of
// the table misses the cache, flipping any other knob hits it and, to prove the table's
// `codegen: false` is true, generates the very same code. (Wasmtime once served unoptimized
// code to an optimized config because its cache key left a setting out.)

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONFIG, KNOBS, type Config, type Knob, type KnobName } from '../config/knobs.js';
import { Engine } from './Engine.js';
import { Module, moduleCacheStats } from './Module.js';
import { Store } from './Store.js';
import { Linker } from './Linker.js';
import { DEFAULT_CACHE_MAX_MB, moduleCacheKey, moduleCacheLimit, moduleCachePath, trimModuleCache } from './moduleCache.js';
import { ConfigError } from '../errors.js';
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
  assert.equal({ ...first.stats }, { hits: 0, misses: 1, rejected: 0, stores: 1, writeErrors: 0, evicted: 0 });
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
  assert.equal({ ...got.stats }, { hits: 0, misses: 0, rejected: 0, stores: 0, writeErrors: 0, evicted: 0 });
  assert.is(readdirSync(dir, { recursive: true }).length, before);
});

test('a hit marks its entry as just used, for the size limit', () => {
  load(BASE);
  const path = moduleCachePath(dir, moduleCacheKey(WASM, BASE));
  utimesSync(path, new Date(2000, 0, 1), new Date(2000, 0, 1));
  assert.is(load(BASE).origin, 'cache');
  assert.ok(Date.now() - statSync(path).mtimeMs < 60_000, 'mtime refreshed by the hit');
});

test('past its size limit, the cache drops the least recently used entries down to 3/4 of it', () => {
  const small = mkdtempSync(join(tmpdir(), 'crucible-cache-trim-'));
  try {
    // Ten 1 KiB entries over two fan-out folders, entry i last used at minute i.
    const paths = Array.from({ length: 10 }, (_, i) => moduleCachePath(small, `${i % 2}${i % 2}entry${i}`));
    paths.forEach((p, i) => {
      mkdirSync(join(p, '..'), { recursive: true });
      writeFileSync(p, new Uint8Array(1024));
      utimesSync(p, new Date(2026, 0, 1, 0, i), new Date(2026, 0, 1, 0, i));
    });
    writeFileSync(join(small, '00', 'inflight.tmp'), new Uint8Array(4096)); // a write in flight
    assert.is(trimModuleCache(small, 10 * 1024), 0, 'at the limit: nothing goes');
    assert.is(trimModuleCache(small, 8 * 1024), 4, 'down to 6 KiB');
    assert.equal(paths.map((p) => existsSync(p)), [false, false, false, false, true, true, true, true, true, true]);
    assert.ok(existsSync(join(small, '00', 'inflight.tmp')), 'temporary files are not entries');
    assert.is(trimModuleCache(join(small, 'missing'), 1), 0, 'no directory yet: nothing to do');
  } finally {
    rmSync(small, { recursive: true, force: true });
  }
});

test('the size limit comes from CRUCIBLE_CACHE_MAX_MB; a bad value is a ConfigError when the engine is made', () => {
  const saved = process.env.CRUCIBLE_CACHE_MAX_MB;
  try {
    delete process.env.CRUCIBLE_CACHE_MAX_MB;
    assert.is(moduleCacheLimit(), DEFAULT_CACHE_MAX_MB * 2 ** 20);
    process.env.CRUCIBLE_CACHE_MAX_MB = '3';
    assert.is(moduleCacheLimit(), 3 * 2 ** 20);
    for (const bad of ['0', '-1', '1.5', 'lots']) {
      process.env.CRUCIBLE_CACHE_MAX_MB = bad;
      assert.throws(() => new Engine(BASE), (e: unknown) => e instanceof ConfigError && e.message.includes('CRUCIBLE_CACHE_MAX_MB'), bad);
      new Engine({ ...BASE, moduleCache: false }); // only a cache-using engine reads it
    }
  } finally {
    if (saved === undefined) delete process.env.CRUCIBLE_CACHE_MAX_MB;
    else process.env.CRUCIBLE_CACHE_MAX_MB = saved;
  }
});

test.run();
