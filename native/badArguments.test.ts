// Bad arguments throw a coded MemoryImageError on both backends, with the same code, and
// never crash the process. Leaves out valid calls (memoryBackend.test.ts).

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { MemoryBackend } from './MemoryBackend.js';
import { backendsUnderTest, tempDir, throwsCode } from './_internals/backendsUnderTest.js';
import { tsTwin } from './tsTwin.js';

const tmp = tempDir();
test.after(() => tmp.dispose());
const file = tmp.file('eight-pages.bin', new Uint8Array(8 * 4096).fill(1));

// `any` on purpose: these calls break the types the way JS callers could.
type Loose = { [K in keyof MemoryBackend]: MemoryBackend[K] extends (...a: never[]) => infer R ? (...a: any[]) => R : MemoryBackend[K] };

/** One row per bad call: what it is, the call, the code both backends must report. */
const cases: [string, (b: Loose) => unknown, string][] = [
  ['image bytes not a Uint8Array', (b) => b.createImage([1, 2, 3], 3), 'ERR_INVALID_ARG'],
  ['image bytes an Int8Array', (b) => b.createImage(new Int8Array(3), 3), 'ERR_INVALID_ARG'],
  ['image size smaller than bytes', (b) => b.createImage(new Uint8Array(10), 5), 'ERR_OUT_OF_RANGE'],
  ['image size negative', (b) => b.createImage(new Uint8Array(0), -1), 'ERR_OUT_OF_RANGE'],
  ['image size fractional', (b) => b.createImage(new Uint8Array(0), 1.5), 'ERR_OUT_OF_RANGE'],
  ['image size NaN', (b) => b.createImage(new Uint8Array(0), NaN), 'ERR_OUT_OF_RANGE'],
  ['image size a string', (b) => b.createImage(new Uint8Array(0), '4'), 'ERR_INVALID_ARG'],
  ['image size missing', (b) => b.createImage(new Uint8Array(0)), 'ERR_INVALID_ARG'],
  ['map a plain object as image', (b) => b.mapMemory({ size: 0 }, 0, 0), 'ERR_INVALID_ARG'],
  ['map initial above maximum', (b) => b.mapMemory(null, 2, 1), 'ERR_OUT_OF_RANGE'],
  ['map image larger than initial', (b) => b.mapMemory(b.createImage(new Uint8Array(1), 9000), 4096, 65536), 'ERR_OUT_OF_RANGE'],
  ['map infinite maximum', (b) => b.mapMemory(null, 0, Infinity), 'ERR_OUT_OF_RANGE'],
  ['map maximum beyond safe integers', (b) => b.mapMemory(null, 0, 2 ** 60), 'ERR_OUT_OF_RANGE'],
  ['grow a foreign ArrayBuffer', (b) => b.growMemory(new ArrayBuffer(8), 16), 'ERR_INVALID_ARG'],
  ['grow a typed array instead of its buffer', (b) => b.growMemory(new Uint8Array(b.mapMemory(null, 0, 8)), 8), 'ERR_INVALID_ARG'],
  ['grow nothing', (b) => b.growMemory(undefined, 8), 'ERR_INVALID_ARG'],
  ['grow to a negative size', (b) => b.growMemory(b.mapMemory(null, 0, 8), -8), 'ERR_OUT_OF_RANGE'],
  ['reset a foreign ArrayBuffer', (b) => b.resetMemory(new ArrayBuffer(8)), 'ERR_INVALID_ARG'],
  ['reset to a non-image', (b) => b.resetMemory(b.mapMemory(null, 0, 8), 42), 'ERR_INVALID_ARG'],
  ['reset with a bad initial', (b) => b.resetMemory(b.mapMemory(null, 0, 8), undefined, -1), 'ERR_OUT_OF_RANGE'],
  ['reset a mapFile buffer', (b) => b.resetMemory(b.mapFile(file)), 'ERR_INVALID_ARG'],
  ['mapFile a number', (b) => b.mapFile(7), 'ERR_INVALID_ARG'],
  ['mapFile an empty path', (b) => b.mapFile(''), 'ERR_INVALID_ARG'],
  ['mapFile a path with NUL', (b) => b.mapFile(`${file}\0x`), 'ERR_INVALID_ARG'],
  ['mapFile a missing file', (b) => b.mapFile(`${tmp.dir}/missing`), 'ENOENT'],
  ['mapFile a directory', (b) => b.mapFile(tmp.dir), 'EISDIR'],
  ['mapFile a character device', (b) => b.mapFile('/dev/null'), 'ENODEV'],
  ['mapFile at an unaligned offset', (b) => b.mapFile(file, 100, 10), 'ERR_OUT_OF_RANGE'],
  ['mapFile a zero-length range', (b) => b.mapFile(file, 0, 0), 'ERR_OUT_OF_RANGE'],
  ['mapFile a range past the end', (b) => b.mapFile(file, 4096, 7 * 4096 + 1), 'ERR_OUT_OF_RANGE'],
  ['mapFile an offset past the end', (b) => b.mapFile(file, 9 * 4096), 'ERR_OUT_OF_RANGE'],
  ['mapFile a negative length', (b) => b.mapFile(file, 0, -1), 'ERR_OUT_OF_RANGE'],
  ['mapFile a fractional offset', (b) => b.mapFile(file, 0.5, 1), 'ERR_OUT_OF_RANGE'],
  ['mapFile an offset that is a string', (b) => b.mapFile(file, '0', 1), 'ERR_INVALID_ARG'],
  ['mapFile a length that is a string', (b) => b.mapFile(file, 0, '1'), 'ERR_INVALID_ARG'],
  ['mapFile a missing file with a range', (b) => b.mapFile(`${tmp.dir}/missing`, 0, 1), 'ENOENT'],
  ['image from file at an unaligned offset', (b) => b.mapImageFromFile(file, 100, 10, 4096, 4096), 'ERR_OUT_OF_RANGE'],
  ['image from file past its end', (b) => b.mapImageFromFile(file, 8 * 4096, 1, 4096, 4096), 'ERR_OUT_OF_RANGE'],
  ['image from file offset past its end', (b) => b.mapImageFromFile(file, 16 * 4096, 0, 4096, 4096), 'ERR_OUT_OF_RANGE'],
  ['image from file longer than initial', (b) => b.mapImageFromFile(file, 0, 8192, 4096, 8192), 'ERR_OUT_OF_RANGE'],
  ['image from file initial above maximum', (b) => b.mapImageFromFile(file, 0, 10, 8192, 4096), 'ERR_OUT_OF_RANGE'],
  ['image from a missing file', (b) => b.mapImageFromFile(`${tmp.dir}/missing`, 0, 0, 0, 0), 'ENOENT'],
  ['image from file with too few arguments', (b) => b.mapImageFromFile(file, 0, 0), 'ERR_INVALID_ARG'],
];

for (const b of backendsUnderTest()) {
  test(`${b.name}: every bad call throws its code`, () => {
    for (const [what, call, code] of cases) throwsCode(() => call(b as Loose), code, what);
  });
}

test('images and memories of one backend are refused by the other', () => {
  const backends = backendsUnderTest();
  const native = backends.find((b) => b.name === 'native');
  if (native === undefined) return;
  throwsCode(() => native.mapMemory(tsTwin.createImage(new Uint8Array(1), 1), 4096, 4096), 'ERR_INVALID_ARG');
  throwsCode(() => tsTwin.mapMemory(native.createImage(new Uint8Array(1), 1), 4096, 4096), 'ERR_INVALID_ARG');
  throwsCode(() => native.growMemory(tsTwin.mapMemory(null, 0, 8), 8), 'ERR_INVALID_ARG');
  throwsCode(() => tsTwin.growMemory(native.mapMemory(null, 0, 8), 8), 'ERR_INVALID_ARG');
});

test('native: an absurd but safe maximum fails as ENOMEM, and the process lives on', () => {
  const native = backendsUnderTest().find((b) => b.name === 'native');
  if (native === undefined) return;
  // 2^52 bytes is more address space than x86-64 user space has (2^47).
  throwsCode(() => native.mapMemory(null, 0, 2 ** 52), 'ENOMEM');
  assert.is(native.mapMemory(null, 8, 8).byteLength, 8);
});

test.run();
