// A loaded artifact: its header and views of its named sections, whether its bytes are in memory
// or mapped from a file range by range. Eager sections were verified at load; a lazy one is read
// and hashed the first time anyone asks for it. It parses no section: what the bytes mean is the caller's.

import { ArtifactError } from './ArtifactError.js';
import type { ArtifactSource } from './_internals/ArtifactSource.js';
import type { SectionEntry } from './_internals/header.js';
import { corruptSection, digestMatches } from './_internals/sectionCheck.js';

/** What the reading runtime is; an artifact made by anything else is refused. */
export interface ArtifactExpectation {
  readonly runtimeVersion: string;
  readonly knobs: string;
}

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
  /** In file order: the eager sections first, then the lazy ones, each in the order the writer was given them. */
  readonly sections: readonly ArtifactSectionInfo[];
}

/** Where a section's bytes lie in the artifact's file, for mapping them straight from it. */
export interface FileRange {
  readonly path: string;
  readonly offset: number;
  readonly length: number;
}

/**
 * A verified artifact's sections. Made by `readArtifact` (bytes in memory) or `openArtifactFile`
 * (a file mapped by ranges), which did every check but the lazy digests.
 */
export class Artifact {
  readonly #source: ArtifactSource;
  readonly #entries = new Map<string, SectionEntry>();
  /** Views that were hashed (or come from memory that cannot change since): handed out as they are. */
  readonly #views = new Map<string, Uint8Array>();
  /** Sections known good, and lazy ones known bad (the error is thrown again on each access). */
  readonly #verdicts = new Map<string, true | ArtifactError>();

  /**
   * @internal Use `readArtifact` or `openArtifactFile`: this constructor checks nothing and
   * takes `eager` (a view per eager section) as verified.
   */
  constructor(
    source: ArtifactSource,
    readonly header: ArtifactHeader,
    entries: readonly SectionEntry[],
    eager: ReadonlyMap<string, Uint8Array>,
  ) {
    this.#source = source;
    for (const e of entries) this.#entries.set(e.name, e);
    for (const [name, view] of eager) {
      this.#views.set(name, view);
      this.#verdicts.set(name, true);
    }
  }

  /** Whether the artifact has a section called `name`. */
  has(name: string): boolean {
    return this.#entries.has(name);
  }

  /**
   * A view of section `name` (no copy of an in-memory artifact; a file's section is mapped on
   * first access and kept). The first access to a lazy section hashes it; a mismatch throws
   * ArtifactError('checksum') then and on every later access, a file that can no longer be read
   * ArtifactError('unreadable'). A missing section throws ArtifactError('malformed'): the
   * caller expected it, so the artifact is wrong.
   */
  section(name: string): Uint8Array {
    return this.#checked(this.#entry(name), true)!;
  }

  /**
   * Where section `name` lies in the file the artifact was read from (absolute offsets), after
   * verifying its digest as `section` does (the bytes hashed are not kept: a caller asking for
   * the range maps them itself); undefined when the artifact was not read from a file.
   */
  fileRange(name: string): FileRange | undefined {
    const e = this.#entry(name);
    this.#checked(e, false);
    const path = this.#source.path;
    return path === undefined ? undefined : { path, offset: e.offset, length: e.length };
  }

  /** Verifies every lazy section now; throws the first mismatch. A file's sections are not kept. */
  verifyAll(): void {
    for (const e of this.#entries.values()) this.#checked(e, false);
  }

  #entry(name: string): SectionEntry {
    const e = this.#entries.get(name);
    if (e === undefined) throw new ArtifactError('malformed', `artifact has no section '${name}'`, name);
    return e;
  }

  /**
   * The verified view of `e`, read and hashed unless a view was kept. Without `keep` a section
   * already found good is not read again, and the view is kept only if the source is stable.
   */
  #checked(e: SectionEntry, keep: boolean): Uint8Array | undefined {
    const kept = this.#views.get(e.name);
    if (kept !== undefined) return kept;
    const verdict = this.#verdicts.get(e.name);
    if (verdict instanceof ArtifactError) throw verdict;
    if (verdict === true && !keep) return undefined;
    // A read that fails (a vanished file) is not a verdict: the next access tries again.
    const span = this.#source.read(e.from, e.offset + e.length);
    if (!digestMatches(e, span)) {
      const error = corruptSection(e.name);
      this.#verdicts.set(e.name, error);
      throw error;
    }
    this.#verdicts.set(e.name, true);
    const view = span.subarray(e.offset - e.from);
    if (keep || this.#source.stable) this.#views.set(e.name, view);
    return view;
  }
}
