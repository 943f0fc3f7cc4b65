// Runs one parsed .wast script against one engine configuration and returns every check's
// outcome. Every command is a check: a module must instantiate, a registration must find its
// module, a bare action must not trap, and each assertion must hold. A file header (knobs,
// store settings, requirements: fileHeader.ts) adjusts the run; see runScript.

import type { Action, Command, Expected, ModuleDef } from '../wast/ast.js';
import type { Engine } from '../../runtime/api/Engine.js';
import type { Module } from '../../runtime/api/Module.js';
import { loadModule } from '../exec/loadModule.js';
import { engineFor } from '../exec/engineFor.js';
import { Store } from '../../runtime/api/Store.js';
import { Linker } from '../../runtime/api/Linker.js';
import { Instance } from '../../runtime/api/Instance.js';
import { CompileError, LinkError, Trap, TrapKind } from '../../runtime/errors.js';
import type { Config } from '../../runtime/config/knobs.js';
import { rawArray, type Raw } from '../../runtime/instance/objects.js';
import { valTypeName, type ValType } from '../../runtime/types.js';
import { watToWasm, WatError } from '../wat/watToWasm.js';
import { defineSpectest } from './spectestHost.js';
import { CrucibleHostError, defineCrucible, type CrucibleHost } from './crucibleHost.js';
import { applyStoreSettings, headerConfig, NO_HEADER, storeSettingsFor, unmetRequirement, type FileHeader, type StoreSettings } from './fileHeader.js';
import { backtraceMismatch, showExpectedFrames, showFrames } from './backtrace.js';
import { matches, showExpected, showRaw, toRaw } from './values.js';

/** One failed check. */
export interface Failure {
  line: number;
  command: string;
  expected: string;
  actual: string;
}

/** The outcome of one script under one config. */
export interface ScriptResult {
  checks: number;
  passed: number;
  failed: number;
  skipped: number;
  failures: Failure[];
  /** Skip reasons with counts. */
  skips: Record<string, number>;
}

const textCache = new WeakMap<ModuleDef, Uint8Array | WatError>();

/** Why a check did not hold: thrown inside the runner, caught per command. */
class CheckFailed extends Error {
  constructor(readonly expected: string, readonly actual: string) {
    super(actual);
  }
}

function describe(e: unknown): string {
  if (e instanceof Trap) return `trap: ${e.message}`;
  if (e instanceof CompileError) return `${e.kind}: ${e.message} (offset ${e.offset})`;
  if (e instanceof LinkError) return `link error: ${e.message}`;
  if (e instanceof WatError) return `text rejected by wabt: ${e.message.split('\n')[0]}`;
  if (e instanceof CheckFailed) return e.actual;
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

function succeeded(result: unknown): string {
  return Array.isArray(result) && result.length > 0 ? `succeeded with ${result.map((v) => showRaw(v)).join(' ')}` : 'succeeded';
}

/** Runs scripts' commands against one engine, keeping named instances and registrations. */
class ScriptRunner {
  private readonly engine: Engine;
  private readonly store: Store;
  private readonly linker = new Linker();
  private readonly instances = new Map<string, Instance>();
  private readonly host: CrucibleHost;
  private last: Instance | undefined;

  constructor(
    config: Config,
    private readonly file: string,
    private readonly storeSettings: StoreSettings,
  ) {
    this.engine = engineFor(config);
    this.store = new Store(this.engine);
    applyStoreSettings(this.store, storeSettings);
    defineSpectest(this.linker);
    this.host = defineCrucible(this.linker, this.engine);
  }

  /** Ends the run: the store's memories go back to the engine (its pool, with pooling on). */
  dispose(): void {
    this.store.dispose();
  }

  /** Every instantiation starts from the run's store settings (fresh fuel, a new deadline). */
  private instantiate(module: Module): Instance {
    applyStoreSettings(this.store, this.storeSettings);
    return this.linker.instantiate(this.store, module);
  }

  private bytesOf(def: ModuleDef): Uint8Array {
    const src = def.source;
    if (src.form === 'binary') return src.bytes;
    // A file runs under many configs from one parse: encode each text module once.
    let encoded = textCache.get(def);
    if (encoded === undefined) {
      try {
        encoded = watToWasm(src.text, this.file);
      } catch (e) {
        if (!(e instanceof WatError)) throw e;
        encoded = e;
      }
      textCache.set(def, encoded);
    }
    if (encoded instanceof WatError) throw encoded;
    return encoded;
  }

  private compile(def: ModuleDef): Module {
    return loadModule(this.engine, this.bytesOf(def));
  }

  private instance(name: string | undefined): Instance {
    const inst = name === undefined ? this.last : this.instances.get(name);
    if (inst === undefined) throw new CheckFailed('an instance', `no module ${name ?? '(current)'} to act on`);
    return inst;
  }

  /** Performs an action; returns results and their type names. */
  private act(a: Action): { values: Raw[]; types: string[] } {
    const inst = this.instance(a.module);
    if (a.kind === 'get') {
      const g = inst.getGlobal(a.name);
      if (g === undefined) throw new CheckFailed(`global export "${a.name}"`, 'no such global export');
      return { values: [g.value], types: [valTypeName(g.type.type)] };
    }
    const f = inst.getFunc(a.name);
    if (f === undefined) throw new CheckFailed(`function export "${a.name}"`, 'no such function export');
    if (f.type.params.length !== a.args.length) {
      throw new CheckFailed(`${f.type.params.length} arguments`, `${a.args.length} given`);
    }
    const args = rawArray(a.args.length);
    a.args.forEach((c, i) => (args[i] = toRaw(c)));
    const values = f.invoke(args);
    return { values, types: f.type.results.map((t: ValType) => valTypeName(t)) };
  }

  private expectFailure(run: () => unknown, expected: string, ok: (e: unknown) => boolean): void {
    let result: unknown;
    try {
      result = run();
    } catch (e) {
      if (ok(e)) return;
      throw new CheckFailed(expected, describe(e));
    }
    throw new CheckFailed(expected, succeeded(result));
  }

  /** Runs one command; throws CheckFailed (or anything) when the check does not hold. */
  run(cmd: Command): void {
    switch (cmd.kind) {
      case 'module': {
        const module = this.compile(cmd);
        if (cmd.isDefinition) return;
        const inst = this.instantiate(module);
        this.last = inst;
        if (cmd.name !== undefined) this.instances.set(cmd.name, inst);
        return;
      }
      case 'register':
        this.linker.defineInstance(cmd.as, this.instance(cmd.name));
        return;
      case 'invoke':
      case 'get':
        this.act(cmd);
        return;
      case 'assert_return': {
        const { values, types } = this.act(cmd.action);
        const ok = values.length === cmd.expected.length && values.every((v, i) => matches(v, cmd.expected[i]));
        if (!ok) {
          throw new CheckFailed(
            cmd.expected.map((e: Expected) => showExpected(e)).join(' '),
            values.map((v, i) => showRaw(v, types[i])).join(' '),
          );
        }
        return;
      }
      case 'assert_trap':
      case 'assert_exhaustion': {
        const want = cmd.message;
        const isTrap = (e: unknown) => e instanceof Trap && e.message.startsWith(want);
        if (cmd.kind === 'assert_trap' && cmd.module !== undefined) {
          const module = this.compile(cmd.module);
          this.expectFailure(() => this.instantiate(module), `trap "${want}"`, isTrap);
        } else {
          this.expectFailure(() => this.act(cmd.action!).values, `trap "${want}"`, isTrap);
        }
        return;
      }
      case 'assert_backtrace': {
        let caught: Trap | undefined;
        this.expectFailure(() => this.act(cmd.action).values, `trap "${cmd.message}"`, (e) => {
          if (e instanceof Trap && e.message.startsWith(cmd.message)) caught = e;
          return caught !== undefined;
        });
        const addressMap = this.engine.config.generateAddressMap;
        const mismatch = backtraceMismatch(caught!.frames, cmd.frames, addressMap);
        if (mismatch !== undefined) {
          throw new CheckFailed(`backtrace ${showExpectedFrames(cmd.frames, addressMap)}`, `${mismatch}: ${showFrames(caught!.frames)}`);
        }
        return;
      }
      case 'assert_host_error': {
        const want = `host error "${cmd.message}"`;
        let values: Raw[];
        try {
          values = this.act(cmd.action).values;
        } catch (e) {
          if (e === this.host.lastThrown && e instanceof CrucibleHostError && e.message.startsWith(cmd.message)) return;
          if (e instanceof Error && !(e instanceof Trap) && e !== this.host.lastThrown && e.message === this.host.lastThrown?.message) {
            throw new CheckFailed(want, `${describe(e)}: not the object the host threw (the runtime replaced the host's error)`);
          }
          throw new CheckFailed(want, describe(e));
        }
        throw new CheckFailed(want, succeeded(values));
      }
      case 'assert_malformed': {
        const def = cmd.module;
        // Text the text parser refuses is malformed by definition; binaries must fail our decoder.
        this.expectFailure(() => this.compile(def), `malformed "${cmd.message}"`, (e) =>
          e instanceof WatError ||
          (e instanceof CompileError && e.kind === 'malformed' && (def.source.form !== 'binary' || e.message.startsWith(cmd.message))));
        return;
      }
      case 'assert_invalid':
        this.expectFailure(() => this.compile(cmd.module), `invalid "${cmd.message}"`, (e) =>
          e instanceof CompileError && e.kind === 'invalid' && e.message.startsWith(cmd.message));
        return;
      case 'assert_unlinkable': {
        const module = this.compile(cmd.module);
        this.expectFailure(() => this.instantiate(module), `link error "${cmd.message}"`, (e) =>
          e instanceof LinkError && e.message.startsWith(cmd.message));
        return;
      }
      case 'assert_uninstantiable': {
        const module = this.compile(cmd.module);
        this.expectFailure(() => this.instantiate(module), `trap "${cmd.message}"`, (e) =>
          e instanceof Trap && e.message.startsWith(cmd.message));
        return;
      }
    }
  }
}

/**
 * Runs every command of a script under `config` with the file's header applied: its knobs
 * overlaid on `config`, its store settings (see storeSettingsFor: unlimited fuel when fuel
 * is on and the file sets none) applied to the store at creation and before every
 * instantiation. When the overlaid config does not meet the header's `requires`, nothing runs
 * and every command is counted skipped with the reason.
 */
export function runScript(commands: readonly Command[], config: Config, file: string, header: FileHeader = NO_HEADER): ScriptResult {
  const result: ScriptResult = { checks: 0, passed: 0, failed: 0, skipped: 0, failures: [], skips: {} };
  const effective = headerConfig(config, header);
  const unmet = unmetRequirement(effective, header);
  if (unmet !== undefined) {
    result.checks = result.skipped = commands.length;
    result.skips[unmet] = commands.length;
    return result;
  }
  const runner = new ScriptRunner(effective, file, storeSettingsFor(effective, header));
  for (const cmd of commands) {
    try {
      runner.run(cmd);
      result.passed++;
    } catch (e) {
      if (e instanceof RangeError && !(e instanceof Trap)) {
        // A JS stack overflow escaping the runtime is a runtime bug: record it as such.
        e = new CheckFailed('no JS error', `RangeError escaped the runtime: ${e.message} (expected a ${TrapKind.CallStackExhausted} trap)`);
      }
      result.failed++;
      const f = e instanceof CheckFailed ? e : new CheckFailed('success', describe(e));
      result.failures.push({ line: cmd.line, command: cmd.kind, expected: f.expected, actual: f.actual });
    }
    result.checks++;
  }
  runner.dispose();
  return result;
}
