// The version line: package version, node version, and (later) which memory backend is active.

import { readFileSync } from 'node:fs';
import { projectPath } from './paths.js';

/** The package version from package.json. */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** `crucible --version` output. */
export function versionLine(): string {
  return `crucible ${packageVersion()} (node ${process.version})`;
}
