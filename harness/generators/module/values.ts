// Constants for generated code, biased toward the edges where engines disagree: zero, ±1,
// integer min/max, memory and page bounds, ±0, ±inf, quiet and signalling NaNs with payloads,
// subnormals, and the float bounds of every float-to-int conversion. Floats are raw bits.

import type { Tape } from './Tape.js';

const PAGE = 65536;

/** i32 edges (also the call-argument edges in calls.ts). */
export const I32_EDGES: readonly number[] = [0, 1, -1, 2, 0x7fffffff, -0x80000000, 255, 0xffff, PAGE, PAGE - 1, 31, 32, 64];

/** i64 edges. */
export const I64_EDGES: readonly bigint[] = [
  0n, 1n, -1n, 2n, 0x7fffffffffffffffn, -0x8000000000000000n, 0xffffffffn, 0x100000000n,
  0x7fffffffn, -0x80000000n, 63n, 64n,
];

/** f32 bits (signed int32): ±0, ±1, ±inf, NaNs (quiet, signalling, payloads, negative), bounds. */
export const F32_EDGES: readonly number[] = [
  0x00000000, 0x80000000, 0x3f800000, 0xbf800000, 0x7f800000, 0xff800000,
  0x7fc00000, 0xffc00000, 0x7f800001, 0x7fa00000, 0x7fc00001, 0xffbfffff,
  0x00000001, 0x007fffff, 0x00800000, 0x7f7fffff, 0x3f000000, 0xbf000000, 0x3fc00000, 0x40200000,
  0x4f000000, 0xcf000000, 0x4f800000, 0x4effffff, 0x5f000000, 0xdf000000, 0x5f800000, 0xbf7fffff,
].map((b) => b | 0);

/** f64 bits (signed bigint), the same classes as F32_EDGES. */
export const F64_EDGES: readonly bigint[] = [
  0x0000000000000000n, 0x8000000000000000n, 0x3ff0000000000000n, 0xbff0000000000000n,
  0x7ff0000000000000n, 0xfff0000000000000n, 0x7ff8000000000000n, 0xfff8000000000000n,
  0x7ff0000000000001n, 0x7ff4000000000000n, 0x7ff8000000000001n, 0xfff7ffffffffffffn,
  0x0000000000000001n, 0x000fffffffffffffn, 0x0010000000000000n, 0x7fefffffffffffffn,
  0x3fe0000000000000n, 0xbfe0000000000000n, 0x3ff8000000000000n, 0x4004000000000000n,
  0x41e0000000000000n, 0xc1e0000000000000n, 0x41dfffffffc00000n, 0xc1e0000000200000n,
  0x41efffffffe00000n, 0x41f0000000000000n, 0x43e0000000000000n, 0xc3e0000000000000n,
  0x43f0000000000000n, 0xbfefffffffffffffn,
].map((b) => BigInt.asIntN(64, b));

/**
 * An i32: an edge, a small number, a value near `memBytes` (the initial memory size, so
 * addresses land on both sides of the bound), or random bits.
 */
export function i32Value(t: Tape, memBytes: number): number {
  switch (t.next(8)) {
    case 0: case 1: return t.next(16);
    case 2: case 3: return t.pick(I32_EDGES);
    case 4: return (memBytes - t.next(24)) | 0;
    case 5: return t.next(4096);
    case 6: return 1 << t.next(32);
    default: return t.bits32();
  }
}

/** An i64: an edge, a small number, or random bits. */
export function i64Value(t: Tape): bigint {
  switch (t.next(5)) {
    case 0: return BigInt(t.next(16));
    case 1: case 2: return t.pick(I64_EDGES);
    case 3: return BigInt.asIntN(64, 1n << BigInt(t.next(64)));
    default: return (BigInt(t.bits32()) << 32n) | BigInt(t.bits32() >>> 0);
  }
}

/** f32 bits: an edge, a small integer's value, or random bits (random NaN payloads included). */
export function f32Bits(t: Tape): number {
  switch (t.next(5)) {
    case 0: case 1: case 2: return t.pick(F32_EDGES);
    case 3: return f32BitsOf(t.next(33) - 16);
    default: return t.bits32();
  }
}

/** f64 bits: an edge, a small integer's value, or random bits. */
export function f64Bits(t: Tape): bigint {
  switch (t.next(5)) {
    case 0: case 1: case 2: return t.pick(F64_EDGES);
    case 3: return f64BitsOf(t.next(33) - 16);
    default: return (BigInt(t.bits32()) << 32n) | BigInt(t.bits32() >>> 0);
  }
}

/** 16 bytes: all zero, all ones, a lane pattern of edges, or random bytes. */
export function v128Value(t: Tape): Uint8Array {
  const out = new Uint8Array(16);
  const view = new DataView(out.buffer);
  switch (t.next(7)) {
    case 0: break;
    case 1: out.fill(0xff); break;
    case 2: for (let i = 0; i < 16; i++) out[i] = t.pick(I32_EDGES) & 0xff; break;
    case 3: for (let i = 0; i < 8; i++) view.setInt16(i * 2, t.pick(I32_EDGES), true); break;
    case 4: for (let i = 0; i < 4; i++) view.setInt32(i * 4, t.next(2) ? f32Bits(t) : i32Value(t, PAGE), true); break;
    case 5: for (let i = 0; i < 2; i++) view.setBigInt64(i * 8, t.next(2) ? f64Bits(t) : i64Value(t), true); break;
    default: for (let i = 0; i < 4; i++) view.setInt32(i * 4, t.bits32(), true);
  }
  return out;
}

const scratch = new DataView(new ArrayBuffer(8));

function f32BitsOf(n: number): number {
  scratch.setFloat32(0, n);
  return scratch.getInt32(0);
}

function f64BitsOf(n: number): bigint {
  scratch.setFloat64(0, n);
  return scratch.getBigInt64(0);
}
