// Exact round-to-nearest-ties-to-even of M * 2^E * 10^K into an IEEE binary format, with
// BigInt rational arithmetic, so no intermediate format can double-round.
// Only finite positive magnitudes; signs, NaN and infinity are handled by literals.ts.

import { LiteralError } from '../errors.js';

/** An IEEE 754 binary interchange format. */
export interface FloatFormat {
  /** Stored fraction bits (23 for f32, 52 for f64). */
  readonly mantBits: number;
  /** Exponent field bits (8 for f32, 11 for f64). */
  readonly expBits: number;
}

/** binary32. */
export const F32: FloatFormat = { mantBits: 23, expBits: 8 };
/** binary64. */
export const F64: FloatFormat = { mantBits: 52, expBits: 11 };

const LOG2_10 = Math.log2(10);

function bitLength(x: bigint): number {
  const hex = x.toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(parseInt(hex[0]!, 16)));
}

/**
 * Bit pattern (sign bit clear) of the value `m * 2^e2 * 10^e10` rounded to nearest, ties to
 * even, in `fmt`. Subnormals come out as such; values below half the least subnormal give
 * +0. Throws {@link LiteralError} "constant out of range" when the rounded value is infinite,
 * as the text format requires.
 *
 * @param m significand digits as an integer (>= 0)
 * @param e2 binary exponent (hex floats)
 * @param e10 decimal exponent (decimal floats); either exponent may be huge
 */
export function roundToFormat(fmt: FloatFormat, m: bigint, e2: number, e10: number): bigint {
  if (m === 0n) return 0n;
  const p = fmt.mantBits + 1;
  const emax = 2 ** (fmt.expBits - 1) - 1;
  const emin = 1 - emax;
  // Fold 10^K = 5^K * 2^K so the rational stays small.
  e2 += e10;
  // log2 of the value lies within [approx - 1, approx + 1]; settle the far cases up front so
  // a literal like 1e999999999 costs nothing.
  const approx = bitLength(m) + e2 + e10 * (LOG2_10 - 1);
  if (approx > emax + 3) throw new LiteralError('constant out of range');
  if (approx < emin - p - 3) return 0n;

  let num = m;
  let den = 1n;
  if (e10 >= 0) num *= 5n ** BigInt(e10);
  else den = 5n ** BigInt(-e10);
  if (e2 >= 0) num <<= BigInt(e2);
  else den <<= BigInt(-e2);

  // q = floor(log2(num / den)).
  let q = bitLength(num) - bitLength(den);
  if (q >= 0 ? num < den << BigInt(q) : num << BigInt(-q) < den) q--;

  // Exponent of the last kept bit: p bits below q, but never below the subnormal grid.
  let s = Math.max(q - p + 1, emin - p + 1);
  let n2 = num;
  let d2 = den;
  if (s >= 0) d2 <<= BigInt(s);
  else n2 <<= BigInt(-s);
  let sig = n2 / d2;
  const twiceRem = (n2 - sig * d2) * 2n;
  if (twiceRem > d2 || (twiceRem === d2 && (sig & 1n) === 1n)) sig++;
  if (sig === 1n << BigInt(p)) {
    sig >>= 1n;
    s++;
  }
  if (s + p - 1 > emax) throw new LiteralError('constant out of range');
  const hidden = 1n << BigInt(fmt.mantBits);
  if (sig < hidden) return sig; // subnormal (or zero): biased exponent 0
  const biased = BigInt(s + p - 1 + emax);
  return (biased << BigInt(fmt.mantBits)) | (sig - hidden);
}
