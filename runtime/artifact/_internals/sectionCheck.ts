// Checking one section's bytes against the digest in the section table, shared by the eager
// checks of readArtifact and the on-first-use checks of Artifact.

import { ArtifactError } from '../ArtifactError.js';
import { sha256 } from './digest.js';
import type { SectionEntry } from './header.js';

/** Whether `buffer`'s bytes under `e`'s digest (its padding and itself) hash to that digest. */
export function sectionMatches(e: SectionEntry, buffer: Uint8Array): boolean {
  const d = sha256(buffer.subarray(e.from, e.offset + e.length));
  for (let i = 0; i < d.length; i++) if (d[i] !== e.digest[i]) return false;
  return d.length === e.digest.length;
}

/** The error for a section whose digest does not match. */
export function corruptSection(name: string): ArtifactError {
  return new ArtifactError('checksum', `artifact checksum mismatch in section '${name}': the file is corrupt`, name);
}
