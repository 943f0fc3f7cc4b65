// Checking one section's bytes against the digest in the section table, shared by the eager
// checks at load and the on-first-use checks of Artifact.

import { ArtifactError } from '../ArtifactError.js';
import { sha256 } from './digest.js';
import type { SectionEntry } from './header.js';

/** Whether `span`, the bytes under `e`'s digest (its padding, then the section), hashes to it. */
export function digestMatches(e: SectionEntry, span: Uint8Array): boolean {
  if (span.length !== e.offset + e.length - e.from) return false;
  const d = sha256(span);
  for (let i = 0; i < d.length; i++) if (d[i] !== e.digest[i]) return false;
  return d.length === e.digest.length;
}

/** The error for a section whose digest does not match. */
export function corruptSection(name: string): ArtifactError {
  return new ArtifactError('checksum', `artifact checksum mismatch in section '${name}': the file is corrupt`, name);
}
