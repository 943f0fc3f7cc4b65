// Unit tests of the backtrace comparison behind assert_backtrace: exact functions, names and
// frame count; offsets compared only when written and address maps are on; with address maps
// off, any offset present is a mismatch.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Frame } from '../../runtime/errors.js';
import { backtraceMismatch, showExpectedFrames, showFrames } from './backtrace.js';

const actual: Frame[] = [
  { func: 1, name: 'inner', offset: 0x34 },
  { func: 3, offset: 0x3a },
];

test('a matching backtrace, with offsets written or omitted', () => {
  assert.is(backtraceMismatch(actual, [{ func: 1, name: 'inner', offset: 0x34 }, { func: 3, offset: 0x3a }], true), undefined);
  assert.is(backtraceMismatch(actual, [{ func: 1, name: 'inner' }, { func: 3 }], true), undefined);
  assert.is(backtraceMismatch([], [], true), undefined);
});

test('mismatches: function, name either way, offset, count', () => {
  const at = (i: number, f: object) => actual.map((a, j) => (j === i ? { ...a, ...f } : { ...a }));
  assert.is(backtraceMismatch(actual, at(1, { func: 2 }), true), 'frame 1: function 3, expected 2');
  assert.is(backtraceMismatch(actual, at(0, { name: 'x' }), true), 'frame 0: name "inner", expected "x"');
  // A frame written without a name expects none.
  assert.is(backtraceMismatch(actual, at(0, { name: undefined }), true), 'frame 0: name "inner", expected null');
  assert.is(backtraceMismatch(actual, at(1, { name: 'outer' }), true), 'frame 1: name null, expected "outer"');
  assert.is(backtraceMismatch(actual, at(1, { offset: 0x3b }), true), 'frame 1: offset 0x3a, expected 0x3b');
  assert.is(backtraceMismatch([{ func: 1 }], [{ func: 1, offset: 5 }], true), 'frame 0: offset none, expected 0x5');
  assert.is(backtraceMismatch(actual, actual.slice(0, 1), true), 'extra frame 1 (backtrace has 2 frames, expected 1)');
  assert.is(backtraceMismatch(actual.slice(0, 1), actual, true), 'frame 1 missing (backtrace has 1 frames, expected 2)');
});

test('address maps off: written offsets ignored, actual offsets refused', () => {
  const bare = actual.map(({ func, name }) => (name === undefined ? { func } : { func, name }));
  assert.is(backtraceMismatch(bare, [{ func: 1, name: 'inner', offset: 0xdead }, { func: 3, offset: 1 }], false), undefined);
  assert.is(backtraceMismatch(actual, [{ func: 1, name: 'inner' }, { func: 3 }], false), 'frame 0: has offset 0x34 although address maps are off');
  // Functions and names are still checked.
  assert.is(backtraceMismatch(bare, [{ func: 1 }, { func: 3 }], false), 'frame 0: name "inner", expected null');
});

test('how frames are shown', () => {
  assert.is(showFrames(actual), '[1 "inner" @0x34, 3 @0x3a]');
  assert.is(showFrames([{ func: 0 }]), '[0 @none]');
  assert.is(showExpectedFrames([{ func: 1, name: 'inner', offset: 0x34 }, { func: 3 }], true), '[1 "inner" @0x34, 3 @any]');
  assert.is(showExpectedFrames([{ func: 1, offset: 0x34 }], false), '[1 @none]');
});

test.run();
