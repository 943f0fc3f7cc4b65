// The pool isolates its caller: a job's answer comes back; a worker that throws, dies by a
// signal, exits, hangs or runs out of memory becomes a crash or timeout outcome naming why,
// and is replaced so later jobs still run. Workers get the environment asked for, and closing
// calls the pool's cleanup once.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fileURLToPath } from 'node:url';
import { WorkerPool } from './WorkerPool.js';
import type { TestJob } from './_internals/testWorker.js';

const script = fileURLToPath(new URL('./_internals/testWorker.js', import.meta.url));

test('answers, then every kind of death as an outcome, with the pool still working after each', async () => {
  let closed = 0;
  const pool = new WorkerPool<TestJob, number | string | undefined>({
    script, size: 2, spare: true, execArgv: ['--max-old-space-size=64'],
    env: { ...process.env, CRUCIBLE_POOL_TEST: 'yes' }, onClose: () => closed++,
  });
  try {
    assert.equal(await pool.run({ do: 'echo', value: 41 }, 5000), { kind: 'ok', result: 41 });
    assert.equal(await pool.run({ do: 'env', name: 'CRUCIBLE_POOL_TEST' }, 5000), { kind: 'ok', result: 'yes' });
    const firstPid = await pool.run({ do: 'pid' }, 5000);
    const deaths: [TestJob, string, RegExp][] = [
      [{ do: 'throw' }, 'crash', /^worker error: RangeError: asked to throw/],
      [{ do: 'segv' }, 'crash', /^killed by SIGSEGV$/],
      [{ do: 'exit' }, 'crash', /^exited with code 7$/],
      [{ do: 'hang' }, 'timeout', /within 400 ms/],
      [{ do: 'oom' }, 'crash', /^out of memory$/],
    ];
    for (const [job, kind, detail] of deaths) {
      const out = await pool.run(job, job.do === 'oom' ? 20000 : 400);
      assert.is(out.kind, kind, job.do);
      assert.match((out as { detail: string }).detail, detail, job.do);
      assert.equal(await pool.run({ do: 'echo', value: 1 }, 5000), { kind: 'ok', result: 1 }, `after ${job.do}`);
    }
    // Jobs queue when every worker is busy, and all complete.
    const many = await Promise.all([1, 2, 3, 4, 5].map((value) => pool.run({ do: 'echo', value }, 5000)));
    assert.equal(many.map((o) => (o.kind === 'ok' ? o.result : -1)), [1, 2, 3, 4, 5]);
    assert.ok(firstPid.kind === 'ok');
  } finally {
    pool.close();
    pool.close();
  }
  assert.is(closed, 1, 'the cleanup runs once');
  assert.equal(await pool.run({ do: 'echo', value: 1 }, 100), { kind: 'crash', detail: 'pool closed' });
});

test('a worker past its age limit is replaced after its job, quietly, by the spare', async () => {
  const pool = new WorkerPool<TestJob, number | string | undefined>({ script, size: 1, spare: true, retireAfterMs: 1 });
  try {
    const pids = [];
    for (let i = 0; i < 3; i++) {
      const out = await pool.run({ do: 'pid' }, 5000);
      assert.is(out.kind, 'ok', 'retiring is not a crash');
      pids.push((out as { result: number }).result);
    }
    assert.is(new Set(pids).size, 3, 'a new process for every job');
    assert.equal(await pool.run({ do: 'echo', value: 5 }, 5000), { kind: 'ok', result: 5 });
  } finally {
    pool.close();
  }
});

test.run();
