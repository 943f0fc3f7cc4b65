// Writes a file atomically: a temporary file beside it, then a rename, so a reader (another
// process mapping a cached artifact, a tool reading a report) never sees half of one.

import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Writes `data` to `path` atomically, creating parent folders. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  // Per process: concurrent writers of one path each rename a whole file; the last one wins.
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}
