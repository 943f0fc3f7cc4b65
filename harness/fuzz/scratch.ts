// Where a process that runs fuzz cases keeps the files cases make: random configs turn on
// serializeRoundtrip (an artifact file per compile, harness/exec/loadModule.ts, under TMPDIR)
// and moduleCache (entries under CRUCIBLE_CACHE_DIR). Both are pointed at a private directory,
// emptied after every case and removed at exit, so fuzzing neither fills the disk nor the
// user's own module cache. Leaves out everything else about the environment.

import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeOrphans } from '../exec/orphans.js';

/** The environment variable a fuzz pool passes its workers: the parent of their scratch folders. */
export const SCRATCH_ROOT_ENV = 'CRUCIBLE_FUZZ_SCRATCH';

let scratch: string | undefined;

/**
 * A fast place for short-lived files: tmpfs (/dev/shm) when there is one, where creating a
 * file costs a tenth of what it does on a disk-backed /tmp; else the system's temporary folder.
 */
export function fastTempDir(): string {
  try {
    if (statSync('/dev/shm').isDirectory()) {
      const probe = mkdtempSync(join('/dev/shm', 'crucible-probe-'));
      rmSync(probe, { recursive: true, force: true });
      return '/dev/shm';
    }
  } catch {
    // not there or not writable
  }
  return tmpdir();
}

/**
 * Points this process's TMPDIR and CRUCIBLE_CACHE_DIR into a fresh folder under `parent`
 * (default: the pool's SCRATCH_ROOT_ENV, else fastTempDir()), removed when the process exits.
 * Call before the first module is compiled: loadModule keeps the first TMPDIR it sees. Returns
 * the folder; a second call returns the same one.
 */
export function useScratch(parent?: string): string {
  if (scratch !== undefined) return scratch;
  const poolRoot = process.env[SCRATCH_ROOT_ENV];
  const base = parent ?? poolRoot ?? fastTempDir();
  mkdirSync(base, { recursive: true });
  // Retired and crashed workers die by SIGKILL, leaving their folders in the pool's root until
  // it closes (thousands over a soak of days): each new worker removes those of dead ones.
  if (base === poolRoot) removeOrphans(base, 'w');
  const dir = mkdtempSync(join(base, `w${process.pid}-`));
  process.env.TMPDIR = dir;
  process.env.CRUCIBLE_CACHE_DIR = join(dir, 'module-cache');
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  scratch = dir;
  return dir;
}

/**
 * Empties the scratch folder between cases: every file under it goes, the folders directly in
 * it stay (loadModule keeps using the one it made). A mapped artifact survives its file's
 * removal, and no module of a finished case is used again. Nothing happens without a scratch.
 */
export function clearScratch(): void {
  if (scratch === undefined || !existsSync(scratch)) return;
  for (const top of readdirSync(scratch, { withFileTypes: true })) {
    const path = join(scratch, top.name);
    if (!top.isDirectory()) rmSync(path, { force: true });
    else for (const inner of readdirSync(path)) rmSync(join(path, inner), { recursive: true, force: true });
  }
}
