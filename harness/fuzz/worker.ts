// Worker process for `crucible fuzz`, `repro` and `reduce`: runs fuzz jobs (jobs.ts) one at a
// time. Generated code only ever runs in processes like this one, never in the CLI's.

import { serveJobs } from '../exec/pool.js';
import { handleJob, type FuzzJob } from './jobs.js';
import { useScratch } from './scratch.js';
import { primeInterpreter } from '../../runtime/interp/primeInterpreter.js';

// Ctrl-C reaches the whole process group: the CLI decides when to stop, and a worker killed
// by the user's interrupt must not be recorded as a crash. Workers end when the CLI goes.
process.on('SIGINT', () => {});
useScratch();
// A worker runs thousands of different modules through the interpreter: with its loop's type
// feedback complete from the start, V8 compiles it once instead of once per rarely used case
// (each ~100 ms, with the worker blocked under --single-threaded).
primeInterpreter();
serveJobs((job: FuzzJob) => handleJob(job));
