// Parser tests for Crucible's own assertions, assert_backtrace and assert_host_error: the
// frame forms (name and offset optional, hex offsets) and syntax errors at exact positions.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Command } from './ast.js';
import { WastSyntaxError } from './errors.js';
import { parseScript } from './parseScript.js';

function one<K extends Command['kind']>(src: string, kind: K): Extract<Command, { kind: K }> {
  const cmds = parseScript(src, 't.wast');
  assert.is(cmds.length, 1);
  assert.is(cmds[0]!.kind, kind);
  return cmds[0] as Extract<Command, { kind: K }>;
}

/** Asserts `src` fails at line:col with a reason matching `reason`. */
function errorAt(src: string, line: number, col: number, reason: RegExp): void {
  try {
    parseScript(src, 'bad.wast');
  } catch (e) {
    assert.instance(e, WastSyntaxError);
    const err = e as WastSyntaxError;
    assert.equal([err.line, err.col], [line, col], err.message);
    assert.match(err.reason, reason);
    return;
  }
  assert.unreachable(`parsed without error: ${src}`);
}

test('assert_backtrace: action, message, frames innermost first', () => {
  const c = one('(assert_backtrace (invoke $M "f" (i32.const 3)) "unreachable"\n  (frame 1 "inner" 0x2a) (frame 4 "outer" 61))', 'assert_backtrace');
  assert.is(c.action.kind, 'invoke');
  assert.is(c.action.module, 'M');
  assert.is(c.action.name, 'f');
  assert.equal(c.action.kind === 'invoke' && c.action.args, [{ type: 'i32', value: 3 }]);
  assert.is(c.message, 'unreachable');
  assert.equal(c.frames, [
    { func: 1, name: 'inner', offset: 42 },
    { func: 4, name: 'outer', offset: 61 },
  ]);
  assert.equal([c.line, c.col], [1, 1]);
});

test('assert_backtrace: name and offset are each optional; no frames at all is allowed', () => {
  const c = one('(assert_backtrace (invoke "f") "x" (frame 0) (frame 1 "n") (frame 2 0x10) (frame 0xff))', 'assert_backtrace');
  assert.equal(c.frames, [{ func: 0 }, { func: 1, name: 'n' }, { func: 2, offset: 16 }, { func: 255 }]);
  assert.not.ok('name' in c.frames[0]!, 'an omitted name is absent, not undefined-valued');
  assert.not.ok('offset' in c.frames[0]!);
  assert.equal(one('(assert_backtrace (get "g") "m")', 'assert_backtrace').frames, []);
});

test('assert_backtrace: numbers take underscores and the full u32 range', () => {
  const c = one('(assert_backtrace (invoke "f") "x" (frame 1_000 0xffff_ffff))', 'assert_backtrace');
  assert.equal(c.frames, [{ func: 1000, offset: 0xffffffff }]);
});

test('assert_host_error: action and message prefix', () => {
  const c = one('(assert_host_error (invoke "throw" (i32.const 7)) "crucible.throw_error 7")', 'assert_host_error');
  assert.is(c.action.name, 'throw');
  assert.is(c.message, 'crucible.throw_error 7');
  assert.is(c.text, '(assert_host_error (invoke "throw" (i32.const 7)) "crucible.throw_error 7")');
});

test('the new commands mix with spec commands and keep their lines', () => {
  const cmds = parseScript('(module)\n(assert_host_error (invoke "a") "m")\n(assert_backtrace (invoke "b") "t" (frame 0))\n(assert_return (invoke "c"))', 't');
  assert.equal(cmds.map((c) => [c.kind, c.line]), [
    ['module', 1], ['assert_host_error', 2], ['assert_backtrace', 3], ['assert_return', 4],
  ]);
});

test('error: assert_backtrace without a message, or with a module instead of an action', () => {
  errorAt('(assert_backtrace (invoke "f") (frame 0))', 1, 32, /expected the expected failure message \(a string\), found '\('/);
  errorAt('(assert_backtrace (module) "x")', 1, 20, /expected 'invoke' or 'get', found 'module'/);
});

test('error: malformed frames, at the offending token', () => {
  errorAt('(assert_backtrace (invoke "f") "x" (fram 0))', 1, 37, /expected 'frame', found 'fram'/);
  errorAt('(assert_backtrace (invoke "f") "x" (frame))', 1, 42, /expected a function index, found '\)'/);
  errorAt('(assert_backtrace (invoke "f") "x" (frame "f" 1))', 1, 43, /expected a function index, found string "f"/);
  errorAt('(assert_backtrace (invoke "f") "x" (frame -1))', 1, 43, /malformed u32 literal '-1'/);
  errorAt('(assert_backtrace (invoke "f") "x" (frame 0x1_0000_0000))', 1, 43, /constant out of range/);
  errorAt('(assert_backtrace (invoke "f") "x" (frame 0 12 "f"))', 1, 48, /expected '\)' to end the frame, found string "f"/);
  errorAt('(assert_backtrace (invoke "f") "x" (frame 0 "a" "b"))', 1, 49, /expected '\)' to end the frame/);
  errorAt('(assert_backtrace (invoke "f") "x" (frame 0 1 2))', 1, 47, /expected '\)' to end the frame, found '2'/);
  errorAt('(assert_backtrace (invoke "f") "x" frame)', 1, 36, /expected a frame such as \(frame 0 "f" 0x2a\) or '\)', found 'frame'/);
  errorAt('(assert_backtrace (invoke "f") "x"\n  (frame 0 "\\ff"))', 2, 12, /malformed UTF-8/);
});

test('error: an unclosed frame is reported at its own paren', () => {
  errorAt('(assert_backtrace (invoke "f") "x"\n  (frame 0 "a"', 2, 3, /unclosed/);
});

test('error: assert_host_error takes exactly an action and a message', () => {
  errorAt('(assert_host_error (invoke "f"))', 1, 32, /expected the expected failure message/);
  errorAt('(assert_host_error (invoke "f") "m" (frame 0))', 1, 37, /expected '\)' after assert_host_error message, found '\('/);
  errorAt('(assert_host_error "m")', 1, 20, /expected an action/);
});

test.run();
