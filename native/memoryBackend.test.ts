// The MemoryBackend contract, run once per backend (native addon when built, TS twin
// always): privacy of writes, reset, growth, image switching, files. Sharing (RSS) and
// bad arguments are in sharing.test.ts and badArguments.test.ts.

import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { backendsUnderTest, pattern, tempDir, throwsCode } from './_internals/backendsUnderTest.js';

const PAGE = 65536;
const tmp = tempDir();
test.after(() => tmp.dispose());

for (const b of backendsUnderTest()) {
  const name = (what: string) => `${b.name}: ${what}`;

  test(name('a memory shows its image, then zeros up to initialBytes'), () => {
    const bytes = pattern(5000, 1);
    const image = b.createImage(bytes, 70000);
    assert.is(image.size, 70000);
    const memory = new Uint8Array(b.mapMemory(image, 2 * PAGE, 4 * PAGE));
    assert.is(memory.length, 2 * PAGE);
    assert.equal(memory.subarray(0, 5000), bytes);
    assert.ok(memory.subarray(5000).every((x) => x === 0));
  });

  test(name('createImage copies: later changes to the source are not seen'), () => {
    const bytes = pattern(100, 2);
    const image = b.createImage(bytes, 100);
    const expected = bytes.slice();
    bytes.fill(0);
    assert.equal(new Uint8Array(b.mapMemory(image, PAGE, PAGE)).subarray(0, 100), expected);
  });

  test(name('writes stay private: two memories from one image differ after writing one'), () => {
    const bytes = pattern(3 * 4096, 3);
    const image = b.createImage(bytes, bytes.length);
    const one = new Uint8Array(b.mapMemory(image, PAGE, PAGE));
    const two = new Uint8Array(b.mapMemory(image, PAGE, PAGE));
    one[0] = 0;
    one[4096 + 7] = 0;
    one[PAGE - 1] = 42;
    assert.is(two[0], bytes[0]);
    assert.is(two[4096 + 7], bytes[4096 + 7]);
    assert.is(two[PAGE - 1], 0);
    // And the image itself is untouched: a third memory sees the original bytes.
    assert.equal(new Uint8Array(b.mapMemory(image, PAGE, PAGE)).subarray(0, bytes.length), bytes);
  });

  test(name('reset restores the image, keeps the buffer, and clears the grown tail'), () => {
    const bytes = pattern(PAGE + 123, 4);
    const image = b.createImage(bytes, bytes.length);
    const first = b.mapMemory(image, 2 * PAGE, 8 * PAGE);
    new Uint8Array(first).fill(9);
    const grown = b.growMemory(first, 4 * PAGE);
    new Uint8Array(grown).fill(7, 2 * PAGE);
    const reset = b.resetMemory(grown);
    assert.is(reset.byteLength, 2 * PAGE);
    const view = new Uint8Array(reset);
    assert.equal(view.subarray(0, bytes.length), bytes);
    assert.ok(view.subarray(bytes.length).every((x) => x === 0));
    // Growing again hands out zeros, not what the grown tail held before the reset.
    const regrown = new Uint8Array(b.growMemory(reset, 4 * PAGE));
    assert.ok(regrown.subarray(2 * PAGE).every((x) => x === 0));
    // A reset of a memory already at its initial length reuses the buffer.
    const again = b.mapMemory(image, PAGE * 2, PAGE * 2);
    new Uint8Array(again)[5] ^= 0xff;
    assert.is(b.resetMemory(again), again);
    assert.is(new Uint8Array(again)[5], bytes[5]);
  });

  test(name('a stale, longer buffer written after a reset does not leak into later growth'), () => {
    const grown = b.growMemory(b.mapMemory(null, PAGE, 4 * PAGE), 4 * PAGE);
    const reset = b.resetMemory(grown);
    new Uint8Array(grown).fill(5, PAGE); // misuse: the pre-reset buffer
    const regrown = new Uint8Array(b.growMemory(reset, 4 * PAGE - 100));
    assert.ok(regrown.every((x) => x === 0));
  });

  test(name('growth keeps contents, adds zeros, stops at the maximum'), () => {
    const bytes = pattern(100, 5);
    let memory = b.mapMemory(b.createImage(bytes, 100), PAGE, 3 * PAGE);
    new Uint8Array(memory)[PAGE - 1] = 77;
    memory = b.growMemory(memory, 2 * PAGE);
    let view = new Uint8Array(memory);
    assert.is(view.length, 2 * PAGE);
    assert.equal(view.subarray(0, 100), bytes);
    assert.is(view[PAGE - 1], 77);
    assert.ok(view.subarray(PAGE).every((x) => x === 0));
    view[2 * PAGE - 1] = 88;
    memory = b.growMemory(memory, 3 * PAGE);
    view = new Uint8Array(memory);
    assert.is(view[2 * PAGE - 1], 88);
    view[3 * PAGE - 1] = 99; // the last byte of the maximum is writable
    throwsCode(() => b.growMemory(memory, 3 * PAGE + 1), 'ERR_OUT_OF_RANGE', 'beyond maximum');
    throwsCode(() => b.growMemory(memory, PAGE), 'ERR_OUT_OF_RANGE', 'shrink');
    assert.is(b.growMemory(memory, 3 * PAGE).byteLength, 3 * PAGE); // growing by zero is fine
  });

  test(name('grow from zero bytes, and a zero maximum'), () => {
    const empty = b.mapMemory(null, 0, 0);
    assert.is(empty.byteLength, 0);
    assert.is(b.growMemory(empty, 0).byteLength, 0);
    const small = b.growMemory(b.mapMemory(null, 0, PAGE), 10);
    assert.equal([...new Uint8Array(small)], new Array(10).fill(0));
  });

  test(name('reset switches images, to zeros, and to another initial length'), () => {
    const a = pattern(1000, 6);
    const c = pattern(9000, 7);
    const imageA = b.createImage(a, a.length);
    const imageC = b.createImage(c, c.length);
    const memory = b.mapMemory(imageA, PAGE, 4 * PAGE);
    let view = new Uint8Array(b.resetMemory(memory, imageC));
    assert.equal(view.subarray(0, c.length), c);
    assert.ok(view.subarray(c.length).every((x) => x === 0));
    view = new Uint8Array(b.resetMemory(memory, null));
    assert.ok(view.every((x) => x === 0));
    view = new Uint8Array(b.resetMemory(memory, imageA, 3 * PAGE));
    assert.is(view.length, 3 * PAGE);
    assert.equal(view.subarray(0, a.length), a);
    // Later plain resets keep the image and initial length last asked for.
    view.fill(1);
    view = new Uint8Array(b.resetMemory(view.buffer as ArrayBuffer));
    assert.is(view.length, 3 * PAGE);
    assert.equal(view.subarray(0, a.length), a);
    assert.ok(view.subarray(a.length).every((x) => x === 0));
    throwsCode(() => b.resetMemory(memory, imageC, 100), 'ERR_OUT_OF_RANGE', 'image larger than initial');
    throwsCode(() => b.resetMemory(memory, undefined, 5 * PAGE), 'ERR_OUT_OF_RANGE', 'initial beyond maximum');
  });

  test(name('mapFile shows the whole file; writes never reach it'), () => {
    const bytes = pattern(10000, 8);
    const path = tmp.file(`${b.name}-whole.bin`, bytes);
    const mapped = new Uint8Array(b.mapFile(path));
    assert.equal(mapped, bytes);
    mapped[0] = mapped[0]! ^ 0xff;
    assert.equal(new Uint8Array(readFileSync(path)), bytes);
    assert.is(b.mapFile(tmp.file(`${b.name}-empty.bin`, new Uint8Array(0))).byteLength, 0);
  });

  test(name('mapFile of a range: page-aligned offset, any positive length, the rest when length is omitted'), () => {
    const bytes = pattern(5 * 4096 + 300, 10);
    const path = tmp.file(`${b.name}-ranges.bin`, bytes);
    const cases: [number | undefined, number | undefined][] = [
      [0, 1], [0, 4096], [2 * 4096, 5000], [4096, undefined], [undefined, 100], [5 * 4096, 300], [0, bytes.length],
    ];
    for (const [offset, length] of cases) {
      const from = offset ?? 0;
      const want = bytes.subarray(from, length === undefined ? bytes.length : from + length);
      const got = new Uint8Array(b.mapFile(path, offset, length));
      assert.equal(got, want, `offset ${offset}, length ${length}`);
      got.fill(0);
    }
    assert.equal(new Uint8Array(readFileSync(path)), bytes, 'writes never reach the file');
    // The end of the file is a valid offset only when it is page-aligned, and then only with the rest.
    const aligned = tmp.file(`${b.name}-aligned.bin`, bytes.subarray(0, 2 * 4096));
    assert.is(b.mapFile(aligned, 2 * 4096).byteLength, 0);
    throwsCode(() => b.mapFile(aligned, 2 * 4096, 1), 'ERR_OUT_OF_RANGE', 'range past the end');
    throwsCode(() => b.mapFile(path, 4096, bytes.length - 4096 + 1), 'ERR_OUT_OF_RANGE', 'one byte too long');
    throwsCode(() => b.mapFile(path, 4096 + 512, 10), 'ERR_OUT_OF_RANGE', 'unaligned offset');
  });

  test(name('mapImageFromFile: an aligned range with a partial last page, private and resettable'), () => {
    const file = pattern(5 * 4096, 9);
    const path = tmp.file(`${b.name}-artifact.bin`, file);
    const offset = 2 * 4096;
    const length = 4096 + 1000; // ends mid-page, and the file goes on past it
    const range = file.subarray(offset, offset + length);
    const memory = b.mapImageFromFile(path, offset, length, PAGE, 2 * PAGE);
    let view = new Uint8Array(memory);
    assert.is(view.length, PAGE);
    assert.equal(view.subarray(0, length), range);
    assert.ok(view.subarray(length).every((x) => x === 0), 'bytes after the range read as zero');
    view.fill(3);
    assert.equal(new Uint8Array(readFileSync(path)), file, 'the file is unchanged');
    assert.equal(new Uint8Array(b.mapImageFromFile(path, offset, length, PAGE, PAGE)).subarray(0, length), range);
    view = new Uint8Array(b.resetMemory(b.growMemory(memory, 2 * PAGE)));
    assert.is(view.length, PAGE);
    assert.equal(view.subarray(0, length), range);
    assert.ok(view.subarray(length).every((x) => x === 0));
    throwsCode(() => b.mapImageFromFile(path, offset, 3 * 4096 + 1, PAGE, PAGE), 'ERR_OUT_OF_RANGE', 'past EOF');
  });

  if (b.name === 'native') {
    test(name('after growth the older buffer is a live view of the same memory'), () => {
      const old = new Uint8Array(b.mapMemory(null, PAGE, 2 * PAGE));
      const grown = new Uint8Array(b.growMemory(old.buffer as ArrayBuffer, 2 * PAGE));
      old[10] = 1;
      grown[11] = 2;
      assert.equal([grown[10], old[11], old.length], [1, 2, PAGE]);
    });
  }
}

test.run();
