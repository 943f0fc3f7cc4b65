// The compiled tier as an oracle engine, under the case's whole config (its codegen knobs are
// the point of the exercise). Runs every case the interpreter runs.

import { openOurSession } from './_internals/ourSession.js';
import type { OracleEngine } from './types.js';

/** Our compiled tier under the case's config. */
export const compiledEngine: OracleEngine = {
  name: 'compiled',
  canRun: () => undefined,
  open: (c) => openOurSession(c, 'compiled'),
};
