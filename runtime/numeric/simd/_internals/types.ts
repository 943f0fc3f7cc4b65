// The function shape every SIMD op table entry has. Kept apart so family files and the merged
// table agree on it without importing each other.

/**
 * One SIMD instruction: operands in stack order (first pushed first), then the immediate (lane
 * index, or the 16 shuffle lane indices). v128 values are 16-byte Uint8Arrays (never mutated; a
 * fresh one is returned); i32 and f32-bits are numbers, i64 a bigint, f64 a number.
 */
export type SimdOp = (...args: any[]) => Uint8Array | number | bigint;
