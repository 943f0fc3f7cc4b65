// A compiled module: decoded, validated, and prepared by the engine's tier.

import { decodeModule } from '../binary/decodeModule.js';
import { validateModuleFields } from '../binary/validateModule.js';
import { validateCode } from '../validate/validateModule.js';
import { checkBodyEncoding } from '../validate/checkBodyEncoding.js';
import { CompileError } from '../errors.js';
import type { TierModule } from '../tier.js';
import type { ExternKind, ModuleInfo } from '../types.js';
import type { Engine } from './Engine.js';

/**
 * Decodes and validates a module binary. Throws CompileError (malformed or invalid) and
 * nothing else.
 */
export function checkModule(bytes: Uint8Array): ModuleInfo {
  const info = decodeModule(bytes);
  try {
    validateModuleFields(info);
  } catch (e) {
    // The spec decodes the whole module before validating: a malformed body wins over an
    // invalid module field.
    if (e instanceof CompileError && e.kind === 'invalid') checkBodyEncoding(info);
    throw e;
  }
  validateCode(info);
  return info;
}

/** A validated module prepared for one engine. */
export class Module {
  readonly info: ModuleInfo;
  readonly prepared: TierModule;

  constructor(
    readonly engine: Engine,
    bytes: Uint8Array,
  ) {
    this.info = checkModule(bytes);
    this.prepared = engine.tier.prepare(this.info, engine.config);
  }

  /** True when `bytes` is a valid module (no exception). */
  static validate(bytes: Uint8Array): boolean {
    try {
      checkModule(bytes);
      return true;
    } catch {
      return false;
    }
  }

  /** The module's imports, as (module, name, kind). */
  imports(): { module: string; name: string; kind: ExternKind }[] {
    return this.info.imports.map((i) => ({ module: i.module, name: i.name, kind: i.desc.kind }));
  }

  /** The module's exports, as (name, kind). */
  exports(): { name: string; kind: ExternKind }[] {
    return this.info.exports.map((e) => ({ name: e.name, kind: e.kind }));
  }
}
