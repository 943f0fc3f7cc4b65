// The compiled tier: each module becomes one JS script (see CompiledModule), run by V8 with
// the interpreter's exact results, traps, fuel and backtraces. Instantiation is not done here.

import type { Tier } from '../tier.js';
import { CompiledModule } from './CompiledModule.js';

/** The compiled tier. */
export const compiledTier: Tier = {
  name: 'compiled',
  prepare: (module, config) => new CompiledModule(module, config),
};
