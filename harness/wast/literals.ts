// Numeric literals of the wasm text format, converted exactly: integers of any lane width
// and f32/f64 bit patterns (decimal, hex, inf, nan, nan:0x payloads), with `_` separators.
// Out-of-range values throw LiteralError; positions are the caller's business.

import { LiteralError } from './errors.js';
import { F32, F64, roundToFormat, type FloatFormat } from './_internals/roundFloat.js';

export { F32, F64, type FloatFormat };

/** A digit run (`num`/`hexnum` in the spec): at least one digit, single `_` between digits. */
function digitRun(text: string, i: number, hex: boolean): number {
  const re = hex ? HEX_RUN : DEC_RUN;
  re.lastIndex = i;
  return re.test(text) ? re.lastIndex : -1;
}
const DEC_RUN = /[0-9](?:_?[0-9])*/y;
const HEX_RUN = /[0-9a-fA-F](?:_?[0-9a-fA-F])*/y;

function malformed(text: string, what: string): LiteralError {
  return new LiteralError(`malformed ${what} literal '${text}'`);
}

/** Sign and the offset after it. */
function sign(text: string): { neg: boolean; at: number } {
  const c = text[0];
  return c === '-' ? { neg: true, at: 1 } : { neg: false, at: c === '+' ? 1 : 0 };
}

/** The unsigned magnitude of an integer literal without its sign, or -1n if malformed. */
function magnitude(text: string, at: number): bigint {
  const hex = text.startsWith('0x', at);
  const start = hex ? at + 2 : at;
  if (digitRun(text, start, hex) !== text.length) return -1n;
  const digits = text.slice(start).replaceAll('_', '');
  return BigInt(hex ? '0x' + digits : digits);
}

/**
 * An integer literal of `width` bits as its unsigned two's-complement bit pattern.
 * Like the reference interpreter and wabt: unsigned values up to 2^width - 1 are accepted
 * (with or without `+`), negative ones down to -2^(width-1).
 */
export function parseIntBits(text: string, width: 8 | 16 | 32 | 64): bigint {
  const { neg, at } = sign(text);
  const mag = magnitude(text, at);
  if (mag < 0n) throw malformed(text, `i${width}`);
  const limit = neg ? 1n << BigInt(width - 1) : (1n << BigInt(width)) - 1n;
  if (mag > limit) throw new LiteralError('constant out of range');
  return neg ? BigInt.asUintN(width, -mag) : mag;
}

/** An i32 literal as a signed 32-bit number. */
export function parseI32(text: string): number {
  // Fast path for short plain decimals, which are most of the testsuite.
  if (text.length <= 9 && /^-?[0-9]+$/.test(text)) return Number(text) | 0;
  return Number(BigInt.asIntN(32, parseIntBits(text, 32)));
}

/** An i64 literal as a signed bigint. */
export function parseI64(text: string): bigint {
  return BigInt.asIntN(64, parseIntBits(text, 64));
}

/** A u32 literal as a number (as used by `ref.extern N`). No sign allowed. */
export function parseU32(text: string): number {
  const mag = magnitude(text, 0);
  if (mag < 0n) throw malformed(text, 'u32');
  if (mag > 0xffffffffn) throw new LiteralError('constant out of range');
  return Number(mag);
}

/** An f32 literal as its uint32 bit pattern. */
export function parseF32Bits(text: string): number {
  return Number(parseFloatBits(text, F32));
}

/** An f64 literal as its uint64 bit pattern. */
export function parseF64Bits(text: string): bigint {
  return parseFloatBits(text, F64);
}

const f64View = new DataView(new ArrayBuffer(8));

function f64BitsOf(x: number): bigint {
  f64View.setFloat64(0, x);
  return f64View.getBigUint64(0);
}

function f32BitsOf(x: number): number {
  f64View.setFloat32(0, x);
  return f64View.getUint32(0);
}

/** Exactly 2^e for -1074 <= e <= 1023, built from bits so no libm is trusted. */
function pow2(e: number): number {
  f64View.setBigUint64(0, e >= -1022 ? BigInt(e + 1023) << 52n : 1n << BigInt(e + 1074));
  return f64View.getFloat64(0);
}

const EXACT_POW10 = Array.from({ length: 11 }, (_, k) => 10 ** k);

/**
 * A float literal as a bit pattern in `fmt`. Finite values are rounded to nearest, ties to
 * even, directly into `fmt` (never through a wider format). A value that rounds to
 * infinity throws "constant out of range", as do NaN payloads outside [1, 2^mantBits).
 */
export function parseFloatBits(text: string, fmt: FloatFormat): bigint {
  const { neg, at } = sign(text);
  const signBit = neg ? 1n << BigInt(fmt.mantBits + fmt.expBits) : 0n;
  const expAllOnes = ((1n << BigInt(fmt.expBits)) - 1n) << BigInt(fmt.mantBits);
  const body = at === 0 ? text : text.slice(at);
  if (body === 'inf') return signBit | expAllOnes;
  if (body === 'nan') return signBit | expAllOnes | (1n << BigInt(fmt.mantBits - 1));
  if (body.startsWith('nan:0x')) {
    if (digitRun(body, 6, true) !== body.length) throw malformed(text, 'float');
    const payload = BigInt('0x' + body.slice(6).replaceAll('_', ''));
    if (payload < 1n || payload >= 1n << BigInt(fmt.mantBits)) throw new LiteralError('constant out of range');
    return signBit | expAllOnes | payload;
  }
  const parsed = body.startsWith('0x') ? splitHex(body) : splitDecimal(body);
  if (!parsed) throw malformed(text, 'float');
  return signBit | magnitudeBits(parsed, fmt);
}

/** A finite literal as digits * base^exp: `base` 2 for hex, 10 for decimal. */
interface Split {
  digits: string;
  radix: 16 | 10;
  /** Power of 2 (hex) or 10 (decimal) to apply to the digits read as an integer. */
  exp: number;
}

// Exponents beyond this are all out of range or zero; clamping keeps the arithmetic finite.
const EXP_CLAMP = 1e9;

function splitParts(body: string, start: number, hex: boolean, expChars: string): Split | undefined {
  let i = digitRun(body, start, hex);
  if (i < 0) return undefined;
  const intPart = body.slice(start, i);
  let frac = '';
  if (body[i] === '.') {
    const j = digitRun(body, i + 1, hex);
    if (j >= 0) frac = body.slice(i + 1, j);
    i = j >= 0 ? j : i + 1;
  }
  let exp = 0;
  if (i < body.length && expChars.includes(body[i]!)) {
    const { neg, at } = sign(body.slice(i + 1));
    const j = digitRun(body, i + 1 + at, false);
    if (j !== body.length) return undefined;
    exp = Math.min(Number(body.slice(i + 1 + at, j).replaceAll('_', '')), EXP_CLAMP);
    if (neg) exp = -exp;
    i = j;
  }
  if (i !== body.length) return undefined;
  const fracDigits = frac.replaceAll('_', '');
  const digits = (intPart.replaceAll('_', '') + fracDigits).replace(/^0+(?=.)/, '');
  return { digits, radix: hex ? 16 : 10, exp: exp - fracDigits.length * (hex ? 4 : 1) };
}

function splitHex(body: string): Split | undefined {
  return splitParts(body, 2, true, 'pP');
}

function splitDecimal(body: string): Split | undefined {
  return splitParts(body, 0, false, 'eE');
}

/** Bits of a finite, non-negative literal: a fast exact path when one applies, else BigInt. */
function magnitudeBits(x: Split, fmt: FloatFormat): bigint {
  const fast = fmt === F32 || fmt === F64 ? fastValue(x, fmt) : undefined;
  if (fast !== undefined) {
    if (!Number.isFinite(fast)) throw new LiteralError('constant out of range');
    return fmt === F32 ? BigInt(f32BitsOf(fast)) : f64BitsOf(fast);
  }
  const m = BigInt((x.radix === 16 ? '0x' : '') + x.digits);
  return x.radix === 16 ? roundToFormat(fmt, m, x.exp, 0) : roundToFormat(fmt, m, 0, x.exp);
}

/**
 * The value rounded once into `fmt` (F32 or F64, as a JS number), or undefined when no
 * shortcut is known to be exact. Besides Number() for short decimals, each case is one
 * product/quotient of exactly representable operands, which IEEE arithmetic rounds
 * correctly; for f32 that f64 result is rounded again by fround, which is harmless because
 * f64 has at least 2*24+2 bits (the innocuous double rounding bound for one operation).
 */
function fastValue(x: Split, fmt: FloatFormat): number | undefined {
  // ECMAScript requires StringToNumber to round exactly (ties to even, subnormals included)
  // when there are at most 20 significant digits: a direct single rounding into f64.
  if (fmt === F64 && x.radix === 10 && x.digits.length <= 20) return Number(`${x.digits}e${x.exp}`);
  if (x.digits.length > 15) return undefined;
  const m = parseInt(x.digits, x.radix);
  if (m === 0) return 0;
  if (m >= 2 ** 53) return undefined;
  if (x.radix === 16) {
    // m * 2^exp is exact in f64 for exp in this range; f64 then rounds once at most.
    if (fmt === F64) return x.exp >= -1074 && x.exp <= 1023 ? m * pow2(x.exp) : undefined;
    return x.exp >= -1000 && x.exp <= 900 ? Math.fround(m * pow2(x.exp)) : undefined;
  }
  // Decimal f32: operands must be exact f32 values (m <= 2^24, 10^k <= 10^10).
  const k = x.exp;
  if (m > 2 ** 24 || k < -10 || k > 10) return undefined;
  return Math.fround(k >= 0 ? m * EXACT_POW10[k]! : m / EXACT_POW10[-k]!);
}
