// Reads an artifact already in memory: every check (see _internals/checkArtifact.ts, shared with
// openArtifactFile) over views of the caller's buffer, never a copy. Lazy sections are not read
// here at all (see Artifact); nothing in the artifact is executed.

import type { Artifact, ArtifactExpectation, ArtifactHeader } from './Artifact.js';
import { bufferSource } from './_internals/ArtifactSource.js';
import { checkArtifact, checkHeader } from './_internals/checkArtifact.js';
import { MAGIC } from './_internals/header.js';

export type { Artifact, ArtifactExpectation, ArtifactHeader, ArtifactSectionInfo, FileRange } from './Artifact.js';

/** The 8 bytes every artifact starts with, for telling an artifact file from a .wasm one. */
export const ARTIFACT_MAGIC: Uint8Array = MAGIC.slice();

/**
 * Verifies `buffer` as an artifact for this runtime and returns its sections. Throws
 * ArtifactError (and nothing else, whatever the bytes) with the first failing check's reason.
 * `file` is where the buffer was read from (all of it, from offset 0), for `fileRange`.
 */
export function readArtifact(buffer: Uint8Array, expect: ArtifactExpectation, file?: { path: string }): Artifact {
  return checkArtifact(bufferSource(buffer, file?.path), expect);
}

/**
 * The header of the artifact in `buffer`, for tools that must know what it was made by or
 * with (say, to load it under its own knobs). Checks magic, format version, header checksum
 * and truncation as `readArtifact` does, but neither versions, knobs nor any section digest.
 */
export function readArtifactHeader(buffer: Uint8Array): ArtifactHeader {
  return checkHeader(bufferSource(buffer));
}
