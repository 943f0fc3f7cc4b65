// The project-wide JS representation of wasm scalar values, shared by both tiers and every
// numeric helper. Type aliases only: no conversions live here (see convert.ts, _internals/).
//
//   i32  JS number, signed int32, always normalized with `|0` (never -0).
//   i64  JS bigint, signed, always normalized with BigInt.asIntN(64, x).
//   f32  JS number holding the RAW BIT PATTERN as a signed int32, not the float value:
//        widening a float32 signalling NaN to a double quiets it, and neg/abs/copysign/
//        reinterpret must keep NaN bits exactly.
//   f64  JS number holding the float value. NaN payloads ride along in the double; code
//        that must keep them exactly (neg/abs/copysign, reinterpret) edits bits. Beware:
//        V8 quiets a signalling NaN stored into a plain JS array of doubles (a value stack
//        of numbers!); object fields, Maps and Float64Array keep the bits.
//
// NaN results of arithmetic follow the spec: canonical when every NaN operand is canonical,
// otherwise an arithmetic (quiet) NaN; the choice is deterministic (see _internals/nan.ts).

/** An i32 value: a signed int32 JS number. */
export type I32 = number;
/** An i64 value: a bigint in [-2^63, 2^63). */
export type I64 = bigint;
/** An f32 value: its IEEE-754 bit pattern as a signed int32 JS number. */
export type F32Bits = number;
/** An f64 value: a JS number (the float itself). */
export type F64 = number;
/** Any scalar value in the representation above. */
export type Scalar = number | bigint;
