// The compiled tier as an oracle engine, under the case's whole config (its codegen knobs are
// the point of the exercise). Runs every case the Engine accepts the config of.

import { openOurSession, ourCanRun } from './_internals/ourSession.js';
import type { TierEngine } from './engines.js';

/** Our compiled tier under the case's config. */
export const compiledEngine: TierEngine = {
  name: 'compiled',
  canRun: (c) => ourCanRun(c, 'compiled'),
  open: (c) => openOurSession(c, 'compiled'),
};
