// The compiled tier's prepared module: every function translated to JS, laid out as one code
// image, compiled by V8 as one `vm.Script` named after a hash of the bytes and codegen knobs.
// Instances bind the script's functions to their memory, tables and globals on first call.

import { createHash } from 'node:crypto';
import vm from 'node:vm';
import type { InstanceState, FuncInstance } from '../instance/objects.js';
import type { TierModule } from '../tier.js';
import type { ModuleInfo } from '../types.js';
import { KNOBS, type Config, type Knob, type KnobName } from '../config/knobs.js';
import { CodeImage, type CodeTables, type TextSpan } from './CodeImage.js';
import { CompiledFunc } from './CompiledFunc.js';
import { registerImage } from './backtrace.js';
import { ModuleScope } from './_internals/ModuleScope.js';
import { translateFunction, type TranslateOptions } from './_internals/translateFunction.js';
import { assembleScript } from './_internals/assembleScript.js';
import { isInlinable } from './_internals/inlining.js';
import { memoryGrowers } from './_internals/memoryGrowth.js';
import { MAX_BLOCK_NESTING, blockNesting, stubFunction } from './_internals/interpretedFallback.js';
import { InterpModule } from '../interp/_internals/InterpModule.js';
import { RT, type JsFunction, type RuntimeSupport } from './_internals/runtimeSupport.js';

/** What evaluating a compiled script gives. */
interface ScriptExports {
  /** Calls `f` with `args`: the entry trampoline every call from outside goes through. */
  readonly enter: (f: JsFunction, args: readonly unknown[]) => unknown;
  /** Binds the functions to a (complete) instance; returns them in index order. */
  readonly instantiate: (instance: InstanceState) => JsFunction[];
}

/**
 * The codegen knobs' values as a JSON object in table order: what the script's name hashes
 * besides the bytes, and what an artifact's fingerprint covers.
 */
export function codegenKnobs(config: Config): string {
  // Every codegen knob, hidden ones included: faultInjection changes the text, so it must
  // change the name (and an artifact's fingerprint) too.
  const entries = (Object.entries(KNOBS) as [KnobName, Knob][]).filter(([, k]) => k.codegen).map(([name]) => [name, config[name]]);
  return JSON.stringify(Object.fromEntries(entries));
}

/**
 * A translated module's parts as an artifact stores them: with these, loading skips
 * decoding bodies, validating and translating (and, with `cachedData`, V8's parsing).
 */
export interface CompiledParts {
  readonly filename: string;
  readonly text: string;
  readonly entry: TextSpan;
  readonly padding: number;
  /** Functions that run on the interpreter (nested too deeply for V8's parser). */
  readonly interpreted: readonly number[];
  /** The code image's tables, read on first need. */
  readonly tables: () => CodeTables;
  /** V8 code-cache data for `text`, when there is some. */
  readonly cachedData?: Uint8Array;
}

/** The translation choices `config` makes for `module`. */
function translateOptions(module: ModuleInfo, config: Config): TranslateOptions {
  // Inlining would hide a callee's fuel or epoch check inside its caller's frame: off then.
  const inline = config.inlineSmallFunctions && !config.consumeFuel && !config.epochInterruption;
  const inlinable = new Map<number, boolean>();
  return {
    optimize: config.optLevel === 'speed',
    guarded: config.boundsChecks === 'guarded',
    fuel: config.consumeFuel,
    epoch: config.epochInterruption,
    mayGrowMemory: memoryGrowers(module),
    inlinable: inline ? (f) => {
      let yes = inlinable.get(f);
      if (yes === undefined) inlinable.set(f, (yes = isInlinable(module, f)));
      return yes;
    } : undefined,
    unrollCopies: config.optLevel === 'speed' && config.unrollLoops ? undefined : 1,
    miscompileI32Sub: config.faultInjection === 'miscompile-i32-sub', // TEST ONLY (hidden knob)
    miscompileI32Add: config.faultInjection === 'miscompile-i32-add', // TEST ONLY (hidden knob)
  };
}

/** A validated module translated to JS. */
export class CompiledModule implements TierModule {
  /** The code image (text section, function table, trap table, address map). */
  readonly image: CodeImage;
  private readonly exports: ScriptExports;
  private readonly bound = new WeakMap<InstanceState, JsFunction[]>();
  /** Functions run by the interpreter (too deeply nested for V8's parser). */
  private readonly interpreted = new Set<number>();
  private interp: InterpModule | undefined;
  private readonly script: vm.Script;
  /** True when V8 refused the artifact's code cache (another V8 version): the text was compiled. */
  readonly codeCacheRejected: boolean;

  /**
   * @param module a decoded and validated module
   * @param config the engine's config (the codegen knobs shape the text)
   * @param parts the parts of an earlier translation (from an artifact made under the same
   *   codegen knobs); translated from `module` when absent
   */
  constructor(
    readonly module: ModuleInfo,
    readonly config: Config,
    parts?: CompiledParts,
  ) {
    const p = parts ?? translate(module, config);
    for (const f of p.interpreted) this.interpreted.add(f);
    this.image = new CodeImage(module, p.filename, p.text, p.tables, p.entry, p.padding);
    registerImage(this.image);
    this.script = new vm.Script(p.text, { filename: p.filename, cachedData: p.cachedData });
    this.codeCacheRejected = p.cachedData !== undefined && this.script.cachedDataRejected === true;
    const factory = this.script.runInThisContext() as (rt: RuntimeSupport) => ScriptExports;
    this.exports = factory(RT);
  }

  /** The parts an artifact stores (see {@link CompiledParts}), with V8's code cache as of now. */
  parts(): CompiledParts & { readonly cachedData: Uint8Array } {
    const img = this.image;
    const tables: CodeTables = { funcs: img.funcs, trapSites: img.trapSites, addressMap: img.addressMap };
    return {
      filename: img.filename, text: img.text, entry: img.entry, padding: img.padding,
      interpreted: [...this.interpreted], tables: () => tables, cachedData: this.script.createCachedData(),
    };
  }

  /** Makes the function instance of defined function `funcIndex` of `instance`. */
  makeFunc(instance: InstanceState, funcIndex: number): FuncInstance {
    const m = this.module;
    if (this.interpreted.has(funcIndex)) {
      const c = this.config;
      this.interp ??= new InterpModule(m, { fuel: c.consumeFuel, epoch: c.epochInterruption, inline: true, addressMap: c.generateAddressMap });
      return this.interp.makeFunc(instance, funcIndex);
    }
    return new CompiledFunc(this, instance, funcIndex, m.types[m.funcTypes[funcIndex]]);
  }

  /** The entry trampoline of this module's script. */
  enter(f: JsFunction, args: readonly unknown[]): unknown {
    return this.exports.enter(f, args);
  }

  /** The raw functions of `instance` (defined functions, in index order), bound on first use. */
  functionsOf(instance: InstanceState): JsFunction[] {
    let fns = this.bound.get(instance);
    if (fns === undefined) {
      fns = this.exports.instantiate(instance);
      this.bound.set(instance, fns);
    }
    return fns;
  }
}

/** Translates every defined function of `module` and lays the script out. */
function translate(module: ModuleInfo, config: Config): CompiledParts {
  const scope = new ModuleScope(module);
  const opts = translateOptions(module, config);
  const codes = [];
  const interpreted: number[] = [];
  for (let i = module.numImportedFuncs; i < module.funcTypes.length; i++) {
    if (blockNesting(module, i) > MAX_BLOCK_NESTING) {
      interpreted.push(i);
      codes.push(stubFunction(scope, i));
    } else codes.push(translateFunction(scope, i, opts));
  }
  const padding = config.paddingBetweenFunctions;
  const asm = assembleScript(scope, codes, padding);
  const hash = createHash('sha256').update(module.bytes).update(codegenKnobs(config)).digest('hex').slice(0, 24);
  const tables: CodeTables = { funcs: asm.funcs, trapSites: asm.sites, addressMap: config.generateAddressMap ? asm.addressMap : undefined };
  return { filename: `wasm-module-${hash}.js`, text: asm.text, entry: asm.entry, padding, interpreted, tables: () => tables };
}
