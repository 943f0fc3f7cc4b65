// A session of one of our tiers over a case: compile (through the harness's loadModule, so the
// serializeRoundtrip knob is exercised), link the host set, instantiate with the case's fuel,
// then calls with budget and fuel reset before each; closing disposes the store. Shared by the
// interp and compiled adapters, which differ only in the tier they ask the Engine for.

import type { Engine } from '../../../runtime/api/Engine.js';
import { engineFor } from '../../exec/engineFor.js';
import { Store } from '../../../runtime/api/Store.js';
import { Linker } from '../../../runtime/api/Linker.js';
import type { Instance } from '../../../runtime/api/Instance.js';
import { CodeSpaceExhausted, CompileError, ConfigError, Trap, TrapKind } from '../../../runtime/errors.js';
import type { FuncInstance, InstanceState, Raw } from '../../../runtime/instance/objects.js';
import type { Config } from '../../../runtime/config/knobs.js';
import { loadModule } from '../../exec/loadModule.js';
import { resolveArgs, type Call } from '../../generators/calls.js';
import { HOST_MODULE, hostResultsOurs } from '../hostSet.js';
import { fromOurs } from '../values.js';
import type { CallOutcome, CallRecord, EngineSession, HostCall, OValue, PreparedCase, Snapshot } from '../types.js';

const NONE: readonly OValue[] = [];
const NO_HOST_CALLS: readonly HostCall[] = [];

/** How an exception out of our runtime reads as an outcome. */
function failure(e: unknown): CallOutcome {
  if (e instanceof Trap) {
    if (e.kind === TrapKind.CallStackExhausted) return { kind: 'exhausted', message: e.message };
    return { kind: 'trap', kinds: [e.kind], message: e.message };
  }
  if (e instanceof CompileError) return { kind: 'error', name: 'CompileError', message: e.message };
  if (e instanceof CodeSpaceExhausted) return { kind: 'exhausted', message: `resource limit: ${e.message}` };
  const err = e as Error;
  return { kind: 'error', name: err?.name ?? typeof e, message: String(err?.message ?? e) };
}

/** The Engine of `config` with `tier` (cached). Throws ConfigError when the Engine refuses it. */
function engineOf(config: Config, tier: Config['tier']): Engine {
  return engineFor({ ...config, tier });
}

/** Why our `tier` cannot run the case (the Engine refuses its config), or undefined. */
export function ourCanRun(c: PreparedCase, tier: Config['tier']): string | undefined {
  try {
    engineOf(c.config, tier);
    return undefined;
  } catch (e) {
    if (e instanceof ConfigError) return `the Engine refuses the config: ${e.message}`;
    throw e;
  }
}

/** Opens a session of our runtime under the case's config with `tier`. */
export function openOurSession(c: PreparedCase, tier: Config['tier']): EngineSession {
  const engine = engineOf(c.config, tier);
  const store = new Store(engine);
  const fuelOn = engine.config.consumeFuel;
  const log: HostCall[] = [];
  let hostCalls = 0;
  let state: InstanceState | undefined;
  const linker = new Linker();
  for (const imp of c.info.imports) {
    if (imp.module !== HOST_MODULE || imp.desc.kind !== 'func') continue;
    const type = c.info.types[imp.desc.typeIndex]!;
    const name = imp.name;
    const func: FuncInstance = {
      type,
      invoke(args: Raw[]): Raw[] {
        log.push({ name, args: type.params.map((t, i) => fromOurs(t, args[i], state)) });
        return hostResultsOurs(type.results, hostCalls++);
      },
    };
    linker.define(HOST_MODULE, name, { kind: 'func', func });
  }
  const exportedGlobals = new Set(c.info.exports.filter((e) => e.kind === 'global').map((e) => e.index));
  const fuelLeft = (): number | undefined => (fuelOn ? store.getFuel() : undefined);
  const take = (): readonly HostCall[] => (log.length === 0 ? NO_HOST_CALLS : log.splice(0, log.length));

  let instance: Instance | undefined;
  let instantiated: CallRecord;
  try {
    if (fuelOn) store.setFuel(c.fuel);
    const module = loadModule(engine, c.bytes);
    // Host functions read `state` lazily: a start function may call them during construction.
    instance = linker.instantiate(store, module);
    state = instance.state;
    instantiated = { outcome: { kind: 'values', values: NONE }, host: take(), fuel: fuelLeft() };
  } catch (e) {
    instantiated = { outcome: failure(e), host: take(), fuel: fuelLeft() };
  }
  if (instance !== undefined) state = instance.state;
  const funcs = new Map<string, FuncInstance | undefined>();
  const lookup = (name: string): FuncInstance | undefined => {
    if (!funcs.has(name)) funcs.set(name, instance?.getFunc(name));
    return funcs.get(name);
  };
  const budget = c.budget === undefined ? undefined : instance?.getGlobal(c.budget.name);

  return {
    instantiated,
    call(call: Call): CallRecord {
      const f = lookup(call.name);
      if (f === undefined) return { outcome: { kind: 'error', name: 'HarnessError', message: `no exported function ${call.name}` }, host: NO_HOST_CALLS };
      if (budget !== undefined) budget.value = c.budget!.initial;
      if (fuelOn) store.setFuel(c.fuel);
      const args = resolveArgs(call.args, (name) => lookup(name) ?? null);
      let outcome: CallOutcome;
      try {
        const results = f.invoke(args);
        const rs = f.type.results;
        const values: OValue[] = [];
        for (let k = 0; k < rs.length; k++) values.push(fromOurs(rs[k]!, results[k], state));
        outcome = { kind: 'values', values };
      } catch (e) {
        outcome = failure(e);
      }
      return { outcome, host: take(), fuel: fuelLeft() };
    },
    snapshot(): Snapshot {
      const memories = new Map<string, Uint8Array>();
      const globals = new Map<string, OValue | undefined>();
      const tables = new Map<string, (string | null)[]>();
      if (instance === undefined) return { memories, globals, tables };
      // Globals no export names still count between our tiers (V8 cannot see them: skipped there).
      instance.state.globals.forEach((g, i) => {
        if (!exportedGlobals.has(i)) globals.set(`#global${i}`, fromOurs(g.type.type, g.value, instance!.state));
      });
      for (const [name, ext] of instance.exports) {
        if (ext.kind === 'memory') memories.set(name, ext.memory.u8);
        else if (ext.kind === 'global') globals.set(name, fromOurs(ext.global.type.type, ext.global.value, instance.state));
        else if (ext.kind === 'table') {
          const t = ext.table;
          tables.set(name, t.elements.map((e) => (fromOurs(t.type.elem, e, instance!.state) as { ref: string | null }).ref));
        }
      }
      return { memories, globals, tables };
    },
    close(): void {
      // Pooled memories go back to the engine's pool, so later cases exercise reuse.
      store.dispose();
    },
  };
}
