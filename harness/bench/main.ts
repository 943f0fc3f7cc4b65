// `npm run bench`: runs every benchmark, writes reports/bench/<name>.json and prints a table.
// Ratios are against baselines measured in the same run (V8, the other tier, wabt).

import { projectPath } from '../cli/paths.js';
import { writeJson } from '../cli/writeJson.js';
import { decodeBench } from './decodeBench.js';
import type { BenchRow } from './_internals/measure.js';
import { ConfigError } from '../../runtime/errors.js';

const BENCHES: Record<string, () => Promise<BenchRow[]>> = {
  decode: decodeBench,
  spec: async () => (await import('./specBench.js')).specBench(),
  kernel: async () => (await import('./kernelBench.js')).kernelBench(),
  generator: async () => (await import('./generatorBench.js')).generatorBench(),
  fuzz: async () => (await import('./fuzzBench.js')).fuzzBench(),
  artifact: async () => (await import('./artifactBench.js')).artifactBench(),
  memory: async () => (await import('./memoryBench.js')).memoryBench(),
};

function fmt(n: number): string {
  return n >= 100 ? n.toFixed(0) : n >= 1 ? n.toFixed(2) : n.toPrecision(3);
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  for (const [name, bench] of Object.entries(BENCHES)) {
    if (only.length > 0 && !only.includes(name)) continue;
    const rows = await bench();
    writeJson(projectPath('reports', 'bench', `${name}.json`), { bench: name, node: process.version, date: new Date().toISOString(), rows });
    for (const r of rows) {
      const ratio = r.ratio === undefined ? '' : `  ${fmt(r.ratio)}x vs ${r.baseline}`;
      console.log(`${r.bench.padEnd(7)} ${r.case.padEnd(28)} ${r.metric.padEnd(32)} ${fmt(r.value).padStart(10)} ${r.unit}${ratio}${r.note ? `  (${r.note})` : ''}`);
    }
  }
}

main().catch((e) => {
  if (e instanceof ConfigError) {
    console.error(`bench: ${e.message}`);
    process.exitCode = 2;
  } else {
    console.error(e);
    process.exitCode = 1;
  }
});
