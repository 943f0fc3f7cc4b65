// Opens an artifact file without reading what loading does not need: the header from the first
// page, then only the eager prefix, each lazy section mapped (and hashed) on first use. The
// checks are readArtifact's, shared; mapping itself is the memory backend's (passed in).

import type { Artifact, ArtifactExpectation } from './Artifact.js';
import { checkArtifact } from './_internals/checkArtifact.js';
import { fileSource, type MapFile } from './_internals/fileSource.js';

export type { MapFile } from './_internals/fileSource.js';

/**
 * Verifies the artifact file at `path` for this runtime, as `readArtifact` does its bytes, and
 * returns its sections, mapping through `mapFile` (a MemoryBackend's) only: the first page (the
 * header; more if the header is longer), then `[0, end of the last eager section)`, then each
 * lazy section (from the 64 KiB boundary below its padding) on first use. The size checked
 * against the header is the file's real size: shorter is 'truncated', longer 'malformed'.
 * Throws ArtifactError only: a file that cannot be read, now or when a lazy section is, is
 * 'unreadable'; one replaced by other bytes since is 'checksum' (or 'unreadable') then.
 * The file must not be truncated in place while open (replace it by renaming instead).
 */
export function openArtifactFile(path: string, expect: ArtifactExpectation, mapFile: MapFile): Artifact {
  return checkArtifact(fileSource(path, mapFile), expect);
}
