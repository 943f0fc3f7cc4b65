// Values in compared form (OValue), from our runtime's representation and from V8's JS values,
// and their comparison. Between our tiers every bit counts; a value that crossed V8's JS
// boundary as an f32 may have had its NaN quieted, which is all the slack V8 gets here.

import { valTypeName, ValType } from '../../runtime/types.js';
import type { FuncInstance, InstanceState, Raw } from '../../runtime/instance/objects.js';
import { EXTERN_VALUES } from '../generators/calls.js';
import type { OValue } from './types.js';

const view = new DataView(new ArrayBuffer(8));

/** The name of a value type as OValue spells it (the text-format name). */
export function typeName(t: ValType): OValue['t'] {
  return valTypeName(t) as OValue['t'];
}

/** Hex of 16 bytes. */
export function hexOf(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += (b[i]! < 16 ? '0' : '') + b[i]!.toString(16);
  return s;
}

/** An externref's compared form: its index among the values calls can pass, or `?`. */
export function externId(v: unknown): string | null {
  if (v === null) return null;
  const k = EXTERN_VALUES.indexOf(v);
  return `extern:${k < 0 ? '?' : k}`;
}

/**
 * A value of our runtime (type `t`) in compared form; funcrefs are indexed in `inst`'s function
 * space (`func:?` while the instance is still being built).
 */
export function fromOurs(t: ValType, v: Raw, inst: InstanceState | undefined): OValue {
  switch (t) {
    case ValType.I32: return { t: 'i32', b: v as number };
    case ValType.F32: return { t: 'f32', b: v as number };
    case ValType.I64: return { t: 'i64', b: v as bigint };
    case ValType.F64:
      // A non-number is a tier bug: keep it as is, so it compares unequal and shows as such.
      if (typeof v !== 'number') return { t: 'f64', b: v as bigint };
      view.setFloat64(0, v);
      return { t: 'f64', b: view.getBigInt64(0) };
    case ValType.V128: return { t: 'v128', hex: v instanceof Uint8Array ? hexOf(v) : `<not a v128: ${String(v)}>` };
    case ValType.FuncRef:
      return { t: 'funcref', ref: v === null ? null : `func:${inst?.funcs.indexOf(v as FuncInstance) ?? '?'}` };
    default: return { t: 'externref', ref: externId(v) };
  }
}

/** A JS value V8 handed out (type `t`) in compared form; V8 names a wasm function by its index. */
export function fromV8(t: ValType, v: unknown): OValue {
  switch (t) {
    case ValType.I32: return { t: 'i32', b: v as number };
    case ValType.F32:
      view.setFloat32(0, v as number);
      return { t: 'f32', b: view.getInt32(0) };
    case ValType.I64: return { t: 'i64', b: v as bigint };
    case ValType.F64:
      view.setFloat64(0, v as number);
      return { t: 'f64', b: view.getBigInt64(0) };
    case ValType.V128: return { t: 'v128', hex: '?' };
    case ValType.FuncRef:
      return { t: 'funcref', ref: v === null ? null : `func:${(v as { name: string }).name}` };
    default: return { t: 'externref', ref: externId(v) };
  }
}

/** The JS number an f32 given as bits becomes (what V8 is passed). */
export function f32FromBits(b: number): number {
  view.setInt32(0, b);
  return view.getFloat32(0);
}

/** True when f32 bits `b` are a signalling NaN (V8 may quiet it on the way through JS). */
export function isSignallingF32(b: number): boolean {
  return isNaN32(b) && (b & F32_QUIET) === 0;
}

/** True when the double `x` is a signalling NaN. */
export function isSignallingF64(x: number): boolean {
  if (x === x) return false;
  view.setFloat64(0, x);
  return (view.getUint32(0) & F64_QUIET_HIGH) === 0;
}

const F32_QUIET = 0x00400000;
const F64_QUIET_HIGH = 0x00080000;
const isNaN32 = (b: number): boolean => (b & 0x7fffffff) > 0x7f800000;
const isNaN64 = (b: bigint): boolean => (b & 0x7fffffffffffffffn) > 0x7ff0000000000000n;

/**
 * What the spec lets a NaN result be, where a test knows the operation that made it:
 * `exact`, the bits are determined (abs, neg, copysign, reinterpret, const, loads);
 * `canonical`, any canonical NaN, either sign (every NaN operand was canonical);
 * `arithmetic`, any NaN with the quiet bit set, either sign.
 */
export type NanRule = 'exact' | 'canonical' | 'arithmetic';

const F32_CANON = 0x7fc00000;
const F64_CANON = 0x7ff8000000000000n;
const F64_QUIET = 0x0008000000000000n;

/** True when `other` (f32 or f64 bits) is a NaN `rule` allows. */
function nanAllowed(t: 'f32' | 'f64', other: number | bigint, rule: NanRule): boolean {
  if (t === 'f32') {
    const b = other as number;
    if (!isNaN32(b)) return false;
    return rule === 'canonical' ? (b & 0x7fffffff) === F32_CANON : (b & F32_QUIET) !== 0;
  }
  const b = other as bigint;
  if (typeof b !== 'bigint' || !isNaN64(b)) return false;
  const mag = b & 0x7fffffffffffffffn;
  return rule === 'canonical' ? mag === F64_CANON : (b & F64_QUIET) !== 0n;
}

/**
 * Whether `other` may stand for `ref`. With `jsBoundary` (`other` came through V8's JS API),
 * any NaN stands for any NaN: depending on the path, V8 quiets a NaN (call results, host
 * arguments) or canonicalizes it (Global.value), so its bits are not observable there.
 * Memory bytes keep them, and our two tiers are compared bit for bit. A NaN rule (the spec's,
 * for a float result of a known operation) lets a NaN where `ref` has a NaN be any NaN the
 * rule allows; it never excuses a NaN where `ref` has a number.
 */
export function sameValue(ref: OValue, other: OValue, jsBoundary: boolean, nan: NanRule = 'exact'): boolean {
  if (ref.t !== other.t) return false;
  switch (ref.t) {
    case 'v128': return ref.hex === (other as typeof ref).hex;
    case 'funcref': case 'externref': return ref.ref === (other as typeof ref).ref;
    case 'f32': {
      const o = (other as typeof ref).b;
      if (Object.is(ref.b, o)) return true;
      if (!isNaN32(ref.b)) return false;
      return (jsBoundary && isNaN32(o)) || (nan !== 'exact' && nanAllowed('f32', o, nan));
    }
    case 'f64': {
      const o = (other as typeof ref).b;
      if (ref.b === o) return true;
      if (typeof ref.b !== 'bigint' || !isNaN64(ref.b)) return false;
      return (jsBoundary && typeof o === 'bigint' && isNaN64(o)) || (nan !== 'exact' && nanAllowed('f64', o, nan));
    }
    // Object.is: an i32 of -0 (or any non-normalized number) is a tier bug, not a zero.
    default: return Object.is(ref.b, (other as typeof ref).b);
  }
}

/** Text of a value for reports: `i32:0x1f`, `f64:0x7ff8000000000000`, `funcref:func:2`. */
export function showValue(v: OValue | undefined): string {
  if (v === undefined) return '(unreadable)';
  switch (v.t) {
    case 'i32': case 'f32':
      return Object.is(v.b, v.b | 0) ? `${v.t}:0x${(v.b >>> 0).toString(16)}` : `${v.t}:<not normalized: ${String(v.b)}>`;
    case 'i64': case 'f64':
      return typeof v.b === 'bigint' ? `${v.t}:0x${BigInt.asUintN(64, v.b).toString(16)}` : `${v.t}:<not normalized: ${String(v.b)}>`;
    case 'v128': return `v128:${v.hex}`;
    default: return `${v.t}:${v.ref ?? 'null'}`;
  }
}
