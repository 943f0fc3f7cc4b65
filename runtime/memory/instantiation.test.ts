// Wasm semantics of memories made from images and pool slots, through the public API, on both
// backends, both tiers and every memory knob setting: writes stay private, dispose and reuse
// restore the image, growth, passive segments and memory.init, data.drop of imaged segments,
// an element-segment trap hiding the data, the start function, imported memories, dispose rules.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Trap, TrapKind } from '../errors.js';
import { TableInstance, type MemoryInstance } from '../instance/objects.js';
import { ValType } from '../types.js';
import { StoreDisposedError } from '../api/Store.js';
import type { Instance } from '../api/Instance.js';
import {
  backendsUnderTest, compile, engineOn, instantiate, label, MEMORY_CONFIGS, Store, thrown, TIERS,
} from './_internals/testing.js';

const IMAGED = `(module
  (memory (export "mem") 1 3)
  (data (i32.const 16) "hello")
  (data $p "passive")
  (func (export "load") (param i32) (result i32) (i32.load8_u (local.get 0)))
  (func (export "store") (param i32 i32) (i32.store8 (local.get 0) (local.get 1)))
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
  (func (export "size") (result i32) (memory.size))
  (func (export "init") (param i32 i32 i32) (memory.init $p (local.get 0) (local.get 1) (local.get 2)))
  (func (export "initActive") (param i32 i32 i32) (memory.init 0 (local.get 0) (local.get 1) (local.get 2)))
  (func (export "drop") (data.drop $p)))`;

/** Element segment 1 traps (offset 2 + 1 element > table size 2) after segment 0 stored $read. */
const ELEM_TRAPS = `(module
  (import "env" "t" (table 2 funcref))
  (memory 1)
  (data (i32.const 0) "\\2a")
  (func $read (result i32) (i32.load8_u (i32.const 0)))
  (elem (i32.const 0) $read)
  (elem (i32.const 2) $read))`;

const STARTS = `(module
  (memory 1)
  (data (i32.const 8) "\\07")
  (global $seen (export "seen") (mut i32) (i32.const -1))
  (func $start (global.set $seen (i32.load8_u (i32.const 8))))
  (start $start))`;

const EXPORTS_MEMORY = '(module (memory (export "mem") 1) (data (i32.const 0) "A"))';
const IMPORTS_MEMORY = `(module (import "env" "mem" (memory 1)) (data (i32.const 1) "B")
  (func (export "load") (param i32) (result i32) (i32.load8_u (local.get 0))))`;

const HOST_DISPOSES = `(module (import "env" "dispose" (func $d)) (memory 1) (data (i32.const 0) "x")
  (func (export "run") (call $d)))`;

const HELLO = [...new TextEncoder().encode('hello')];

function call(inst: Instance, name: string, ...args: number[]): number | undefined {
  return inst.getFunc(name)!.invoke(args)[0] as number | undefined;
}
function trapKind(f: () => unknown): string {
  const e = thrown(f);
  if (!(e instanceof Trap)) throw e;
  return e.kind;
}
const bytesAt = (m: MemoryInstance, at: number, n: number) => [...m.u8.subarray(at, at + n)];

for (const backend of backendsUnderTest()) {
  for (const tier of TIERS) {
    for (const config of MEMORY_CONFIGS) {
      const name = label(backend, tier, config);
      const engine = engineOn(backend, { ...config, tier });
      const imaged = compile(engine, IMAGED);
      const pooling = config.poolingAllocator === true;

      test(`${name}: instances of one module see the image and keep their writes private`, () => {
        const store = new Store(engine);
        const a = instantiate(store, imaged);
        const b = instantiate(store, imaged);
        assert.equal(bytesAt(a.getMemory('mem')!, 16, 5), HELLO);
        call(a, 'store', 16, 0x48);
        call(a, 'store', 1000, 1);
        assert.is(call(b, 'load', 16), 'h'.charCodeAt(0));
        assert.is(call(b, 'load', 1000), 0);
        assert.is(call(a, 'load', 16), 0x48);
        store.dispose();
      });

      test(`${name}: dispose empties the memories, and the next instance starts from the image again`, () => {
        const before = engine.memoryStats();
        const store = new Store(engine);
        const a = instantiate(store, imaged);
        call(a, 'store', 17, 0);
        call(a, 'store', 5000, 9);
        assert.is(call(a, 'grow', 1), 1);
        call(a, 'store', 70000, 3);
        store.dispose();
        store.dispose(); // idempotent
        assert.is(a.getMemory('mem')!.u8.length, 0);
        assert.is(trapKind(() => call(a, 'load', 16)), TrapKind.MemoryOutOfBounds);
        assert.is(call(a, 'grow', 1), -1);

        const next = new Store(engine);
        const b = instantiate(next, imaged);
        assert.is(call(b, 'size'), 1);
        assert.equal(bytesAt(b.getMemory('mem')!, 16, 5), HELLO);
        assert.is(call(b, 'load', 5000), 0);
        assert.is(call(b, 'grow', 1), 1);
        assert.is(call(b, 'load', 70000), 0, 'a grown page is zero, not the previous tenant\'s');
        next.dispose();
        const after = engine.memoryStats();
        assert.is(after.released - before.released, 2);
        if (pooling) assert.ok(after.reused > before.reused, 'the slot was reused');
        else assert.is(after.reused, 0);
      });

      test(`${name}: growth keeps the image and respects the maximum`, () => {
        const store = new Store(engine);
        const a = instantiate(store, imaged);
        assert.is(call(a, 'grow', 2), 1);
        assert.is(call(a, 'size'), 3);
        assert.equal(bytesAt(a.getMemory('mem')!, 16, 5), HELLO);
        call(a, 'store', 3 * 65536 - 1, 8);
        assert.is(call(a, 'load', 3 * 65536 - 1), 8);
        assert.is(call(a, 'grow', 1), -1);
        assert.is(trapKind(() => call(a, 'load', 3 * 65536)), TrapKind.MemoryOutOfBounds);
        store.dispose();
      });

      test(`${name}: passive segments work with memory.init and data.drop`, () => {
        const store = new Store(engine);
        const a = instantiate(store, imaged);
        call(a, 'init', 100, 0, 7);
        assert.equal(bytesAt(a.getMemory('mem')!, 100, 7), [...new TextEncoder().encode('passive')]);
        assert.is(trapKind(() => call(a, 'init', 65530, 0, 7)), TrapKind.MemoryOutOfBounds);
        call(a, 'drop');
        assert.is(trapKind(() => call(a, 'init', 0, 0, 1)), TrapKind.MemoryOutOfBounds);
        call(a, 'init', 0, 0, 0);
        store.dispose();
      });

      test(`${name}: active segments are dropped after instantiation, image or not`, () => {
        const store = new Store(engine);
        const a = instantiate(store, imaged);
        assert.is(trapKind(() => call(a, 'initActive', 0, 0, 1)), TrapKind.MemoryOutOfBounds);
        call(a, 'initActive', 0, 0, 0);
        assert.equal(bytesAt(a.getMemory('mem')!, 16, 5), HELLO);
        store.dispose();
      });

      test(`${name}: an element segment trap leaves no data visible to a function stored in an imported table`, () => {
        const module = compile(engine, ELEM_TRAPS);
        const table = new TableInstance({ elem: ValType.FuncRef, limits: { min: 2 } }, [null, null]);
        const store = new Store(engine);
        const e = thrown(() => instantiate(store, module, { 'env.t': { kind: 'table', table } }));
        assert.instance(e, Trap);
        assert.is((e as Trap).kind, TrapKind.TableOutOfBounds);
        const read = table.elements[0] as { invoke(args: unknown[]): unknown[] };
        assert.ok(read, 'the first segment was applied');
        assert.equal(read.invoke([]), [0]);
        store.dispose();
        // The slot the failed instance used must show the image to the next one.
        const fine = compile(engine, '(module (memory 1) (data (i32.const 0) "\\2a") (func (export "r") (result i32) (i32.load8_u (i32.const 0))))');
        const next = new Store(engine);
        assert.is(call(instantiate(next, fine), 'r'), 42);
        next.dispose();
      });

      test(`${name}: the start function sees the image`, () => {
        const store = new Store(engine);
        const a = instantiate(store, compile(engine, STARTS));
        assert.is(a.getGlobal('seen')!.value, 7);
        store.dispose();
      });

      test(`${name}: an imported memory is the exporter's: not pooled or imaged by the importer`, () => {
        const store = new Store(engine);
        const exporter = instantiate(store, compile(engine, EXPORTS_MEMORY));
        const mem = exporter.getMemory('mem')!;
        const before = engine.memoryStats();
        const importer = instantiate(store, compile(engine, IMPORTS_MEMORY), { 'env.mem': { kind: 'memory', memory: mem } });
        const after = engine.memoryStats();
        assert.is(after.created + after.reused + after.plain + after.fallbacks, before.created + before.reused + before.plain + before.fallbacks);
        assert.is(call(importer, 'load', 0), 'A'.charCodeAt(0));
        assert.is(call(importer, 'load', 1), 'B'.charCodeAt(0));
        store.dispose();
        assert.is(mem.u8.length, 0);
      });

      test(`${name}: a disposed store refuses instantiation, and running code cannot dispose its store`, () => {
        const store = new Store(engine);
        instantiate(store, imaged);
        store.dispose();
        assert.instance(thrown(() => instantiate(store, imaged)), StoreDisposedError);
        const live = new Store(engine);
        let refused: unknown;
        const inst = instantiate(live, compile(engine, HOST_DISPOSES), {
          'env.dispose': { kind: 'func', func: { type: { params: [], results: [] }, invoke: () => { refused = thrown(() => live.dispose()); return []; } } },
        });
        call(inst, 'run');
        assert.instance(refused, StoreDisposedError);
        assert.not.ok(live.disposed);
        live.dispose();
        assert.ok(live.disposed);
      });
    }
  }

  test(`${backend.name}: with pooling, instantiate/dispose cycles reuse one slot`, () => {
    const engine = engineOn(backend, { poolingAllocator: true });
    const module = compile(engine, IMAGED);
    for (let i = 0; i < 20; i++) {
      const store = new Store(engine);
      const a = instantiate(store, module);
      assert.equal(bytesAt(a.getMemory('mem')!, 16, 5), HELLO);
      call(a, 'store', 16 + (i % 5), 0);
      store.dispose();
    }
    const s = engine.memoryStats();
    assert.equal([s.created, s.reused, s.released, s.fromImage, s.freeSlots], [1, 19, 20, 20, 1]);
  });

  test(`${backend.name}: without dispose, pooled memories are simply not reused`, () => {
    const engine = engineOn(backend, { poolingAllocator: true });
    const module = compile(engine, IMAGED);
    const store = new Store(engine);
    const a = instantiate(store, module);
    const b = instantiate(store, module);
    call(a, 'store', 16, 0);
    assert.is(call(b, 'load', 16), 'h'.charCodeAt(0));
    assert.equal([engine.memoryStats().created, engine.memoryStats().reused], [2, 0]);
  });
}

test.run();
