// Module generator throughput: random swarm modules per second on one core, and bytes per
// module. There is no external baseline; the target is 2000 modules/s.

import fc from 'fast-check';
import { moduleArbitrary } from '../generators/module/moduleArbitrary.js';
import { FULL_SWARM } from '../generators/module/swarm.js';
import type { BenchRow } from './_internals/measure.js';

function rate(arb: fc.Arbitrary<{ bytes: Uint8Array }>, label: string): BenchRow {
  fc.sample(arb, { numRuns: 200, seed: 1 }); // warm up
  const n = 3000;
  const t0 = performance.now();
  const mods = fc.sample(arb, { numRuns: n, seed: 99 });
  const seconds = (performance.now() - t0) / 1000;
  const avg = Math.round(mods.reduce((s, m) => s + m.bytes.length, 0) / n);
  return { bench: 'gen', case: label, metric: 'modules per second', value: n / seconds, unit: '/s', note: `${avg} bytes on average` };
}

/** Runs the generator benchmark. */
export async function generatorBench(): Promise<BenchRow[]> {
  return [rate(moduleArbitrary(), 'random swarms'), rate(moduleArbitrary(FULL_SWARM), 'full swarm')];
}
