// Checks an artifact before anything in it is trusted, in an order that names the real cause:
// magic, format version, header checksum, truncation, runtime version, knobs, eager digests.
// Lazy sections are not read here at all (see Artifact); nothing in the artifact is executed.

import { Artifact, type ArtifactHeader, type ArtifactSectionInfo } from './Artifact.js';
import { ArtifactError } from './ArtifactError.js';
import { sha256, toHex } from './_internals/digest.js';
import {
  AT_CHECKSUM, AT_FORMAT_VERSION, AT_HEADER_LENGTH, decodeHeader, FIXED_PREFIX, FORMAT_VERSION, headerChecksum,
  MAGIC, type HeaderFields,
} from './_internals/header.js';
import { knobDiff } from './_internals/knobDiff.js';
import { corruptSection, sectionMatches } from './_internals/sectionCheck.js';

export type { Artifact, ArtifactHeader, ArtifactSectionInfo, FileRange } from './Artifact.js';

/** The 8 bytes every artifact starts with, for telling an artifact file from a .wasm one. */
export const ARTIFACT_MAGIC: Uint8Array = MAGIC.slice();

/** What the reading runtime is; an artifact made by anything else is refused. */
export interface ArtifactExpectation {
  readonly runtimeVersion: string;
  readonly knobs: string;
}

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];

/**
 * Verifies `buffer` as an artifact for this runtime and returns its sections. Throws
 * ArtifactError (and nothing else, whatever the bytes) with the first failing check's reason.
 * `file` is where the buffer was read from (all of it, from offset 0), for `fileRange`.
 */
export function readArtifact(buffer: Uint8Array, expect: ArtifactExpectation, file?: { path: string }): Artifact {
  const { version, f } = checkContainer(buffer);
  if (f.runtimeVersion !== expect.runtimeVersion) {
    throw new ArtifactError('runtime-version',
      `artifact was compiled by crucible ${f.runtimeVersion}, this is ${expect.runtimeVersion}: recompile the module`);
  }
  if (f.knobs !== expect.knobs) {
    const diff = knobDiff(f.knobs, expect.knobs);
    throw new ArtifactError('knobs', diff === undefined
      ? `artifact was compiled with other codegen knobs (fingerprint ${toHex(f.fingerprint).slice(0, 12)}): recompile the module`
      : `artifact was compiled with other codegen knobs: ${diff}`);
  }
  for (const s of f.sections) {
    if (!s.lazy && !sectionMatches(s, buffer)) throw corruptSection(s.name);
  }
  return new Artifact(buffer, publicHeader(version, f), f.sections, file === undefined ? undefined : { path: file.path });
}

/**
 * The header of the artifact in `buffer`, for tools that must know what it was made by or
 * with (say, to load it under its own knobs). Checks magic, format version, header checksum
 * and truncation as `readArtifact` does, but neither versions, knobs nor any section digest.
 */
export function readArtifactHeader(buffer: Uint8Array): ArtifactHeader {
  const { version, f } = checkContainer(buffer);
  return publicHeader(version, f);
}

/** The checks that need no expectation: magic, format version, header checksum, extent. */
function checkContainer(buffer: Uint8Array): { version: number; f: HeaderFields } {
  checkMagic(buffer);
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (buffer.length < AT_FORMAT_VERSION + 4) throw truncated(buffer.length, FIXED_PREFIX);
  const version = view.getUint32(AT_FORMAT_VERSION, true);
  if (version !== FORMAT_VERSION) {
    throw new ArtifactError('format-version',
      `artifact format version ${version} is not supported (this crucible reads version ${FORMAT_VERSION}): recompile the module`);
  }
  if (buffer.length < FIXED_PREFIX) throw truncated(buffer.length, FIXED_PREFIX);
  const headerLength = view.getUint32(AT_HEADER_LENGTH, true);
  if (headerLength < FIXED_PREFIX) throw new ArtifactError('malformed', `artifact header is corrupt: it claims ${headerLength} bytes`);
  if (headerLength > buffer.length) throw truncated(buffer.length, headerLength);
  const header = buffer.subarray(0, headerLength);
  if (!sameBytes(headerChecksum(header), header.subarray(AT_CHECKSUM, FIXED_PREFIX))) {
    throw new ArtifactError('checksum', 'artifact header checksum mismatch: the file is corrupt');
  }
  const f = decodeHeader(header);
  checkExtent(f, buffer.length, headerLength);
  // Only a crafted header (its checksum recomputed) gets here with a wrong fingerprint.
  if (!sameBytes(sha256(new TextEncoder().encode(f.knobs)), f.fingerprint)) {
    throw new ArtifactError('malformed', 'artifact header is malformed: the knob fingerprint does not match the knobs');
  }
  return { version, f };
}

function checkMagic(buffer: Uint8Array): void {
  if (buffer.length === 0) throw new ArtifactError('not-an-artifact', 'not a crucible artifact: it is empty');
  const n = Math.min(buffer.length, MAGIC.length);
  if (sameBytes(buffer.subarray(0, n), MAGIC.subarray(0, n))) {
    if (n < MAGIC.length) throw truncated(buffer.length, FIXED_PREFIX);
    return;
  }
  const wasm = buffer.length >= 4 && WASM_MAGIC.every((b, i) => buffer[i] === b);
  throw new ArtifactError('not-an-artifact', wasm
    ? 'not a crucible artifact: this is a WebAssembly binary (compile it instead)'
    : 'not a crucible artifact: the magic bytes do not match');
}

/**
 * The buffer is exactly the artifact, and the sections follow the header in order without
 * overlapping, the last one ending the file: every byte is then under exactly one digest.
 */
function checkExtent(f: HeaderFields, length: number, headerLength: number): void {
  if (length < f.fileLength) throw truncated(length, f.fileLength);
  if (length > f.fileLength) {
    throw new ArtifactError('malformed', `artifact has ${length - f.fileLength} unexpected bytes after its end`);
  }
  const names = new Set<string>();
  let end = headerLength;
  for (const s of f.sections) {
    end = s.offset + s.length;
    const bad = names.has(s.name) ? 'is listed twice'
      : s.offset < s.from || end > f.fileLength ? 'overlaps another or lies outside the file'
      : s.align === 0 || (s.align & (s.align - 1)) !== 0 || s.offset % s.align !== 0 ? 'is misaligned'
      : undefined;
    if (bad !== undefined) throw new ArtifactError('malformed', `artifact header is malformed: section '${s.name}' ${bad}`, s.name);
    names.add(s.name);
  }
  if (end !== f.fileLength) {
    throw new ArtifactError('malformed', 'artifact header is malformed: bytes after the last section');
  }
}

function truncated(have: number, need: number): ArtifactError {
  return new ArtifactError('truncated', `artifact is truncated: ${have} bytes of at least ${need}; the file was cut short`);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function publicHeader(formatVersion: number, f: HeaderFields): ArtifactHeader {
  const sections: ArtifactSectionInfo[] = f.sections.map((s) => ({
    name: s.name, offset: s.offset, length: s.length, align: s.align, lazy: s.lazy, digest: toHex(s.digest),
  }));
  return {
    formatVersion, runtimeVersion: f.runtimeVersion, knobs: f.knobs, fingerprint: toHex(f.fingerprint),
    fileLength: f.fileLength, sections,
  };
}
