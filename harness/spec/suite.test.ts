// The whole WebAssembly 2.0 testsuite and our own spectests/, on both tiers, one test per file
// and tier, with the expectations manifest applied. Without CRUCIBLE_TESTSUITE the 2.0 part
// says so plainly and is counted skipped; spectests/ always runs.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectPath } from '../cli/paths.js';
import { DEFAULT_CONFIG, type Config } from '../../runtime/config/knobs.js';
import { discoverWast, fileId, testsuiteRoot } from './discover.js';
import { judge, loadExpectations } from './expectations.js';
import { runFile } from './runFile.js';

const root = testsuiteRoot();
const suite = root === undefined ? undefined : join(root, 'wasm-2.0');
const expectations = loadExpectations(projectPath('spectests', 'expectations.json'));
const TIERS: Config['tier'][] = ['interp', 'compiled'];
const checks: Record<string, number> = {};

function fileTest(label: string, file: string, tier: Config['tier']): void {
  test(`${label} ${fileId(file)} (${tier})`, async () => {
    const rows = await runFile({ file, id: fileId(file), configs: [{ name: 'default', config: { ...DEFAULT_CONFIG, tier } }] });
    checks[`${label} ${tier}`] = (checks[`${label} ${tier}`] ?? 0) + rows[0].checks;
    const judged = judge(rows, expectations);
    const unexpected = judged.unexpectedFailures.map(({ line }) => {
      const f = rows[0].failures.find((x) => x.line === line)!;
      return `${file}:${line} ${f.command}: expected ${f.expected}, got ${f.actual}`;
    });
    assert.equal(unexpected.slice(0, 10), [], `${unexpected.length} unexpected failures`);
    assert.equal(judged.unexpectedPasses, [], 'expected failures that now pass');
  });
}

if (suite === undefined || !existsSync(suite)) {
  console.log(`\nwasm-2.0 suite NOT RUN: CRUCIBLE_TESTSUITE ${root === undefined ? 'is not set' : `(${root}) has no wasm-2.0/`}.`);
  test.skip('wasm-2.0 suite (testsuite not found)', () => {});
} else {
  const files = discoverWast([suite]);
  test('the suite has its 146 top-level files', () => {
    assert.is(files.length, 146);
  });
  for (const tier of TIERS) for (const file of files) fileTest('wasm-2.0', file, tier);
  test('wasm-2.0 totals', () => {
    for (const tier of TIERS) {
      console.log(`\nwasm-2.0 on ${tier}: ${files.length} files, ${checks[`wasm-2.0 ${tier}`]} checks`);
      assert.ok(checks[`wasm-2.0 ${tier}`] > 50_000);
    }
  });
}

const own = discoverWast([projectPath('spectests')]);
test('spectests/ holds our misc testsuite', () => {
  assert.ok(own.length >= 9);
});
for (const tier of TIERS) for (const file of own) fileTest('spectests', file, tier);

test.run();
