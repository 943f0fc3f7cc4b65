// Test support: fast-check arbitraries for SIMD operands, biased to the lane values where wasm
// semantics have edges (0, -1, MIN, MAX, ±0, ±inf, NaNs with payloads, subnormals, ties, the
// int/float saturation limits). Every value is produced as little-endian bytes.

import fc from 'fast-check';

/** A lane interpretation used to bias vector contents. */
export type Shape = 'i8' | 'i16' | 'i32' | 'i64' | 'f32' | 'f64';

const SHAPES: readonly Shape[] = ['i8', 'i16', 'i32', 'i64', 'f32', 'f64'];
const WIDTH: Readonly<Record<Shape, number>> = { i8: 1, i16: 2, i32: 4, i64: 8, f32: 4, f64: 8 };

/** Little-endian bytes of the low `width` bytes of `x`. */
function bytesOf(x: bigint, width: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < width; i++) out.push(Number((x >> BigInt(8 * i)) & 0xffn));
  return out;
}

function f32Bits(x: number): bigint {
  const f = new Float32Array([x]);
  return BigInt(new Uint32Array(f.buffer)[0]!);
}

function f64Bits(x: number): bigint {
  const f = new Float64Array([x]);
  return new BigUint64Array(f.buffer)[0]!;
}

const INT_EDGES: Readonly<Record<'i8' | 'i16' | 'i32' | 'i64', readonly bigint[]>> = {
  i8: [0n, 1n, -1n, 2n, 0x7fn, -0x80n, 0x40n, -0x40n, 0x7en, -0x7fn],
  i16: [0n, 1n, -1n, 0x7fffn, -0x8000n, 0x7fn, 0x80n, 0xffn, -0x80n, -0x81n, 0x100n, 0x4000n, -0x7fffn],
  i32: [0n, 1n, -1n, 0x7fffffffn, -0x80000000n, 0x7fffn, 0x8000n, 0xffffn, -0x8000n, -0x8001n, 0x10000n,
    0x1000001n, 0x7fffff80n],
  i64: [0n, 1n, -1n, (1n << 63n) - 1n, -(1n << 63n), (1n << 32n) - 1n, 1n << 32n, 1n << 31n, -(1n << 31n),
    -(1n << 31n) - 1n, 0x7fffffffn],
};

// Bit patterns, not values: NaN payloads and signs must survive.
const F32_EDGES: readonly bigint[] = [
  0x00000000n, 0x80000000n, 0x7f800000n, 0xff800000n, // ±0, ±inf
  0x7fc00000n, 0xffc00000n, 0x7fc00001n, 0xffe00000n, 0x7f800001n, 0xffbfffffn, 0x7fffffffn, // NaNs
  0x00000001n, 0x80000001n, 0x007fffffn, 0x00800000n, 0x807fffffn, // subnormals, min normal
  0x7f7fffffn, 0xff7fffffn, 0x3f800000n, 0xbf800000n, // ±max, ±1
  0x3f000000n, 0xbf000000n, 0x3fc00000n, 0x40200000n, 0xc0200000n, 0x3f000001n, 0x3effffffn, // ties
  0x4b000000n, 0x4affffffn, 0xcb000001n, 0x4b800000n, // around 2^23, 2^24
  0x4f000000n, 0xcf000000n, 0x4effffffn, 0xcf000001n, 0x4f800000n, 0x4f7fffffn, // around 2^31, 2^32
];
const F64_EDGES: readonly bigint[] = [
  0n, 0x8000000000000000n, 0x7ff0000000000000n, 0xfff0000000000000n,
  0x7ff8000000000000n, 0xfff8000000000000n, 0x7ff8000000000001n, 0x7ff0000000000001n,
  0xfff4000000000000n, 0x7fffffffffffffffn, 0x7ff80000e0000000n, 0x7ff0000020000000n,
  0x0000000000000001n, 0x8000000000000001n, 0x000fffffffffffffn, 0x0010000000000000n,
  0x7fefffffffffffffn, 0xffefffffffffffffn, 0x3ff0000000000000n, 0xbff0000000000000n,
  0x3fe0000000000000n, 0xbfe0000000000000n, 0x3ff8000000000000n, 0x4004000000000000n,
  0x4330000000000000n, 0x432fffffffffffffn, 0xc330000000000001n, // around 2^52
  0x41e0000000000000n, 0xc1e0000000000000n, 0x41dfffffffc00000n, 0x41dfffffffffffffn, // 2^31
  0xc1e0000000200000n, 0xc1e00000001fffffn, 0x41f0000000000000n, 0x41efffffffe00000n, // -2^31-1, 2^32
  0x41efffffffffffffn, 0xbfefffffffffffffn, // 2^32-ε, -1+ε
  0x36a0000000000000n, 0x3810000000000000n, 0x47efffffe0000000n, 0x47efffffffffffffn, // f32 limits
  0x47effffff0000000n, 0x36a0000000000001n, 0x369fffffffffffffn,
];

/** One lane's bits for `shape`, as a bigint holding at least the lane's low bits. */
export function laneArb(shape: Shape): fc.Arbitrary<bigint> {
  const w = WIDTH[shape] * 8;
  const anyBits = fc.bigInt({ min: 0n, max: (1n << BigInt(w)) - 1n });
  if (shape === 'f32' || shape === 'f64') {
    const bits = shape === 'f32' ? f32Bits : f64Bits;
    return fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...(shape === 'f32' ? F32_EDGES : F64_EDGES)) },
      { weight: 2, arbitrary: anyBits },
      // Quarter steps hit every rounding tie; big integers hit the conversion limits.
      { weight: 2, arbitrary: fc.integer({ min: -40, max: 40 }).map((k) => bits(k / 4)) },
      { weight: 1, arbitrary: fc.integer().map(bits) },
      { weight: 1, arbitrary: fc.double({ noNaN: true }).map(bits) },
    );
  }
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...INT_EDGES[shape]) },
    { weight: 2, arbitrary: anyBits },
    { weight: 1, arbitrary: fc.integer({ min: -300, max: 300 }).map(BigInt) },
    // Small multiples of powers of two hit exact halves (rounding ties of q15mulr, avgr_u).
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: -7, max: 7 }), fc.integer({ min: 0, max: w - 1 }))
        .map(([m, k]) => BigInt(m) << BigInt(k)),
    },
  );
}

/** `bytes` bytes made of lanes of `shape`. */
function shapedBytes(shape: Shape, bytes: number): fc.Arbitrary<Uint8Array> {
  const w = WIDTH[shape];
  const n = Math.max(1, bytes / w);
  return fc
    .array(laneArb(shape), { minLength: n, maxLength: n })
    .map((lanes) => Uint8Array.from(lanes.flatMap((l) => bytesOf(l, w))).slice(0, bytes));
}

/**
 * `bytes` bytes (16 for a v128) mostly made of lanes of `preferred` (the op's input shape),
 * sometimes of another shape, sometimes uniformly random.
 */
export function vectorArb(preferred: Shape, bytes = 16): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    { weight: 6, arbitrary: shapedBytes(preferred, bytes) },
    { weight: 2, arbitrary: fc.constantFrom(...SHAPES).chain((s) => shapedBytes(s, bytes)) },
    { weight: 1, arbitrary: fc.uint8Array({ minLength: bytes, maxLength: bytes }) },
  );
}

/** An i32 operand's bytes; shift counts and lane-truncation edges are over-represented. */
export const i32OperandArb: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 3, arbitrary: laneArb('i32').map((x) => Uint8Array.from(bytesOf(x, 4))) },
  { weight: 2, arbitrary: fc.integer({ min: -70, max: 130 }).map((x) => Uint8Array.from(bytesOf(BigInt(x), 4))) },
);
