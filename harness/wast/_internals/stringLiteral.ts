// String literals of the wasm text format: validate the body between the quotes, and turn a
// validated body into its bytes (literal chars as UTF-8, escapes as given).
// Knows nothing about line/column bookkeeping: the caller maps offsets to positions.

/** Reports a problem at a source offset; never returns. */
export type Fail = (offset: number, reason: string) => never;

const BACKSLASH = 0x5c;
const QUOTE = 0x22;

/** Value of one hex digit char code, or -1. */
export function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

/** Single-char escapes and the byte each stands for. */
const SIMPLE_ESCAPES: ReadonlyMap<number, number> = new Map([
  [0x6e, 0x0a], // \n
  [0x74, 0x09], // \t
  [0x72, 0x0d], // \r
  [QUOTE, QUOTE],
  [0x27, 0x27], // \'
  [BACKSLASH, BACKSLASH],
]);

/**
 * Scans a string literal whose opening quote is at `start`. Returns the offset just past
 * the closing quote and whether any escape occurred. Control characters are rejected as in
 * the spec (a raw newline therefore means the string was never closed).
 */
export function scanStringLiteral(
  src: string,
  start: number,
  fail: Fail,
): { end: number; escaped: boolean } {
  let escaped = false;
  let i = start + 1;
  for (;;) {
    if (i >= src.length) fail(start, 'unterminated string');
    const c = src.charCodeAt(i);
    if (c === QUOTE) return { end: i + 1, escaped };
    if (c === BACKSLASH) {
      escaped = true;
      i = scanEscape(src, i, fail);
      continue;
    }
    if (c < 0x20 || c === 0x7f) {
      if (c === 0x0a) fail(start, 'unterminated string');
      fail(i, `illegal control character U+${c.toString(16).padStart(4, '0')} in string`);
    }
    i++;
  }
}

/** Validates the escape whose backslash is at `at`; returns the offset after it. */
function scanEscape(src: string, at: number, fail: Fail): number {
  const c = src.charCodeAt(at + 1);
  if (SIMPLE_ESCAPES.has(c)) return at + 2;
  if (c === 0x75 /* u */) {
    if (src.charCodeAt(at + 2) !== 0x7b /* { */) fail(at, 'bad escape: expected \\u{hex}');
    const { end, value } = scanEscapeHex(src, at + 3, at, fail);
    if (src.charCodeAt(end) !== 0x7d /* } */) fail(at, 'bad escape: unclosed \\u{...}');
    if (value >= 0x110000 || (value >= 0xd800 && value < 0xe000)) {
      fail(at, `bad escape: \\u{${value.toString(16)}} is not a Unicode scalar value`);
    }
    return end + 1;
  }
  if (hexValue(c) >= 0 && hexValue(src.charCodeAt(at + 2)) >= 0) return at + 3;
  const shown = at + 1 < src.length ? src[at + 1] : 'end of input';
  return fail(at, `bad escape sequence '\\${shown}'`);
}

/** Hex digits with single `_` separators, as in `\u{10_FFFF}`; value saturates past 2^24. */
function scanEscapeHex(src: string, i: number, at: number, fail: Fail): { end: number; value: number } {
  let value = 0;
  let digits = 0;
  for (;;) {
    const c = src.charCodeAt(i);
    const d = hexValue(c);
    if (d >= 0) {
      value = Math.min(value * 16 + d, 0x1000000);
      digits++;
      i++;
    } else if (c === 0x5f /* _ */ && digits > 0 && hexValue(src.charCodeAt(i + 1)) >= 0) {
      i++;
    } else {
      break;
    }
  }
  if (digits === 0) fail(at, 'bad escape: empty \\u{}');
  return { end: i, value };
}

let scratch = new Uint8Array(256);

function put(n: number, byte: number): number {
  if (n >= scratch.length) {
    const bigger = new Uint8Array(scratch.length * 2);
    bigger.set(scratch);
    scratch = bigger;
  }
  scratch[n] = byte;
  return n + 1;
}

function putUtf8(n: number, cp: number): number {
  if (cp < 0x80) return put(n, cp);
  if (cp < 0x800) return put(put(n, 0xc0 | (cp >> 6)), 0x80 | (cp & 0x3f));
  if (cp < 0x10000) {
    n = put(n, 0xe0 | (cp >> 12));
    return put(put(n, 0x80 | ((cp >> 6) & 0x3f)), 0x80 | (cp & 0x3f));
  }
  n = put(put(n, 0xf0 | (cp >> 18)), 0x80 | ((cp >> 12) & 0x3f));
  return put(put(n, 0x80 | ((cp >> 6) & 0x3f)), 0x80 | (cp & 0x3f));
}

/**
 * Bytes of an already validated literal spanning `start` (opening quote) to `end` (after
 * the closing quote). Literal characters are UTF-8 encoded; `\hh` gives a raw byte.
 */
export function decodeStringLiteral(src: string, start: number, end: number): Uint8Array {
  let n = 0;
  let i = start + 1;
  const stop = end - 1;
  while (i < stop) {
    const c = src.charCodeAt(i);
    if (c !== BACKSLASH) {
      const cp = src.codePointAt(i)!;
      n = putUtf8(n, cp);
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const e = src.charCodeAt(i + 1);
    const simple = SIMPLE_ESCAPES.get(e);
    if (simple !== undefined) {
      n = put(n, simple);
      i += 2;
    } else if (e === 0x75 /* u */) {
      const close = src.indexOf('}', i);
      const cp = parseInt(src.slice(i + 3, close).replaceAll('_', ''), 16);
      n = putUtf8(n, cp);
      i = close + 1;
    } else {
      n = put(n, hexValue(e) * 16 + hexValue(src.charCodeAt(i + 2)));
      i += 3;
    }
  }
  return scratch.slice(0, n);
}

// ignoreBOM keeps a leading U+FEFF: it is part of the name, not a byte-order mark.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The bytes as text when they are valid UTF-8, else undefined. */
export function utf8OrUndefined(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}
