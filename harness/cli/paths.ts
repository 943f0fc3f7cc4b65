// Where the project's own folders are, independent of the working directory.

import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The project root (the folder holding package.json). */
export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** A path inside the project. */
export function projectPath(...parts: string[]): string {
  return join(PROJECT_ROOT, ...parts);
}
