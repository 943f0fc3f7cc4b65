// Script parser tests: every command form and value form of the 2.0 testsuite (plus the
// few later forms we accept), source spans, and syntax errors at exact positions.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Command, Expected } from './ast.js';
import { WastSyntaxError } from './errors.js';
import { iterateScript, parseScript } from './parseScript.js';


function one<K extends Command['kind']>(src: string, kind: K): Extract<Command, { kind: K }> {
  const cmds = parseScript(src, 't.wast');
  assert.is(cmds.length, 1);
  assert.is(cmds[0]!.kind, kind);
  return cmds[0] as Extract<Command, { kind: K }>;
}

function results(expected: string): Expected[] {
  return one(`(assert_return (invoke "f") ${expected})`, 'assert_return').expected;
}

function syntaxError(src: string): WastSyntaxError {
  try {
    parseScript(src, 'bad.wast');
  } catch (e) {
    assert.instance(e, WastSyntaxError);
    return e as WastSyntaxError;
  }
  throw new Error(`parsed without error: ${src}`);
}

/** Asserts the error's position and that its reason matches. */
function errorAt(src: string, line: number, col: number, reason: RegExp): void {
  const e = syntaxError(src);
  assert.equal([e.line, e.col], [line, col], `${e.message}`);
  assert.match(e.reason, reason);
  assert.is(e.message, `bad.wast:${line}:${col}: ${e.reason}`);
}

// ---- Modules ----------------------------------------------------------------------------

test('text module: name, exact source text, position', () => {
  const src = ';; header\n  (module $M\n    (func (export "f") (result i32) (i32.const 1)) ;; )\n  )\nnext';
  const m = parseScript(src.replace('next', ''), 't')[0]!;
  assert.is(m.kind, 'module');
  if (m.kind !== 'module') return;
  assert.is(m.name, 'M');
  assert.equal([m.line, m.col, m.offset], [2, 3, 12]);
  const text = '(module $M\n    (func (export "f") (result i32) (i32.const 1)) ;; )\n  )';
  assert.equal(m.source, { form: 'text', text });
  assert.is(m.text, text);
  assert.is(m.isDefinition, undefined);
});

test('anonymous and empty modules', () => {
  const m = one('(module)', 'module');
  assert.is(m.name, undefined);
  assert.equal(m.source, { form: 'text', text: '(module)' });
});

test('module definition keeps offsets: the keyword is blanked', () => {
  const m = one('(module definition $D (func))', 'module');
  assert.is(m.isDefinition, true);
  assert.is(m.name, 'D');
  assert.equal(m.source, { form: 'text', text: '(module            $D (func))' });
});

test('binary module: strings concatenated as bytes, with a name', () => {
  const m = one('(module $M2 binary "\\00asm" "\\01\\00\\00\\00")', 'module');
  assert.is(m.name, 'M2');
  assert.equal(m.source, { form: 'binary', bytes: new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]) });
});

test('quote module: fields are wrapped into one (module ...)', () => {
  const m = one('(module $Q quote "(func" " (result i32)" ;; c\n "(i32.const 1))")', 'module');
  assert.is(m.name, 'Q');
  assert.equal(m.source, {
    form: 'quote',
    quoted: '(func (result i32)(i32.const 1))',
    text: '(module (func (result i32)(i32.const 1))\n)',
  });
});

test('quote module that already is a (module ...) is not wrapped', () => {
  const m = one('(module quote " (module (memory 0))")', 'module');
  assert.equal(m.source, { form: 'quote', quoted: ' (module (memory 0))', text: ' (module (memory 0))' });
});

test('quote module with deliberately broken text still parses as a command', () => {
  const m = one('(module quote "(func \\"unterminated")', 'module');
  assert.is(m.source.form === 'quote' && m.source.text, '(module (func "unterminated\n)');
});

test('a script made of module fields is one inline module', () => {
  const fields = '(func) (memory 0) ;; c\n (func (export "f"))';
  const [m, ...rest] = parseScript(`;; c\n${fields} ;; end\n`, 'inline.wast');
  assert.is(rest.length, 0);
  assert.is(m!.kind, 'module');
  assert.is(m!.kind === 'module' && m!.source.form === 'text' && m!.source.text, `(module ${fields}\n)`);
  assert.equal([m!.line, m!.col, m!.text], [2, 1, fields]);
});

// ---- Register and actions ------------------------------------------------------------------

test('register with and without a module name', () => {
  assert.equal(one('(register "M" $M1)', 'register'), { kind: 'register', line: 1, col: 1, offset: 0, as: 'M', name: 'M1', text: '(register "M" $M1)' });
  const r = one('(register "spectest")', 'register');
  assert.is(r.as, 'spectest');
  assert.is(r.name, undefined);
});

test('bare invoke with every argument kind', () => {
  const c = one(
    '(invoke $M "f" (i32.const -1) (i64.const 0xffffffffffffffff) (f32.const -0x1p-149) (f64.const nan:0x1)' +
      ' (v128.const i16x8 1 2 3 4 5 6 7 -1) (ref.null func) (ref.null extern) (ref.extern 7))',
    'invoke',
  );
  assert.is(c.module, 'M');
  assert.is(c.name, 'f');
  const v128 = new Uint8Array(16);
  [1, 2, 3, 4, 5, 6, 7, 0xffff].forEach((x, i) => new DataView(v128.buffer).setUint16(i * 2, x, true));
  assert.equal(c.args, [
    { type: 'i32', value: -1 },
    { type: 'i64', value: -1n },
    { type: 'f32', bits: 0x80000001 },
    { type: 'f64', bits: 0x7ff0000000000001n },
    { type: 'v128', bytes: v128 },
    { type: 'ref.null', ref: 'func' },
    { type: 'ref.null', ref: 'extern' },
    { type: 'ref.extern', value: 7 },
  ]);
  assert.is(c.text, c.text.trim());
});

test('get, with and without a module', () => {
  const g = one('(get "g")', 'get');
  assert.equal(g, { kind: 'get', line: 1, col: 1, offset: 0, name: 'g', text: '(get "g")' });
  const a = one('(assert_return (get $M "g") (i32.const 1))', 'assert_return').action;
  assert.equal([a.kind, a.module, a.name, a.line, a.col], ['get', 'M', 'g', 1, 16]);
});

test('export names decode UTF-8 and escapes', () => {
  const c = one('(invoke "\\u{1F600}\\00a\\t\\e2\\82\\ac")', 'invoke');
  assert.is(c.name, '\u{1f600}\u0000a\t\u20ac');
  assert.equal(c.args, []);
});

// ---- Expected results ----------------------------------------------------------------------

test('assert_return: scalar results, several at once, and none', () => {
  assert.equal(results('(i32.const 0xffffffff) (i64.const -1) (f32.const 1) (f64.const -0)'), [
    { type: 'i32', value: -1 },
    { type: 'i64', value: -1n },
    { type: 'f32', bits: 0x3f800000 },
    { type: 'f64', bits: 0x8000000000000000n },
  ]);
  assert.equal(results(''), []);
});

test('assert_return: NaN patterns', () => {
  assert.equal(results('(f32.const nan:canonical) (f64.const nan:arithmetic) (f32.const nan:0x200000)'), [
    { type: 'f32', nan: 'canonical' },
    { type: 'f64', nan: 'arithmetic' },
    { type: 'f32', bits: 0x7fa00000 },
  ]);
});

test('assert_return: references', () => {
  assert.equal(results('(ref.null func) (ref.null extern) (ref.extern 1) (ref.extern) (ref.func)'), [
    { type: 'ref.null', ref: 'func' },
    { type: 'ref.null', ref: 'extern' },
    { type: 'ref.extern', value: 1 },
    { type: 'ref.extern' },
    { type: 'ref.func' },
  ]);
});

test('assert_return: v128 keeps shape and lanes, bytes when concrete', () => {
  const [i8, i64, f32, f64] = results(
    '(v128.const i8x16 -128 255 0 1 2 3 4 5 6 7 8 9 10 11 12 -1)' +
      ' (v128.const i64x2 -1 0x0102030405060708)' +
      ' (v128.const f32x4 nan:canonical 1.0 -0 nan:arithmetic)' +
      ' (v128.const f64x2 0x1p-1074 inf)',
  );
  assert.equal(i8, {
    type: 'v128',
    shape: 'i8x16',
    lanes: [0x80, 0xff, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 0xff],
    bytes: new Uint8Array([0x80, 0xff, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 0xff]),
  });
  assert.equal(i64, {
    type: 'v128',
    shape: 'i64x2',
    lanes: [0xffffffffffffffffn, 0x0102030405060708n],
    bytes: new Uint8Array([255, 255, 255, 255, 255, 255, 255, 255, 8, 7, 6, 5, 4, 3, 2, 1]),
  });
  assert.equal(f32, { type: 'v128', shape: 'f32x4', lanes: [{ nan: 'canonical' }, 0x3f800000, 0x80000000, { nan: 'arithmetic' }] });
  assert.equal(f64, {
    type: 'v128',
    shape: 'f64x2',
    lanes: [1n, 0x7ff0000000000000n],
    bytes: new Uint8Array([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xf0, 0x7f]),
  });
  const [i16, i32] = results('(v128.const i16x8 0 1 2 3 4 5 6 -32768) (v128.const i32x4 1 2 3 0xffffffff)');
  assert.equal(i16 && 'lanes' in i16 && i16.lanes, [0, 1, 2, 3, 4, 5, 6, 0x8000]);
  assert.equal(i32 && 'lanes' in i32 && i32.lanes, [1, 2, 3, 0xffffffff]);
});

// ---- Assertions ----------------------------------------------------------------------------

test('assert_trap on an action and on a module', () => {
  const a = one('(assert_trap (invoke "div" (i32.const 1) (i32.const 0)) "integer divide by zero")', 'assert_trap');
  assert.is(a.message, 'integer divide by zero');
  assert.is(a.action?.kind, 'invoke');
  assert.is(a.module, undefined);
  const m = one('(assert_trap (module (start 0) (func unreachable)) "unreachable")', 'assert_trap');
  assert.is(m.action, undefined);
  assert.equal(m.module?.source, { form: 'text', text: '(module (start 0) (func unreachable))' });
});

test('assert_exhaustion', () => {
  const a = one('(assert_exhaustion (invoke "runaway") "call stack exhausted")', 'assert_exhaustion');
  assert.equal([a.action.name, a.message], ['runaway', 'call stack exhausted']);
});

test('module assertions carry the module and message', () => {
  const cases = [
    ['assert_malformed', '(module binary "\\00asm")', 'unexpected end'],
    ['assert_malformed', '(module quote "(func (i32.const 0x))")', 'unknown operator'],
    ['assert_invalid', '(module $I (func (result i32)))', 'type mismatch'],
    ['assert_unlinkable', '(module (import "m" "f" (func)))', 'unknown import'],
    ['assert_uninstantiable', '(module (start 0) (func unreachable))', 'unreachable'],
  ] as const;
  for (const [kind, mod, msg] of cases) {
    const c = one(`(${kind}\n  ${mod}\n  "${msg}"\n)`, kind);
    assert.is(c.message, msg);
    assert.equal([c.module.line, c.module.col], [2, 3]);
  }
  const inv = one('(assert_invalid (module $I (func)) "x")', 'assert_invalid');
  assert.is(inv.module.name, 'I');
});

test('command text spans exactly the command', () => {
  const src = '(module)\n(assert_return (invoke "f")\n  (i32.const 1)) ;; trailing\n(register "a")';
  const cmds = parseScript(src, 't');
  assert.equal(cmds.map((c) => c.text), ['(module)', '(assert_return (invoke "f")\n  (i32.const 1))', '(register "a")']);
  assert.equal(cmds.map((c) => [c.line, c.col]), [[1, 1], [2, 1], [4, 1]]);
  assert.equal(cmds.map((c) => src.slice(c.offset, c.offset + c.text.length)), cmds.map((c) => c.text));
});

test('iterateScript yields the commands before a syntax error', () => {
  const it = iterateScript('(module)\n(register "a")\n(bogus)', 'lazy.wast');
  assert.is(it.next().value?.kind, 'module');
  assert.is(it.next().value?.kind, 'register');
  assert.throws(() => it.next(), (e: unknown) => e instanceof WastSyntaxError && e.line === 3);
});

// ---- Errors at exact positions -------------------------------------------------------------

test('error: unclosed paren is reported at the unclosed form', () => {
  errorAt('(module)\n(assert_return (invoke "f")\n  (i32.const 1)', 2, 1, /unclosed '\('/);
  errorAt('(module $m\n  (func (nop)\n', 1, 1, /unclosed '\('/);
  errorAt('(assert_return (invoke "f" (i32.const', 1, 28, /unclosed '\('/);
});

test('error: stray close paren and bare atoms at top level', () => {
  errorAt('(module)\n  )', 2, 3, /expected '\(' to start a command, found '\)'/);
  errorAt('module', 1, 1, /expected '\(' to start a command/);
});

test('error: bad string escape, at the backslash', () => {
  errorAt('(module)\n(invoke "a\\qb")', 2, 11, /bad escape sequence '\\q'/);
  errorAt('(module (func) (data "\\x"))', 1, 23, /bad escape/);
});

test('error: unknown command, at its keyword', () => {
  errorAt('(module)\n\n   (assert_retrun (invoke "f"))', 3, 5, /unknown command 'assert_retrun'/);
});

test('error: bad literals, at the literal', () => {
  errorAt('(invoke "f" (i32.const 0x1g))', 1, 24, /malformed i32 literal '0x1g'/);
  errorAt('(invoke "f"\n  (i32.const 4294967296))', 2, 14, /^constant out of range$/);
  errorAt('(invoke "f" (i64.const -9223372036854775809))', 1, 24, /constant out of range/);
  errorAt('(invoke "f" (f32.const 1e39))', 1, 24, /constant out of range/);
  errorAt('(invoke "f" (f64.const nan:canonical))', 1, 24, /malformed float literal/);
  errorAt('(invoke "f" (v128.const i8x16 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 256))', 1, 61, /constant out of range/);
});

test('error: malformed value forms', () => {
  errorAt('(invoke "f" (i33.const 1))', 1, 14, /unknown constant form 'i33.const'/);
  errorAt('(invoke "f" (i32.const))', 1, 23, /expected an operand for i32.const, found '\)'/);
  errorAt('(invoke "f" (i32.const 1 2))', 1, 26, /expected '\)' after i32.const/);
  errorAt('(invoke "f" (v128.const i8x16 1 2))', 1, 34, /expected 16 lanes/);
  errorAt('(invoke "f" (v128.const i4x32 1))', 1, 25, /unknown v128 shape/);
  errorAt('(invoke "f" (ref.null any))', 1, 23, /unknown reference type 'any'/);
  errorAt('(invoke "f" (ref.extern))', 1, 24, /expected an operand for ref.extern/);
  errorAt('(invoke "f" (ref.func))', 1, 14, /not allowed as an argument/);
  errorAt('(invoke "f" 1)', 1, 13, /expected an argument/);
});

test('error: malformed commands', () => {
  errorAt('(register $M)', 1, 11, /expected a registration name \(a string\)/);
  errorAt('(invoke $M)', 1, 11, /expected an export name/);
  errorAt('(invoke "\\ff")', 1, 9, /malformed UTF-8/);
  errorAt('(assert_return (module))', 1, 17, /expected 'invoke' or 'get', found 'module'/);
  errorAt('(assert_trap (invoke "f"))', 1, 26, /expected the expected failure message/);
  errorAt('(assert_invalid (invoke "f") "x")', 1, 18, /expected 'module', found 'invoke'/);
  errorAt('(assert_malformed "x")', 1, 19, /expected a module/);
  errorAt('(module binary "\\00" 12)', 1, 22, /expected a string in \(module binary/);
  errorAt('(assert_trap (nop) "x")', 1, 15, /expected 'invoke', 'get' or 'module'/);
  errorAt('()', 1, 2, /expected a command keyword, found '\)'/);
});

test.run();
