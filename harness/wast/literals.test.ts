// Literal conversion tests: integer ranges and syntax, IEEE special values, exact rounding
// (ties, subnormals, overflow, double-rounding traps), and the BigInt path against the fast
// paths. Comparisons against wabt live in literals.wabt.test.ts.

import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { LiteralError } from './errors.js';
import { F32, F64, parseF32Bits, parseF64Bits, parseI32, parseI64, parseIntBits, parseU32 } from './literals.js';
import { roundToFormat } from './_internals/roundFloat.js';

const view = new DataView(new ArrayBuffer(8));
const f32 = (x: number) => (view.setFloat32(0, x), view.getUint32(0));
const f64 = (x: number) => (view.setFloat64(0, x), view.getBigUint64(0));

function reason(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    assert.instance(e, LiteralError);
    return (e as LiteralError).reason;
  }
  throw new Error('expected a LiteralError');
}

test('i32: decimal, hex, signs, underscores, wrap to signed', () => {
  assert.is(parseI32('0'), 0);
  assert.is(parseI32('-0'), 0);
  assert.is(parseI32('+42'), 42);
  assert.is(parseI32('0xffffffff'), -1);
  assert.is(parseI32('4294967295'), -1);
  assert.is(parseI32('+0xffffffff'), -1);
  assert.is(parseI32('2147483648'), -2147483648);
  assert.is(parseI32('-2147483648'), -2147483648);
  assert.is(parseI32('-0x80000000'), -2147483648);
  assert.is(parseI32('0_123_456_789'), 123456789);
  assert.is(parseI32('0x0_9acf_fBDF'), 0x9acffbdf | 0);
  assert.is(parseI32('-1'), -1);
});

test('i32: out of range and malformed', () => {
  for (const x of ['4294967296', '0x100000000', '-2147483649', '-0x80000001']) {
    assert.is(reason(() => parseI32(x)), 'constant out of range', x);
  }
  for (const x of ['', '-', '0x', '1x', '0xg', '_1', '1_', '1__2', '0x_1', '1.0', '- 1', '++1', '1e3']) {
    assert.match(reason(() => parseI32(x)), /^malformed i32 literal/, x);
  }
});

test('i64 and narrow lane widths', () => {
  assert.is(parseI64('0xffffffffffffffff'), -1n);
  assert.is(parseI64('18446744073709551615'), -1n);
  assert.is(parseI64('-9223372036854775808'), -(2n ** 63n));
  assert.is(parseI64('0x0125_6789_ADEF_bcef'), 0x01256789adefbcefn);
  assert.is(reason(() => parseI64('18446744073709551616')), 'constant out of range');
  assert.is(reason(() => parseI64('-9223372036854775809')), 'constant out of range');
  assert.is(parseIntBits('-128', 8), 0x80n);
  assert.is(parseIntBits('255', 8), 0xffn);
  assert.is(parseIntBits('-1', 16), 0xffffn);
  assert.is(reason(() => parseIntBits('256', 8)), 'constant out of range');
  assert.is(reason(() => parseIntBits('-129', 8)), 'constant out of range');
  assert.is(reason(() => parseIntBits('65536', 16)), 'constant out of range');
});

test('u32 (ref.extern payloads)', () => {
  assert.is(parseU32('4294967295'), 4294967295);
  assert.is(parseU32('0x10'), 16);
  assert.match(reason(() => parseU32('-1')), /malformed/);
  assert.is(reason(() => parseU32('4294967296')), 'constant out of range');
});

test('special values: inf, nan, payloads, signs', () => {
  assert.is(parseF32Bits('inf'), 0x7f800000);
  assert.is(parseF32Bits('-inf'), 0xff800000);
  assert.is(parseF32Bits('nan'), 0x7fc00000);
  assert.is(parseF32Bits('-nan'), 0xffc00000);
  assert.is(parseF32Bits('+nan:0x200000'), 0x7fa00000);
  assert.is(parseF32Bits('-nan:0x7f_ffff'), 0xffffffff);
  assert.is(parseF64Bits('nan'), 0x7ff8000000000000n);
  assert.is(parseF64Bits('-nan:0xfffffffffffff'), 0xffffffffffffffffn);
  assert.is(parseF64Bits('+inf'), 0x7ff0000000000000n);
  assert.is(reason(() => parseF32Bits('nan:0x0')), 'constant out of range');
  assert.is(reason(() => parseF32Bits('nan:0x800000')), 'constant out of range');
  assert.is(reason(() => parseF64Bits('nan:0x10000000000000')), 'constant out of range');
});

test('zeros keep their sign', () => {
  assert.is(parseF32Bits('-0'), 0x80000000);
  assert.is(parseF32Bits('-0x0.0p0'), 0x80000000);
  assert.is(parseF64Bits('-0.0e0'), 0x8000000000000000n);
  assert.is(parseF32Bits('0e999999999999'), 0);
  assert.is(parseF32Bits('-1e-999999'), 0x80000000);
});

test('ordinary values match the IEEE encodings', () => {
  for (const x of [1, 0.5, 3.25, 1e10, 123456.75, 0.1, 6.25e-3]) {
    assert.is(parseF32Bits(String(x)), f32(x), String(x));
    assert.is(parseF64Bits(String(x)), f64(x), String(x));
  }
  assert.is(parseF32Bits('0x1.921fb6p+1'), f32(Math.fround(Math.PI)));
  assert.is(parseF64Bits('0x1.921fb54442d18p+1'), f64(Math.PI));
  assert.is(parseF32Bits('1.e10'), f32(1e10));
  assert.is(parseF32Bits('0x1.p10'), f32(1024));
  assert.is(parseF64Bits('1_000.000_5e0_1'), f64(10000.005));
});

test('f32 ties to even, directly (no double rounding through f64)', () => {
  // 1 + 2^-24 is the midpoint between 1 and 1 + 2^-23: ties to the even 1.
  assert.is(parseF32Bits('1.000000059604644775390625'), 0x3f800000);
  // A hair above the midpoint rounds up, although it is the same f64 as the midpoint.
  assert.is(parseF32Bits('1.00000005960464477539062500000001'), 0x3f800001);
  assert.is(parseF32Bits('0x1.000001000000000000001p0'), 0x3f800001);
  // 1 + 3*2^-24 ties up to the even 1 + 2^-22; a hair below must not.
  assert.is(parseF32Bits('1.000000178813934326171875'), 0x3f800002);
  assert.is(parseF32Bits('1.000000178813934326171874999999'), 0x3f800001);
});

test('f64 ties to even with long digit strings', () => {
  // 1 + 2^-53 (midpoint) -> 1; a hair above -> next.
  assert.is(parseF64Bits('1.00000000000000011102230246251565404236316680908203125'), 0x3ff0000000000000n);
  assert.is(parseF64Bits('1.000000000000000111022302462515654042363166809082031250001'), 0x3ff0000000000001n);
  assert.is(parseF64Bits('0x1.00000000000008p0'), 0x3ff0000000000000n);
  assert.is(parseF64Bits('0x1.000000000000080000001p0'), 0x3ff0000000000001n);
});

test('subnormals round on the subnormal grid', () => {
  assert.is(parseF32Bits('0x1p-149'), 1);
  assert.is(parseF32Bits('0x1p-150'), 0); // tie between 0 and the least subnormal: even 0
  assert.is(parseF32Bits('0x1.000001p-150'), 1);
  assert.is(parseF32Bits('0x1.8p-149'), 2); // 1.5 ulps ties to 2
  assert.is(parseF32Bits('0x1.fffffcp-127'), 0x007fffff);
  assert.is(parseF32Bits('0x1.fffffep-127'), 0x00800000); // rounds up into the normals
  assert.is(parseF32Bits('1.4e-45'), 1);
  // 2^-150 exactly, then a hair above.
  const half = '7.00649232162408535461864791644958065640130970938257885878534141944895541342930300743319094181060791015625e-46';
  assert.is(parseF32Bits(half), 0);
  assert.is(parseF32Bits(half.replace('625e', '6251e')), 1);
  assert.is(parseF64Bits('0x1p-1074'), 1n);
  assert.is(parseF64Bits('0x1p-1075'), 0n);
  assert.is(parseF64Bits('0x1.0000000000000000001p-1075'), 1n);
  assert.is(parseF64Bits('4.9406564584124654e-324'), 1n);
  assert.is(parseF64Bits('2.2250738585072011e-308'), 0x000fffffffffffffn);
});

test('largest finite values and overflow', () => {
  assert.is(parseF32Bits('0x1.fffffep127'), 0x7f7fffff);
  assert.is(parseF32Bits('0x1.fffffefffffffffffffp127'), 0x7f7fffff);
  assert.is(parseF32Bits('3.4028234e+38'), 0x7f7fffff);
  assert.is(parseF32Bits('340282356779733623858607532500980858880'), 0x7f7fffff);
  assert.is(parseF64Bits('0x1.fffffffffffff7ffffffp1023'), 0x7fefffffffffffffn);
  assert.is(parseF64Bits('1.7976931348623157e308'), 0x7fefffffffffffffn);
  for (const x of ['0x1p128', '0x1.ffffffp127', '1e39', '340282356779733661637539395458142568448', '1e99999999999999999999']) {
    assert.is(reason(() => parseF32Bits(x)), 'constant out of range', x);
  }
  for (const x of ['0x1p1024', '0x1.fffffffffffff8p1023', '1e309']) {
    assert.is(reason(() => parseF64Bits(x)), 'constant out of range', x);
  }
});

test('malformed floats', () => {
  for (const x of ['', '.0', '.0e0', '0e', '0e+', '0.0e-', '0x', '0x.', '0x0.g', '0x0p', '0x0p+', '0x0pA', '1x', 'nan:1', 'nan:0x', 'infinity', 'Inf', '1__0', '1._5', '1e_5', '+-1', 'nan:canonical']) {
    assert.match(reason(() => parseF32Bits(x)), /^malformed float literal/, x);
  }
});

/** The outcome of a conversion, errors included, as a comparable string. */
function outcome(fn: () => bigint | number): string {
  try {
    return String(fn());
  } catch (e) {
    if (e instanceof LiteralError) return `error: ${e.reason}`;
    throw e;
  }
}

test('the exact BigInt path agrees with the fast paths', () => {
  fc.assert(
    // Small operands hit the fast paths (m <= 2^24, |e| <= 10 for f32; <= 20 digits for f64).
    fc.property(
      fc.oneof(fc.bigInt({ min: 1n, max: 1n << 24n }), fc.bigInt({ min: 1n, max: 10n ** 20n })),
      fc.oneof(fc.integer({ min: -10, max: 10 }), fc.integer({ min: -340, max: 310 })),
      fc.boolean(),
      (m, e, single) => {
      const text = `${m}e${e}`;
      const fast = outcome(() => (single ? parseF32Bits(text) : parseF64Bits(text)));
      return fast === outcome(() => roundToFormat(single ? F32 : F64, m, 0, e));
      },
    ),
    { numRuns: 3000, seed: 7 },
  );
  fc.assert(
    fc.property(fc.bigInt({ min: 1n, max: (1n << 52n) - 1n }), fc.integer({ min: -1130, max: 1030 }), fc.boolean(), (m, e, single) => {
      const text = `0x${m.toString(16)}p${e}`;
      const fast = outcome(() => (single ? parseF32Bits(text) : parseF64Bits(text)));
      return fast === outcome(() => roundToFormat(single ? F32 : F64, m, e, 0));
    }),
    { numRuns: 3000, seed: 8 },
  );
});

test.run();
