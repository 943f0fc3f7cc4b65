// Numeric instructions the compiled tier writes as plain JS expressions instead of calling the
// shared helper from numeric/. Each template mirrors its numeric/*.ts function exactly (the
// property test compares them bit for bit); everything not listed here calls the helper.

/** How to write one numeric op inline. Operand strings are atomic or fully parenthesized. */
export interface InlineOp {
  /** The value expression (fully parenthesized or atomic). */
  readonly expr: (a: readonly string[]) => string;
  /** For i32 0/1 results: the same test as a JS boolean, so conditions need no `!== 0`. */
  readonly cond?: (a: readonly string[]) => string;
  /**
   * f64 results: a NaN from JS is replaced by the spec's NaN (numeric/_internals/nan.ts) of
   * the 1 or 2 operands, so `expr` is written as a statement and its operands twice (they
   * must be plain names or literals).
   */
  readonly nan?: 1 | 2;
  /** `expr` writes its operands twice: only for plain names or literals (else the helper runs). */
  readonly twice?: boolean;
}

function compare(test: (a: string, b: string) => string): InlineOp {
  return { expr: ([a, b]) => `(${test(a!, b!)} ? 1 : 0)`, cond: ([a, b]) => `(${test(a!, b!)})` };
}
function test1(test: (a: string) => string): InlineOp {
  return { expr: ([a]) => `(${test(a!)} ? 1 : 0)`, cond: ([a]) => `(${test(a!)})` };
}
function bin(f: (a: string, b: string) => string): InlineOp {
  return { expr: ([a, b]) => f(a!, b!) };
}
function un(f: (a: string) => string): InlineOp {
  return { expr: ([a]) => f(a!) };
}
function f64Bin(f: (a: string, b: string) => string): InlineOp {
  return { expr: ([a, b]) => f(a!, b!), nan: 2 };
}
function f64Un(f: (a: string) => string): InlineOp {
  return { expr: ([a]) => f(a!), nan: 1 };
}
const u = (x: string): string => `(${x} >>> 0)`;

/** Inline forms by mnemonic. */
export const INLINE_OPS: Readonly<Record<string, InlineOp>> = {
  'i32.eqz': test1((a) => `${a} === 0`),
  'i32.eq': compare((a, b) => `${a} === ${b}`),
  'i32.ne': compare((a, b) => `${a} !== ${b}`),
  'i32.lt_s': compare((a, b) => `${a} < ${b}`),
  'i32.gt_s': compare((a, b) => `${a} > ${b}`),
  'i32.le_s': compare((a, b) => `${a} <= ${b}`),
  'i32.ge_s': compare((a, b) => `${a} >= ${b}`),
  'i32.lt_u': compare((a, b) => `${u(a)} < ${u(b)}`),
  'i32.gt_u': compare((a, b) => `${u(a)} > ${u(b)}`),
  'i32.le_u': compare((a, b) => `${u(a)} <= ${u(b)}`),
  'i32.ge_u': compare((a, b) => `${u(a)} >= ${u(b)}`),
  'i32.clz': un((a) => `Math.clz32(${a})`),
  'i32.add': bin((a, b) => `((${a} + ${b}) | 0)`),
  'i32.sub': bin((a, b) => `((${a} - ${b}) | 0)`),
  'i32.mul': bin((a, b) => `Math.imul(${a}, ${b})`),
  'i32.and': bin((a, b) => `(${a} & ${b})`),
  'i32.or': bin((a, b) => `(${a} | ${b})`),
  'i32.xor': bin((a, b) => `(${a} ^ ${b})`),
  // JS shift operators take the count modulo 32, as wasm does.
  'i32.shl': bin((a, b) => `(${a} << ${b})`),
  'i32.shr_s': bin((a, b) => `(${a} >> ${b})`),
  'i32.shr_u': bin((a, b) => `((${a} >>> ${b}) | 0)`),
  // For a count of 0 (mod 32) the other shift is by 32 & 31 = 0 and ORs `a` with itself.
  'i32.rotl': { expr: ([a, b]) => `((${a} << ${b}) | (${a} >>> (32 - ${b})))`, twice: true },
  'i32.rotr': { expr: ([a, b]) => `((${a} >>> ${b}) | (${a} << (32 - ${b})))`, twice: true },
  'i32.extend8_s': un((a) => `((${a} << 24) >> 24)`),
  'i32.extend16_s': un((a) => `((${a} << 16) >> 16)`),

  // i64: signed bigints; sums and products wrap with asIntN, bitwise ops cannot leave the range.
  'i64.eqz': test1((a) => `${a} === 0n`),
  'i64.eq': compare((a, b) => `${a} === ${b}`),
  'i64.ne': compare((a, b) => `${a} !== ${b}`),
  'i64.lt_s': compare((a, b) => `${a} < ${b}`),
  'i64.gt_s': compare((a, b) => `${a} > ${b}`),
  'i64.le_s': compare((a, b) => `${a} <= ${b}`),
  'i64.ge_s': compare((a, b) => `${a} >= ${b}`),
  'i64.add': bin((a, b) => `BigInt.asIntN(64, ${a} + ${b})`),
  'i64.sub': bin((a, b) => `BigInt.asIntN(64, ${a} - ${b})`),
  'i64.mul': bin((a, b) => `BigInt.asIntN(64, ${a} * ${b})`),
  'i64.and': bin((a, b) => `(${a} & ${b})`),
  'i64.or': bin((a, b) => `(${a} | ${b})`),
  'i64.xor': bin((a, b) => `(${a} ^ ${b})`),
  // Bigint shifts do not mask their count: wasm takes it modulo 64.
  'i64.shl': bin((a, b) => `BigInt.asIntN(64, ${a} << (${b} & 63n))`),
  'i64.shr_s': bin((a, b) => `(${a} >> (${b} & 63n))`),
  'i64.shr_u': bin((a, b) => `BigInt.asIntN(64, BigInt.asUintN(64, ${a}) >> (${b} & 63n))`),
  'i64.lt_u': compare((a, b) => `BigInt.asUintN(64, ${a}) < BigInt.asUintN(64, ${b})`),
  'i64.gt_u': compare((a, b) => `BigInt.asUintN(64, ${a}) > BigInt.asUintN(64, ${b})`),
  'i64.le_u': compare((a, b) => `BigInt.asUintN(64, ${a}) <= BigInt.asUintN(64, ${b})`),
  'i64.ge_u': compare((a, b) => `BigInt.asUintN(64, ${a}) >= BigInt.asUintN(64, ${b})`),
  'i64.extend_i32_s': un((a) => `BigInt(${a})`),
  'i64.extend_i32_u': un((a) => `BigInt(${u(a)})`),
  'i32.wrap_i64': un((a) => `Number(BigInt.asIntN(32, ${a}))`),

  // f64: JS doubles are IEEE binary64 with round-to-nearest; only NaN results need the fix.
  'f64.eq': compare((a, b) => `${a} === ${b}`),
  'f64.ne': compare((a, b) => `${a} !== ${b}`),
  'f64.lt': compare((a, b) => `${a} < ${b}`),
  'f64.gt': compare((a, b) => `${a} > ${b}`),
  'f64.le': compare((a, b) => `${a} <= ${b}`),
  'f64.ge': compare((a, b) => `${a} >= ${b}`),
  'f64.add': f64Bin((a, b) => `${a} + ${b}`),
  'f64.sub': f64Bin((a, b) => `${a} - ${b}`),
  'f64.mul': f64Bin((a, b) => `${a} * ${b}`),
  'f64.div': f64Bin((a, b) => `${a} / ${b}`),
  // Math.min/max order -0 below +0 as wasm requires.
  'f64.min': f64Bin((a, b) => `Math.min(${a}, ${b})`),
  'f64.max': f64Bin((a, b) => `Math.max(${a}, ${b})`),
  'f64.sqrt': f64Un((a) => `Math.sqrt(${a})`),
  'f64.ceil': f64Un((a) => `Math.ceil(${a})`),
  'f64.floor': f64Un((a) => `Math.floor(${a})`),
  'f64.trunc': f64Un((a) => `Math.trunc(${a})`),
  // An i32 is exactly representable as a double, signed or unsigned.
  'f64.convert_i32_s': un((a) => a),
  'f64.convert_i32_u': un((a) => u(a)),
};
