// Lays out an artifact: header (versions, knobs, section table, checksum), then each named
// section at an offset aligned as it asks, so images can be mapped straight from the file.
// It knows nothing of what the sections hold; Module.serialize decides that.

import { DIGEST_LENGTH, sha256 } from './_internals/digest.js';
import { encodeHeader, type SectionRow } from './_internals/header.js';

/** Alignment of a section that asks for none: the smallest common OS page. */
export const DEFAULT_SECTION_ALIGNMENT = 4096;

/** Largest alignment a section may ask for (1 GiB; the format itself allows any u32 power of two). */
const MAX_ALIGNMENT = 2 ** 30;

/** One named byte array to store. */
export interface ArtifactSectionSpec {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** A power of two; default {@link DEFAULT_SECTION_ALIGNMENT}. */
  readonly align?: number;
  /** Verified on first use instead of at load (big parts the loader may never need). */
  readonly lazy?: boolean;
}

/** What to write. */
export interface ArtifactSpec {
  readonly runtimeVersion: string;
  /** The codegen knobs, stored verbatim (by convention a JSON object). */
  readonly knobs: string;
  readonly sections: readonly ArtifactSectionSpec[];
}

/**
 * The artifact's bytes. Throws RangeError for a misuse (an alignment that is not a power of
 * two up to 2^30, a repeated section name): those are bugs in the caller, not bad input.
 */
export function writeArtifact(spec: ArtifactSpec): Uint8Array {
  const names = new Set<string>();
  for (const s of spec.sections) {
    const a = s.align ?? DEFAULT_SECTION_ALIGNMENT;
    if (!Number.isInteger(a) || a < 1 || a > MAX_ALIGNMENT || (a & (a - 1)) !== 0) {
      throw new RangeError(`section '${s.name}': alignment ${a} is not a power of two up to 2^30`);
    }
    if (names.has(s.name)) throw new RangeError(`section '${s.name}' given twice`);
    names.add(s.name);
  }
  const fingerprint = sha256(new TextEncoder().encode(spec.knobs));
  const fields = (sections: SectionRow[], fileLength: number) =>
    ({ fileLength, runtimeVersion: spec.runtimeVersion, knobs: spec.knobs, fingerprint, sections });
  // Offsets are fixed-width in the header, so a first pass with zeros gives its final length.
  const placeholder = new Uint8Array(DIGEST_LENGTH);
  const draft = spec.sections.map((s) => ({ name: s.name, offset: 0, length: 0, align: 1, lazy: false, digest: placeholder }));
  let at = encodeHeader(fields(draft, 0)).length;
  const entries: SectionRow[] = spec.sections.map((s) => {
    const align = s.align ?? DEFAULT_SECTION_ALIGNMENT;
    const offset = Math.ceil(at / align) * align;
    // The digest covers the zero padding before the section too (see SectionRow).
    const digest = sha256(new Uint8Array(offset - at), s.bytes);
    at = offset + s.bytes.length;
    return { name: s.name, offset, length: s.bytes.length, align, lazy: s.lazy === true, digest };
  });
  const header = encodeHeader(fields(entries, at));
  const out = new Uint8Array(at);
  out.set(header, 0);
  spec.sections.forEach((s, i) => out.set(s.bytes, entries[i].offset));
  return out;
}
