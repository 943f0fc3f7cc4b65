// Opens an artifact file without reading what loading does not need: the header from the first
// page, then only the eager prefix, each lazy section mapped (and hashed) on first use. The
// checks are readArtifact's, shared; mapping itself is the memory backend's (passed in).

import type { Artifact, ArtifactExpectation, ArtifactHeader } from './Artifact.js';
import { checkArtifact, checkHeader } from './_internals/checkArtifact.js';
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

/**
 * The header of the artifact file at `path`, checked (magic, format version, header checksum,
 * extent against the file's size), without reading past it: a tool can learn an artifact's
 * knobs and sections from a file of any size. Throws ArtifactError only.
 */
export function readArtifactFileHeader(path: string, mapFile: MapFile): ArtifactHeader {
  return checkHeader(fileSource(path, mapFile));
}
