// Expands spec PATH arguments into .wast files: a file stands for itself, a folder for the
// .wast files directly inside it (not subfolders: the testsuite keeps proposals there).

import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { InputError } from '../cli/errors.js';

/** Sorted .wast files named by `paths`. */
export function discoverWast(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new InputError(`no such file or folder: ${p}`);
    }
    if (st.isDirectory()) {
      out.push(...readdirSync(p).filter((f) => f.endsWith('.wast')).sort().map((f) => join(p, f)));
    } else out.push(p);
  }
  return out;
}

/** The testsuite root from the environment, if set. */
export function testsuiteRoot(): string | undefined {
  const root = process.env.CRUCIBLE_TESTSUITE;
  return root === undefined || root === '' ? undefined : resolve(root);
}

/** A stable id for a file: relative to the testsuite root or the working folder. */
export function fileId(file: string): string {
  const abs = resolve(file);
  const root = testsuiteRoot();
  if (root !== undefined && abs.startsWith(root + '/')) return relative(root, abs);
  return relative(process.cwd(), abs);
}
