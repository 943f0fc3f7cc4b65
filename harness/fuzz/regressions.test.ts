// Every fixed bug's case in corpus/regressions/ replays without a failure: each folder holds
// module.wasm, config.json and calls.json (the layout of a finding) and a README.md saying
// what went wrong. Runs in this process, on all three engines.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectPath } from '../cli/paths.js';
import { loadFinding } from '../findings/loadFinding.js';
import { runDifferential } from '../oracles/differential.js';
import { enginesFor } from '../oracles/engines.js';

const root = projectPath('corpus', 'regressions');
const cases = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join(root, d.name));

test('there are regression cases, each explained', () => {
  assert.ok(cases.length > 0);
  for (const dir of cases) assert.ok(existsSync(join(dir, 'README.md')), `${dir} has a README.md`);
});

for (const dir of cases) {
  test(`regression ${dir.slice(root.length + 1)} no longer fails`, () => {
    const found = loadFinding(dir);
    const v = runDifferential(found.case, enginesFor(found.meta?.engines ?? ['interp', 'compiled', 'v8']));
    const title = readFileSync(join(dir, 'README.md'), 'utf8').split('\n')[0];
    assert.ok(v.kind !== 'failed', `${title}: ${v.kind === 'failed' ? `${v.mismatch.key}: ${v.mismatch.detail}` : ''}`);
  });
}

test.run();
