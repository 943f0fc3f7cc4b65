// Tokenizer for .wast scripts and the wasm text format: parens, atoms (keywords, numbers,
// reserved words), $ids, byte strings, with `;;` and nested `(; ;)` comments skipped.
// Atoms are not classified or converted here; literals.ts does numbers.

import { WastSyntaxError } from './errors.js';
import { decodeStringLiteral, scanStringLiteral, utf8OrUndefined } from './_internals/stringLiteral.js';

/** Where a token starts: source offset (UTF-16 units) and 1-based line and column. */
export interface Position {
  /** Offset into the source string. */
  offset: number;
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-16 code units from the start of the line. */
  col: number;
}

interface TokenBase extends Position {
  /** Offset just past the token. */
  end: number;
  /** The token's exact source text (quotes and `$` included). */
  text: string;
}

/** `(`, `)`, or the end of input. */
export interface PunctToken extends TokenBase {
  kind: '(' | ')' | 'eof';
}

/** A keyword, number or other reserved word, e.g. `module`, `-0x1p3`, `nan:canonical`. */
export interface AtomToken extends TokenBase {
  kind: 'atom';
}

/** A `$name` identifier (or `$"..."` quoted one); `name` omits the `$`. */
export interface IdToken extends TokenBase {
  kind: 'id';
  name: string;
}

/** A string literal: its bytes, plus their text when they are valid UTF-8. */
export interface StringToken extends TokenBase {
  kind: 'string';
  bytes: Uint8Array;
  value: string | undefined;
}

/** Any token. */
export type Token = PunctToken | AtomToken | IdToken | StringToken;

/** Reason given, at the opening paren, for a form still open at the end of input. */
export const UNCLOSED = "unclosed '(': reached end of input";

const LPAREN = 0x28;
const RPAREN = 0x29;
const SEMI = 0x3b;
const QUOTE = 0x22;
const DOLLAR = 0x24;
const NEWLINE = 0x0a;
const LONE_SURROGATE = /\p{Surrogate}/u;

/** Chars that end an atom (besides end of input). */
function isDelimiter(c: number): boolean {
  return c === 0x20 || c === NEWLINE || c === 0x09 || c === 0x0d || c === LPAREN || c === RPAREN || c === QUOTE || c === SEMI;
}

function isControl(c: number): boolean {
  return (c < 0x20 && c !== NEWLINE && c !== 0x09 && c !== 0x0d) || c === 0x7f;
}

/**
 * Pull tokenizer over one source string. `peek` looks one token ahead; `skipBalanced` jumps
 * over the rest of an open form without building tokens (still checking strings and
 * comments), which is how module bodies are passed over cheaply.
 */
export class Lexer {
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  private peeked: Token | undefined;
  /** Offset just past the last consumed token (or skipped form). */
  lastEnd = 0;

  /**
   * @param source the whole script text
   * @param file label used in error messages
   */
  constructor(
    readonly source: string,
    readonly file: string,
  ) {}

  /** A syntax error at a position of this source. */
  errorAt(at: Position, reason: string): WastSyntaxError {
    return new WastSyntaxError(this.file, at.line, at.col, reason);
  }

  /** Returns the next token without consuming it. */
  peek(): Token {
    return (this.peeked ??= this.lex());
  }

  /** Consumes and returns the next token (`eof` forever at the end). */
  next(): Token {
    const t = this.peek();
    this.peeked = undefined;
    this.lastEnd = t.end;
    return t;
  }

  /**
   * Skips to the `)` closing the form whose `(` was already consumed, consumes it, and
   * returns the offset just past it. Nested forms, strings and comments are honoured.
   * `open` (that form's `(`) is where an unclosed form is reported.
   */
  skipBalanced(open: Position): number {
    if (this.peeked) this.rewind(this.peeked);
    const src = this.source;
    let depth = 0;
    for (;;) {
      this.skipTrivia();
      if (this.pos >= src.length) throw this.errorAt(open, UNCLOSED);
      const c = src.charCodeAt(this.pos);
      if (c === LPAREN) {
        depth++;
        this.pos++;
      } else if (c === RPAREN) {
        this.pos++;
        if (depth-- === 0) return (this.lastEnd = this.pos);
      } else if (c === QUOTE) {
        this.pos = scanStringLiteral(src, this.pos, this.fail).end;
      } else {
        this.pos = this.scanAtom(this.pos);
      }
    }
  }

  private rewind(t: Token): void {
    this.pos = t.offset;
    this.line = t.line;
    this.lineStart = t.offset - t.col + 1;
    this.peeked = undefined;
  }

  private here(offset = this.pos): Position {
    return { offset, line: this.line, col: offset - this.lineStart + 1 };
  }

  // Bound once: string scanning reports errors on the current line (strings hold no newline).
  private readonly fail = (offset: number, reason: string): never => {
    throw this.errorAt(this.here(offset), reason);
  };

  private lex(): Token {
    this.skipTrivia();
    const src = this.source;
    const offset = this.pos;
    const line = this.line;
    const col = offset - this.lineStart + 1;
    if (offset >= src.length) return { kind: 'eof', offset, line, col, end: offset, text: '' };
    const c = src.charCodeAt(offset);
    if (c === LPAREN || c === RPAREN) {
      const end = ++this.pos;
      return { kind: c === LPAREN ? '(' : ')', offset, line, col, end, text: c === LPAREN ? '(' : ')' };
    }
    if (c === QUOTE) {
      const { end, escaped } = scanStringLiteral(src, offset, this.fail);
      this.pos = end;
      const bytes = decodeStringLiteral(src, offset, end);
      // Without escapes the bytes are the UTF-8 of the source slice itself.
      const raw = escaped ? undefined : src.slice(offset + 1, end - 1);
      const value = raw !== undefined && !LONE_SURROGATE.test(raw) ? raw : utf8OrUndefined(bytes);
      return { kind: 'string', offset, line, col, end, text: src.slice(offset, end), bytes, value };
    }
    if (c === DOLLAR && src.charCodeAt(offset + 1) === QUOTE) {
      const { end } = scanStringLiteral(src, offset + 1, this.fail);
      this.pos = end;
      const name = utf8OrUndefined(decodeStringLiteral(src, offset + 1, end));
      if (name === undefined || name === '') throw this.errorAt(this.here(offset), 'malformed identifier: name must be non-empty UTF-8');
      return { kind: 'id', offset, line, col, end, text: src.slice(offset, end), name };
    }
    const end = this.scanAtom(offset);
    this.pos = end;
    const text = src.slice(offset, end);
    if (c === DOLLAR) {
      if (text.length === 1) throw this.errorAt(this.here(offset), 'empty identifier "$"');
      return { kind: 'id', offset, line, col, end, text, name: text.slice(1) };
    }
    return { kind: 'atom', offset, line, col, end, text };
  }

  /** End of the atom starting at `i`; rejects stray `;` and control characters. */
  private scanAtom(i: number): number {
    const src = this.source;
    const start = i;
    while (i < src.length) {
      const c = src.charCodeAt(i);
      if (isDelimiter(c)) break;
      if (isControl(c)) throw this.errorAt(this.here(i), `illegal character U+${c.toString(16).padStart(4, '0')}`);
      i++;
    }
    if (i === start) throw this.errorAt(this.here(i), `unexpected character '${src[i]}'`);
    return i;
  }

  /** Skips whitespace and comments, keeping line bookkeeping. */
  private skipTrivia(): void {
    const src = this.source;
    for (;;) {
      const c = src.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x09 || c === 0x0d) {
        this.pos++;
      } else if (c === NEWLINE) {
        this.pos++;
        this.line++;
        this.lineStart = this.pos;
      } else if (c === SEMI && src.charCodeAt(this.pos + 1) === SEMI) {
        const nl = src.indexOf('\n', this.pos);
        this.pos = nl < 0 ? src.length : nl;
      } else if (c === LPAREN && src.charCodeAt(this.pos + 1) === SEMI) {
        this.skipBlockComment();
      } else {
        return;
      }
    }
  }

  private skipBlockComment(): void {
    const src = this.source;
    const open = this.here();
    let depth = 0;
    let i = this.pos;
    while (i < src.length) {
      const c = src.charCodeAt(i);
      if (c === LPAREN && src.charCodeAt(i + 1) === SEMI) {
        depth++;
        i += 2;
      } else if (c === SEMI && src.charCodeAt(i + 1) === RPAREN) {
        i += 2;
        if (--depth === 0) {
          this.pos = i;
          return;
        }
      } else {
        if (c === NEWLINE) {
          this.line++;
          this.lineStart = i + 1;
        }
        i++;
      }
    }
    throw this.errorAt(open, 'unterminated block comment');
  }
}

/** All tokens of `source` up to (not including) the end; mainly for tests and tools. */
export function tokenize(source: string, file = '<input>'): Token[] {
  const lexer = new Lexer(source, file);
  const out: Token[] = [];
  for (let t = lexer.next(); t.kind !== 'eof'; t = lexer.next()) out.push(t);
  return out;
}
