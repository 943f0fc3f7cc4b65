// Sequences of calls to a generated module's exported functions, with arguments biased toward
// the edges (0, ±1, min/max, ±0, ±inf, quiet and signalling NaNs with payloads, v128 lane
// patterns, null and non-null references). Engine-neutral: funcref arguments name an export.

import fc from 'fast-check';
import { ValType } from '../../runtime/types.js';
import { rawArray, type Raw } from '../../runtime/instance/objects.js';
import type { GenExport } from './module/buildModule.js';
import { F32_EDGES, F64_EDGES, I32_EDGES, I64_EDGES } from './module/values.js';

/** A non-null funcref argument: the exported function `exportName` of the instance being called. */
export class FuncRefArg {
  constructor(readonly exportName: string) {}
}

/** Non-null externref arguments: a plain object, and JS values an engine might mistake for null. */
export const EXTERN_VALUES: readonly unknown[] = [Object.freeze({ extern: 'token' }), undefined, 0, '', false];

/**
 * One call: an export name and its arguments in the runtime representation (f32 as raw bits,
 * f64 as a number), in a `rawArray` so signalling NaNs survive; funcrefs may be FuncRefArg.
 */
export interface Call {
  readonly name: string;
  readonly args: Raw[];
}

const f64View = new DataView(new ArrayBuffer(8));

/** An edge or an arbitrary value. Floats stay bits (bigint for f64) until the final array. */
function bitsArbitrary(t: ValType, funcs: readonly string[]): fc.Arbitrary<unknown> {
  switch (t) {
    case ValType.I32: return fc.oneof(fc.constantFrom(...I32_EDGES), fc.integer({ min: -16, max: 16 }), fc.integer());
    case ValType.I64: return fc.oneof(fc.constantFrom(...I64_EDGES), fc.bigInt({ min: -16n, max: 16n }), fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }));
    case ValType.F32: return fc.oneof(fc.constantFrom(...F32_EDGES), fc.integer());
    case ValType.F64: return fc.oneof(fc.constantFrom(...F64_EDGES), fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }));
    case ValType.V128: return v128Arbitrary();
    case ValType.FuncRef:
      return funcs.length === 0 ? fc.constant(null) : fc.oneof(fc.constant(null), fc.constantFrom(...funcs).map((n) => new FuncRefArg(n)));
    default: return fc.oneof(fc.constant(null), fc.constantFrom(...EXTERN_VALUES));
  }
}

/** v128 patterns: zero, all ones, lanes of edges (i8 to f64), or random bytes. */
function v128Arbitrary(): fc.Arbitrary<Uint8Array> {
  const lanes = <T>(arb: fc.Arbitrary<T>, n: number, set: (v: DataView, i: number, x: T) => void) =>
    fc.array(arb, { minLength: n, maxLength: n }).map((xs) => {
      const out = new Uint8Array(16);
      const v = new DataView(out.buffer);
      xs.forEach((x, i) => set(v, i, x));
      return out;
    });
  return fc.oneof(
    fc.constantFrom(0x00, 0xff).map((b) => new Uint8Array(16).fill(b)),
    lanes(fc.constantFrom(...I32_EDGES), 16, (v, i, x) => v.setInt8(i, x)),
    lanes(fc.constantFrom(...I32_EDGES), 8, (v, i, x) => v.setInt16(i * 2, x, true)),
    lanes(fc.oneof(fc.constantFrom(...I32_EDGES), fc.constantFrom(...F32_EDGES)), 4, (v, i, x) => v.setInt32(i * 4, x, true)),
    lanes(fc.oneof(fc.constantFrom(...I64_EDGES), fc.constantFrom(...F64_EDGES)), 2, (v, i, x) => v.setBigInt64(i * 8, x, true)),
    fc.uint8Array({ minLength: 16, maxLength: 16 }),
  );
}

/** The runtime value of drawn bits `b` of type `t` (only f64 changes: bits to a double). */
function toRaw(t: ValType, b: unknown): Raw {
  if (t !== ValType.F64) return b;
  f64View.setBigInt64(0, b as bigint);
  return f64View.getFloat64(0);
}

/** Arguments for a function with parameter types `params`, as a rawArray. */
export function argsArbitrary(params: readonly ValType[], funcs: readonly string[] = []): fc.Arbitrary<Raw[]> {
  return fc.tuple(...params.map((t) => bitsArbitrary(t, funcs))).map((bits) => {
    const args = rawArray(params.length);
    for (let i = 0; i < params.length; i++) args[i] = toRaw(params[i]!, bits[i]);
    return args;
  });
}

/** A sequence of 1..`maxCalls` calls to the exported functions among `exports` (empty without any). */
export function callsArbitrary(exports: readonly GenExport[], maxCalls = 6): fc.Arbitrary<Call[]> {
  const funcs = exports.flatMap((e) => (e.kind === 'func' ? [e] : []));
  if (funcs.length === 0) return fc.constant([]);
  const names = funcs.map((f) => f.name);
  const one = fc.oneof(...funcs.map((f) => argsArbitrary(f.type.params, names).map((args): Call => ({ name: f.name, args }))));
  return fc.array(one, { minLength: 1, maxLength: maxCalls });
}

/** `args` with every FuncRefArg replaced by `lookup(exportName)`, as a fresh rawArray. */
export function resolveArgs(args: readonly Raw[], lookup: (exportName: string) => unknown): Raw[] {
  const out = rawArray(args.length);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    out[i] = a instanceof FuncRefArg ? lookup(a.exportName) : a;
  }
  return out;
}
