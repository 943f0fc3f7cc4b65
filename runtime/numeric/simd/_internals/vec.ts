// Test support: build v128 operands from lane values and read result lanes back, so hand-written
// spec examples read like the spec (lanes, not bytes). Little-endian host assumed, as in views.ts.

type IntCtor = Int8ArrayConstructor | Uint8ArrayConstructor | Int16ArrayConstructor | Uint16ArrayConstructor
  | Int32ArrayConstructor | Uint32ArrayConstructor | Float32ArrayConstructor | Float64ArrayConstructor;

function maker(ctor: IntCtor, lanes: number) {
  return (...xs: number[]): Uint8Array => {
    const t = new ctor(lanes);
    // A single value splats, which keeps examples short.
    for (let i = 0; i < lanes; i++) t[i] = xs.length === 1 ? xs[0]! : xs[i]!;
    return new Uint8Array(t.buffer);
  };
}

function reader<T>(ctor: new (b: ArrayBuffer) => ArrayLike<T>) {
  return (v: Uint8Array | number | bigint): T[] => Array.from(new ctor((v as Uint8Array).slice().buffer));
}

/** v128 from i8 lanes (one value splats). */
export const i8 = maker(Int8Array, 16);
/** v128 from u8 lanes. */
export const u8 = maker(Uint8Array, 16);
/** v128 from i16 lanes. */
export const i16 = maker(Int16Array, 8);
/** v128 from u16 lanes. */
export const u16 = maker(Uint16Array, 8);
/** v128 from i32 lanes. */
export const i32 = maker(Int32Array, 4);
/** v128 from u32 lanes (also f32 lanes given as bit patterns). */
export const u32 = maker(Uint32Array, 4);
/** v128 from f32 values. */
export const f32 = maker(Float32Array, 4);
/** v128 from f64 values. */
export const f64 = maker(Float64Array, 2);
/** v128 from i64 lanes. */
export function i64(...xs: bigint[]): Uint8Array {
  const t = new BigInt64Array([xs[0]!, xs[1] ?? xs[0]!]);
  return new Uint8Array(t.buffer);
}
/** v128 from f64 lanes given as (hi, lo) 32-bit words per lane. */
export function f64Words(hi0: number, lo0: number, hi1 = hi0, lo1 = lo0): Uint8Array {
  return new Uint8Array(new Uint32Array([lo0, hi0, lo1, hi1]).buffer);
}

/** i8 lanes of a result v128. */
export const asI8 = reader(Int8Array);
/** u8 lanes of a result v128. */
export const asU8 = reader(Uint8Array);
/** i16 lanes of a result v128. */
export const asI16 = reader(Int16Array);
/** u16 lanes of a result v128. */
export const asU16 = reader(Uint16Array);
/** i32 lanes of a result v128. */
export const asI32 = reader(Int32Array);
/** u32 lanes (or f32 bit patterns) of a result v128. */
export const asU32 = reader(Uint32Array);
/** f32 values of a result v128. */
export const asF32 = reader(Float32Array);
/** f64 values of a result v128. */
export const asF64 = reader(Float64Array);
/** i64 lanes of a result v128. */
export const asI64 = reader(BigInt64Array);
