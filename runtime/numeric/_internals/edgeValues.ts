// TEST-ONLY: fast-check arbitraries for scalar operands in ORACLE form (i32/f32 as int32
// numbers, i64/f64 as signed bigints of their bits), biased to the values where numeric
// code goes wrong: extremes, signed zeros, NaN payloads, subnormals, ties, range edges.

import fc from 'fast-check';
import type { NumType } from './v8Oracle.js';

const view = new DataView(new ArrayBuffer(8));
/** f32 bit pattern (int32) of the double `x` rounded to float32. */
export const bitsOfF32 = (x: number): number => (view.setFloat32(0, x), view.getInt32(0));
/** f64 bit pattern (signed bigint) of `x`. */
export const bitsOfF64 = (x: number): bigint => (view.setFloat64(0, x), view.getBigInt64(0));

const sign32 = (neg: boolean, mag: number): number => (neg ? mag | 0x80000000 : mag) | 0;
const sign64 = (neg: boolean, mag: bigint): bigint => BigInt.asIntN(64, neg ? mag | (1n << 63n) : mag);
const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });

/**
 * Integers that sit one rounding step from a `p`-bit float tie: a `p`-bit significand whose top
 * bit is `k`, plus exactly half an ulp, nudged by -1, 0 or +1 (or a random small amount).
 */
function roundingEdges(p: number, maxTopBit: number): fc.Arbitrary<bigint> {
  return fc
    .tuple(
      fc.integer({ min: p, max: maxTopBit }),
      fc.bigInt({ min: 0n, max: (1n << BigInt(p - 1)) - 1n }),
      fc.oneof(fc.constantFrom(-1n, 0n, 1n), fc.bigInt({ min: -4096n, max: 4096n })),
      fc.boolean(),
    )
    .map(([k, mant, nudge, neg]) => {
      const shift = BigInt(k - p + 1);
      const m = (((1n << BigInt(p - 1)) | mant) << shift) + (1n << (shift - 1n)) + nudge;
      return BigInt.asIntN(64, neg ? -m : m);
    });
}

const i32: fc.Arbitrary<number> = fc.oneof(
  w(3, fc.constantFrom(0, 1, -1, 2, -2, -0x80000000, 0x7fffffff, -0x7fffffff, 0x7ffffffe,
    31, 32, 33, 63, 64, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x1000001, 0x1000003)),
  w(3, fc.integer({ min: -0x80000000, max: 0x7fffffff })),
  w(2, fc.tuple(fc.integer({ min: 0, max: 31 }), fc.integer({ min: -1, max: 1 }), fc.boolean())
    .map(([k, d, neg]) => (neg ? -((2 ** k) + d) : (2 ** k) + d) | 0)),
  w(1, fc.integer({ min: -70, max: 70 })),
  w(1, fc.array(fc.integer({ min: 0, max: 31 }), { maxLength: 4 }).map((bs) => bs.reduce((a, b) => a | (1 << b), 0))),
  w(1, roundingEdges(24, 31).map((x) => Number(BigInt.asIntN(32, x)))),
);

const i64: fc.Arbitrary<bigint> = fc.oneof(
  w(3, fc.constantFrom(0n, 1n, -1n, 2n, -2n, -(1n << 63n), (1n << 63n) - 1n, -(1n << 63n) + 1n,
    63n, 64n, 65n, 127n, 0xffffffffn, 0x80000000n, -0x80000000n, 0x7fffffffn, 1n << 32n,
    (1n << 53n) + 1n, -(1n << 53n) - 1n, (1n << 24n) + 1n)),
  w(3, fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n })),
  w(2, fc.tuple(fc.integer({ min: 0, max: 63 }), fc.bigInt({ min: -1n, max: 1n }), fc.boolean())
    .map(([k, d, neg]) => BigInt.asIntN(64, neg ? -((1n << BigInt(k)) + d) : (1n << BigInt(k)) + d))),
  w(1, fc.bigInt({ min: -140n, max: 140n })),
  w(1, fc.array(fc.integer({ min: 0, max: 63 }), { maxLength: 4 })
    .map((bs) => BigInt.asIntN(64, bs.reduce((a, b) => a | (1n << BigInt(b)), 0n)))),
  w(2, roundingEdges(24, 63)),
  w(2, roundingEdges(53, 63)),
  w(1, fc.bigInt({ min: -(1n << 32n), max: 1n << 32n })),
);

// Float values worth hitting by value (the bit-level cases are generated below).
const FLOAT_VALUES = [0, -0, 1, -1, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999997, -0.9, 0.9,
  Infinity, -Infinity, 2 ** 31, -(2 ** 31), 2 ** 32, 2 ** 63, -(2 ** 63), 2 ** 64, 2 ** 24, 2 ** 53,
  -2147483648.9, -2147483649, 2147483647.9, 2147483647.5, 4294967295.9, 4294967296,
  Number.MAX_VALUE, Number.MIN_VALUE, 3.4028234663852886e38, 3.4028235677973366e38, 1e-45];
const HALVES = fc.tuple(fc.integer({ min: -40, max: 40 }), fc.constantFrom(0, 0.25, 0.5, 0.75, 0.9))
  .map(([n, f]) => n + f);
// Near integer-conversion limits: a power of two, stepped a few ulps either way (by bits).
const LIMIT_POWERS = [0, 23, 24, 31, 32, 52, 53, 63, 64];

const f32: fc.Arbitrary<number> = fc.oneof(
  w(3, fc.constantFrom(...FLOAT_VALUES.map(bitsOfF32), 0x7fc00000, 0xffc00000 | 0, 0x7fa00000,
    0x7f800001, 0xff800001 | 0, 0x7fffffff, -1, 0x7f7fffff, 1, 0x007fffff, 0x00800000)),
  w(2, fc.integer({ min: -0x80000000, max: 0x7fffffff })),
  w(2, fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 0x7fffff })).map(([s, m]) => sign32(s, 0x7f800000 | m))),
  w(1, fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 0x7fffff })).map(([s, m]) => sign32(s, m))),
  w(1, fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 255 })).map(([s, e]) => sign32(s, e << 23))),
  w(2, fc.tuple(fc.constantFrom(...LIMIT_POWERS), fc.integer({ min: -3, max: 3 }), fc.boolean())
    .map(([k, d, s]) => sign32(s, bitsOfF32(2 ** k) + d))),
  w(2, HALVES.map(bitsOfF32)),
  w(1, fc.integer({ min: -(2 ** 24), max: 2 ** 24 }).map((n) => bitsOfF32(n / 2))),
);

const f64: fc.Arbitrary<bigint> = fc.oneof(
  w(3, fc.constantFrom(...FLOAT_VALUES.map(bitsOfF64), 0x7ff8000000000000n, -0x8000000000000n,
    0x7ff4000000000000n, 0x7ff0000000000001n, -0x10000000000001n, 0x7fffffffffffffffn, -1n, 1n,
    0x000fffffffffffffn, 0x0010000000000000n)),
  w(2, fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n })),
  w(2, fc.tuple(fc.boolean(), fc.bigInt({ min: 1n, max: (1n << 52n) - 1n }))
    .map(([s, m]) => sign64(s, 0x7ff0000000000000n | m))),
  w(1, fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: (1n << 52n) - 1n })).map(([s, m]) => sign64(s, m))),
  w(1, fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 2047 })).map(([s, e]) => sign64(s, BigInt(e) << 52n))),
  w(2, fc.tuple(fc.constantFrom(...LIMIT_POWERS), fc.integer({ min: -3, max: 3 }), fc.boolean())
    .map(([k, d, s]) => sign64(s, bitsOfF64(2 ** k) + BigInt(d)))),
  w(1, fc.tuple(fc.constantFrom(-(2 ** 31), 2 ** 31, 2 ** 32, -1, 0, 1), fc.double({ min: -1, max: 1, noNaN: true }))
    .map(([n, f]) => bitsOfF64(n + f))),
  w(2, HALVES.map(bitsOfF64)),
  w(1, fc.bigInt({ min: -(1n << 52n), max: 1n << 52n }).map((n) => bitsOfF64(Number(n) + 0.5))),
  w(1, fc.float().map(bitsOfF64)),
  w(1, fc.double().map(bitsOfF64)),
);

/** Edge-biased operand arbitrary for each type, in oracle form. */
export const edgeOperand: Readonly<Record<NumType, fc.Arbitrary<number | bigint>>> = { i32, i64, f32, f64 };

/** `x` (oracle form of type `t`) with its sign bit flipped: pairs like (+0, -0), (x, -x). */
export function flipSign(t: NumType, x: number | bigint): number | bigint {
  if (t === 'i32' || t === 'f32') return (x as number) ^ 0x80000000;
  return BigInt.asIntN(64, (x as bigint) ^ (1n << 63n));
}
