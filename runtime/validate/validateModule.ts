// Validates every function body of a decoded module. The module-level fields (types, limits,
// exports, segments, constant expressions) are the decoder's validateModuleFields, not this.

import { CompileError } from '../errors.js';
import type { ModuleInfo } from '../types.js';
import { checkBodyEncoding } from './checkBodyEncoding.js';
import { validateFunction } from './validateFunction.js';

/**
 * Type-checks all defined function bodies of `m`, in order, and throws a CompileError: kind
 * 'invalid', or 'malformed' for a bad encoding inside a body. Like the spec, which decodes the
 * whole module before validating it, an encoding error anywhere in the bodies is reported in
 * preference to a validation error found earlier.
 */
export function validateCode(m: ModuleInfo): void {
  for (let i = 0; i < m.funcs.length; i++) {
    try {
      validateFunction(m, i);
    } catch (e) {
      // Encoding errors stop validateFunction as early as the decoder would have, except
      // "data count section required", which the reference checks after all bodies decode.
      if (e instanceof CompileError && (e.kind === 'invalid' || e.message.startsWith('data count'))) {
        checkBodyEncoding(m, i);
      }
      throw e;
    }
  }
}
