// planMemoryImage: which modules get an image, and that the image is the segments applied
// in order, trimmed. The expected bytes are built here from the segment texts, not read back
// from the planner.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkModule } from '../api/Module.js';
import { loadWabt, watToWasm } from '../../harness/wat/watToWasm.js';
import { planMemoryImage } from './planMemoryImage.js';
import { memoryImageSource } from './memoryImageSource.js';

await loadWabt();
const info = (text: string) => checkModule(watToWasm(text));
const plan = (text: string) => planMemoryImage(info(text));
const ascii = (s: string) => new TextEncoder().encode(s);

test('segments are applied in order over zeros, later ones winning, trimmed after the last non-zero byte', () => {
  const p = plan(`(module (memory 2)
    (data (i32.const 10) "abcdef")
    (data (i32.const 12) "XY")
    (data (i32.const 100) "\\00\\00")
    (data (i32.const 65536) "z\\00\\00"))`)!;
  assert.ok(p);
  assert.is(p.memory, 0);
  assert.is(p.size, 2 * 65536);
  const want = new Uint8Array(65537);
  want.set(ascii('abcdef'), 10);
  want.set(ascii('XY'), 12);
  want[65536] = 'z'.charCodeAt(0);
  assert.equal([...p.bytes], [...want]);
});

test('a later segment writing zeros over the tail trims the image to what stays non-zero', () => {
  const p = plan(`(module (memory 1) (data (i32.const 0) "ab") (data (i32.const 1) "\\00\\00\\00"))`)!;
  assert.equal([...p.bytes], [...ascii('a')]);
});

test('no active segment, or only zeros: an empty image of the initial size', () => {
  for (const text of ['(module (memory 3))', '(module (memory 1) (data (i32.const 7) "\\00"))', '(module (memory 1) (data "passive"))']) {
    const p = plan(text)!;
    assert.ok(p, text);
    assert.is(p.bytes.length, 0, text);
    assert.is(p.size, text.includes('memory 3') ? 3 * 65536 : 65536, text);
  }
});

test('a segment ending exactly at the initial size fits', () => {
  const p = plan('(module (memory 1) (data (i32.const 65534) "ab"))')!;
  assert.is(p.bytes.length, 65536);
  assert.is(p.bytes[65535], 'b'.charCodeAt(0));
});

test('not eligible: imported memory, no memory, non-constant offset, a segment past the initial size', () => {
  const cases = [
    '(module (import "m" "mem" (memory 1)) (data (i32.const 0) "a"))',
    '(module)',
    '(module (global $g (import "m" "g") i32) (memory 1) (data (global.get $g) "a"))',
    '(module (memory 1) (data (i32.const 65535) "ab"))',
    '(module (memory 0) (data (i32.const 0) "a"))',
    // -1 is the unsigned offset 2^32-1: out of bounds, not "just before 0".
    '(module (memory 1) (data (i32.const -1) "a"))',
  ];
  for (const text of cases) assert.is(plan(text), undefined, text);
});

test('an empty segment past the end still makes instantiation trap, so it is not eligible either', () => {
  assert.is(plan('(module (memory 1) (data (i32.const 65537) ""))'), undefined);
  assert.ok(plan('(module (memory 1) (data (i32.const 65536) ""))'));
});

test('plans are cached per module, and the image source wraps the same plan', () => {
  const i = info('(module (memory 1) (data (i32.const 0) "x"))');
  const p = planMemoryImage(i);
  assert.ok(p);
  assert.is(planMemoryImage(i), p);
  const source = memoryImageSource({ info: i });
  assert.is(source?.plan, p);
  assert.is(memoryImageSource({ info: i }), source);
  const given = { plan: p! };
  assert.is(memoryImageSource({ info: i, imageSource: given }), given, 'an artifact-loaded module brings its own');
});

test.run();
