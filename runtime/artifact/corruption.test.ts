// Corrupt artifacts are refused with ArtifactError and nothing else: every single-bit flip and
// every truncation of a small artifact, random flips and cuts of a large one, random garbage,
// and headers mutated with their checksum recomputed (what only a crafted file can do). Each
// case runs from memory (readArtifact) and from a file (openArtifactFile), with the same verdict.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import type { Artifact } from './Artifact.js';
import { openArtifactFile } from './openArtifactFile.js';
import { readArtifact, readArtifactHeader } from './readArtifact.js';
import { writeArtifact, type ArtifactSectionSpec } from './writeArtifact.js';
import { AT_CHECKSUM, headerChecksum } from './_internals/header.js';
import { ScratchFile } from './_internals/scratchFile.js';
import { artifactErrorOf } from './_internals/testing.js';
import { tsTwin } from '../../native/tsTwin.js';

const EXPECT = { runtimeVersion: '0.1.0+0123456789ab', knobs: '{"optLevel":"speed","padding":4}' };

function pattern(n: number, seed: number): Uint8Array {
  const b = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) b[i] = x = (x * 1103515245 + 12345) >>> 16 & 0xff;
  return b;
}

function artifactOf(sections: ArtifactSectionSpec[]): Uint8Array {
  return writeArtifact({ ...EXPECT, sections });
}

const SMALL = artifactOf([
  { name: 'meta', bytes: pattern(40, 1), align: 4 },
  { name: 'code', bytes: pattern(60, 2), align: 8 },
  { name: 'empty', bytes: new Uint8Array(0), align: 2 },
  { name: 'names', bytes: pattern(50, 3), align: 1, lazy: true },
  { name: 'image', bytes: pattern(30, 4), align: 16, lazy: true },
]);

const LARGE = artifactOf([
  { name: 'meta', bytes: pattern(20_000, 5) },
  { name: 'code', bytes: pattern(200_000, 6) },
  { name: 'names', bytes: pattern(1_000_000, 7), lazy: true },
  { name: 'image', bytes: pattern(300_000, 8), lazy: true, align: 65536 },
]);

// The twin reads rather than maps, so rewriting the one scratch file in place between cases
// cannot fault a mapping left from the case before.
const scratch = new ScratchFile();
test.after(() => scratch.dispose());

/** Both ways in: the bytes in memory, and the same bytes as a file mapped by ranges. */
const LOADERS: readonly [string, (bytes: Uint8Array) => Artifact][] = [
  ['bytes', (bytes) => readArtifact(bytes, EXPECT)],
  ['file', (bytes) => openArtifactFile(scratch.write(bytes), EXPECT, tsTwin.mapFile)],
];

/** The lazy section whose digest covers byte `at` (its padding included), if any. */
function lazyOwner(original: Uint8Array, at: number): string | undefined {
  const h = readArtifactHeader(original);
  // The header is refused at load whatever the first section is, so starting at 0 is safe.
  let from = 0;
  for (const s of h.sections) {
    if (at >= from && at < s.offset + s.length) return s.lazy ? s.name : undefined;
    from = s.offset + s.length;
  }
  return undefined;
}

/**
 * `bytes` (a corrupted `original`) is refused at load, or at first use of the lazy section hit,
 * the same way by every loader. Returns the reason at load (undefined: refused at first use).
 */
function assertRefused(original: Uint8Array, bytes: Uint8Array, at: number, what: string, loaders = LOADERS): string | undefined {
  const verdicts = loaders.map(([how, load]) => {
    let art: Artifact | undefined;
    const e = artifactErrorOf(() => void (art = load(bytes)), `${what} (${how})`);
    if (e !== undefined) return e.reason;
    const owner = lazyOwner(original, at);
    assert.ok(owner !== undefined, `${what} (${how}): accepted, yet byte ${at} is in no lazy section`);
    const loaded = art!;
    const first = artifactErrorOf(() => loaded.section(owner), what);
    assert.is(first?.reason, 'checksum', `${what} (${how}): first use of '${owner}'`);
    assert.is(artifactErrorOf(() => loaded.verifyAll(), what)?.reason, 'checksum', `${what} (${how}): verifyAll`);
    return undefined;
  });
  for (const v of verdicts) assert.is(v, verdicts[0], `${what}: the file loader agrees with the bytes loader`);
  return verdicts[0];
}

/** The reason each loader refuses `bytes` at load with (they must agree); undefined if accepted. */
function reasonAtLoad(bytes: Uint8Array, what: string): string | undefined {
  const reasons = LOADERS.map(([how, load]) => artifactErrorOf(() => void load(bytes), `${what} (${how})`)?.reason);
  assert.is(reasons[1], reasons[0], `${what}: the file loader agrees with the bytes loader`);
  return reasons[0];
}

test('the small artifact is small and sound', () => {
  assert.ok(SMALL.length < 1000, `${SMALL.length} bytes`);
  for (const [, load] of LOADERS) {
    load(SMALL).verifyAll();
    load(LARGE).verifyAll();
  }
});

test('every single-bit flip of the small artifact is refused (every byte of it from a file)', () => {
  let atLoad = 0;
  for (let bit = 0; bit < SMALL.length * 8; bit++) {
    const bytes = SMALL.slice();
    bytes[bit >> 3] ^= 1 << (bit & 7);
    // From a file, one flip per byte (a different bit each time) keeps the test fast.
    const loaders = (bit & 7) === ((bit >> 3) & 7) ? LOADERS : LOADERS.slice(0, 1);
    if (assertRefused(SMALL, bytes, bit >> 3, `bit ${bit}`, loaders) !== undefined) atLoad++;
  }
  assert.ok(atLoad > SMALL.length * 8 * 0.7, `${atLoad} refused at load`);
});

test('every truncation of the small artifact is refused at load', () => {
  for (let n = 0; n < SMALL.length; n++) {
    assert.is(reasonAtLoad(SMALL.subarray(0, n), `length ${n}`), n === 0 ? 'not-an-artifact' : 'truncated', `length ${n}`);
    assert.is(artifactErrorOf(() => void readArtifactHeader(SMALL.subarray(0, n)), `header, length ${n}`)?.reason,
      n === 0 ? 'not-an-artifact' : 'truncated');
  }
});

test('random flips and cuts of a large artifact are refused', () => {
  const flips = fc.sample(fc.tuple(fc.nat(LARGE.length - 1), fc.integer({ min: 1, max: 255 })), { numRuns: 300, seed: 11 });
  for (const [at, mask] of flips) {
    const bytes = LARGE.slice();
    bytes[at] ^= mask;
    assertRefused(LARGE, bytes, at, `byte ${at} ^ ${mask}`);
  }
  for (const n of fc.sample(fc.nat(LARGE.length - 1), { numRuns: 100, seed: 12 })) {
    assert.is(reasonAtLoad(LARGE.subarray(0, n), `cut ${n}`), n === 0 ? 'not-an-artifact' : 'truncated');
  }
});

test('garbage: only ArtifactError, whatever the bytes', () => {
  const magicAndVersion = fc.uint8Array({ maxLength: 400 }).map((b) => {
    const out = new Uint8Array(12 + b.length);
    out.set(SMALL.subarray(0, 12));
    out.set(b, 12);
    return out;
  });
  fc.assert(fc.property(fc.oneof(fc.uint8Array({ maxLength: 200 }), magicAndVersion), (bytes) => {
    assert.ok(reasonAtLoad(bytes, 'garbage') !== undefined);
    artifactErrorOf(() => void readArtifactHeader(bytes), 'garbage header');
  }), { numRuns: 2000, seed: 13 });
});

test('crafted headers (mutated, checksum recomputed): only ArtifactError, now or at use', () => {
  const headerLength = new DataView(SMALL.buffer).getUint32(12, true);
  const edit = fc.tuple(fc.integer({ min: 8, max: headerLength - 1 }), fc.nat(255));
  fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), fc.oneof(fc.constant(0), fc.nat(200)), (edits, extra) => {
    const bytes = new Uint8Array(SMALL.length + extra);
    bytes.set(SMALL);
    for (const [at, v] of edits) if (at < AT_CHECKSUM || at >= AT_CHECKSUM + 32) bytes[at] = v;
    const len = Math.min(new DataView(bytes.buffer).getUint32(12, true), bytes.length);
    if (len >= AT_CHECKSUM + 32) bytes.set(headerChecksum(bytes.subarray(0, len)), AT_CHECKSUM);
    artifactErrorOf(() => void readArtifactHeader(bytes), 'crafted header');
    const outcomes = LOADERS.map(([how, load]) => {
      let art: Artifact | undefined;
      const e = artifactErrorOf(() => void (art = load(bytes)), `crafted (${how})`);
      if (art === undefined) return e?.reason;
      const loaded = art;
      const reasons = loaded.header.sections.map((s) => artifactErrorOf(() => void loaded.section(s.name), `crafted (${how}), section`)?.reason);
      artifactErrorOf(() => loaded.verifyAll(), `crafted (${how}), verifyAll`);
      return reasons.join();
    });
    assert.is(outcomes[1], outcomes[0], 'the file loader agrees with the bytes loader');
  }), { numRuns: 3000, seed: 14 });
});

test.run();
