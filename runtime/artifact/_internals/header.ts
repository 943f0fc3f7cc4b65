// The artifact header's byte layout, written and parsed in one place. A fixed 48-byte prefix
// (magic, format version, header length, checksum) lets a reader check the checksum before it
// parses anything variable; semantic checks (versions, bounds, digests) are checkArtifact's.

import { ByteSink } from './ByteSink.js';
import { ByteSource } from './ByteSource.js';
import { DIGEST_LENGTH, sha256 } from './digest.js';

/** "\0CRUCART": the NUL first, as in "\0asm", so no text file starts this way. */
export const MAGIC: Uint8Array = Uint8Array.of(0x00, 0x43, 0x52, 0x55, 0x43, 0x41, 0x52, 0x54);
/**
 * Bumped whenever this layout changes; readers refuse any other value. 2: eager sections come
 * before every lazy one, so a loader can map the eager prefix alone.
 */
export const FORMAT_VERSION = 2;
/** Offset of the format version (u32). */
export const AT_FORMAT_VERSION = 8;
/** Offset of the header length (u32), which covers the fixed prefix and the section table. */
export const AT_HEADER_LENGTH = 12;
/** Offset of the header checksum (32 bytes). */
export const AT_CHECKSUM = 16;
/** Length of the fixed prefix; the variable part of the header follows it. */
export const FIXED_PREFIX = AT_CHECKSUM + DIGEST_LENGTH;

/** Section flag bit: verified on first use rather than at load. */
const FLAG_LAZY = 1;

/**
 * One row of the section table. `digest` covers the section's bytes AND the padding before
 * it (from the previous section's end, or the header's), so every byte of an artifact is
 * under exactly one checksum and a flipped padding bit is caught like any other.
 */
export interface SectionRow {
  readonly name: string;
  readonly offset: number;
  readonly length: number;
  readonly align: number;
  readonly lazy: boolean;
  readonly digest: Uint8Array;
}

/** A row as read back, with where its digest's coverage starts. */
export interface SectionEntry extends SectionRow {
  /** The previous section's end (the header's end for the first): start of the digest's range. */
  readonly from: number;
}

/** Everything the header holds after the fixed prefix. */
export interface HeaderFields<Row extends SectionRow = SectionEntry> {
  /** Length of the whole artifact; the buffer must be exactly this long. */
  readonly fileLength: number;
  readonly runtimeVersion: string;
  readonly knobs: string;
  /** SHA-256 of the knob string's UTF-8 bytes. */
  readonly fingerprint: Uint8Array;
  readonly sections: readonly Row[];
}

/** The header bytes with their checksum filled in. */
export function encodeHeader(f: HeaderFields<SectionRow>): Uint8Array {
  const w = new ByteSink(512).bytes(MAGIC).u32(FORMAT_VERSION).u32(0).bytes(new Uint8Array(DIGEST_LENGTH));
  w.u64(f.fileLength).str(f.runtimeVersion).str(f.knobs).bytes(f.fingerprint).uleb(f.sections.length);
  for (const s of f.sections) {
    w.str(s.name).u64(s.offset).u64(s.length).u32(s.align).u32(s.lazy ? FLAG_LAZY : 0).bytes(s.digest);
  }
  const out = w.finish();
  new DataView(out.buffer).setUint32(AT_HEADER_LENGTH, out.length, true);
  out.set(headerChecksum(out), AT_CHECKSUM);
  return out;
}

/** SHA-256 of `header` as if its checksum field were zero. */
export function headerChecksum(header: Uint8Array): Uint8Array {
  return sha256(header.subarray(0, AT_CHECKSUM), new Uint8Array(DIGEST_LENGTH), header.subarray(FIXED_PREFIX));
}

/** Parses the variable part of a header whose checksum already matched. */
export function decodeHeader(header: Uint8Array): HeaderFields {
  const r = new ByteSource(header, 'artifact header');
  r.pos = FIXED_PREFIX;
  const fileLength = r.u64();
  const runtimeVersion = r.str();
  const knobs = r.str();
  const fingerprint = r.sub(DIGEST_LENGTH);
  // A row is at least 1 + 8 + 8 + 4 + 4 + 32 bytes.
  const n = r.count(57);
  const sections: SectionEntry[] = [];
  let from = header.length;
  for (let i = 0; i < n; i++) {
    const name = r.str();
    const offset = r.u64();
    const length = r.u64();
    const align = r.u32();
    const flags = r.u32();
    if ((flags & ~FLAG_LAZY) !== 0) r.fail(`unknown flags ${flags} on section '${name}'`);
    sections.push({ name, offset, length, align, lazy: (flags & FLAG_LAZY) !== 0, digest: r.sub(DIGEST_LENGTH), from });
    from = offset + length;
  }
  r.end();
  return { fileLength, runtimeVersion, knobs, fingerprint, sections };
}
