// Node's own V8 WebAssembly as an oracle engine, through the JS API. It has no fuel, so cases
// that need fuel are skipped; a call is skipped when a value cannot cross the JS boundary
// exactly (v128 anywhere in the signature, an f32 signalling NaN argument).

import { ValType, type FuncType } from '../../runtime/types.js';
import { FuncRefArg, type Call } from '../generators/calls.js';
import { classifyV8Error, UnknownV8ErrorError } from './v8Traps.js';
import { HOST_MODULE, hostResultJs, unsupportedImports } from './hostSet.js';
import { f32FromBits, fromV8, isSignallingF32, isSignallingF64 } from './values.js';
import type { CallOutcome, CallRecord, EngineSession, HostCall, OracleEngine, OValue, PreparedCase, Snapshot } from './types.js';

const NONE: readonly OValue[] = [];
const NO_HOST_CALLS: readonly HostCall[] = [];
const EXPORT_KIND = { func: 'func', table: 'table', memory: 'memory', global: 'global' } as const;

function failure(e: unknown): CallOutcome {
  let known;
  try {
    known = classifyV8Error(e);
  } catch (u) {
    if (u instanceof UnknownV8ErrorError) return { kind: 'error', name: 'UnknownV8Error', message: u.message };
    throw u;
  }
  if (known !== undefined) return known.kind === 'trap' ? known : { kind: 'exhausted', message: known.message };
  // Any other RangeError from V8 is a resource limit (memory it could not allocate): a poison.
  if (e instanceof RangeError) return { kind: 'exhausted', message: `resource limit: ${e.message}` };
  const err = e as Error;
  return { kind: 'error', name: err?.name ?? typeof e, message: String(err?.message ?? e) };
}

/** Why one of `types` cannot cross V8's JS API, or undefined. */
function v128In(type: FuncType): boolean {
  return type.params.includes(ValType.V128) || type.results.includes(ValType.V128);
}

function toJs(t: ValType, v: unknown, exports: WebAssembly.Exports): unknown {
  if (t === ValType.F32) return f32FromBits(v as number);
  if (v instanceof FuncRefArg) return exports[v.exportName] ?? null;
  return v;
}

/** V8 as an oracle engine. */
export const v8Engine: OracleEngine = {
  name: 'v8',
  canRun(c: PreparedCase): string | undefined {
    if (c.needsFuel) return 'needs fuel';
    const why = unsupportedImports(c.info);
    if (why !== undefined) return why;
    for (const imp of c.info.imports) {
      if (imp.desc.kind === 'func' && v128In(c.info.types[imp.desc.typeIndex]!)) return 'v128 in a host import';
    }
    return undefined;
  },
  open(c: PreparedCase): EngineSession {
    const info = c.info;
    const log: HostCall[] = [];
    let hostCalls = 0;
    const host: Record<string, (...args: unknown[]) => unknown> = {};
    for (const imp of info.imports) {
      if (imp.desc.kind !== 'func') continue;
      const type = info.types[imp.desc.typeIndex]!;
      const name = imp.name;
      host[name] = (...args: unknown[]) => {
        log.push({ name, args: type.params.map((t, i) => fromV8(t, args[i])) });
        const n = hostCalls++;
        const rs = type.results.map((t) => hostResultJs(t, n));
        return rs.length === 1 ? rs[0] : rs.length === 0 ? undefined : rs;
      };
    }
    const take = (): readonly HostCall[] => (log.length === 0 ? NO_HOST_CALLS : log.splice(0, log.length));
    let exports: WebAssembly.Exports = {};
    let instantiated: CallRecord;
    try {
      const module = new WebAssembly.Module(c.bytes);
      exports = new WebAssembly.Instance(module, { [HOST_MODULE]: host }).exports;
      instantiated = { outcome: { kind: 'values', values: NONE }, host: take() };
    } catch (e) {
      instantiated = { outcome: failure(e), host: take() };
    }
    // Export name -> its function type, read once per session.
    const funcTypes = new Map<string, FuncType>();
    for (const e of info.exports) if (e.kind === EXPORT_KIND.func) funcTypes.set(e.name, info.types[info.funcTypes[e.index]!]!);
    const budget = c.budget === undefined ? undefined : (exports[c.budget.name] as WebAssembly.Global | undefined);
    return {
      instantiated,
      call(call: Call): CallRecord {
        const type = funcTypes.get(call.name);
        const f = exports[call.name];
        if (type === undefined || typeof f !== 'function') {
          return { outcome: { kind: 'error', name: 'HarnessError', message: `no exported function ${call.name}` }, host: NO_HOST_CALLS };
        }
        if (v128In(type)) return { outcome: { kind: 'skipped', reason: 'v128 in signature' }, host: NO_HOST_CALLS };
        for (let k = 0; k < type.params.length; k++) {
          const t = type.params[k];
          const a = call.args[k];
          if ((t === ValType.F32 && isSignallingF32(a as number)) || (t === ValType.F64 && isSignallingF64(a as number))) {
            return { outcome: { kind: 'skipped', reason: 'signalling NaN argument' }, host: NO_HOST_CALLS };
          }
        }
        if (budget !== undefined) budget.value = c.budget!.initial;
        const args = type.params.map((t, k) => toJs(t, call.args[k], exports));
        let outcome: CallOutcome;
        try {
          const r = (f as (...a: unknown[]) => unknown)(...args);
          const rs = type.results.length === 1 ? [r] : type.results.length === 0 ? [] : [...(r as unknown[])];
          outcome = { kind: 'values', values: type.results.map((t, k) => fromV8(t, rs[k])) };
        } catch (e) {
          outcome = failure(e);
        }
        return { outcome, host: take() };
      },
      snapshot(): Snapshot {
        const memories = new Map<string, Uint8Array>();
        const globals = new Map<string, OValue | undefined>();
        const tables = new Map<string, (string | null)[]>();
        for (const e of info.exports) {
          const x = exports[e.name];
          if (x === undefined) continue;
          if (e.kind === 'memory') memories.set(e.name, new Uint8Array((x as WebAssembly.Memory).buffer));
          else if (e.kind === 'global') {
            const t = info.globalTypes[e.index]!.type;
            // A v128 global's value cannot be read from JS.
            globals.set(e.name, t === ValType.V128 ? undefined : fromV8(t, (x as WebAssembly.Global).value));
          } else if (e.kind === 'table') {
            const table = x as WebAssembly.Table;
            const elem = info.tableTypes[e.index]!.elem;
            const out: (string | null)[] = [];
            for (let k = 0; k < table.length; k++) out.push((fromV8(elem, table.get(k)) as { ref: string | null }).ref);
            tables.set(e.name, out);
          }
        }
        return { memories, globals, tables };
      },
      // Nothing to release: the instance goes to V8's garbage collector with the session.
      close(): void {},
    };
  },
};
