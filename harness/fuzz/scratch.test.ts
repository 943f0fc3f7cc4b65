// The scratch folder of a process running fuzz cases: TMPDIR and the module cache point into
// it, a sweep removes every file but keeps the folders a writer already holds, and it is gone
// when the process exits. Checked in a child process: useScratch changes process-wide state,
// and npm test runs every test file in one process. Also: the fuzz workers' node flags.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { workerFlags } from './cliOptions.js';

const SCRATCH = new URL('./scratch.js', import.meta.url).href;

/** What a child process saw while using a scratch folder under `parent`. */
interface ChildView {
  dir: string;
  tmp: string;
  cache: string;
  again: string;
  afterSweep: Record<string, string[]>;
}

const CHILD = `
  import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
  import { tmpdir } from 'node:os';
  import { join } from 'node:path';
  const { clearScratch, useScratch } = await import(process.env.SCRATCH_MODULE);
  const dir = useScratch(process.env.SCRATCH_PARENT);
  const held = mkdtempSync(join(tmpdir(), 'crucible-roundtrip-'));
  writeFileSync(join(held, 'a.cwasm'), 'x');
  mkdirSync(join(process.env.CRUCIBLE_CACHE_DIR, 'ab'), { recursive: true });
  writeFileSync(join(process.env.CRUCIBLE_CACHE_DIR, 'ab', 'cd.cwasm'), 'y');
  writeFileSync(join(dir, 'loose'), 'z');
  clearScratch();
  const afterSweep = Object.fromEntries(readdirSync(dir).map((d) => [d, readdirSync(join(dir, d))]));
  console.log(JSON.stringify({ dir, tmp: tmpdir(), cache: process.env.CRUCIBLE_CACHE_DIR, again: useScratch(), afterSweep }));
`;

test('useScratch points TMPDIR and the module cache into one private folder; a sweep keeps only folders; exit removes it', () => {
  const parent = mkdtempSync(join(tmpdir(), 'crucible-scratch-test-'));
  try {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD], {
      encoding: 'utf8', env: { ...process.env, SCRATCH_MODULE: SCRATCH, SCRATCH_PARENT: parent },
    });
    assert.is(r.status, 0, r.stderr);
    const v = JSON.parse(r.stdout) as ChildView;
    assert.ok(v.dir.startsWith(parent));
    assert.is(v.tmp, v.dir, 'os.tmpdir() follows TMPDIR');
    assert.is(v.cache, join(v.dir, 'module-cache'));
    assert.is(v.again, v.dir, 'a second call keeps the folder');
    const folders = Object.keys(v.afterSweep).sort();
    assert.is(folders.length, 2);
    assert.ok(folders.includes('module-cache') && folders.some((d) => d.startsWith('crucible-roundtrip-')));
    assert.equal(Object.values(v.afterSweep), [[], []], 'the folders are empty');
    assert.not.ok(existsSync(v.dir), 'removed at exit');
    assert.equal(readdirSync(parent), []);
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});

test('workers run single-threaded only when there is a worker per core; the JS stack fits the OS stack', () => {
  assert.ok(workerFlags(64, 512).includes('--single-threaded'));
  assert.is(workerFlags(1, 512).includes('--single-threaded'), availableParallelism() <= 1, 'a lone worker keeps V8\'s helper threads');
  assert.ok(workerFlags(3, 256).includes('--max-old-space-size=256'));
  const stack = workerFlags(1, 512).find((f) => f.startsWith('--stack-size='));
  if (stack !== undefined) assert.ok(Number(stack.split('=')[1]) <= 4000);
});

test.run();
