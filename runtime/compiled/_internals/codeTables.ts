// The binary form of a code image's tables (function table, trap table, address map) inside an
// artifact: little-endian int32 words, so loading is one typed-array view and a few loops.
// Leaves out checksums and bounds policy: the artifact layer verified the bytes it hands over.

import { TrapKind } from '../../errors.js';
import type { CodeTables, FuncRange, TrapRole, TrapSite } from '../CodeImage.js';

const KINDS = Object.values(TrapKind);
const ROLES: readonly TrapRole[] = ['check', 'guard', 'prologueDepth'];
const VERSION = 1;

/** Thrown by {@link decodeCodeTables} when the words do not describe tables. */
export class CodeTablesError extends Error {
  override name = 'CodeTablesError';
}

/** Encodes `t` as int32 words (4-byte aligned). */
export function encodeCodeTables(t: CodeTables): Uint8Array {
  const w: number[] = [VERSION, t.funcs.length, t.trapSites.length, t.addressMap === undefined ? -1 : t.addressMap.positions.length];
  for (const f of t.funcs) w.push(f.func, f.start, f.length, f.interpreted === true ? 1 : 0);
  for (const s of t.trapSites) {
    w.push(s.pos, ROLES.indexOf(s.role), s.kinds.length);
    for (const k of s.kinds) w.push(KINDS.indexOf(k));
  }
  if (t.addressMap !== undefined) {
    for (const p of t.addressMap.positions) w.push(p);
    for (const o of t.addressMap.offsets) w.push(o);
  }
  return new Uint8Array(Int32Array.from(w).buffer);
}

/** Decodes what {@link encodeCodeTables} wrote. Throws CodeTablesError on anything else. */
export function decodeCodeTables(bytes: Uint8Array): CodeTables {
  if (bytes.length % 4 !== 0) throw new CodeTablesError('code tables: length is not a multiple of 4');
  // Copy when unaligned: an Int32Array view needs a 4-byte aligned offset.
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const w = new Int32Array(aligned.buffer, aligned.byteOffset, aligned.length / 4);
  let at = 0;
  const next = (): number => {
    if (at >= w.length) throw new CodeTablesError('code tables: truncated');
    return w[at++];
  };
  if (next() !== VERSION) throw new CodeTablesError('code tables: unknown version');
  const nFuncs = next();
  const nSites = next();
  const nMap = next();
  const funcs: FuncRange[] = [];
  for (let i = 0; i < nFuncs; i++) {
    const func = next();
    const start = next();
    const length = next();
    funcs.push(next() === 1 ? { func, start, length, interpreted: true } : { func, start, length });
  }
  const trapSites: TrapSite[] = [];
  for (let i = 0; i < nSites; i++) {
    const pos = next();
    const role = ROLES[next()];
    const kinds: TrapKind[] = [];
    for (let n = next(), k = 0; k < n; k++) {
      const kind = KINDS[next()];
      if (kind === undefined) throw new CodeTablesError('code tables: unknown trap kind');
      kinds.push(kind);
    }
    if (role === undefined) throw new CodeTablesError('code tables: unknown trap role');
    trapSites.push({ pos, kinds, role });
  }
  let addressMap;
  if (nMap >= 0) {
    if (at + 2 * nMap > w.length) throw new CodeTablesError('code tables: truncated address map');
    addressMap = { positions: w.slice(at, at + nMap), offsets: w.slice(at + nMap, at + 2 * nMap) };
    at += 2 * nMap;
  }
  if (at !== w.length) throw new CodeTablesError('code tables: trailing words');
  return { funcs, trapSites, addressMap };
}
