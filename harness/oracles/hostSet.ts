// The host functions every engine gives a fuzz case: any function imported from module
// `host`, of any signature, logs its name and arguments and returns values fixed by how many
// host calls came before. The fuzzer's instrumentation (harness/fuzz/instrumentHost.ts)
// imports the `log_<type>` functions; other host-module imports work the same way.

import { ValType, type ModuleInfo } from '../../runtime/types.js';
import type { Raw } from '../../runtime/instance/objects.js';
import { rawArray } from '../../runtime/instance/objects.js';

/** The module name host imports come from. */
export const HOST_MODULE = 'host';

/**
 * Loggers the instrumentation calls: `log_<t> (param i32 tag) (param t value)`, no results.
 * The tag is the function index (before instrumentation) of the function being entered.
 */
export const HOST_LOGGERS = { i32: 'log_i32', i64: 'log_i64', f32: 'log_f32', f64: 'log_f64' } as const;

/** Why a module's imports are outside the host set, or undefined when every import is in it. */
export function unsupportedImports(info: ModuleInfo): string | undefined {
  for (const imp of info.imports) {
    if (imp.module !== HOST_MODULE || imp.desc.kind !== 'func') return `imports ${imp.desc.kind} ${imp.module}.${imp.name}`;
  }
  return undefined;
}

const f32Bits = new DataView(new ArrayBuffer(4));

/** Result `t` of the host call numbered `n` (from 0 in each session) in our runtime's representation. */
export function hostResultOurs(t: ValType, n: number): Raw {
  switch (t) {
    case ValType.I32: return n | 0;
    case ValType.I64: return BigInt(n);
    case ValType.F32:
      f32Bits.setFloat32(0, n);
      return f32Bits.getInt32(0);
    case ValType.F64: return n;
    case ValType.V128: return new Uint8Array(16);
    default: return null;
  }
}

/** The same result as a JS value for V8 (v128 has none: V8 cannot run such imports). */
export function hostResultJs(t: ValType, n: number): unknown {
  switch (t) {
    case ValType.I32: return n | 0;
    case ValType.I64: return BigInt(n);
    case ValType.F32: case ValType.F64: return n;
    default: return null;
  }
}

/** All results of host call `n` for types `ts`, as a raw array (our representation). */
export function hostResultsOurs(ts: readonly ValType[], n: number): Raw[] {
  const out = rawArray(ts.length);
  for (let i = 0; i < ts.length; i++) out[i] = hostResultOurs(ts[i]!, n);
  return out;
}
