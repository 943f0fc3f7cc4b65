// `crucible repro DIR`: replays a saved finding in a worker process and says what differs.
// Exit 1 while it still fails, 0 once it does not, so `git bisect run crucible repro DIR` works.

import { intFlag, parseFlags } from '../cli/command.js';
import { UsageError } from '../cli/errors.js';
import { writeJson } from '../cli/writeJson.js';
import { loadFinding } from '../findings/loadFinding.js';
import { signatureOf } from '../findings/signature.js';
import { enginesFlag, fuzzPool, overlayFlag } from '../fuzz/cliOptions.js';
import { failureOfOutcome, runCase } from '../fuzz/caseTester.js';
import type { EngineName } from '../oracles/types.js';

export const help = `usage: crucible repro DIR [options]

Replays the case saved in DIR (a finding folder, or any folder with module.wasm, config.json
and calls.json) in a worker process, on the engines it was found with, and prints what differs.

options:
  --min               replay the minimized case (min.*) instead of the original
  --tier T            compare only tier T with its reference: compiled (against interp) or
                      interp (against v8)
  --engines LIST      engines to compare, reference first (overrides the saved list)
  --config FILE|JSON  knobs to change from the saved config (e.g. '{"optLevel":"none"}')
  --timeout S         time limit (default 30)
  --json PATH         the verdict as JSON

Exit codes: 0 the case no longer fails, 1 it still fails (any failure; the output says whether
it is the saved one), 2 bad usage or an unreadable folder.`;

function tierEngines(tier: string): EngineName[] {
  if (tier === 'compiled') return ['interp', 'compiled'];
  if (tier === 'interp') return ['interp', 'v8'];
  throw new UsageError(`--tier takes compiled or interp, got ${JSON.stringify(tier)}`);
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    min: { type: 'boolean' }, tier: { type: 'string' }, engines: { type: 'string' }, config: { type: 'string' },
    timeout: { type: 'string' }, json: { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError('crucible repro takes one finding folder');
  const dir = positionals[0]!;
  const found = loadFinding(dir, { min: values.min === true, overlay: overlayFlag(values.config) });
  const saved = found.meta?.engines ?? ['interp', 'compiled', 'v8'];
  const engines = values.tier !== undefined ? tierEngines(values.tier) : enginesFlag(values.engines, saved);
  const pool = fuzzPool(1);
  let outcome;
  try {
    outcome = await runCase(pool, found.case, engines, intFlag('timeout', values.timeout, 30, 1) * 1000);
  } finally {
    pool.close();
  }
  const failure = failureOfOutcome(outcome);
  const signature = failure && signatureOf(failure);
  const what = `${found.minimized ? 'minimized case' : 'case'} of ${dir} on ${engines.join(',')}`;
  if (failure === undefined) {
    const note = outcome.kind === 'ok' && outcome.result.kind === 'case' && outcome.result.verdict.kind === 'poisoned'
      ? ` (poisoned: ${outcome.result.verdict.poisons.join(', ')})` : '';
    console.log(`PASS ${what}: no longer fails${note}`);
  } else {
    const same = found.meta === undefined ? '' : signature === found.meta.signature ? ' (the saved failure)' : ` (a DIFFERENT failure than the saved ${found.meta.signature})`;
    const where = failure.call === undefined ? '' : failure.call < 0 ? ' at instantiation' : ` at call ${failure.call}`;
    console.log(`FAIL ${what}: ${failure.kind}${failure.engines.length ? ` between ${failure.engines.join(' and ')}` : ''}${where}${same}`);
    console.log(`  ${failure.key}: ${failure.detail}`);
  }
  if (values.json) writeJson(values.json, { dir, engines, minimized: found.minimized, fails: failure !== undefined, signature, failure, saved: found.meta?.signature });
  return failure === undefined ? 0 : 1;
}
