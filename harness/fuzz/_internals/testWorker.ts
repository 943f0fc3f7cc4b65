// A worker for WorkerPool's own tests: answers (a value, its environment), throws, dies by
// signal, exits, hangs or runs out of memory, as each job asks. Never used by the fuzzer.

import { serveJobs } from '../../exec/pool.js';

/** What the test worker should do with a job. */
export type TestJob =
  | { readonly do: 'echo'; readonly value: number }
  | { readonly do: 'env'; readonly name: string }
  | { readonly do: 'throw' | 'segv' | 'exit' | 'hang' | 'oom' | 'pid' };

serveJobs((job: TestJob): number | string | undefined => {
  switch (job.do) {
    case 'echo': return job.value;
    case 'env': return process.env[job.name];
    case 'pid': return process.pid;
    case 'throw': throw new RangeError('asked to throw');
    case 'segv': process.kill(process.pid, 'SIGSEGV'); return 0;
    case 'exit': process.exit(7);
    case 'hang': for (;;);
    case 'oom': {
      const keep: unknown[] = [];
      for (;;) keep.push(new Array(1e5).fill({ x: keep.length }));
    }
  }
});
