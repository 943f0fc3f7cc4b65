// Worker process for `crucible spec --jobs N`: runs one file job at a time.

import { serveJobs } from '../exec/pool.js';
import { runFile, type FileJob } from './runFile.js';

serveJobs((job: FileJob) => runFile(job));
