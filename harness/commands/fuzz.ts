// `crucible fuzz`: differential fuzzing of the compiled tier against the interpreter and V8, in
// worker processes, with live progress, findings saved under <corpus>/crashes/ and minimized,
// and a JSON summary. Exit 1 when anything was found.

import { availableParallelism } from 'node:os';
import { intFlag, parseFlags } from '../cli/command.js';
import { projectPath } from '../cli/paths.js';
import { writeJson } from '../cli/writeJson.js';
import { loadWabt } from '../wat/watToWasm.js';
import { enginesFlag, overlayFlag } from '../fuzz/cliOptions.js';
import { fuzz, type FuzzStats } from '../fuzz/fuzzLoop.js';
import { knobCoverage, narrowedAway } from '../fuzz/knobCoverage.js';
import { forDifferential } from '../generators/configs.js';

/** Knob values forDifferential never draws for fuzz cases: left out of the coverage. */
const NARROWED = narrowedAway(forDifferential);

export const help = `usage: crucible fuzz [options]

Differential fuzzing: random valid modules, call sequences and configs run on the compiled tier
(under the case's config), the interpreter and V8; results, traps, memories, globals, tables,
host calls and fuel are compared after every call. Cases run in worker processes. Every
finding is saved at once to <corpus>/crashes/<signature>/ (module .wasm/.wat, config.json,
calls.json, finding.json, report.md), then minimized beside it (min.*).

options:
  --time S            fuzz for S seconds
  --runs N            fuzz N cases (with --time: whichever comes first; neither: until Ctrl-C)
  --seed N            the run's seed (default: time-based, printed); case i of a seed is always the same
  --jobs N            worker processes (default: cores)
  --engines LIST      engines to compare, reference first: interp,compiled,v8 (default all three)
  --config FILE|JSON  knobs forced on every case (e.g. '{"optLevel":"none"}')
  --corpus DIR        where findings go (default corpus/)
  --json PATH         machine-readable summary
  --timeout S         a case running longer is a timeout finding (default 10)
  --worker-memory MB  heap limit per worker; past it the case is a crash finding (default 512)
  --reduce-time S     time budget to minimize each new finding (default 60)
  --reduce-candidates N
                      at most N candidates tested to minimize each new finding (default: no
                      limit); unlike the time budget, the result does not depend on the machine
  --no-reduce         save findings without minimizing them
  --max-findings N    stop after N new findings

Exit codes: 0 nothing found, 1 a finding (new or already saved), 2 bad usage.`;

function top(o: Record<string, number>, n: number): string {
  return Object.entries(o).sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${k} ${v}`).join(', ');
}

function progressLine(s: FuzzStats): string {
  const secs = (Date.now() - s.startedAt) / 1000;
  const cov = knobCoverage(s.knobs, NARROWED);
  const found = s.findings.length;
  const fresh = s.findings.filter((f) => f.isNew).length;
  return `[${secs.toFixed(0)}s] ${s.execs} cases (${(s.execs / Math.max(secs, 0.001)).toFixed(0)}/s) | findings ${found} (${fresh} new) | ` +
    `poisoned ${s.poisoned}${s.poisoned ? ` (${top(s.poisons, 2)})` : ''} | skipped: ${top(s.skips, 3) || 'none'} | knobs ${cov.covered}/${cov.total}`;
}

export async function run(argv: string[]): Promise<number> {
  const { values } = parseFlags(argv, {
    time: { type: 'string' }, runs: { type: 'string' }, seed: { type: 'string' }, jobs: { type: 'string' },
    engines: { type: 'string' }, config: { type: 'string' }, corpus: { type: 'string' }, json: { type: 'string' },
    timeout: { type: 'string' }, 'worker-memory': { type: 'string' }, 'reduce-time': { type: 'string' }, 'reduce-candidates': { type: 'string' },
    'no-reduce': { type: 'boolean' }, 'max-findings': { type: 'string' },
  });
  const seed = intFlag('seed', values.seed, Date.now() % 2 ** 31);
  const engines = enginesFlag(values.engines);
  const overlay = overlayFlag(values.config);
  const jobs = intFlag('jobs', values.jobs, availableParallelism(), 1);
  const timeS = values.time === undefined ? undefined : intFlag('time', values.time, 0, 1);
  const runs = values.runs === undefined ? undefined : intFlag('runs', values.runs, 0, 1);
  const corpus = values.corpus ?? projectPath('corpus');
  await loadWabt();
  console.error(`crucible fuzz: seed ${seed}, ${jobs} worker${jobs === 1 ? '' : 's'}, engines ${engines.join(',')}${Object.keys(overlay).length ? `, config ${JSON.stringify(overlay)}` : ''}`);

  const tty = process.stderr.isTTY === true;
  let lastLine = 0;
  const signal = { stopped: false };
  const onSigint = (): void => {
    if (signal.stopped) process.exit(130);
    signal.stopped = true;
    console.error('\ncrucible fuzz: stopping after the batches in flight (Ctrl-C again to quit now)');
  };
  process.on('SIGINT', onSigint);
  let stats: FuzzStats;
  try {
    stats = await fuzz({
      seed, jobs, engines, overlay, corpus, signal,
      ...(runs !== undefined ? { runs } : {}),
      ...(timeS !== undefined ? { timeMs: timeS * 1000 } : {}),
      ...(values['max-findings'] !== undefined ? { maxFindings: intFlag('max-findings', values['max-findings'], 1, 1) } : {}),
      timeoutMs: intFlag('timeout', values.timeout, 10, 1) * 1000,
      workerMemoryMb: intFlag('worker-memory', values['worker-memory'], 512, 64),
      reduce: values['no-reduce'] !== true,
      reduceTimeMs: intFlag('reduce-time', values['reduce-time'], 60, 1) * 1000,
      ...(values['reduce-candidates'] !== undefined ? { reduceCandidates: intFlag('reduce-candidates', values['reduce-candidates'], 1, 1) } : {}),
      onProgress: (s) => {
        const now = Date.now();
        if (tty && now - lastLine > 250) {
          process.stderr.write(`\r\x1b[K${progressLine(s)}`);
          lastLine = now;
        } else if (!tty && now - lastLine > 10_000) {
          console.error(progressLine(s));
          lastLine = now;
        }
      },
      onReduce: (f) => console.error(`${tty ? '\r\x1b[K' : ''}minimizing ${f.dir} ...`),
    });
  } finally {
    process.off('SIGINT', onSigint);
  }
  if (tty) process.stderr.write(`\r\x1b[K${progressLine(stats)}\n`);

  const secs = stats.fuzzMs / 1000;
  const cov = knobCoverage(stats.knobs, NARROWED);
  console.log(`${stats.execs} cases in ${secs.toFixed(1)} s (${(stats.execs / Math.max(secs, 0.001)).toFixed(0)}/s), seed ${seed}: ` +
    `${stats.mismatches} mismatches, ${stats.crashes} crashes, ${stats.timeouts} timeouts, ${stats.poisoned} poisoned`);
  for (const [why, n] of Object.entries(stats.poisons).sort((a, b) => b[1] - a[1])) console.log(`POISONED ${n}: ${why}`);
  for (const [why, n] of Object.entries(stats.skips).sort((a, b) => b[1] - a[1])) console.log(`SKIPPED ${n}: ${why}`);
  console.log(`knob coverage ${cov.covered}/${cov.total}${cov.missing.length ? ` (never: ${cov.missing.join(', ')})` : ''}` +
    `${cov.narrowed.length ? `; not drawn for differential runs: ${cov.narrowed.join(', ')}` : ''}`);
  if (stats.crashesNotReproduced > 0) console.log(`${stats.crashesNotReproduced} batch crash(es) did not happen again case by case`);
  const seen = new Set<string>();
  for (const f of stats.findings) {
    if (seen.has(f.signature)) continue;
    seen.add(f.signature);
    const n = stats.findings.filter((x) => x.signature === f.signature).length;
    console.log(`${f.isNew ? 'NEW' : 'KNOWN'} ${f.kind} ${f.dir} (${n} case${n === 1 ? '' : 's'}): ${f.detail}`);
  }
  if (values.json) {
    writeJson(values.json, {
      seed, engines, jobs, overlay,
      execs: stats.execs,
      durationMs: stats.fuzzMs,
      execsPerSec: stats.execs / Math.max(secs, 0.001),
      success: stats.success,
      mismatches: stats.mismatches,
      crashes: stats.crashes,
      timeouts: stats.timeouts,
      crashesNotReproduced: stats.crashesNotReproduced,
      poisoned: stats.poisoned,
      poisons: stats.poisons,
      skipped: stats.skips,
      knobCoverage: cov,
      reduceMs: stats.reduceMs,
      // One entry per signature, from its first case; `new` when this run saved it.
      findings: [...new Map(stats.findings.map((f) => [f.signature, f])).keys()].map((sig) => stats.findings.find((x) => x.signature === sig)!).map((f) => ({
        dir: f.dir, kind: f.kind, signature: f.signature, new: f.isNew, index: f.index, detail: f.detail,
        cases: stats.findings.filter((x) => x.signature === f.signature).length,
      })),
    });
  }
  return stats.findings.length > 0 ? 1 : 0;
}
