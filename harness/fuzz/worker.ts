// Worker process for `crucible fuzz`, `repro` and `reduce`: runs fuzz jobs (jobs.ts) one at a
// time. Generated code only ever runs in processes like this one, never in the CLI's.

import { serveJobs } from '../exec/pool.js';
import { handleJob, type FuzzJob } from './jobs.js';

serveJobs((job: FuzzJob) => handleJob(job));
