// openArtifactFile on both memory backends, with mapFile instrumented: load maps the first page
// then exactly the eager prefix, each lazy section is mapped once on first use, the verdicts
// match readArtifact's, and a file cut, extended, replaced or removed gives ArtifactError only.

import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadMemoryBackend, tsTwin, type MemoryBackend } from '../../native/memoryImages.js';
import { ArtifactError, type ArtifactErrorReason } from './ArtifactError.js';
import { openArtifactFile, readArtifactFileHeader, type MapFile } from './openArtifactFile.js';
import { readArtifact, readArtifactHeader, type ArtifactHeader } from './readArtifact.js';
import { writeArtifact, type ArtifactSectionSpec } from './writeArtifact.js';
import { digestStats } from './_internals/digest.js';
import { MAP_ALIGNMENT } from './_internals/fileSource.js';
import { ScratchFile } from './_internals/scratchFile.js';
import { artifactErrorOf } from './_internals/testing.js';

const EXPECT = { runtimeVersion: '0.1.0+feedface', knobs: '{"optLevel":"speed"}' };
const PAGE = 4096;

function pattern(n: number, seed: number): Uint8Array {
  const b = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) b[i] = x = ((x * 1103515245 + 12345) >>> 16) & 0xff;
  return b;
}

// Lazy and eager interleaved on purpose: the writer puts the eager ones first.
const SECTIONS: ArtifactSectionSpec[] = [
  { name: 'layout', bytes: pattern(100, 1) },
  { name: 'names', bytes: pattern(300_000, 2), lazy: true },
  { name: 'meta', bytes: pattern(3000, 3), align: 8 },
  { name: 'image', bytes: pattern(70_000, 4), lazy: true, align: 65536 },
  { name: 'code', bytes: pattern(20_000, 5), align: 16 },
  { name: 'tables', bytes: pattern(5000, 6), lazy: true, align: 8 },
  { name: 'empty', bytes: new Uint8Array(0), lazy: true, align: 1 },
];
const BYTES = writeArtifact({ ...EXPECT, sections: SECTIONS });
const HEADER = readArtifactHeader(BYTES);

const scratch = new ScratchFile();
test.after(() => scratch.dispose());
let files = 0;
/** A fresh file per use: files replaced under an open native mapping must be new inodes. */
function fileOf(bytes: Uint8Array): string {
  const path = join(scratch.dir, `a${files++}.cwasm`);
  writeFileSync(path, bytes);
  return path;
}
const PATH = fileOf(BYTES);

/** The end of the eager prefix, and where each section's digest range starts, from the header. */
function layoutOf(h: ArtifactHeader): { eagerEnd: number; from: Map<string, number> } {
  const from = new Map<string, number>();
  let end = new DataView(BYTES.buffer).getUint32(12, true);
  let eagerEnd = end;
  for (const s of h.sections) {
    from.set(s.name, end);
    end = s.offset + s.length;
    if (!s.lazy) eagerEnd = end;
  }
  return { eagerEnd, from };
}
const { eagerEnd: EAGER_END, from: FROM } = layoutOf(HEADER);

/** `backend.mapFile`, recording each call as [offset, length]. */
function recorder(backend: MemoryBackend): { calls: [number, number][]; map: MapFile } {
  const calls: [number, number][] = [];
  const map: MapFile = (path, offset, length) => {
    calls.push([offset ?? 0, length ?? -1]);
    return backend.mapFile(path, offset, length);
  };
  return { calls, map };
}

const reasonOf = (f: () => unknown): ArtifactErrorReason | undefined => artifactErrorOf(f)?.reason;

const backends = loadMemoryBackend().name === 'native' ? [loadMemoryBackend(), tsTwin] : [tsTwin];
const spec = (name: string) => SECTIONS.find((s) => s.name === name)!;
const info = (name: string) => HEADER.sections.find((s) => s.name === name)!;

test('the fixture: eager sections form a prefix longer than a page, and the file goes on', () => {
  assert.ok(EAGER_END > PAGE && BYTES.length > EAGER_END + 300_000, `${EAGER_END} of ${BYTES.length}`);
  assert.equal(HEADER.sections.map((s) => s.lazy), [false, false, false, true, true, true, true]);
});

test('a mapFile that ignores the range (a stale addon) is refused, not trusted', () => {
  const whole: MapFile = (path) => tsTwin.mapFile(path);
  const e = (() => {
    try {
      openArtifactFile(PATH, EXPECT, whole);
    } catch (error) {
      return error;
    }
    return undefined;
  })();
  assert.instance(e, ArtifactError);
  assert.is((e as ArtifactError).reason, 'unreadable');
  assert.match((e as ArtifactError).message, /stale native addon/);
});

for (const b of backends) {
  const name = (what: string) => `${b.name}: ${what}`;

  test(name('load maps the first page, then exactly the eager prefix, and hashes only that'), () => {
    const { calls, map } = recorder(b);
    const before = digestStats.bytes;
    const art = openArtifactFile(PATH, EXPECT, map);
    // The header checksum, the knob fingerprint, the eager sections with their padding.
    assert.is(digestStats.bytes - before, EAGER_END + EXPECT.knobs.length);
    assert.equal(calls, [[0, PAGE], [0, EAGER_END]]);
    assert.equal(art.header, HEADER);
    for (const s of ['layout', 'meta', 'code']) assert.equal(art.section(s), spec(s).bytes, s);
    assert.is(calls.length, 2, 'eager sections come from the prefix');
  });

  test(name('the header alone: read from the first page only, checked like a load'), () => {
    const { calls, map } = recorder(b);
    assert.equal(readArtifactFileHeader(PATH, map), HEADER);
    assert.equal(calls, [[0, PAGE]]);
    const bad = BYTES.slice();
    bad[20] ^= 1; // inside the header: its checksum no longer holds
    assert.is(reasonOf(() => readArtifactFileHeader(fileOf(bad), map)), 'checksum');
    assert.is(reasonOf(() => readArtifactFileHeader(fileOf(BYTES.subarray(0, 1000)), map)), 'truncated');
  });

  test(name('each lazy section is mapped once, on first use, from the 64 KiB boundary below its padding'), () => {
    const { calls, map } = recorder(b);
    const art = openArtifactFile(PATH, EXPECT, map);
    for (const s of ['names', 'tables']) {
      const before = calls.length;
      const got = art.section(s);
      assert.equal(got, spec(s).bytes, s);
      const from = FROM.get(s)!;
      const base = from - (from % MAP_ALIGNMENT);
      assert.equal(calls.slice(before), [[base, info(s).offset + info(s).length - base]], s);
      assert.is(art.section(s), got, `${s}: the same view again`);
      assert.is(calls.length, before + 1, `${s}: mapped once`);
    }
    assert.is(art.section('empty').length, 0);
    // fileRange hashes the image but keeps nothing: whoever asked maps the range itself.
    let before = calls.length;
    const image = info('image');
    assert.equal(art.fileRange('image'), { path: PATH, offset: image.offset, length: image.length });
    assert.equal(art.fileRange('image'), { path: PATH, offset: image.offset, length: image.length });
    assert.is(calls.length, before + 1, 'fileRange: hashed once');
    before = calls.length;
    assert.equal(art.section('image'), spec('image').bytes);
    art.section('image');
    art.verifyAll();
    assert.is(calls.length, before + 1, 'section after fileRange: mapped (and hashed) once more, then kept');
  });

  test(name('verifyAll maps each lazy section once and keeps none'), () => {
    const { calls, map } = recorder(b);
    const art = openArtifactFile(PATH, EXPECT, map);
    art.verifyAll();
    assert.is(calls.length, 2 + 3, 'names, image, tables (the empty one needs no read)');
    art.verifyAll();
    art.fileRange('image');
    assert.is(calls.length, 5, 'verdicts are remembered');
  });

  test(name('a header longer than the first page is read whole before the prefix'), () => {
    const many = Array.from({ length: 120 }, (_, i) => ({ name: `section-${i}-${'x'.repeat(20)}`, bytes: pattern(10, i), align: 1 }));
    const bytes = writeArtifact({ ...EXPECT, sections: [...many, { name: 'lazy', bytes: pattern(10, 0), lazy: true }] });
    const headerLength = new DataView(bytes.buffer).getUint32(12, true);
    assert.ok(headerLength > PAGE);
    const { calls, map } = recorder(b);
    const art = openArtifactFile(fileOf(bytes), EXPECT, map);
    const eagerEnd = art.header.sections.at(-2)!.offset + 10;
    assert.equal(calls, [[0, PAGE], [0, headerLength], [0, eagerEnd]]);
    assert.equal(art.section('section-7-xxxxxxxxxxxxxxxxxxxx'), pattern(10, 7));
  });

  test(name('refusals at load: the same reasons as readArtifact, and no prefix mapped'), () => {
    const cases: [string, Uint8Array, ArtifactErrorReason][] = [
      ['one byte short', BYTES.subarray(0, BYTES.length - 1), 'truncated'],
      ['cut at the end of the eager prefix', BYTES.subarray(0, EAGER_END), 'truncated'],
      ['cut inside the header', BYTES.subarray(0, 100), 'truncated'],
      ['one byte longer', Uint8Array.from([...BYTES, 0]), 'malformed'],
      ['empty', new Uint8Array(0), 'not-an-artifact'],
      ['wasm', Uint8Array.of(0, 0x61, 0x73, 0x6d, 1, 0, 0, 0), 'not-an-artifact'],
      ['another runtime', writeArtifact({ ...EXPECT, runtimeVersion: 'other', sections: SECTIONS }), 'runtime-version'],
      ['other knobs', writeArtifact({ ...EXPECT, knobs: '{}', sections: SECTIONS }), 'knobs'],
    ];
    for (const [what, bytes, reason] of cases) {
      const { calls, map } = recorder(b);
      assert.is(reasonOf(() => openArtifactFile(fileOf(bytes), EXPECT, map)), reason, what);
      assert.is(reasonOf(() => readArtifact(bytes, EXPECT)), reason, `${what}: readArtifact agrees`);
      assert.ok(calls.every(([offset, length]) => offset === 0 && length <= PAGE), `${what}: ${JSON.stringify(calls)}`);
    }
    const eager = BYTES.slice();
    eager[info('code').offset + 5] ^= 1;
    assert.is(reasonOf(() => openArtifactFile(fileOf(eager), EXPECT, b.mapFile)), 'checksum', 'a corrupt eager section');
    assert.is(reasonOf(() => openArtifactFile(join(scratch.dir, 'missing.cwasm'), EXPECT, b.mapFile)), 'unreadable');
    assert.is(reasonOf(() => openArtifactFile(scratch.dir, EXPECT, b.mapFile)), 'unreadable', 'a directory');
  });

  test(name('replaced after open: lazy reads are checked against the header read at open'), () => {
    const path = fileOf(BYTES);
    const art = openArtifactFile(path, EXPECT, b.mapFile);
    // Same layout, other names and image; the same tables bytes.
    const other = writeArtifact({
      ...EXPECT,
      sections: SECTIONS.map((s) => (s.name === 'names' || s.name === 'image' ? { ...s, bytes: pattern(s.bytes.length, 99) } : s)),
    });
    renameSync(fileOf(other), path);
    assert.is(reasonOf(() => art.section('names')), 'checksum');
    assert.is(reasonOf(() => art.section('names')), 'checksum', 'and again');
    assert.is(reasonOf(() => art.fileRange('image')), 'checksum');
    assert.equal(art.section('tables'), spec('tables').bytes, 'bytes that still match their digest are fine');
    assert.equal(art.section('code'), spec('code').bytes, 'the eager prefix stays mapped from the old file');
    // Replaced by a shorter file: the lazy ranges are now past its end.
    const art2 = openArtifactFile(path, EXPECT, b.mapFile);
    renameSync(fileOf(BYTES.subarray(0, EAGER_END)), path);
    assert.is(reasonOf(() => art2.section('names')), 'unreadable');
  });

  test(name('removed after open: unreadable, and not remembered (a restored file reads fine)'), () => {
    const path = fileOf(BYTES);
    const art = openArtifactFile(path, EXPECT, b.mapFile);
    unlinkSync(path);
    assert.is(reasonOf(() => art.section('names')), 'unreadable');
    assert.is(reasonOf(() => art.fileRange('image')), 'unreadable');
    assert.equal(art.section('meta'), spec('meta').bytes);
    renameSync(fileOf(BYTES), path);
    assert.equal(art.section('names'), spec('names').bytes);
  });
}

test.run();
