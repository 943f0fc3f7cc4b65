// `crucible spec [PATH...]`: runs .wast scripts on the chosen tiers and configs, in worker
// processes across files, applies the expectations manifest, and reports (table, JSON, JUnit).

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseFlags, intFlag } from '../cli/command.js';
import { UsageError } from '../cli/errors.js';
import { projectPath } from '../cli/paths.js';
import { writeFileAtomic, writeJson } from '../cli/writeJson.js';
import { DEFAULT_CONFIG, type Config } from '../../runtime/config/knobs.js';
import { configFrom, loadConfig } from '../../runtime/config/loadConfig.js';
import { discoverWast, fileId, testsuiteRoot } from '../spec/discover.js';
import { judge, loadExpectations, type Expectation } from '../spec/expectations.js';
import { runFile, type FileJob, type FileRow } from '../spec/runFile.js';
import { configMatrix, forSpec, randomConfigs, type NamedConfig } from '../generators/configs.js';
import { runPool } from '../exec/pool.js';
import { junitXml, summaryJson, summaryTable, totals } from '../spec/report.js';

export const help = `usage: crucible spec [PATH...] [options]

Runs .wast spec scripts. PATHs are .wast files or folders (the .wast files directly inside).
Default: $CRUCIBLE_TESTSUITE/wasm-2.0 plus the project's own spectests/.

options:
  --tier interp|compiled|all   tier(s) to run (default interp)
  --config FILE|JSON           engine config (knobs: see \`crucible knobs\`)
  --configs matrix|random:N    many configs: the matrix (defaults, then each knob at each of
                               its extremes, one at a time) or N swarm configs from --seed;
                               built on --config when given
  --seed S                     seed for --configs random:N (default: time-based, printed)
  --jobs N                     parallel worker processes across files (default: cores;
                               1 runs in this process)
  --expectations FILE          known-failure manifest (default spectests/expectations.json)
  --json PATH                  machine-readable summary
  --junit PATH                 JUnit XML report
  --timeout S                  per-file time limit in worker mode (default 300)

Exit codes: 0 nothing unexpected, 1 an unexpected failure or an unexpected pass,
2 bad usage or unreadable input (a broken .wast is reported as file:line:col; the other files
still run).`;

function defaultPaths(): string[] {
  const paths: string[] = [];
  const root = testsuiteRoot();
  if (root === undefined) {
    console.error('crucible spec: CRUCIBLE_TESTSUITE is not set, so the WebAssembly testsuite is NOT run; running spectests/ only.');
  } else {
    const suite = join(root, 'wasm-2.0');
    if (!existsSync(suite)) throw new UsageError(`CRUCIBLE_TESTSUITE=${root} has no wasm-2.0/ folder`);
    paths.push(suite);
  }
  const own = projectPath('spectests');
  if (existsSync(own)) paths.push(own);
  return paths;
}

function tiers(flag: string | undefined): Config['tier'][] {
  if (flag === undefined) return ['interp'];
  if (flag === 'all') return ['interp', 'compiled'];
  if (flag === 'interp' || flag === 'compiled') return [flag];
  throw new UsageError(`--tier takes interp, compiled or all, got ${JSON.stringify(flag)}`);
}

/** The configs to run: for each tier, the --config one or the --configs set built on it. */
function configsFor(tierList: Config['tier'][], configFlag: string | undefined, configsFlag: string | undefined, seed: number): NamedConfig[] {
  const base = configFlag === undefined ? DEFAULT_CONFIG : loadConfig(configFlag);
  const name = configFlag === undefined ? 'default' : configFlag.trimStart().startsWith('{') ? configFlag : `file:${configFlag}`;
  return tierList.flatMap((tier) => {
    const tiered = configFrom({ tier }, base);
    if (configsFlag === undefined) return [{ name, config: tiered }];
    if (configsFlag === 'matrix') return configMatrix(tiered);
    const m = /^random:(\d+)$/.exec(configsFlag);
    if (m === null || Number(m[1]) < 1) throw new UsageError(`--configs takes matrix or random:N, got ${JSON.stringify(configsFlag)}`);
    return randomConfigs(Number(m[1]), seed, (c) => forSpec(c, tier));
  });
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    tier: { type: 'string' }, config: { type: 'string' }, jobs: { type: 'string' },
    expectations: { type: 'string' }, json: { type: 'string' }, junit: { type: 'string' },
    timeout: { type: 'string' }, configs: { type: 'string' }, seed: { type: 'string' },
  });
  const seed = intFlag('seed', values.seed, Date.now() % 2 ** 31);
  if (values.configs?.startsWith('random') && values.seed === undefined) console.error(`crucible spec: --seed ${seed}`);
  const configs = configsFor(tiers(values.tier), values.config, values.configs, seed);
  const jobsN = intFlag('jobs', values.jobs, availableParallelism(), 1);
  const timeoutMs = intFlag('timeout', values.timeout, 300, 1) * 1000;
  const files = discoverWast(positionals.length > 0 ? positionals : defaultPaths());
  const expPath = values.expectations ?? projectPath('spectests', 'expectations.json');
  const expectations: Expectation[] = values.expectations !== undefined || existsSync(expPath) ? loadExpectations(expPath) : [];

  const jobs: FileJob[] = files.map((file) => ({ file, id: fileId(file), configs }));
  const rows: FileRow[] = [];
  const tty = process.stderr.isTTY;
  const start = performance.now();
  let done = 0;
  const progress = () => {
    if (!tty) return;
    const t = totals(rows);
    process.stderr.write(`\r[${done}/${files.length}] files, ${t.passed} passed, ${t.failed} failed`);
  };
  if (jobsN === 1) {
    for (const job of jobs) {
      rows.push(...(await runFile(job)));
      done++;
      progress();
    }
  } else {
    await runPool<FileJob, FileRow[]>(jobs, { script: new URL('../spec/worker.js', import.meta.url).pathname, jobs: jobsN, timeoutMs }, (job, _i, outcome) => {
      if (outcome.kind === 'ok') rows.push(...outcome.result);
      else {
        // The worker died or hung on this file: every config of it fails with the reason.
        for (const c of job.configs) {
          rows.push({
            file: job.file, id: job.id, tier: c.config.tier, config: c.name, configValues: c.config,
            checks: 1, passed: 0, failed: 1, skipped: 0, durationMs: 0,
            failures: [{ line: 0, command: 'file', expected: 'the file to run to completion', actual: `${outcome.kind}: ${outcome.detail}` }],
          });
        }
      }
      done++;
      progress();
    });
  }
  if (tty) process.stderr.write('\n');
  rows.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.config.localeCompare(b.config) || a.tier.localeCompare(b.tier)));
  const durationMs = performance.now() - start;
  const judged = judge(rows, expectations);

  for (const { row, line } of judged.unexpectedFailures) {
    const f = row.failures.find((x) => x.line === line)!;
    console.log(`FAIL ${row.file}:${line} [${row.tier} ${row.config}] ${f.command}: expected ${f.expected}, got ${f.actual}`);
  }
  for (const e of judged.unexpectedPasses) {
    console.log(`UNEXPECTED PASS ${e.file}${e.line !== undefined ? ':' + e.line : ''}${e.tier ? ' [' + e.tier + ']' : ''}: listed as failing (${e.reason}); remove it from the expectations`);
  }
  const skipReasons = new Map<string, number>();
  for (const r of rows) for (const [why, n] of Object.entries(r.skips ?? {})) skipReasons.set(why, (skipReasons.get(why) ?? 0) + n);
  for (const [why, n] of skipReasons) console.log(`SKIPPED ${n}: ${why}`);
  console.log(summaryTable(rows));
  const t = totals(rows);
  console.log(`${t.filesPassed}/${t.files} files passed, ${t.passed}/${t.assertions} checks passed, ${t.failed} failed (${judged.expectedFailures} expected), ${t.skipped} skipped in ${(durationMs / 1000).toFixed(1)} s`);
  if (values.json) writeJson(values.json, summaryJson(rows, judged, durationMs));
  if (values.junit) writeFileAtomic(values.junit, junitXml(rows));
  const broken = [...new Set(rows.filter((r) => r.inputError !== undefined).map((r) => r.inputError))];
  for (const msg of broken) console.error(`crucible spec: ${msg}`);
  if (broken.length > 0) return 2;
  return judged.unexpectedFailures.length === 0 && judged.unexpectedPasses.length === 0 ? 0 : 1;
}
