// Small token-reading helpers shared by the script and value parsers: reads inside an open
// form, expectations with readable errors, string and literal conversion at a position.
// No grammar here.

import { LiteralError } from '../errors.js';
import { UNCLOSED, type Lexer, type Position, type StringToken, type Token } from '../lexer.js';

/** A token as shown in error messages. */
export function describe(t: Token): string {
  switch (t.kind) {
    case 'eof':
      return 'end of input';
    case 'string':
      return `string ${t.text.length > 40 ? t.text.slice(0, 37) + '...' : t.text}`;
    default:
      return `'${t.text}'`;
  }
}

/** Next token inside the form opened at `open`; end of input is reported at `open`. */
export function nextIn(lx: Lexer, open: Position): Token {
  const t = lx.next();
  if (t.kind === 'eof') throw lx.errorAt(open, UNCLOSED);
  return t;
}

/** Peek inside the form opened at `open`; end of input is reported at `open`. */
export function peekIn(lx: Lexer, open: Position): Token {
  const t = lx.peek();
  if (t.kind === 'eof') throw lx.errorAt(open, UNCLOSED);
  return t;
}

/** Consumes the `)` closing `open`. */
export function closeForm(lx: Lexer, open: Position, after: string): void {
  const t = nextIn(lx, open);
  if (t.kind !== ')') throw lx.errorAt(t, `expected ')' after ${after}, found ${describe(t)}`);
}

/** Consumes a string token. */
export function expectString(lx: Lexer, open: Position, what: string): StringToken {
  const t = nextIn(lx, open);
  if (t.kind !== 'string') throw lx.errorAt(t, `expected ${what} (a string), found ${describe(t)}`);
  return t;
}

/** Consumes a `(`. */
export function expectOpen(lx: Lexer, open: Position, what: string): Token {
  const t = nextIn(lx, open);
  if (t.kind !== '(') throw lx.errorAt(t, `expected ${what}, found ${describe(t)}`);
  return t;
}

/** Consumes an atom (keyword or number). */
export function expectAtom(lx: Lexer, open: Position, what: string): Token {
  const t = nextIn(lx, open);
  if (t.kind !== 'atom') throw lx.errorAt(t, `expected ${what}, found ${describe(t)}`);
  return t;
}

/** The token's text, which must be valid UTF-8 (export and registration names). */
export function utf8Name(lx: Lexer, t: StringToken): string {
  if (t.value === undefined) throw lx.errorAt(t, 'malformed UTF-8 encoding in name');
  return t.value;
}

const lossy = new TextDecoder('utf-8', { ignoreBOM: true });

/** The token's text, invalid UTF-8 replaced by U+FFFD (assertion messages). */
export function lossyText(t: StringToken): string {
  return t.value ?? lossy.decode(t.bytes);
}

/** Runs a literal conversion, turning its error into a syntax error at `t`. */
export function literal<T>(lx: Lexer, t: Token, convert: (text: string) => T): T {
  try {
    return convert(t.text);
  } catch (e) {
    if (e instanceof LiteralError) throw lx.errorAt(t, e.reason);
    throw e;
  }
}
