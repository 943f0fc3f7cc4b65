// The runtime's version as artifacts and the module cache record it: the package version plus
// a digest of the runtime's own compiled code, so an artifact made by a different build (even
// of the same package version, as in development) is refused instead of trusted.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** Files of the runtime's build, sorted: every `.js` under this directory except tests. */
function runtimeFiles(root: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.js') && !entry.name.endsWith('.test.js')) {
      out.push(join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name));
    }
  }
  return out.sort();
}

/**
 * `<package version>+<12 hex digits>`: the digest covers the runtime's compiled files, which
 * decide what generated code means. Computed once per process, on first use.
 */
export function runtimeVersion(): string {
  if (cached === undefined) {
    const here = dirname(fileURLToPath(import.meta.url));
    const pkg = JSON.parse(readFileSync(join(here, '..', '..', 'package.json'), 'utf8')) as { version: string };
    const hash = createHash('sha256');
    for (const file of runtimeFiles(here)) hash.update(file.slice(here.length)).update(readFileSync(file));
    cached = `${pkg.version}+${hash.digest('hex').slice(0, 12)}`;
  }
  return cached;
}
