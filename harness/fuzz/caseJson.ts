// The exact, JSON-safe form of a case's calls (calls.json of a finding, and how cases cross
// to workers): every argument carries its type; f32/f64 travel as bit strings so NaN payloads
// survive, i64 as decimal strings, v128 as hex, funcrefs by export name, externrefs by index
// into calls.ts EXTERN_VALUES.

import { decodeModule } from '../../runtime/binary/decodeModule.js';
import { rawArray, type Raw } from '../../runtime/instance/objects.js';
import { ValType } from '../../runtime/types.js';
import { EXTERN_VALUES, FuncRefArg, type Call } from '../generators/calls.js';
import { hexOf, typeName } from '../oracles/values.js';
import type { OracleCase } from '../oracles/types.js';

/** One argument. `value`: decimal (i32, i64), `0x` bits (f32, f64), hex (v128), export name or index or null (refs). */
export interface ArgJson {
  readonly type: string;
  readonly value: string | number | null;
}

/** One call. */
export interface CallJson {
  readonly name: string;
  readonly args: readonly ArgJson[];
}

/** Everything about a case besides its module and config. */
export interface CallsJson {
  readonly fuel: number;
  readonly budget?: { readonly name: string; readonly initial: number };
  readonly needsFuel: boolean;
  readonly calls: readonly CallJson[];
}

/** A malformed calls.json. */
export class CallsJsonError extends Error {
  override readonly name = 'CallsJsonError';
}

const view = new DataView(new ArrayBuffer(8));

function encodeArg(t: ValType, v: Raw): ArgJson {
  const type = typeName(t);
  switch (t) {
    case ValType.I32: return { type, value: String(v) };
    case ValType.I64: return { type, value: (v as bigint).toString() };
    case ValType.F32: return { type, value: `0x${((v as number) >>> 0).toString(16).padStart(8, '0')}` };
    case ValType.F64:
      view.setFloat64(0, v as number);
      return { type, value: `0x${view.getBigUint64(0).toString(16).padStart(16, '0')}` };
    case ValType.V128: return { type, value: hexOf(v as Uint8Array) };
    case ValType.FuncRef: return { type, value: v instanceof FuncRefArg ? v.exportName : null };
    default: return { type, value: v === null ? null : EXTERN_VALUES.indexOf(v) };
  }
}

function decodeArg(a: ArgJson): Raw {
  const bad = (): never => {
    throw new CallsJsonError(`bad ${a.type} argument ${JSON.stringify(a.value)}`);
  };
  const text = (): string => (typeof a.value === 'string' ? a.value : bad());
  const bits = (): bigint => (/^0x[0-9a-f]+$/i.test(text()) ? BigInt(text()) : bad());
  switch (a.type) {
    case 'i32': return /^-?\d+$/.test(text()) ? Number(text()) | 0 : bad();
    case 'i64': return /^-?\d+$/.test(text()) ? BigInt.asIntN(64, BigInt(text())) : bad();
    case 'f32': return Number(BigInt.asIntN(32, bits()));
    case 'f64':
      view.setBigUint64(0, BigInt.asUintN(64, bits()));
      return view.getFloat64(0);
    case 'v128': {
      const hex = text();
      if (!/^[0-9a-f]{32}$/.test(hex)) return bad();
      return Uint8Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16));
    }
    case 'funcref': return a.value === null ? null : new FuncRefArg(text());
    case 'externref':
      if (a.value === null) return null;
      if (typeof a.value !== 'number' || !Number.isInteger(a.value) || a.value < 0 || a.value >= EXTERN_VALUES.length) return bad();
      return EXTERN_VALUES[a.value];
    default: return bad();
  }
}

/** The calls of `c` in exact JSON form (argument types read off the module's exports). */
export function encodeCalls(c: OracleCase): CallsJson {
  const info = decodeModule(c.bytes);
  const typeOf = new Map(info.exports.filter((e) => e.kind === 'func').map((e) => [e.name, info.types[info.funcTypes[e.index]!]!]));
  const calls = c.calls.map((call): CallJson => {
    const params = typeOf.get(call.name)?.params ?? [];
    return { name: call.name, args: call.args.map((v, i) => encodeArg(params[i] ?? ValType.I32, v)) };
  });
  return { fuel: c.fuel, ...(c.budget ? { budget: c.budget } : {}), needsFuel: c.needsFuel, calls };
}

/** Decodes calls.json back to calls in the runtime representation. Throws CallsJsonError. */
export function decodeCalls(j: CallsJson): Call[] {
  if (!Array.isArray(j?.calls)) throw new CallsJsonError('calls.json has no "calls" array');
  return j.calls.map((c) => {
    const args = rawArray(c.args.length);
    c.args.forEach((a: ArgJson, i: number) => (args[i] = decodeArg(a)));
    return { name: c.name, args };
  });
}

/** A whole case from its module bytes, config and calls.json. */
export function caseFromJson(bytes: Uint8Array, config: OracleCase['config'], j: CallsJson): OracleCase {
  return { bytes, config, calls: decodeCalls(j), fuel: j.fuel, ...(j.budget ? { budget: j.budget } : {}), needsFuel: j.needsFuel === true };
}
