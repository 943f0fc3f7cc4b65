// The compiled tier's prepared module: every function translated to JS, laid out as one code
// image, compiled by V8 as one `vm.Script` named after a hash of the bytes and codegen knobs.
// Instances bind the script's functions to their memory, tables and globals on first call.

import { createHash } from 'node:crypto';
import vm from 'node:vm';
import type { InstanceState, FuncInstance } from '../instance/objects.js';
import type { TierModule } from '../tier.js';
import type { ModuleInfo } from '../types.js';
import { knobList, type Config } from '../config/knobs.js';
import { CodeImage } from './CodeImage.js';
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

/** The codegen knobs' values, in table order: what the script's name hashes besides the bytes. */
function codegenKnobs(config: Config): string {
  // faultInjection is hidden from knobList but changes the text: it must change the name too.
  return JSON.stringify([...knobList().filter(([, k]) => k.codegen).map(([name]) => [name, config[name]]), config.faultInjection]);
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
    miscompileI32Sub: config.faultInjection === 'miscompile-i32-sub', // TEST ONLY (hidden knob)
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

  /**
   * @param module a decoded and validated module
   * @param config the engine's config (the codegen knobs shape the text)
   */
  constructor(
    readonly module: ModuleInfo,
    readonly config: Config,
  ) {
    const scope = new ModuleScope(module);
    const opts = translateOptions(module, config);
    const codes = [];
    for (let i = module.numImportedFuncs; i < module.funcTypes.length; i++) {
      if (blockNesting(module, i) > MAX_BLOCK_NESTING) {
        this.interpreted.add(i);
        codes.push(stubFunction(scope, i));
      } else codes.push(translateFunction(scope, i, opts));
    }
    const padding = config.paddingBetweenFunctions;
    const asm = assembleScript(scope, codes, padding);
    const hash = createHash('sha256').update(module.bytes).update(codegenKnobs(config)).digest('hex').slice(0, 24);
    const filename = `wasm-module-${hash}.js`;
    this.image = new CodeImage(
      module, filename, asm.text, asm.funcs, asm.sites, config.generateAddressMap ? asm.addressMap : undefined, asm.entry, padding,
    );
    registerImage(this.image);
    const factory = new vm.Script(asm.text, { filename }).runInThisContext() as (rt: RuntimeSupport) => ScriptExports;
    this.exports = factory(RT);
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


