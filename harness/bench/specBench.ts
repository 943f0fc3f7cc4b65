// Wall time of the whole 2.0 suite through `crucible spec` with one job and with two (and on the
// compiled tier with two, against the interpreter), and, when
// Debian's wabt is installed, wast2json + spectest-interp over the same files in the same run.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { projectPath } from '../cli/paths.js';
import { discoverWast, testsuiteRoot } from '../spec/discover.js';
import type { BenchRow } from './_internals/measure.js';

function timeMs(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

function haveWabt(): boolean {
  return spawnSync('spectest-interp', ['--version']).status === 0 && spawnSync('wast2json', ['--version']).status === 0;
}

/** Runs the spec-suite wall-time benchmark. */
export async function specBench(): Promise<BenchRow[]> {
  const root = testsuiteRoot();
  if (root === undefined) {
    console.error('spec bench: CRUCIBLE_TESTSUITE not set; skipped');
    return [];
  }
  const suite = join(root, 'wasm-2.0');
  const cli = projectPath('dist', 'harness', 'cli.js');
  const rows: BenchRow[] = [];
  const ours: Record<string, number> = {};
  const spec = (tier: string, jobs: number) =>
    timeMs(() => {
      const r = spawnSync(process.execPath, [cli, 'spec', suite, '--tier', tier, '--jobs', String(jobs)], { stdio: 'ignore' });
      if (r.status !== 0) console.error(`spec bench: crucible spec --tier ${tier} --jobs ${jobs} exited ${r.status}`);
    });
  for (const jobs of [1, 2]) ours[jobs] = spec('interp', jobs);
  const compiled2 = spec('compiled', 2);
  let wabtMs: number | undefined;
  if (haveWabt()) {
    const dir = mkdtempSync(join(tmpdir(), 'crucible-wabt-'));
    try {
      wabtMs = timeMs(() => {
        for (const file of discoverWast([suite])) {
          const json = join(dir, basename(file, '.wast') + '.json');
          try {
            execFileSync('wast2json', [file, '-o', json], { stdio: 'ignore' });
            execFileSync('spectest-interp', [json], { stdio: 'ignore' });
          } catch {
            // A failing file still counts its time; wabt's own verdicts are not ours to judge.
          }
        }
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } else console.error('spec bench: Debian wabt (wast2json, spectest-interp) not installed; baseline skipped');
  for (const jobs of [1, 2]) {
    rows.push({
      bench: 'spec', case: 'wasm-2.0 suite (interp)', metric: `crucible spec --jobs ${jobs}`, value: ours[jobs] / 1000, unit: 's',
      ...(wabtMs !== undefined ? { ratio: ours[jobs] / wabtMs, baseline: 'wabt wast2json+spectest-interp' } : {}),
    });
  }
  rows.push({ bench: 'spec', case: 'wasm-2.0 suite (compiled)', metric: 'crucible spec --tier compiled --jobs 2', value: compiled2 / 1000, unit: 's', ratio: compiled2 / ours[2], baseline: 'interp --jobs 2' });
  if (wabtMs !== undefined) rows.push({ bench: 'spec', case: 'wasm-2.0 suite', metric: 'wabt wast2json+spectest-interp', value: wabtMs / 1000, unit: 's' });
  return rows;
}
