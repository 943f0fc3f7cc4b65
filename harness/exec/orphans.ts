// Folders named after the process that made them (`<prefix><pid>-...`) outlive it when it is
// killed before its exit handler runs (a retired, crashed or hung worker dies by SIGKILL): the
// next process to make one removes those whose process is gone.

import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Whether process `pid` exists (EPERM means it does, under another user). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the entries of `parent` named `<prefix><pid>-...` whose process is gone (this
 * process's own excepted). A missing `parent` has nothing to remove.
 */
export function removeOrphans(parent: string, prefix: string): void {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]);
    if (pid > 0 && pid !== process.pid && !alive(pid)) rmSync(join(parent, name), { recursive: true, force: true });
  }
}
