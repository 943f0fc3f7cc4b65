// A Linker names externs by (module, name) and instantiates modules against them.

import { Instance } from './Instance.js';
import type { Extern } from './externs.js';
import type { Module } from './Module.js';
import type { Store } from './Store.js';

/** Resolves imports from definitions and registered instances. */
export class Linker {
  private readonly defs = new Map<string, Extern>();

  /** Defines `module::name`. */
  define(module: string, name: string, ext: Extern): this {
    this.defs.set(key(module, name), ext);
    return this;
  }

  /** Defines every export of `instance` under the module name `as`. */
  defineInstance(as: string, instance: Instance): this {
    for (const [name, ext] of instance.exports) this.define(as, name, ext);
    return this;
  }

  /** Looks a definition up. */
  get(module: string, name: string): Extern | undefined {
    return this.defs.get(key(module, name));
  }

  /** Instantiates `module` with this linker's definitions. */
  instantiate(store: Store, module: Module): Instance {
    return new Instance(store, module, (m, n) => this.get(m, n));
  }
}

function key(module: string, name: string): string {
  return `${module.length}:${module}${name}`;
}
