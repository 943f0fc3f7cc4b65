// Typed errors of the .wast script reader: a positioned syntax error for scripts, and a
// position-free literal error that the parser turns into a syntax error at the token.
// Module validation/decoding errors are not here: modules are handed to other tools.

/** A .wast script could not be lexed or parsed. Message reads `file:line:col: reason`. */
export class WastSyntaxError extends Error {
  override readonly name = 'WastSyntaxError';
  /**
   * @param file script path or label, as given to the parser
   * @param line 1-based line of the offending token or character
   * @param col 1-based column (UTF-16 code units from the line start)
   * @param reason what went wrong, without the position prefix
   */
  constructor(
    readonly file: string,
    readonly line: number,
    readonly col: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}:${col}: ${reason}`);
  }

  override toString(): string {
    return this.message;
  }
}

/**
 * A numeric literal was malformed or out of range. Thrown by `literals.ts`, which knows
 * no positions; the script parser rethrows it as a {@link WastSyntaxError}.
 * `reason` uses the spec testsuite's wording where one exists ("constant out of range").
 */
export class LiteralError extends Error {
  override readonly name = 'LiteralError';
  constructor(readonly reason: string) {
    super(reason);
  }
}
