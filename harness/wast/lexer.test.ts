// Lexer tests: every token kind, string escapes as bytes, comments (nested, odd forms),
// 1-based positions, and the positioned errors for broken input.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { WastSyntaxError } from './errors.js';
import { Lexer, tokenize, type StringToken } from './lexer.js';

const bytes = (...b: number[]) => new Uint8Array(b);
const utf8 = (s: string) => new TextEncoder().encode(s);

function str(src: string): StringToken {
  const [t, ...rest] = tokenize(src);
  assert.is(rest.length, 0);
  assert.is(t!.kind, 'string');
  return t as StringToken;
}

function lexError(src: string): WastSyntaxError {
  try {
    tokenize(src, 'x.wast');
  } catch (e) {
    assert.instance(e, WastSyntaxError);
    return e as WastSyntaxError;
  }
  throw new Error(`no error for ${JSON.stringify(src)}`);
}

test('token kinds and texts', () => {
  const toks = tokenize('(module $m "s" i32.const -0x1p3 nan:0x1 offset=4)');
  assert.equal(
    toks.map((t) => [t.kind, t.text]),
    [
      ['(', '('],
      ['atom', 'module'],
      ['id', '$m'],
      ['string', '"s"'],
      ['atom', 'i32.const'],
      ['atom', '-0x1p3'],
      ['atom', 'nan:0x1'],
      ['atom', 'offset=4'],
      [')', ')'],
    ],
  );
  const id = toks[2]!;
  assert.is(id.kind === 'id' && id.name, 'm');
});

test('parens, strings and comments delimit atoms', () => {
  assert.equal(
    tokenize('(func(nop)nop;;c\n"a"x(;b;)y)').map((t) => t.text),
    ['(', 'func', '(', 'nop', ')', 'nop', '"a"', 'x', 'y', ')'],
  );
});

test('quoted identifier $"..."', () => {
  const [t] = tokenize('$"a b\\41"');
  assert.is(t!.kind, 'id');
  assert.is(t!.kind === 'id' && t!.name, 'a bA');
});

test('string escapes give bytes', () => {
  assert.equal(str('"\\n\\t\\r\\\\\\\'\\""').bytes, bytes(10, 9, 13, 0x5c, 0x27, 0x22));
  assert.equal(str('"\\00\\ff\\Ab"').bytes, bytes(0, 0xff, 0xab));
  assert.equal(str('"\\u{41}\\u{e9}\\u{20AC}\\u{1F600}\\u{10_FFFF}"').bytes, utf8('A\u00e9\u20ac\u{1f600}\u{10ffff}'));
  assert.is(str('"\\u{1F600}"').value, '\u{1f600}');
});

test('literal non-ASCII characters are UTF-8 encoded', () => {
  const t = str('"Heiße 😀"');
  assert.equal(t.bytes, utf8('Heiße 😀'));
  assert.is(t.value, 'Heiße 😀');
});

test('invalid UTF-8 keeps bytes but has no text', () => {
  const t = str('"a\\ff"');
  assert.equal(t.bytes, bytes(0x61, 0xff));
  assert.is(t.value, undefined);
  assert.is(str('"\\ef\\bb\\bfx"').value, '\ufeffx'); // a leading BOM is data, not dropped
});

test('empty string', () => {
  assert.equal(str('""').bytes, bytes());
  assert.is(str('""').value, '');
});

test('comments: line, block, nested, tricky', () => {
  const src = [
    ';; line',
    ';;;;;',
    '(;;)',
    '(;(((( ;)',
    '(;comment";)',
    '(;a(;nested(;deep;);)b;)',
    '(;a;;b;)',
    '(;\u0000;)',
    '(;\nmulti\nline\n;)',
    'x',
  ].join('\n');
  const toks = tokenize(src);
  assert.equal(toks.map((t) => t.text), ['x']);
  assert.is(toks[0]!.line, 13);
  assert.is(toks[0]!.col, 1);
});

test('line comment at end of input without newline', () => {
  assert.equal(tokenize('a ;; end').map((t) => t.text), ['a']);
});

test('positions are 1-based line and column, offsets exact', () => {
  const src = '(a\n  "b" $c\n\t)';
  const toks = tokenize(src);
  assert.equal(
    toks.map((t) => [t.line, t.col, t.offset, t.end]),
    [
      [1, 1, 0, 1],
      [1, 2, 1, 2],
      [2, 3, 5, 8],
      [2, 7, 9, 11],
      [3, 2, 13, 14],
    ],
  );
  for (const t of toks) assert.is(src.slice(t.offset, t.end), t.text);
});

test('positions after a multi-line block comment', () => {
  const [t] = tokenize('(;\n\n;)  z');
  assert.equal([t!.line, t!.col], [3, 5]);
});

test('CRLF line endings', () => {
  const toks = tokenize('a\r\nb\r\n  c');
  assert.equal(toks.map((t) => [t.text, t.line, t.col]), [['a', 1, 1], ['b', 2, 1], ['c', 3, 3]]);
});

test('peek does not consume; eof repeats', () => {
  const lx = new Lexer('a', 'f');
  assert.is(lx.peek().text, 'a');
  assert.is(lx.next().text, 'a');
  assert.is(lx.next().kind, 'eof');
  assert.is(lx.next().kind, 'eof');
});

test('skipBalanced jumps over nested forms, strings and comments', () => {
  const src = '(module (func ")" (; ) ;) ;; )\n (nop)) ) after';
  const lx = new Lexer(src, 'f');
  const open = lx.next();
  lx.next();
  const end = lx.skipBalanced(open);
  assert.is(src.slice(0, end), '(module (func ")" (; ) ;) ;; )\n (nop)) )');
  const t = lx.next();
  assert.equal([t.text, t.line, t.col], ['after', 2, 11]);
});

test('skipBalanced honours a peeked token', () => {
  const lx = new Lexer('(m (x)) y', 'f');
  const open = lx.next();
  lx.next();
  lx.peek();
  lx.skipBalanced(open);
  assert.is(lx.next().text, 'y');
});

test('error: unterminated string, at the opening quote', () => {
  const e = lexError('(a\n  "abc');
  assert.equal([e.line, e.col], [2, 3]);
  assert.match(e.message, /^x\.wast:2:3: unterminated string$/);
});

test('error: raw newline in a string', () => {
  const e = lexError('"ab\ncd"');
  assert.equal([e.line, e.col, e.reason], [1, 1, 'unterminated string']);
});

test('error: bad escapes, at the backslash', () => {
  const e = lexError('x "ab\\q"');
  assert.equal([e.line, e.col], [1, 6]);
  assert.match(e.reason, /bad escape sequence '\\q'/);
  assert.equal([lexError('"\\4"').col, lexError('"\\4"').reason], [2, "bad escape sequence '\\4'"]);
  assert.match(lexError('"\\u{d800}"').reason, /not a Unicode scalar value/);
  assert.match(lexError('"\\u{110000}"').reason, /not a Unicode scalar value/);
  assert.match(lexError('"\\u{}"').reason, /empty/);
  assert.match(lexError('"\\u{41"').reason, /unclosed/);
  assert.match(lexError('"\\u41"').reason, /expected \\u\{hex\}/);
});

test('error: control character in a string', () => {
  const e = lexError('"a\tb"');
  assert.equal([e.line, e.col], [1, 3]);
  assert.match(e.reason, /illegal control character U\+0009/);
});

test('error: unterminated block comment, at its start', () => {
  const e = lexError('a\n  (; x (; y ;)\n');
  assert.equal([e.line, e.col, e.reason], [2, 3, 'unterminated block comment']);
});

test('error: stray characters', () => {
  assert.equal([lexError('a ; b').col, lexError('a ; b').reason], [3, "unexpected character ';'"]);
  assert.match(lexError('a\u0001b').reason, /illegal character U\+0001/);
  assert.match(lexError('( $ )').reason, /empty identifier/);
});

test('error toString is file:line:col: message', () => {
  const e = lexError('\n\n   "open');
  assert.is(String(e), 'x.wast:3:4: unterminated string');
});

test.run();
