// The whole WebAssembly 2.0 testsuite on the interpreter tier, one test per file, with the
// expectations manifest applied. Without CRUCIBLE_TESTSUITE it says so and is counted skipped.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectPath } from '../cli/paths.js';
import { DEFAULT_CONFIG } from '../../runtime/config/knobs.js';
import { discoverWast, fileId, testsuiteRoot } from './discover.js';
import { judge, loadExpectations } from './expectations.js';
import { runFile } from './runFile.js';

const root = testsuiteRoot();
const suite = root === undefined ? undefined : join(root, 'wasm-2.0');
const expectations = loadExpectations(projectPath('spectests', 'expectations.json'));

if (suite === undefined || !existsSync(suite)) {
  console.log(`\nwasm-2.0 suite NOT RUN: CRUCIBLE_TESTSUITE ${root === undefined ? 'is not set' : `(${root}) has no wasm-2.0/`}.`);
  test.skip('wasm-2.0 suite on the interpreter (testsuite not found)', () => {});
} else {
  const files = discoverWast([suite]);
  let checks = 0;
  test('the suite has its 146 top-level files', () => {
    assert.is(files.length, 146);
  });
  for (const file of files) {
    test(`wasm-2.0 ${fileId(file)} (interp)`, async () => {
      const rows = await runFile({ file, id: fileId(file), configs: [{ name: 'default', config: DEFAULT_CONFIG }] });
      checks += rows[0].checks;
      const judged = judge(rows, expectations);
      const unexpected = judged.unexpectedFailures.map(({ line }) => {
        const f = rows[0].failures.find((x) => x.line === line)!;
        return `${file}:${line} ${f.command}: expected ${f.expected}, got ${f.actual}`;
      });
      assert.equal(unexpected.slice(0, 10), [], `${unexpected.length} unexpected failures`);
      assert.equal(judged.unexpectedPasses, [], 'expected failures that now pass');
    });
  }
  test('suite totals', () => {
    console.log(`\nwasm-2.0 on the interpreter: ${files.length} files, ${checks} checks`);
    assert.ok(checks > 50_000);
  });
}

test.run();
