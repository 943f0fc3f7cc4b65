// Writes a machine-readable summary atomically (temp file + rename), so a reader never sees
// half a file.

import { writeFileAtomic } from '../../runtime/writeFileAtomic.js';

export { writeFileAtomic };

/** Writes JSON (pretty, trailing newline) atomically. */
export function writeJson(path: string, value: unknown): void {
  writeFileAtomic(path, JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2) + '\n');
}
