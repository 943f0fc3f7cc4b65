// Loading stays flat as lazy sections grow: readArtifact and decodeModuleMeta hash and read
// none of a lazy section (measured by the digest counter, and by corrupting lazy bytes after
// writing: the load still succeeds), and moduleNames pulls the names without the module bytes.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { decodeModule } from '../binary/decodeModule.js';
import { moduleNames } from '../binary/names.js';
import { body, mod, SEC, section, str, uleb, vec } from '../binary/_internals/wasmBytes.js';
import { ArtifactError } from './ArtifactError.js';
import { decodeModuleMeta } from './decodeModuleMeta.js';
import { encodeModuleMeta } from './encodeModuleMeta.js';
import { readArtifact, readArtifactHeader } from './readArtifact.js';
import { writeArtifact } from './writeArtifact.js';
import { digestStats } from './_internals/digest.js';

const EXPECT = { runtimeVersion: 'test', knobs: '{}' };
const MB = 1 << 20;

/** A one-function module whose name section names it with `nameLength` characters. */
function moduleWithNames(nameLength: number): Uint8Array {
  // Built as bytes, not number arrays: the name is megabytes long.
  const funcName = Uint8Array.from([...uleb(nameLength)]);
  const sub1 = [1, ...uleb(1 + 1 + funcName.length + nameLength), 1, 0];
  const head = Uint8Array.from(section(0, str('big')));
  const payloadLength = head.length + sub1.length + funcName.length + nameLength;
  const custom = [0, ...uleb(5 + payloadLength), ...str('name')];
  const rest = mod(
    section(SEC.type, vec([[0x60, 0, 0]])),
    section(SEC.func, vec([[0]])),
    section(SEC.memory, vec([[0, 1]])),
    section(SEC.code, vec([body(0x0b)])),
    section(SEC.data, vec([[0, 0x41, 0, 0x0b, ...uleb(4), 1, 2, 3, 4]])),
  );
  const out = new Uint8Array(rest.length + custom.length + payloadLength);
  let at = 0;
  for (const part of [rest, custom, head, sub1, funcName]) {
    out.set(part, at);
    at += part.length;
  }
  out.fill(0x6e, at); // 'n' repeated
  return out;
}

/** The artifact Module.serialize would make of `wasm`, minus the code. */
function artifactOf(wasm: Uint8Array): Uint8Array {
  const { meta, data, names } = encodeModuleMeta(decodeModule(wasm));
  return writeArtifact({
    ...EXPECT,
    sections: [
      { name: 'meta', bytes: meta },
      { name: 'data', bytes: data, lazy: true },
      { name: 'wasm', bytes: wasm, lazy: true },
      { name: 'names', bytes: names!, lazy: true },
      { name: 'image', bytes: new Uint8Array(MB).fill(7), lazy: true, align: 65536 },
    ],
  });
}

/** Bytes hashed while `f` runs. */
function hashed(f: () => void): number {
  const before = digestStats.bytes;
  f();
  return digestStats.bytes - before;
}

function load(bytes: Uint8Array) {
  const art = readArtifact(bytes, EXPECT);
  const calls = { data: 0, wasm: 0, names: 0 };
  const info = decodeModuleMeta(art.section('meta'), {
    data: () => (calls.data++, art.section('data')),
    wasm: () => (calls.wasm++, art.section('wasm')),
    names: () => (calls.names++, art.section('names')),
  });
  return { art, info, calls };
}

const SMALL = artifactOf(moduleWithNames(3000));
const BIG = artifactOf(moduleWithNames(3 * MB));

test('load hashes the same few bytes whether the name section is 3 KB or 3 MB', () => {
  assert.ok(BIG.length > 4 * MB);
  let small = 0;
  let big = 0;
  const hashSmall = hashed(() => void (small = load(SMALL).info.types.length));
  const hashBig = hashed(() => void (big = load(BIG).info.types.length));
  assert.is(small, 1);
  assert.is(big, 1);
  // Only the metadata grows, by the few bytes of a longer length field.
  assert.ok(Math.abs(hashBig - hashSmall) < 16, `flat: ${hashSmall} then ${hashBig} bytes hashed`);
  const header = readArtifactHeader(BIG);
  const meta = header.sections.find((s) => s.name === 'meta')!;
  // The header (checksum), the knob string (fingerprint), meta with its padding: nothing else.
  const bound = meta.offset + meta.length + EXPECT.knobs.length;
  assert.is(hashBig, bound, `${hashBig} bytes hashed: header, knobs and meta only`);
});

test('lazy bytes are not read at load: corrupting them all still loads', () => {
  const bytes = BIG.slice();
  const h = readArtifactHeader(bytes);
  for (const s of h.sections) if (s.lazy) bytes.fill(0xaa, s.offset, s.offset + s.length);
  const { art, info, calls } = load(bytes);
  assert.equal(calls, { data: 0, wasm: 0, names: 0 });
  assert.is(info.funcTypes.length, 1);
  assert.throws(() => moduleNames(info), (e: unknown) => e instanceof ArtifactError && e.reason === 'checksum' && e.section === 'names');
  assert.throws(() => art.verifyAll(), (e: unknown) => e instanceof ArtifactError && e.reason === 'checksum');
});

test('names come from their own section; the module bytes stay unread until bodies are needed', () => {
  const { art, info, calls } = load(BIG);
  const namesSection = art.header.sections.find((s) => s.name === 'names')!;
  let names: ReturnType<typeof moduleNames> | undefined;
  const n = hashed(() => void (names = moduleNames(info)));
  assert.is(names!.module, 'big');
  assert.is(names!.funcs.get(0)!.length, 3 * MB);
  assert.equal(calls, { data: 0, wasm: 0, names: 1 });
  assert.ok(n >= namesSection.length && n < namesSection.length + 65536, `${n} bytes hashed for the names`);
  assert.equal([...info.datas[0].bytes], [1, 2, 3, 4]);
  assert.is(calls.wasm, 0, 'data bytes do not need the module bytes');
  assert.is(info.funcs.length, 1);
  assert.is(info.bytes.length, art.section('wasm').length);
  assert.equal(calls, { data: 1, wasm: 1, names: 1 });
});

test.run();
