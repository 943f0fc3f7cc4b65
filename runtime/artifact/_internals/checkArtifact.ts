// The checks an artifact passes before anything in it is trusted, the same whether its bytes
// are in memory or mapped from a file, in an order that names the real cause: magic, format
// version, header checksum, extent, runtime version, knobs, eager digests. Lazy sections are
// not read here at all (see Artifact); nothing in the artifact is executed.

import { Artifact, type ArtifactExpectation, type ArtifactHeader, type ArtifactSectionInfo } from '../Artifact.js';
import { ArtifactError } from '../ArtifactError.js';
import type { ArtifactSource } from './ArtifactSource.js';
import { sha256, toHex } from './digest.js';
import {
  AT_CHECKSUM, AT_FORMAT_VERSION, AT_HEADER_LENGTH, decodeHeader, FIXED_PREFIX, FORMAT_VERSION, headerChecksum,
  MAGIC, type HeaderFields,
} from './header.js';
import { knobDiff } from './knobDiff.js';
import { corruptSection, digestMatches } from './sectionCheck.js';

/**
 * How much of the start a first read takes: enough for any header a real module has (a few
 * hundred bytes of knobs, a row per section), one page, so a file needs a second read only
 * for a crafted or unusual header.
 */
const HEADER_PROBE = 4096;

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];

/** A header that passed every check needing no expectation. */
interface Container {
  readonly version: number;
  readonly headerLength: number;
  readonly f: HeaderFields;
}

/**
 * The verified artifact in `source`: every check, the eager sections read (one read of the
 * prefix they form) and hashed; lazy ones untouched. Throws ArtifactError only.
 */
export function checkArtifact(source: ArtifactSource, expect: ArtifactExpectation): Artifact {
  const { version, headerLength, f } = checkContainer(source);
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
  // checkExtent made the eager sections a prefix of the file: one read covers them all.
  let eagerEnd = headerLength;
  for (const s of f.sections) if (!s.lazy) eagerEnd = s.offset + s.length;
  const prefix = source.read(0, eagerEnd);
  const eager = new Map<string, Uint8Array>();
  for (const s of f.sections) {
    if (s.lazy) continue;
    const span = prefix.subarray(s.from, s.offset + s.length);
    if (!digestMatches(s, span)) throw corruptSection(s.name);
    eager.set(s.name, span.subarray(s.offset - s.from));
  }
  return new Artifact(source, publicHeader(version, f), f.sections, eager);
}

/** The header of the artifact in `source`, after the checks that need no expectation. */
export function checkHeader(source: ArtifactSource): ArtifactHeader {
  const { version, f } = checkContainer(source);
  return publicHeader(version, f);
}

/** Magic, format version, header checksum, extent; reads the header and nothing after it. */
function checkContainer(source: ArtifactSource): Container {
  const length = source.length;
  const probe = source.read(0, Math.min(length, HEADER_PROBE));
  checkMagic(probe);
  if (length < AT_FORMAT_VERSION + 4) throw truncated(length, FIXED_PREFIX);
  const view = new DataView(probe.buffer, probe.byteOffset, probe.byteLength);
  const version = view.getUint32(AT_FORMAT_VERSION, true);
  if (version !== FORMAT_VERSION) {
    throw new ArtifactError('format-version',
      `artifact format version ${version} is not supported (this crucible reads version ${FORMAT_VERSION}): recompile the module`);
  }
  if (length < FIXED_PREFIX) throw truncated(length, FIXED_PREFIX);
  const headerLength = view.getUint32(AT_HEADER_LENGTH, true);
  if (headerLength < FIXED_PREFIX) throw new ArtifactError('malformed', `artifact header is corrupt: it claims ${headerLength} bytes`);
  if (headerLength > length) throw truncated(length, headerLength);
  const header = headerLength <= probe.length ? probe.subarray(0, headerLength) : source.read(0, headerLength);
  if (!sameBytes(headerChecksum(header), header.subarray(AT_CHECKSUM, FIXED_PREFIX))) {
    throw new ArtifactError('checksum', 'artifact header checksum mismatch: the file is corrupt');
  }
  const f = decodeHeader(header);
  checkExtent(f, length, headerLength);
  // Only a crafted header (its checksum recomputed) gets here with a wrong fingerprint.
  if (!sameBytes(sha256(new TextEncoder().encode(f.knobs)), f.fingerprint)) {
    throw new ArtifactError('malformed', 'artifact header is malformed: the knob fingerprint does not match the knobs');
  }
  return { version, headerLength, f };
}

/** `start` is the artifact's first bytes: all of them when it is shorter than the probe. */
function checkMagic(start: Uint8Array): void {
  if (start.length === 0) throw new ArtifactError('not-an-artifact', 'not a crucible artifact: it is empty');
  const n = Math.min(start.length, MAGIC.length);
  if (sameBytes(start.subarray(0, n), MAGIC.subarray(0, n))) {
    if (n < MAGIC.length) throw truncated(start.length, FIXED_PREFIX);
    return;
  }
  const wasm = start.length >= 4 && WASM_MAGIC.every((b, i) => start[i] === b);
  throw new ArtifactError('not-an-artifact', wasm
    ? 'not a crucible artifact: this is a WebAssembly binary (compile it instead)'
    : 'not a crucible artifact: the magic bytes do not match');
}

/**
 * The artifact is exactly `length` bytes, and the sections follow the header in order without
 * overlapping, eager ones before lazy ones, the last one ending the file: every byte is then
 * under exactly one digest, and the eager ones form a prefix a loader can read alone.
 */
function checkExtent(f: HeaderFields, length: number, headerLength: number): void {
  if (length < f.fileLength) throw truncated(length, f.fileLength);
  if (length > f.fileLength) {
    throw new ArtifactError('malformed', `artifact has ${length - f.fileLength} unexpected bytes after its end`);
  }
  const names = new Set<string>();
  let end = headerLength;
  let lazySeen = false;
  for (const s of f.sections) {
    end = s.offset + s.length;
    const bad = names.has(s.name) ? 'is listed twice'
      : s.offset < s.from || end > f.fileLength ? 'overlaps another or lies outside the file'
      : s.align === 0 || (s.align & (s.align - 1)) !== 0 || s.offset % s.align !== 0 ? 'is misaligned'
      : lazySeen && !s.lazy ? 'is eager but follows a lazy section'
      : undefined;
    if (bad !== undefined) throw new ArtifactError('malformed', `artifact header is malformed: section '${s.name}' ${bad}`, s.name);
    names.add(s.name);
    lazySeen ||= s.lazy;
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
