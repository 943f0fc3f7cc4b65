// Errors the CLI maps to exit codes: bad usage and unreadable input are exit 2.

/** The command line was wrong (unknown flag, missing argument). Exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** An input could not be read or parsed (missing file, broken .wast). Exit code 2. */
export class InputError extends Error {
  override readonly name = 'InputError';
}
