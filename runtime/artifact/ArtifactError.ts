// The one error a precompiled-module artifact can fail with: a reason code a caller can act on
// (recompile, or report a corrupt file) plus a one-line message naming what differed.
// Misuse of the writer (bad alignment, a repeated name) is a programming error, not this.

/**
 * Why an artifact was refused.
 * - `not-an-artifact`: the bytes do not start with the artifact magic (a .wasm file, say).
 * - `format-version`: an artifact of another container format version.
 * - `runtime-version`: compiled by another crucible build; recompile.
 * - `knobs`: compiled with other codegen knobs; recompile or match the knobs.
 * - `truncated`: the file is shorter than its header says.
 * - `checksum`: a digest does not match: the file is corrupt.
 * - `malformed`: the checksums hold but the contents make no sense (a crafted or buggy file).
 * - `unreadable`: the artifact file could not be read at all (raised by file loaders, not here).
 */
export type ArtifactErrorReason =
  | 'not-an-artifact'
  | 'format-version'
  | 'runtime-version'
  | 'knobs'
  | 'truncated'
  | 'checksum'
  | 'malformed'
  | 'unreadable';

/** An artifact was refused; `reason` says why, `message` says what to do about it. */
export class ArtifactError extends Error {
  override readonly name = 'ArtifactError';
  /**
   * @param reason the machine-readable cause
   * @param message one line a user can act on
   * @param section the section at fault, when one is
   */
  constructor(
    readonly reason: ArtifactErrorReason,
    message: string,
    readonly section?: string,
  ) {
    super(message);
  }
}
