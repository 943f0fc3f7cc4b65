// Differential property: random sequences of write / grow / reset (including image
// switches and page-unaligned sizes) give byte-identical memories and identical error
// codes on the addon and the twin. Skipped when the addon is not built.

import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { MemoryBackend, MemoryImage } from './MemoryBackend.js';
import { MemoryImageError } from './MemoryImageError.js';
import { backendsUnderTest, pattern, tempDir } from './_internals/backendsUnderTest.js';

const tmp = tempDir();
test.after(() => tmp.dispose());
const FILE = pattern(6 * 4096, 21);
const filePath = tmp.file('artifact.bin', FILE);
const MAXIMUM = 8 * 4096 + 100;

type Op =
  | { op: 'write'; at: number; value: number }
  | { op: 'grow'; by: number }
  | { op: 'reset'; image: 'keep' | 'none' | 0 | 1; initial: number | undefined };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('write' as const), at: fc.nat(), value: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ op: fc.constant('grow' as const), by: fc.oneof(fc.nat(3 * 4096), fc.constant(MAXIMUM)) }),
  fc.record({
    op: fc.constant('reset' as const),
    image: fc.constantFrom('keep' as const, 'none' as const, 0 as const, 1 as const),
    initial: fc.option(fc.nat(MAXIMUM + 10), { nil: undefined }),
  }),
);

/** How the memory under test starts: from a memfd image, from the file, or empty. */
const startArb = fc.constantFrom('image0', 'file', 'empty');

/** Runs one scenario on one backend; returns each step's bytes or error code. */
function run(b: MemoryBackend, start: string, ops: Op[]): string[] {
  const images: MemoryImage[] = [b.createImage(pattern(5000, 22), 6000), b.createImage(pattern(4096 * 2, 23), 4096 * 2)];
  let memory =
    start === 'file'
      ? b.mapImageFromFile(filePath, 4096, 4096 + 333, 3 * 4096, MAXIMUM)
      : b.mapMemory(start === 'empty' ? null : images[0]!, 6000, MAXIMUM);
  const trace: string[] = [];
  for (const step of ops) {
    try {
      if (step.op === 'write') {
        const view = new Uint8Array(memory);
        if (view.length > 0) view[step.at % view.length] = step.value;
      } else if (step.op === 'grow') {
        memory = b.growMemory(memory, Math.min(memory.byteLength + step.by, MAXIMUM + 1));
      } else {
        const image = step.image === 'keep' ? undefined : step.image === 'none' ? null : images[step.image];
        memory = b.resetMemory(memory, image, step.initial);
      }
      trace.push(Buffer.from(memory).toString('base64'));
    } catch (error) {
      if (!(error instanceof MemoryImageError)) throw error;
      trace.push(error.code);
    }
  }
  return trace;
}

const [first, second] = backendsUnderTest();
if (first !== undefined && second !== undefined) {
  test('native and twin agree on random write/grow/reset sequences', () => {
    fc.assert(
      fc.property(startArb, fc.array(opArb, { maxLength: 12 }), (start, ops) => {
        assert.equal(run(first, start, ops), run(second, start, ops));
      }),
      { numRuns: 150 },
    );
  });
}

test.run();
