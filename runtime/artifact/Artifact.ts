// A loaded artifact: its header and zero-copy views of its named sections. Eager sections
// were verified by readArtifact; a lazy one is hashed the first time anyone asks for it, once.
// It parses no section: what the bytes mean is the caller's business.

import { ArtifactError } from './ArtifactError.js';
import type { SectionEntry } from './_internals/header.js';
import { corruptSection, sectionMatches } from './_internals/sectionCheck.js';

/** One section as the header describes it. */
export interface ArtifactSectionInfo {
  readonly name: string;
  /** Byte offset from the start of the artifact (a multiple of `align`). */
  readonly offset: number;
  readonly length: number;
  readonly align: number;
  /** Verified on first access rather than at load. */
  readonly lazy: boolean;
  /**
   * SHA-256, lower-case hex, of the section's bytes and the padding before them (from the
   * previous section's end or the header's), so no byte of the file escapes a checksum.
   */
  readonly digest: string;
}

/** What an artifact says about itself. */
export interface ArtifactHeader {
  readonly formatVersion: number;
  readonly runtimeVersion: string;
  /** The codegen-knob string, verbatim as the writer got it. */
  readonly knobs: string;
  /** SHA-256 of `knobs`, lower-case hex. */
  readonly fingerprint: string;
  /** Length of the whole artifact in bytes. */
  readonly fileLength: number;
  /** In the order they were written. */
  readonly sections: readonly ArtifactSectionInfo[];
}

/** Where a section's bytes lie in the artifact's file, for mapping them straight from it. */
export interface FileRange {
  readonly path: string;
  readonly offset: number;
  readonly length: number;
}

/** A verified artifact's sections. Made by `readArtifact`, which did every check but lazy digests. */
export class Artifact {
  readonly #buffer: Uint8Array;
  readonly #file: { readonly path: string } | undefined;
  readonly #entries = new Map<string, SectionEntry>();
  /** Sections known good, and lazy ones known bad (the error is thrown again on each access). */
  readonly #verdicts = new Map<string, true | ArtifactError>();

  /**
   * @internal Use `readArtifact`: this constructor checks nothing and takes the eager
   * sections as verified.
   */
  constructor(
    buffer: Uint8Array,
    readonly header: ArtifactHeader,
    entries: readonly SectionEntry[],
    file: { readonly path: string } | undefined,
  ) {
    this.#buffer = buffer;
    this.#file = file;
    for (const e of entries) {
      this.#entries.set(e.name, e);
      if (!e.lazy) this.#verdicts.set(e.name, true);
    }
  }

  /** Whether the artifact has a section called `name`. */
  has(name: string): boolean {
    return this.#entries.has(name);
  }

  /**
   * A view (no copy) of section `name`. The first access to a lazy section hashes it; a
   * mismatch throws ArtifactError('checksum') then and on every later access. A missing
   * section throws ArtifactError('malformed'): the caller expected it, so the artifact is wrong.
   */
  section(name: string): Uint8Array {
    return this.#view(this.#verified(name));
  }

  /**
   * Where section `name` lies in the file the artifact was read from (offsets assume the
   * buffer is the whole file), after verifying its digest as `section` does; undefined when
   * the artifact was not read from a file.
   */
  fileRange(name: string): FileRange | undefined {
    const e = this.#verified(name);
    return this.#file === undefined ? undefined : { path: this.#file.path, offset: e.offset, length: e.length };
  }

  /** Verifies every lazy section now; throws the first mismatch. */
  verifyAll(): void {
    for (const name of this.#entries.keys()) this.#verified(name);
  }

  #view(e: SectionEntry): Uint8Array {
    return this.#buffer.subarray(e.offset, e.offset + e.length);
  }

  #verified(name: string): SectionEntry {
    const e = this.#entries.get(name);
    if (e === undefined) throw new ArtifactError('malformed', `artifact has no section '${name}'`, name);
    let verdict = this.#verdicts.get(name);
    if (verdict === undefined) {
      verdict = sectionMatches(e, this.#buffer) ? true : corruptSection(name);
      this.#verdicts.set(name, verdict);
    }
    if (verdict !== true) throw verdict;
    return e;
  }
}
