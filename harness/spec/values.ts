// Script constants to runtime values and back: argument conversion, result matching against
// expected patterns (exact bits; nan:canonical / nan:arithmetic by class), and printing.

import type { Const, Expected, V128Lane, V128Shape } from '../wast/ast.js';
import type { Raw } from '../../runtime/instance/objects.js';

const scratch = new DataView(new ArrayBuffer(16));

/** f64 value from its uint64 bits (NaN payloads kept). */
export function f64FromBits(bits: bigint): number {
  scratch.setBigUint64(0, bits, true);
  return scratch.getFloat64(0, true);
}

/** uint64 bits of an f64 value. */
export function f64Bits(x: number): bigint {
  scratch.setFloat64(0, x, true);
  return scratch.getBigUint64(0, true);
}

/** A host reference for `ref.extern N`: the same object for the same N. */
export class ExternRef {
  private static readonly interned = new Map<number, ExternRef>();
  private constructor(readonly n: number) {}
  static of(n: number): ExternRef {
    let r = ExternRef.interned.get(n);
    if (r === undefined) ExternRef.interned.set(n, (r = new ExternRef(n)));
    return r;
  }
}

/** The runtime value of a script constant. */
export function toRaw(c: Const): Raw {
  switch (c.type) {
    case 'i32': return c.value | 0;
    case 'i64': return c.value;
    case 'f32': return c.bits | 0;
    case 'f64': return f64FromBits(c.bits);
    case 'v128': return c.bytes.slice();
    case 'ref.null': return null;
    case 'ref.extern': return ExternRef.of(c.value);
  }
}

const F32_CANON = 0x7fc00000;
function f32NanMatches(bits: number, kind: 'canonical' | 'arithmetic'): boolean {
  const mag = bits & 0x7fffffff;
  return kind === 'canonical' ? mag === F32_CANON : (mag & F32_CANON) === F32_CANON && mag > 0x7f800000;
}
const F64_QUIET = 0x7ff8000000000000n;
const F64_MAG = 0x7fffffffffffffffn;
function f64NanMatches(bits: bigint, kind: 'canonical' | 'arithmetic'): boolean {
  const mag = bits & F64_MAG;
  return kind === 'canonical' ? mag === F64_QUIET : (mag & F64_QUIET) === F64_QUIET;
}

const LANES: Record<V128Shape, { n: number; bytes: number; float: boolean }> = {
  i8x16: { n: 16, bytes: 1, float: false }, i16x8: { n: 8, bytes: 2, float: false },
  i32x4: { n: 4, bytes: 4, float: false }, i64x2: { n: 2, bytes: 8, float: false },
  f32x4: { n: 4, bytes: 4, float: true }, f64x2: { n: 2, bytes: 8, float: true },
};

function laneBits(v: Uint8Array, shape: V128Shape, i: number): number | bigint {
  const { bytes } = LANES[shape];
  const view = new DataView(v.buffer, v.byteOffset, 16);
  if (bytes === 1) return view.getUint8(i);
  if (bytes === 2) return view.getUint16(i * 2, true);
  if (bytes === 4) return view.getUint32(i * 4, true);
  return view.getBigUint64(i * 8, true);
}

function laneMatches(actual: number | bigint, want: V128Lane, shape: V128Shape): boolean {
  if (typeof want === 'object') {
    return shape === 'f32x4' ? f32NanMatches(actual as number, want.nan) : f64NanMatches(actual as bigint, want.nan);
  }
  return actual === want;
}

/** Whether `actual` satisfies the expected pattern. */
export function matches(actual: Raw, want: Expected): boolean {
  switch (want.type) {
    case 'i32': return typeof actual === 'number' && (actual | 0) === want.value;
    case 'i64': return actual === want.value;
    case 'f32':
      if (typeof actual !== 'number') return false;
      return 'nan' in want ? f32NanMatches(actual, want.nan) : (actual >>> 0) === want.bits;
    case 'f64':
      if (typeof actual !== 'number') return false;
      return 'nan' in want ? f64NanMatches(f64Bits(actual), want.nan) : f64Bits(actual) === want.bits;
    case 'v128': {
      if (!(actual instanceof Uint8Array) || actual.length !== 16) return false;
      for (let i = 0; i < LANES[want.shape].n; i++) {
        if (!laneMatches(laneBits(actual, want.shape, i), want.lanes[i], want.shape)) return false;
      }
      return true;
    }
    case 'ref.null': return actual === null;
    case 'ref.extern':
      return want.value === undefined ? actual instanceof ExternRef : actual === ExternRef.of(want.value);
    case 'ref.func': return actual !== null && typeof actual === 'object' && 'invoke' in actual;
  }
}

function hex(x: number | bigint, digits: number): string {
  return '0x' + x.toString(16).padStart(digits, '0');
}

/** Prints a runtime value of the given result type, exactly. */
export function showRaw(v: Raw, type?: Expected['type'] | string): string {
  if (v === null) return 'ref.null';
  if (v instanceof ExternRef) return `ref.extern ${v.n}`;
  if (v instanceof Uint8Array) return `v128 ${[...v].map((b) => b.toString(16).padStart(2, '0')).join(' ')}`;
  if (typeof v === 'bigint') return `i64:${v}`;
  if (typeof v === 'number') {
    if (type === 'f32') return `f32:${hex(v >>> 0, 8)}`;
    if (type === 'f64') return `f64:${v} (${hex(f64Bits(v), 16)})`;
    return `i32:${v}`;
  }
  if (typeof v === 'object' && 'invoke' in (v as object)) return 'ref.func';
  return String(v);
}

/** Prints an expected pattern. */
export function showExpected(e: Expected): string {
  switch (e.type) {
    case 'i32': return `i32:${e.value}`;
    case 'i64': return `i64:${e.value}`;
    case 'f32': return 'nan' in e ? `f32:nan:${e.nan}` : `f32:${hex(e.bits, 8)}`;
    case 'f64': return 'nan' in e ? `f64:nan:${e.nan}` : `f64:${f64FromBits(e.bits)} (${hex(e.bits, 16)})`;
    case 'v128': return `v128 ${e.shape} ${e.lanes.map((l) => (typeof l === 'object' ? `nan:${l.nan}` : l.toString())).join(' ')}`;
    case 'ref.null': return `ref.null ${e.ref}`;
    case 'ref.extern': return e.value === undefined ? 'ref.extern' : `ref.extern ${e.value}`;
    case 'ref.func': return 'ref.func';
  }
}
