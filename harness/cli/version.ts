// The version line: package version, node version, and which memory-image backend is active.

import { readFileSync } from 'node:fs';
import { projectPath } from './paths.js';
import { activeBackendName, nativeUnavailableReason } from '../../native/memoryImages.js';

/** The package version from package.json. */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** Which memory-image backend is active, and why the addon is not when it is not. */
export function backendLine(): string {
  const name = activeBackendName();
  const why = nativeUnavailableReason();
  return `memory images: ${name}${why === undefined ? '' : ` (native addon unavailable: ${why})`}`;
}

/** `crucible --version` output. */
export function versionLine(): string {
  return `crucible ${packageVersion()} (node ${process.version})\n${backendLine()}`;
}
