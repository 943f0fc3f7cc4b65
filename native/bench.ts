// Micro-benchmark (not a test): getting a fresh 64 MiB memory from its image by pooled
// reset, by a new mapping, and by copying, per backend; prints medians and ratios.
// Run: `node dist/native/bench.js`. Leaves out wasm execution: "use" is a page-touch loop.

import type { MemoryBackend } from './MemoryBackend.js';
import { loadMemoryBackend } from './loadMemoryBackend.js';
import { tsTwin } from './tsTwin.js';

const MIB = 1 << 20;
const SIZE = 64 * MIB;
const ITERATIONS = 25;
/** How densely an "instance" dirties pages before its slot is reset: 1 page in N. */
const DENSITIES = [1024, 256, 16] as const;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Dirties one byte in every `density`-th 4 KiB page, as a running instance would. */
function use(buffer: ArrayBuffer, density: number): void {
  const view = new Uint8Array(buffer);
  for (let at = 0; at < view.length; at += density * 4096) view[at] = (view[at]! + 1) & 0xff;
}

/**
 * Median ms of `make` then use(): one instance's memory life. Timing use too keeps the
 * comparison honest: copy-on-write defers work to the first write of each page, and a
 * pooled slot pays for the previous instance's dirty pages at reset.
 */
function measure(make: () => ArrayBuffer, density: number): number {
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const start = performance.now();
    const buffer = make();
    use(buffer, density);
    samples.push(performance.now() - start);
  }
  return median(samples);
}

function benchBackend(b: MemoryBackend, bytes: Uint8Array): void {
  const image = b.createImage(bytes, SIZE);
  let slot = b.mapMemory(image, SIZE, 2 * SIZE);
  const ways: [string, () => ArrayBuffer][] = [
    ['reset (pooled slot)', () => (slot = b.resetMemory(slot))],
    ['mapMemory (fresh)', () => b.mapMemory(image, SIZE, 2 * SIZE)],
    ['copy (new buffer + set)', () => {
      const buffer = new ArrayBuffer(SIZE);
      new Uint8Array(buffer).set(bytes);
      return buffer;
    }],
  ];
  const columns = DENSITIES;
  const table = ways.map(([label, make]) => [label, columns.map((density) => measure(make, density))] as const);
  const copy = table[table.length - 1]![1];
  const head = columns.map((d) => `dirty 1/${d} pages`.padStart(22)).join('');
  console.log(`\n${b.name}: 64 MiB image, median ms of ${ITERATIONS} for get-memory + dirty pages (copy/this)`);
  console.log(`  ${''.padEnd(24)}${head}`);
  for (const [label, times] of table) {
    const cells = times.map((ms, i) => `${ms.toFixed(2)} (${(copy[i]! / ms).toFixed(1)}x)`.padStart(22));
    console.log(`  ${label.padEnd(24)}${cells.join('')}`);
  }
}

const bytes = new Uint8Array(SIZE);
for (let i = 0; i < SIZE; i += 4) bytes[i] = (i >>> 12) & 0xff | 1;
const native = loadMemoryBackend();
for (const b of native.name === 'native' ? [native, tsTwin] : [tsTwin]) benchBackend(b, bytes);
