// Shared scratch typed-array views for moving between float values and their bit patterns.
// Single-threaded by design: every helper writes then reads immediately, never across calls.

const f32Buf = new ArrayBuffer(4);
/** Float view of the 4-byte f32 scratch cell. */
export const f32Cell = new Float32Array(f32Buf);
/** Int32 view of the same 4 bytes as {@link f32Cell}. */
export const f32BitsCell = new Int32Array(f32Buf);

const f64Buf = new ArrayBuffer(8);
/** Float view of the 8-byte f64 scratch cell. */
export const f64Cell = new Float64Array(f64Buf);
/** Two 32-bit words of {@link f64Cell}: [0] is the low word, [1] the high (sign/exponent) word. */
export const f64Words = new Int32Array(f64Buf);
/** Signed 64-bit view of {@link f64Cell}. */
export const f64BigCell = new BigInt64Array(f64Buf);

// Typed arrays store in the platform's byte order; every bit helper assumes [1] is the high
// word, so refuse to load on a big-endian host instead of computing wrong bits silently.
f64BigCell[0] = 1n;
if (f64Words[0] !== 1) throw new Error('runtime/numeric requires a little-endian host');

/** The float32 value held by the bit pattern `bits` (a signalling NaN may come back quieted). */
export function f32FromBits(bits: number): number {
  f32BitsCell[0] = bits;
  return f32Cell[0]!;
}

/** The bit pattern of `x` rounded to float32 (`x` must not be NaN: NaN bits are not chosen here). */
export function f32ToBits(x: number): number {
  f32Cell[0] = x;
  return f32BitsCell[0]!;
}

/** High word (sign, exponent, top 20 mantissa bits) of the double `x`, as a signed int32. */
export function f64High(x: number): number {
  f64Cell[0] = x;
  return f64Words[1]!;
}

/** The double whose high and low 32-bit words are `hi` and `lo`. */
export function f64FromWords(hi: number, lo: number): number {
  f64Words[1] = hi;
  f64Words[0] = lo;
  return f64Cell[0]!;
}

/** The 64-bit pattern of the double `x`, as a signed bigint. */
export function f64ToBits(x: number): bigint {
  f64Cell[0] = x;
  return f64BigCell[0]!;
}

/** The double whose 64-bit pattern is `bits` (read as two's complement, any bigint accepted). */
export function f64FromBits(bits: bigint): number {
  f64BigCell[0] = bits;
  return f64Cell[0]!;
}
