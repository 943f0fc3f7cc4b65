// V8's own WebAssembly (node's) as a DiffEngine. Integer carriers are exact; f32/f64 params and
// results cross as JS numbers, where V8 may quiet a signalling NaN, so tests that compare
// NaN payloads pass floats as integer bits (the numeric oracle modules do).

import { bitsFromRaw, type Bits, type ScalarType } from './bits.js';
import type { DiffEngine, DiffInstance } from './diffEngine.js';
import type { Outcome } from './outcome.js';
import { classifyV8Error } from './v8Traps.js';

const view = new DataView(new ArrayBuffer(8));

function toJs(t: ScalarType, b: Bits): number | bigint {
  if (t === 'f32') return (view.setInt32(0, b as number), view.getFloat32(0));
  if (t === 'f64') return (view.setBigInt64(0, b as bigint), view.getFloat64(0));
  return b;
}

function fromJs(t: ScalarType, v: unknown): Bits {
  if (t === 'f32') return (view.setFloat32(0, v as number), view.getInt32(0));
  return bitsFromRaw(t, v);
}

function failure(e: unknown): Outcome {
  const f = classifyV8Error(e);
  return f ?? { kind: 'error', error: e };
}

/** V8 as a DiffEngine. */
export const v8Engine: DiffEngine = {
  name: 'v8',
  instantiate(bytes: Uint8Array): DiffInstance {
    const exports = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports;
    return {
      call(name, sig, args) {
        const f = exports[name];
        if (typeof f !== 'function') throw new Error(`no exported function ${name}`);
        let r: unknown;
        try {
          r = (f as (...a: unknown[]) => unknown)(...args.map((a, i) => toJs(sig.params[i]!, a)));
        } catch (e) {
          return failure(e);
        }
        const rs = sig.results.length === 1 ? [r] : sig.results.length === 0 ? [] : (r as unknown[]);
        return { kind: 'values', values: rs.map((v, i) => fromJs(sig.results[i]!, v)) };
      },
    };
  },
};
