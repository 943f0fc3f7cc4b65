// Scalar values in BITS form, the currency of differential tests: i32 and f32 as signed int32
// numbers, i64 and f64 as signed 64-bit bigints, so no float (and no NaN payload) ever crosses
// a JS boundary as a float. Conversions to and from our runtime representation and NaN
// classes. v128 and reference values are deliberately left out.

import type { Raw } from '../../runtime/instance/objects.js';
import type { NumType } from '../../runtime/numeric/_internals/v8Oracle.js';

/** A scalar value type by its text name (the same names the V8 oracle encoder uses). */
export type ScalarType = NumType;
/** A scalar in bits form: number for i32/f32 (signed int32), bigint for i64/f64 (signed). */
export type Bits = number | bigint;

const view = new DataView(new ArrayBuffer(8));

/** True for f32 and f64. */
export function isFloat(t: ScalarType): t is 'f32' | 'f64' {
  return t === 'f32' || t === 'f64';
}

/**
 * The integer type whose bits form equals `t`'s: a float's bits cross an export boundary
 * exactly only as an integer (the oracle modules reinterpret inside wasm).
 */
export function carrierOf(t: ScalarType): 'i32' | 'i64' {
  return t === 'i32' || t === 'f32' ? 'i32' : 'i64';
}

/** The runtime representation of bits `b` of type `t` (only f64 differs: a JS double). */
export function rawFromBits(t: ScalarType, b: Bits): Raw {
  if (t !== 'f64') return b;
  view.setBigInt64(0, b as bigint);
  return view.getFloat64(0);
}

/** A runtime value that is not in the normalized representation of its type. */
export class NotNormalizedError extends Error {
  override readonly name = 'NotNormalizedError';
}

/**
 * Bits of a runtime value of type `t`. Throws NotNormalizedError when the value breaks the
 * representation (a non-int32 or -0 i32, an out-of-range i64, a non-number f64...), since
 * a tier returning such a value is wrong even when the number looks right.
 */
export function bitsFromRaw(t: ScalarType, v: Raw): Bits {
  switch (t) {
    case 'i32':
    case 'f32':
      if (typeof v === 'number' && Object.is(v, v | 0)) return v;
      break;
    case 'i64':
      if (typeof v === 'bigint' && BigInt.asIntN(64, v) === v) return v;
      break;
    case 'f64':
      if (typeof v === 'number') {
        view.setFloat64(0, v);
        return view.getBigInt64(0);
      }
      break;
  }
  throw new NotNormalizedError(`${String(v)} (${typeof v}) is not a normalized ${t}`);
}

// Magnitude (sign cleared) of NaN-capable bits, and the two thresholds that classify it.
const SHAPE = {
  f32: { mag: (b: Bits) => BigInt((b as number) & 0x7fffffff), inf: 0x7f800000n, canon: 0x7fc00000n },
  f64: { mag: (b: Bits) => (b as bigint) & 0x7fffffffffffffffn, inf: 0x7ff0000000000000n, canon: 0x7ff8000000000000n },
};

/** True when the float bits are a NaN (either sign, any payload). */
export function isNaNBits(t: 'f32' | 'f64', b: Bits): boolean {
  return SHAPE[t].mag(b) > SHAPE[t].inf;
}

/** True when the float bits are a canonical NaN: quiet bit only, either sign. */
export function isCanonicalNaNBits(t: 'f32' | 'f64', b: Bits): boolean {
  return SHAPE[t].mag(b) === SHAPE[t].canon;
}

/** True when the float bits are an arithmetic NaN: quiet bit set, any payload, either sign. */
export function isArithmeticNaNBits(t: 'f32' | 'f64', b: Bits): boolean {
  const s = SHAPE[t];
  return isNaNBits(t, b) && (s.mag(b) & (s.canon - s.inf)) !== 0n;
}

/** Hex of the bits, unsigned, with the type: `f32:0x7fa00000`. */
export function showBits(t: ScalarType, b: Bits): string {
  const width = t === 'i32' || t === 'f32' ? 32 : 64;
  return `${t}:0x${BigInt.asUintN(width, BigInt(b)).toString(16)}`;
}
