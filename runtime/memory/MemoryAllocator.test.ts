// MemoryAllocator on both backends, below instantiation: pool reuse and affinity, the pool
// bound, growth through the backend, release, artifact-file images, and every fallback to a
// plain buffer (budget, refused mappings, refused growth). Wasm semantics are
// instantiation.test.ts's business.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkModule } from '../api/Module.js';
import { loadWabt, watToWasm } from '../../harness/wat/watToWasm.js';
import { MemoryImageError, type MemoryBackend } from '../../native/memoryImages.js';
import { PAGE_SIZE } from '../instance/objects.js';
import type { MemoryType } from '../types.js';
import { MemoryAllocator, type MemoryAllocatorOptions, type MemoryKnobs } from './MemoryAllocator.js';
import { memoryImageSource } from './memoryImageSource.js';
import type { MemoryImageSource } from './planMemoryImage.js';
import { backendsUnderTest } from './_internals/testing.js';

await loadWabt();

const ascii = (s: string) => new TextEncoder().encode(s);
const text = (u8: Uint8Array, at: number, n: number) => new TextDecoder().decode(u8.subarray(at, at + n));
const knobs = (k: Partial<MemoryKnobs> = {}): MemoryKnobs => ({ memoryInitCow: true, forceMemoryInitMemfd: false, poolingAllocator: false, ...k });

/** A module's memory type and image source, from text. */
function source(wat: string): { type: MemoryType; source: MemoryImageSource } {
  const info = checkModule(watToWasm(wat));
  return { type: info.memories[0], source: memoryImageSource({ info })! };
}
const A = source('(module (memory 1 4) (data (i32.const 16) "image A"))');
const B = source('(module (memory 2) (data (i32.const 16) "image B") (data (i32.const 70000) "far"))');

/** A backend whose chosen calls fail the way the system does. */
function refusing(b: MemoryBackend, calls: (keyof MemoryBackend)[]): MemoryBackend {
  const fail = (name: string) => () => {
    throw new MemoryImageError('ENOMEM', `${name}: ENOMEM, refused for the test`);
  };
  const out: Record<string, unknown> = { ...b };
  for (const c of calls) out[c] = fail(c);
  return out as unknown as MemoryBackend;
}

for (const backend of backendsUnderTest()) {
  const make = (k: Partial<MemoryKnobs> = {}, o: Omit<MemoryAllocatorOptions, 'backend'> = {}) =>
    new MemoryAllocator(knobs(k), { ...o, backend });
  const b = backend.name;

  test(`${b}: without pooling an image is mapped, shared, and private per memory`, () => {
    const alloc = make();
    const one = alloc.allocate(A.type, A.source);
    const two = alloc.allocate(A.type, A.source);
    assert.ok(one.imaged && two.imaged);
    assert.is(text(one.memory.u8, 16, 7), 'image A');
    one.memory.u8[16] = 'X'.charCodeAt(0);
    assert.is(text(two.memory.u8, 16, 7), 'image A');
    assert.is(one.memory.u8.length, PAGE_SIZE);
    const s = alloc.stats();
    assert.is(s.backend, b);
    assert.is(s.created, 2);
    assert.is(s.imagesMade <= 1, true, 'one image for both (or none made here when an earlier test made it)');
    assert.is(s.fromImage, 2);
  });

  test(`${b}: memoryInitCow off, or no source, gives plain buffers and no image`, () => {
    const off = make({ memoryInitCow: false });
    assert.is(off.imageSourceFor({ info: checkModule(watToWasm('(module (memory 1) (data (i32.const 0) "a"))')) }), undefined);
    const plain = make().allocate(A.type, undefined);
    assert.not.ok(plain.imaged);
    assert.is(plain.memory.backing, undefined);
    assert.ok(plain.memory.u8.every((x) => x === 0));
  });

  test(`${b}: a pooled slot comes back reset to its image at the initial size`, () => {
    const alloc = make({ poolingAllocator: true });
    const first = alloc.allocate(A.type, A.source).memory;
    first.u8.fill(7, 0, 100);
    assert.is(first.grow(2), 1);
    first.u8[3 * PAGE_SIZE - 1] = 9;
    alloc.release(first);
    assert.is(first.u8.length, 0, 'the released memory is emptied');
    assert.is(first.grow(1), -1, 'and cannot grow');
    const again = alloc.allocate(A.type, A.source);
    assert.ok(again.imaged);
    const m = again.memory;
    assert.is(m.pages, 1);
    assert.is(m.u8.length, PAGE_SIZE);
    assert.is(text(m.u8, 16, 7), 'image A');
    assert.ok(m.u8.subarray(0, 16).every((x) => x === 0));
    assert.is(m.grow(2), 1);
    assert.ok(m.u8.subarray(PAGE_SIZE).every((x) => x === 0), 'pages grown again are zero, not the last tenant\'s');
    const s = alloc.stats();
    assert.equal([s.created, s.reused, s.resets, s.released], [1, 1, 1, 1]);
  });

  test(`${b}: a slot switches images when the pool has no slot showing the wanted one`, () => {
    const alloc = make({ poolingAllocator: true });
    const a = alloc.allocate(A.type, A.source).memory;
    alloc.release(a);
    const bMem = alloc.allocate(B.type, B.source).memory;
    assert.is(bMem.pages, 2);
    assert.is(text(bMem.u8, 16, 7), 'image B');
    assert.is(text(bMem.u8, 70000, 3), 'far');
    const zeros = alloc.allocate(A.type, undefined).memory;
    assert.ok(zeros.u8.every((x) => x === 0), 'a new slot without image');
    alloc.release(bMem);
    alloc.release(zeros);
    // Affinity: asking for A's contents... there is no A slot, so the oldest free one is reset.
    const a2 = alloc.allocate(A.type, A.source).memory;
    assert.is(text(a2.u8, 16, 7), 'image A');
    assert.ok(a2.u8.subarray(23).every((x) => x === 0));
    const s = alloc.stats();
    assert.is(s.created, 2);
    assert.is(s.reused, 2);
    // Three releases plus the two switches.
    assert.is(s.resets, 5);
  });

  test(`${b}: a slot already showing the image at the size is reused without a reset`, () => {
    const alloc = make({ poolingAllocator: true });
    const first = alloc.allocate(B.type, B.source).memory;
    const second = alloc.allocate(A.type, A.source).memory;
    alloc.release(first);
    alloc.release(second);
    const before = alloc.stats().resets;
    const bMem = alloc.allocate(B.type, B.source).memory;
    assert.is(alloc.stats().resets, before, 'the B slot was picked, not the newer A slot');
    assert.is(text(bMem.u8, 70000, 3), 'far');
  });

  test(`${b}: the pool keeps at most maxFreeSlots`, () => {
    const alloc = make({ poolingAllocator: true }, { maxFreeSlots: 2 });
    const ms = [0, 1, 2].map(() => alloc.allocate(A.type, A.source).memory);
    for (const m of ms) alloc.release(m);
    const s = alloc.stats();
    assert.is(s.freeSlots, 2);
    assert.is(s.evicted, 1);
    assert.is(s.released, 3);
  });

  test(`${b}: release is idempotent and a plain memory is only emptied`, () => {
    const alloc = make({ poolingAllocator: true });
    const m = alloc.allocate(A.type, A.source).memory;
    alloc.release(m);
    alloc.release(m);
    assert.is(alloc.stats().released, 1);
    assert.is(alloc.stats().freeSlots, 1);
    const plain = make().allocate(A.type, undefined).memory;
    make().release(plain);
    assert.ok(plain.disposed);
    assert.is(plain.u8.length, 0);
  });

  test(`${b}: withdrawing an image leaves zeros, and the slot is known to show zeros`, () => {
    const alloc = make({ poolingAllocator: true });
    const m = alloc.allocate(A.type, A.source).memory;
    alloc.withdrawImage(m);
    assert.ok(m.u8.every((x) => x === 0));
    assert.is(m.u8.length, PAGE_SIZE);
    alloc.withdrawImage(m); // a second call has nothing to do
    assert.is(alloc.stats().resets, 1);
    alloc.release(m);
    const zeros = alloc.allocate(A.type, undefined).memory;
    assert.ok(zeros.u8.every((x) => x === 0));
    assert.is(alloc.stats().resets, 2, 'the slot showed zeros already: only its release reset it');
  });

  test(`${b}: growth goes through the backend and keeps contents`, () => {
    const alloc = make();
    const m = alloc.allocate(A.type, A.source).memory;
    assert.ok(m.backing);
    m.u8[PAGE_SIZE - 1] = 5;
    assert.is(m.grow(3), 1);
    assert.is(m.u8.length, 4 * PAGE_SIZE);
    assert.is(m.view.byteLength, 4 * PAGE_SIZE);
    assert.is(m.buffer, m.u8.buffer);
    assert.is(m.u8[PAGE_SIZE - 1], 5);
    assert.is(text(m.u8, 16, 7), 'image A');
    assert.is(m.grow(1), -1, 'past the declared maximum');
  });

  test(`${b}: refused mappings and growth fall back without changing results`, () => {
    const noMap = new MemoryAllocator(knobs(), { backend: refusing(backend, ['mapMemory']) });
    const m = noMap.allocate(A.type, A.source);
    assert.not.ok(m.imaged, 'a plain buffer: the segments are copied the ordinary way');
    assert.is(noMap.stats().fallbacks, 1);
    const noPool = new MemoryAllocator(knobs({ poolingAllocator: true }), { backend: refusing(backend, ['mapMemory']) });
    assert.not.ok(noPool.allocate(A.type, A.source).imaged);
    const noGrow = new MemoryAllocator(knobs(), { backend: refusing(backend, ['growMemory']) });
    const g = noGrow.allocate(A.type, A.source).memory;
    assert.is(g.grow(1), -1);
    assert.is(g.pages, 1);
    assert.is(text(g.u8, 16, 7), 'image A');
    const noReset = new MemoryAllocator(knobs(), { backend: refusing(backend, ['resetMemory']) });
    const r = noReset.allocate(A.type, A.source).memory;
    noReset.withdrawImage(r);
    assert.ok(r.u8.every((x) => x === 0), 'zeroed by hand when the backend will not reset');
  });

  test(`${b}: artifact-file images map from the file unless forceMemoryInitMemfd`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'crucible-memory-'));
    try {
      const bytes = new Uint8Array(8192 + A.source.plan.bytes.length);
      bytes.set(ascii('not the image'), 0);
      bytes.set(A.source.plan.bytes, 8192);
      const path = join(dir, 'image.bin');
      writeFileSync(path, bytes);
      const fromFile: MemoryImageSource = { plan: A.source.plan, file: { path, offset: 8192, length: A.source.plan.bytes.length } };
      const alloc = make({ poolingAllocator: true });
      const m = alloc.allocate(A.type, fromFile);
      assert.ok(m.imaged);
      assert.is(text(m.memory.u8, 16, 7), 'image A');
      assert.ok(m.memory.u8.subarray(23).every((x) => x === 0));
      assert.is(alloc.stats().fromFile, 1);
      alloc.release(m.memory);
      // A slot mapped from the file is reused for the file; another image gets its own slot.
      const again = alloc.allocate(A.type, fromFile).memory;
      assert.is(alloc.stats().reused, 1);
      alloc.release(again);
      alloc.allocate(A.type, A.source);
      assert.is(alloc.stats().created, 1, 'a file slot may serve a memfd image after a reset');
      const forced = make({ forceMemoryInitMemfd: true }).allocate(A.type, fromFile);
      assert.is(text(forced.memory.u8, 16, 7), 'image A');
      const plain = make({ forceMemoryInitMemfd: true });
      plain.allocate(A.type, fromFile);
      assert.is(plain.stats().fromFile, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  if (b === 'native') {
    test('native: past the address-space budget memories are plain buffers', () => {
      const alloc = make({}, { addressBudgetBytes: 8 * 4 * PAGE_SIZE });
      const made = Array.from({ length: 10 }, () => alloc.allocate(A.type, A.source));
      assert.is(made.filter((m) => m.imaged).length, 8);
      assert.is(alloc.stats().fallbacks, 2);
      for (const m of made) if (!m.imaged) assert.is(m.memory.backing, undefined);
    });
  }
}

test.run();
