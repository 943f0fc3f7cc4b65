// The shape of a CLI command module, and argument parsing shared by all commands.

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.js';

/** What `harness/commands/<name>.ts` exports. */
export interface CommandModule {
  /** Full `--help` text. */
  readonly help: string;
  /** Runs the command; resolves to the exit code (0 nothing found, 1 a finding). */
  run(argv: string[]): Promise<number>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** A negative number as written in the text format (-5, -0x10, -1.5e3, -inf, -nan:0x1). */
const NEGATIVE_NUMBER = /^-(\d|inf$|nan($|:))/;

/**
 * node's parseArgs in strict mode, with its errors turned into UsageErrors. Negative numbers
 * are positionals, not flags, so `crucible run m.wat --invoke f -5` works.
 */
export function parseFlags<O extends Options>(argv: string[], options: O) {
  const negatives = new Map<string, string>();
  const args = argv.map((a, i) => {
    if (!NEGATIVE_NUMBER.test(a)) return a;
    const placeholder = `\u0000negative${i}`;
    negatives.set(placeholder, a);
    return placeholder;
  });
  try {
    const parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
    parsed.positionals = parsed.positionals.map((p) => negatives.get(p) ?? p);
    return parsed;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** Parses a whole-number flag value, or throws a UsageError naming the flag. */
export function intFlag(name: string, text: string | undefined, fallback: number, min = 0): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < min) throw new UsageError(`--${name} takes a whole number >= ${min}, got ${JSON.stringify(text)}`);
  return Number(text);
}
