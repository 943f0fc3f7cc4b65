// Lays out an artifact: header (versions, knobs, section table, checksum), then the eager
// sections, then the lazy ones, each at an offset aligned as it asks, so a loader maps the eager
// prefix alone and images straight from the file. What the sections hold is Module.serialize's.

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
 * The artifact's bytes: the eager sections in the order given, then the lazy ones in the order
 * given (the header lists them in that file order). Throws RangeError for a misuse (an
 * alignment that is not a power of two up to 2^30, a repeated section name): those are bugs
 * in the caller, not bad input.
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
  // Eager first, whatever order the caller lists them in (format rule since version 2): the
  // part read at load is then one contiguous prefix of the file.
  const ordered = [...spec.sections.filter((s) => s.lazy !== true), ...spec.sections.filter((s) => s.lazy === true)];
  const fingerprint = sha256(new TextEncoder().encode(spec.knobs));
  const fields = (sections: SectionRow[], fileLength: number) =>
    ({ fileLength, runtimeVersion: spec.runtimeVersion, knobs: spec.knobs, fingerprint, sections });
  // Offsets are fixed-width in the header, so a first pass with zeros gives its final length.
  const placeholder = new Uint8Array(DIGEST_LENGTH);
  const draft = ordered.map((s) => ({ name: s.name, offset: 0, length: 0, align: 1, lazy: false, digest: placeholder }));
  let at = encodeHeader(fields(draft, 0)).length;
  const entries: SectionRow[] = ordered.map((s) => {
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
  ordered.forEach((s, i) => out.set(s.bytes, entries[i].offset));
  return out;
}
