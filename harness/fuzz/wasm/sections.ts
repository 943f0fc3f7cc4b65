// A module binary as a list of raw sections, and back: the unit every module rewrite in the
// fuzzer works on (host instrumentation, NaN canonicalization, the reducer). A rewrite decodes
// only the sections it changes; the others keep their exact bytes. No validation here.

import { Reader } from '../../../runtime/binary/Reader.js';
import { ByteWriter } from '../../wasm/ByteWriter.js';

/** Section ids of the 2.0 binary format. */
export const SEC = {
  custom: 0, type: 1, import: 2, func: 3, table: 4, memory: 5, global: 6, export: 7,
  start: 8, elem: 9, code: 10, data: 11, dataCount: 12,
} as const;

/** One section: its id and its contents (after the size field). */
export interface Section {
  readonly id: number;
  readonly body: Uint8Array;
}

// Where a section of each id goes: the data count section sits between elem and code.
const ORDER: Readonly<Record<number, number>> = { 1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6, 7: 7, 8: 8, 9: 9, 12: 10, 10: 11, 11: 12 };

/** Splits a (well-formed) module binary into its sections, in order. */
export function splitSections(bytes: Uint8Array): Section[] {
  const r = new Reader(bytes, 8);
  const out: Section[] = [];
  while (!r.atEnd()) {
    const id = r.u8();
    const size = r.u32();
    out.push({ id, body: r.bytesN(size) });
  }
  return out;
}

/** Joins sections back into a module binary. */
export function joinSections(sections: readonly Section[]): Uint8Array {
  const w = new ByteWriter(1024).bytes([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
  for (const s of sections) w.u8(s.id).uleb(s.body.length).bytes(s.body);
  return w.finish();
}

/** The section with `id` (the first, for customs), or undefined. */
export function findSection(sections: readonly Section[], id: number): Section | undefined {
  return sections.find((s) => s.id === id);
}

/**
 * `sections` with the (non-custom) section `id` replaced in place by `body`, inserted in
 * binary-format order when absent, or removed when `body` is undefined.
 */
export function withSection(sections: readonly Section[], id: number, body: Uint8Array | undefined): Section[] {
  const at0 = sections.findIndex((s) => s.id === id);
  if (at0 >= 0 && body !== undefined) return sections.map((s, i) => (i === at0 ? { id, body } : s));
  const out = sections.filter((s) => s.id !== id);
  if (body === undefined) return out;
  const rank = ORDER[id] ?? 0;
  let at = out.length;
  for (let i = 0; i < out.length; i++) {
    const r = ORDER[out[i]!.id];
    if (r !== undefined && r > rank) {
      at = i;
      break;
    }
  }
  out.splice(at, 0, { id, body });
  return out;
}

/** Reads a section that is a vector of entries, returning each entry's raw bytes. */
export function vecEntries(body: Uint8Array, skipEntry: (r: Reader) => void): Uint8Array[] {
  const r = new Reader(body);
  const n = r.u32();
  const out: Uint8Array[] = [];
  for (let i = 0; i < n; i++) {
    const start = r.pos;
    skipEntry(r);
    out.push(body.subarray(start, r.pos));
  }
  return out;
}

/** A vector section body from raw entries. */
export function vecBody(entries: readonly Uint8Array[]): Uint8Array {
  const w = new ByteWriter(256).uleb(entries.length);
  for (const e of entries) w.bytes(e);
  return w.finish();
}

/** Skips a constant expression (instructions up to and including its `end`). */
export function skipConstExpr(r: Reader): void {
  for (;;) {
    const b = r.u8();
    switch (b) {
      case 0x0b: return;
      case 0x41: r.s32(); break;
      case 0x42: r.s64(); break;
      case 0x43: r.skip(4); break;
      case 0x44: r.skip(8); break;
      case 0x23: case 0xd2: r.u32(); break;
      case 0xd0: r.u8(); break;
      case 0xfd: r.u32(); r.skip(16); break; // v128.const (the only 0xfd const op)
      default: r.fail(`unexpected opcode ${b.toString(16)} in a constant expression`, r.pos - 1);
    }
  }
}
