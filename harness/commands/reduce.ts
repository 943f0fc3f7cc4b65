// `crucible reduce DIR`: minimizes a saved finding again (fast-check shrinking from its seed,
// the wasm-level reducer, then config knobs), in worker processes, and saves min.* beside it.

import { availableParallelism } from 'node:os';
import { intFlag, parseFlags } from '../cli/command.js';
import { UsageError } from '../cli/errors.js';
import { loadWabt } from '../wat/watToWasm.js';
import { loadFinding } from '../findings/loadFinding.js';
import { minimize } from '../findings/minimize.js';
import { saveMinimized } from '../findings/saveFinding.js';
import { fuzzPool } from '../fuzz/cliOptions.js';
import { caseTester } from '../fuzz/caseTester.js';

export const help = `usage: crucible reduce DIR [options]

Minimizes the finding saved in DIR again and writes min.wasm, min.wat, min-config.json and
min-calls.json beside the original (finding.json and report.md are updated). Only smaller
cases failing with the finding's own signature are kept.

options:
  --time S      time budget (default 120)
  --jobs N      worker processes testing candidates (default: cores, at most 4)
  --timeout S   time limit per candidate (default 10)

Exit codes: 1 the finding still fails (and was minimized), 0 it no longer fails (nothing to
minimize), 2 bad usage or an unreadable folder.`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, { time: { type: 'string' }, jobs: { type: 'string' }, timeout: { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError('crucible reduce takes one finding folder');
  const dir = positionals[0]!;
  const found = loadFinding(dir);
  if (found.meta === undefined) throw new UsageError(`${dir} has no finding.json: not a saved finding`);
  const meta = found.meta;
  const jobs = intFlag('jobs', values.jobs, Math.min(4, availableParallelism()), 1);
  const deadline = Date.now() + intFlag('time', values.time, 120, 1) * 1000;
  await loadWabt();
  const pool = fuzzPool(jobs);
  try {
    const test = caseTester(pool, meta.engines, intFlag('timeout', values.timeout, 10, 1) * 1000);
    const [sig] = await test([found.case]);
    if (sig !== meta.signature) {
      console.log(sig === undefined ? `${dir}: the case no longer fails; nothing to minimize` : `${dir}: the case now fails differently (${sig}); not minimizing`);
      return sig === undefined ? 0 : 1;
    }
    const min = await minimize(found.case, meta.signature, test, {
      deadline, window: jobs,
      ...(meta.seed !== undefined ? { seed: meta.seed, index: meta.index, overlay: meta.overlay } : {}),
    });
    saveMinimized(dir, min.case, min.info);
    console.log(`${dir}: ${found.case.bytes.length} -> ${min.info.bytes} bytes, ${found.case.calls.length} -> ${min.info.calls} calls, ` +
      `knobs reset: ${min.info.knobsReset.join(', ') || 'none'}${min.info.timedOut ? ' (time budget reached)' : ''}`);
    return 1;
  } finally {
    pool.close();
  }
}
