// Scalar values in BITS form, the currency of the numeric test cases: i32 and f32 as signed
// int32 numbers, i64 and f64 as signed 64-bit bigints (the same bits the oracle's OValue
// holds), so no float, and no NaN payload, crosses a JS boundary as a float. v128 and
// references are left out; comparing outcomes is harness/oracles' business.

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

/** Hex of the bits, unsigned, with the type: `f32:0x7fa00000`. */
export function showBits(t: ScalarType, b: Bits): string {
  const width = t === 'i32' || t === 'f32' ? 32 : 64;
  return `${t}:0x${BigInt.asUintN(width, BigInt(b)).toString(16)}`;
}
