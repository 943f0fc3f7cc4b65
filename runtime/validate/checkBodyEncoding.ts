// Finds the first encoding (malformed) error in the function bodies of a module without
// type-checking them. Lets a validation error yield to a later encoding error, the order of
// an engine that decodes the whole module before validating (the reference interpreter).

import { CompileError } from '../errors.js';
import type { ModuleInfo } from '../types.js';
import { codeContext } from './_internals/codeContext.js';
import { skimBody } from './_internals/skimBody.js';

/**
 * Reads defined functions `from..` of `m` for their encoding only, and throws the first
 * malformed CompileError: a bad opcode or immediate, a misplaced `else`/`end`, then, once all
 * bodies have decoded, "data count section required". Returns normally when all are well
 * formed. Call it when a validation error is about to be reported, so a malformed error the
 * spec would report first wins.
 */
export function checkBodyEncoding(m: ModuleInfo, from = 0): void {
  const r = codeContext(m).reader;
  let needsDataCount = -1;
  for (let i = from; i < m.funcs.length; i++) {
    if (skimBody(m, i, r) && needsDataCount < 0) needsDataCount = i;
  }
  if (needsDataCount >= 0 && m.dataCount === undefined) {
    const body = m.funcs[needsDataCount];
    throw new CompileError('malformed', 'data count section required', body.codeStart, m.numImportedFuncs + needsDataCount);
  }
}
