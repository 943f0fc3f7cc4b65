// Instantiating a module whose memory starts from a 64 MiB data image: from a pooled slot
// (poolingAllocator: reset by madvise), from a fresh copy-on-write mapping, and by copying
// the segment (memoryInitCow off), per memory backend. Ratios are against copying, measured
// in the same run; each instance writes a few pages and its store is disposed.

import { Engine } from '../../runtime/api/Engine.js';
import { Module } from '../../runtime/api/Module.js';
import { Store } from '../../runtime/api/Store.js';
import { Linker } from '../../runtime/api/Linker.js';
import type { Config } from '../../runtime/config/knobs.js';
import { loadMemoryBackend, type MemoryBackend } from '../../native/memoryImages.js';
import { secondsPerCall, type BenchRow } from './_internals/measure.js';

const MIB = 1 << 20;
const IMAGE_BYTES = 64 * MIB;
const PAGES = IMAGE_BYTES / 65536;
/** Pages an instance dirties: each costs a copy-on-write fault on a mapped image. */
const TOUCHED = 16;

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    out.push(byte);
  } while (n > 0);
  return out;
}

function section(id: number, payload: number[] | Uint8Array): Uint8Array {
  const head = [id, ...uleb(payload.length)];
  const out = new Uint8Array(head.length + payload.length);
  out.set(head);
  out.set(payload, head.length);
  return out;
}

/**
 * `(memory PAGES (2*PAGES))`, one active segment filling all of it with non-zero bytes, and
 * `touch(addr, value)` storing a byte. Encoded here: the text form of 64 MiB would be a
 * 64 MiB string for wabt to parse.
 */
function imageModule(): Uint8Array {
  const filler = new Uint8Array(IMAGE_BYTES);
  for (let i = 0; i < IMAGE_BYTES; i++) filler[i] = (i % 251) + 1;
  const dataHead = [1, 0x00, 0x41, 0x00, 0x0b, ...uleb(IMAGE_BYTES)];
  const data = new Uint8Array(dataHead.length + IMAGE_BYTES);
  data.set(dataHead);
  data.set(filler, dataHead.length);
  const body = [0x00, 0x20, 0x00, 0x20, 0x01, 0x3a, 0x00, 0x00, 0x0b]; // no locals; i32.store8
  const parts = [
    new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]),
    section(1, [1, 0x60, 2, 0x7f, 0x7f, 0]),
    section(3, [1, 0]),
    section(5, [1, 0x01, ...uleb(PAGES), ...uleb(2 * PAGES)]),
    section(7, [1, 5, ...new TextEncoder().encode('touch'), 0x00, 0]),
    section(10, [1, ...uleb(body.length), ...body]),
    section(11, data),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Seconds for one instance's life: instantiate, dirty TOUCHED pages, dispose the store. */
function lifeTime(backend: MemoryBackend, config: Partial<Config>, bytes: Uint8Array): { seconds: number; engine: Engine } {
  const engine = new Engine({ tier: 'interp', ...config }, { memory: { backend } });
  const module = new Module(engine, bytes);
  const linker = new Linker();
  const stride = IMAGE_BYTES / TOUCHED;
  const seconds = secondsPerCall(() => {
    const store = new Store(engine);
    const touch = linker.instantiate(store, module).getFunc('touch')!;
    for (let at = 0; at < IMAGE_BYTES; at += stride) touch.invoke([at, 0]);
    store.dispose();
  }, 300, 3);
  return { seconds, engine };
}

const WAYS: [string, Partial<Config>][] = [
  ['pooled slot', { poolingAllocator: true }],
  ['fresh cow mapping', { memoryInitCow: true, poolingAllocator: false }],
  ['copy', { memoryInitCow: false, poolingAllocator: false }],
];

/** Runs the memory-image benchmark on the native backend (when it loads) and the twin. */
export async function memoryBench(): Promise<BenchRow[]> {
  const bytes = imageModule();
  const active = loadMemoryBackend();
  const backends = active.name === 'native' ? [active, loadMemoryBackend({ backend: 'ts-twin' })] : [active];
  if (active.name !== 'native') console.error('memory bench: the native backend did not load; only the ts-twin is measured');
  const rows: BenchRow[] = [];
  for (const backend of backends) {
    const times = WAYS.map(([way, config]) => ({ way, ...lifeTime(backend, config, bytes) }));
    const copy = times[times.length - 1].seconds;
    for (const t of times) {
      const s = t.engine.memoryStats();
      const counts = `created ${s.created}, reused ${s.reused}, resets ${s.resets}, fallbacks ${s.fallbacks}`;
      rows.push({
        bench: 'memory',
        case: `${backend.name}: 64 MiB image`,
        metric: `instantiate+touch+dispose, ${t.way}`,
        value: t.seconds * 1e6,
        unit: 'µs',
        ...(t.seconds !== copy && { ratio: t.seconds / copy, baseline: 'copy' }),
        note: t.seconds === copy ? counts : `${(copy / t.seconds).toFixed(1)}x faster than copy; ${counts}`,
      });
    }
  }
  return rows;
}
