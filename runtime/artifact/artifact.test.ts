// writeArtifact/readArtifact on well-formed inputs: the round trip, alignment, zero-copy views,
// file ranges, the header, and each refusal's reason and message. Corruption by bit flips,
// truncation and garbage is corruption.test.ts; lazy loading is lazyLoad.test.ts.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ArtifactError, type ArtifactErrorReason } from './ArtifactError.js';
import { rejects } from './_internals/testing.js';
import { ARTIFACT_MAGIC, readArtifact, readArtifactHeader } from './readArtifact.js';
import { DEFAULT_SECTION_ALIGNMENT, writeArtifact, type ArtifactSectionSpec } from './writeArtifact.js';
import { encodeHeader, FIXED_PREFIX, FORMAT_VERSION } from './_internals/header.js';
import { sha256 } from './_internals/digest.js';

const RT = '0.1.0+abcdef';
const KNOBS = JSON.stringify({ optLevel: 'speed', padding: 0, fuel: false });
const EXPECT = { runtimeVersion: RT, knobs: KNOBS };

function pattern(n: number, seed: number): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = (i * 31 + seed * 7 + (i >> 8)) & 0xff;
  return b;
}

const SECTIONS: ArtifactSectionSpec[] = [
  { name: 'meta', bytes: pattern(100, 1) },
  { name: 'code', bytes: pattern(5000, 2), align: 16 },
  { name: 'empty', bytes: new Uint8Array(0) },
  { name: 'names', bytes: pattern(3000, 3), lazy: true, align: 1 },
  { name: 'image', bytes: pattern(70000, 4), lazy: true, align: 65536 },
  { name: 'sp\u00e9cial \u{1f600}', bytes: pattern(7, 5), align: 8 },
];

function expectReason(f: () => unknown, reason: ArtifactErrorReason, message?: RegExp): ArtifactError {
  const e = rejects(f);
  assert.is(e.reason, reason, e.message);
  assert.is(e.name, 'ArtifactError');
  if (message !== undefined) assert.match(e.message, message);
  return e;
}

test('round trip: every section back, aligned, as a view of the buffer', () => {
  const bytes = writeArtifact({ runtimeVersion: RT, knobs: KNOBS, sections: SECTIONS });
  const art = readArtifact(bytes, EXPECT);
  art.verifyAll();
  for (const s of SECTIONS) {
    assert.ok(art.has(s.name), s.name);
    const got = art.section(s.name);
    assert.equal([...got], [...s.bytes], s.name);
    assert.is(got.buffer, bytes.buffer, `${s.name} is a view, not a copy`);
    const info = art.header.sections.find((x) => x.name === s.name)!;
    assert.is(info.offset % (s.align ?? DEFAULT_SECTION_ALIGNMENT), 0, `${s.name} aligned`);
    assert.is(got.byteOffset - bytes.byteOffset, info.offset);
    assert.is(info.lazy, s.lazy === true);
  }
  assert.not.ok(art.has('nope'));
  expectReason(() => art.section('nope'), 'malformed', /no section 'nope'/);
  assert.is(art.fileRange('image'), undefined, 'no file, no range');
});

test('the header: versions, knobs verbatim, fingerprint, sections eager first then lazy', () => {
  const bytes = writeArtifact({ runtimeVersion: RT, knobs: KNOBS, sections: SECTIONS });
  const h = readArtifact(bytes, EXPECT).header;
  assert.is(h.formatVersion, FORMAT_VERSION);
  assert.is(h.runtimeVersion, RT);
  assert.is(h.knobs, KNOBS);
  assert.is(h.fingerprint, Buffer.from(sha256(new TextEncoder().encode(KNOBS))).toString('hex'));
  assert.is(h.fileLength, bytes.length);
  // The file (and the table) hold the eager sections first, each group in the order given.
  const order = [...SECTIONS.filter((s) => s.lazy !== true), ...SECTIONS.filter((s) => s.lazy === true)];
  assert.ok(SECTIONS.findIndex((s) => s.lazy) < SECTIONS.length - 1 && SECTIONS.at(-1)!.lazy !== true, 'the input interleaves them');
  assert.equal(h.sections.map((s) => s.name), order.map((s) => s.name));
  assert.equal(readArtifactHeader(bytes), h, 'readArtifactHeader agrees');
  assert.equal([...bytes.subarray(0, 8)], [...ARTIFACT_MAGIC]);
  // Sections follow one another: none overlaps the header or the one before.
  let end = 0;
  for (const s of h.sections) {
    assert.ok(s.offset >= end, s.name);
    end = s.offset + s.length;
  }
  assert.is(end, bytes.length, 'the last section ends the file');
});

test('a buffer that is a view into a larger one, and a file range', () => {
  const bytes = writeArtifact({ runtimeVersion: RT, knobs: KNOBS, sections: SECTIONS });
  const big = new Uint8Array(bytes.length + 10);
  big.set(bytes, 3);
  const view = big.subarray(3, 3 + bytes.length);
  const art = readArtifact(view, EXPECT, { path: '/tmp/a.cwasm' });
  assert.equal([...art.section('code')], [...SECTIONS[1].bytes]);
  const image = art.header.sections.find((s) => s.name === 'image')!;
  assert.equal(art.fileRange('image'), { path: '/tmp/a.cwasm', offset: image.offset, length: 70000 });
  assert.is(image.offset % 65536, 0);
});

test('no sections, and big alignments only pad', () => {
  const empty = writeArtifact({ runtimeVersion: '', knobs: '', sections: [] });
  const art = readArtifact(empty, { runtimeVersion: '', knobs: '' });
  assert.is(art.header.sections.length, 0);
  art.verifyAll();
  const one = writeArtifact({ runtimeVersion: RT, knobs: KNOBS, sections: [{ name: 'x', bytes: Uint8Array.of(1), align: 1 << 20 }] });
  assert.is(one.length, (1 << 20) + 1);
  assert.equal([...readArtifact(one, EXPECT).section('x')], [1]);
});

test('writer misuse is a RangeError', () => {
  const w = (sections: ArtifactSectionSpec[]) => () => writeArtifact({ runtimeVersion: RT, knobs: KNOBS, sections });
  for (const align of [0, 3, 4097, 2 ** 31, 1.5, -4]) {
    assert.throws(w([{ name: 'a', bytes: new Uint8Array(1), align }]), (e: unknown) => e instanceof RangeError);
  }
  const twice = [{ name: 'a', bytes: new Uint8Array(1) }, { name: 'a', bytes: new Uint8Array(1) }];
  assert.throws(w(twice), (e: unknown) => e instanceof RangeError && /twice/.test(e.message));
});

test('another runtime build: runtime-version, naming both', () => {
  const bytes = writeArtifact({ runtimeVersion: '0.1.0', knobs: KNOBS, sections: SECTIONS });
  const e = expectReason(() => readArtifact(bytes, { runtimeVersion: '0.2.0', knobs: KNOBS }), 'runtime-version');
  assert.match(e.message, 'artifact was compiled by crucible 0.1.0, this is 0.2.0');
});

test('other knobs: the differing ones are named with both values', () => {
  const bytes = writeArtifact({ runtimeVersion: RT, knobs: JSON.stringify({ optLevel: 'none', padding: 0, extra: 1 }), sections: SECTIONS });
  const e = expectReason(() => readArtifact(bytes, EXPECT), 'knobs');
  assert.match(e.message, 'optLevel=none (here speed)');
  assert.match(e.message, 'extra=1 (here unset)');
  assert.match(e.message, 'fuel=unset (here false)');
  assert.not.match(e.message, 'padding');
  // Not JSON objects, or equal once parsed: the strings still differ, so still refused.
  const odd = writeArtifact({ runtimeVersion: RT, knobs: 'opt=1', sections: [] });
  expectReason(() => readArtifact(odd, { runtimeVersion: RT, knobs: 'opt=2' }), 'knobs', /fingerprint/);
  const spaced = writeArtifact({ runtimeVersion: RT, knobs: JSON.stringify(JSON.parse(KNOBS), null, 1), sections: [] });
  expectReason(() => readArtifact(spaced, EXPECT), 'knobs');
  // The runtime version is checked first.
  expectReason(() => readArtifact(bytes, { runtimeVersion: 'other', knobs: KNOBS }), 'runtime-version');
});

test('format version and magic', () => {
  const bytes = writeArtifact({ runtimeVersion: RT, knobs: KNOBS, sections: SECTIONS });
  for (const version of [1, FORMAT_VERSION + 1]) {
    const other = bytes.slice();
    new DataView(other.buffer).setUint32(8, version, true);
    const pattern = new RegExp(`format version ${version} .*version ${FORMAT_VERSION}`);
    expectReason(() => readArtifact(other, EXPECT), 'format-version', pattern);
    expectReason(() => readArtifactHeader(other), 'format-version');
  }
  const wasm = Uint8Array.of(0, 0x61, 0x73, 0x6d, 1, 0, 0, 0);
  expectReason(() => readArtifact(wasm, EXPECT), 'not-an-artifact', /WebAssembly binary/);
  expectReason(() => readArtifact(new TextEncoder().encode('hello, world'), EXPECT), 'not-an-artifact', /magic/);
  expectReason(() => readArtifact(new Uint8Array(0), EXPECT), 'not-an-artifact', /empty/);
});

test('corrupt sections: an eager one at load, a lazy one at first use (and every use after)', () => {
  const bytes = writeArtifact({ runtimeVersion: RT, knobs: KNOBS, sections: SECTIONS });
  const h = readArtifactHeader(bytes);
  const at = (name: string) => h.sections.find((s) => s.name === name)!.offset;
  const eager = bytes.slice();
  eager[at('code') + 10] ^= 4;
  const e = expectReason(() => readArtifact(eager, EXPECT), 'checksum', /section 'code': the file is corrupt/);
  assert.is(e.section, 'code');
  const lazy = bytes.slice();
  lazy[at('image') + 69999] ^= 0x80;
  const art = readArtifact(lazy, EXPECT, { path: 'f' });
  assert.equal([...art.section('names')], [...SECTIONS[3].bytes], 'other lazy sections are fine');
  expectReason(() => art.fileRange('image'), 'checksum', /'image'/);
  expectReason(() => art.section('image'), 'checksum', /'image'/);
  expectReason(() => art.verifyAll(), 'checksum');
  // Padding belongs to the section after it.
  const pad = bytes.slice();
  pad[at('image') - 1] ^= 1;
  const art2 = readArtifact(pad, EXPECT);
  expectReason(() => art2.section('image'), 'checksum');
});

test('a flipped knob bit is corruption, not other knobs', () => {
  const bytes = writeArtifact({ runtimeVersion: RT, knobs: KNOBS, sections: SECTIONS });
  const i = Buffer.from(bytes).indexOf('speed');
  assert.ok(i > FIXED_PREFIX);
  const flipped = bytes.slice();
  flipped[i] ^= 0x20;
  expectReason(() => readArtifact(flipped, EXPECT), 'checksum', /header checksum/);
});

test('trailing bytes and crafted headers (checksum recomputed) are malformed', () => {
  const bytes = writeArtifact({ runtimeVersion: RT, knobs: KNOBS, sections: SECTIONS.slice(0, 2) });
  const longer = new Uint8Array(bytes.length + 1);
  longer.set(bytes);
  expectReason(() => readArtifact(longer, EXPECT), 'malformed', /after its end/);
  const fp = sha256(new TextEncoder().encode(KNOBS));
  const row = (name: string, offset: number, length: number, align = 1, lazy = false) =>
    ({ name, offset, length, align, lazy, digest: new Uint8Array(32) });
  const craft = (fileLength: number, sections: ReturnType<typeof row>[], knobs = KNOBS, fingerprint = fp) => {
    const header = encodeHeader({ fileLength, runtimeVersion: RT, knobs, fingerprint, sections });
    const out = new Uint8Array(Math.max(fileLength, header.length));
    out.set(header);
    return out;
  };
  // Header lengths with one and two rows (offsets are fixed-width, so they do not matter).
  const hl = craft(0, [row('a', 0, 0)]).length;
  const hl2 = craft(0, [row('a', 0, 0), row('b', 0, 0)]).length;
  expectReason(() => readArtifact(craft(hl + 10, [row('a', 2, 4)]), EXPECT), 'malformed', /overlaps/);
  expectReason(() => readArtifact(craft(hl2 + 10, [row('a', hl2, 4), row('b', hl2 + 2, 8)]), EXPECT), 'malformed', /overlaps/);
  expectReason(() => readArtifact(craft(hl2 + 10, [row('a', hl2, 4), row('a', hl2 + 4, 6)]), EXPECT), 'malformed', /twice/);
  expectReason(() => readArtifact(craft(hl + 10, [row('a', hl, 4)]), EXPECT), 'malformed', /after the last section/);
  expectReason(() => readArtifact(craft(hl + 12, [row('a', hl + 1, 11, 2)]), EXPECT), 'malformed', /misaligned/);
  // Eager after lazy breaks the format's one-prefix rule, even when nothing else is wrong.
  expectReason(() => readArtifact(craft(hl2 + 10, [row('a', hl2, 4, 1, true), row('b', hl2 + 4, 6)]), EXPECT), 'malformed',
    /'b' is eager but follows a lazy section/);
  const hl0 = craft(0, []).length;
  assert.ok(readArtifact(craft(hl0, []), EXPECT));
  expectReason(() => readArtifact(craft(hl0, [], KNOBS, new Uint8Array(32)), EXPECT), 'malformed', /fingerprint/);
});

test.run();
