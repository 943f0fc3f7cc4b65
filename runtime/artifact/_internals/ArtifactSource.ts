// Where an artifact's bytes come from, so one Artifact class and one set of checks serve both
// an artifact already in memory and a file mapped piece by piece. Checks nothing itself.

/** An artifact's bytes, read by range. */
export interface ArtifactSource {
  /** Length of the whole artifact: the buffer's, or the file's size when it was opened. */
  readonly length: number;
  /** The file the bytes come from, for `Artifact.fileRange`; undefined for bytes in memory. */
  readonly path: string | undefined;
  /**
   * Whether a range read twice is the same memory both times. A buffer is; a file is not (it
   * may have been replaced in between), so a view of it is trusted only as far as it was hashed.
   */
  readonly stable: boolean;
  /**
   * Bytes `[start, end)`, `0 <= start <= end <= length`, as a view the caller may keep. May map
   * or read them now; throws ArtifactError (and nothing else) when it cannot.
   */
  read(start: number, end: number): Uint8Array;
}

/** A source over bytes already in memory: reads are views of `buffer`, never copies. */
export function bufferSource(buffer: Uint8Array, path?: string): ArtifactSource {
  return { length: buffer.length, path, stable: true, read: (start, end) => buffer.subarray(start, end) };
}
