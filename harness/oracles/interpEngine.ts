// The interpreter tier as an oracle engine: the reference every other engine is compared to.
// It runs every case (fuel included); nothing is skipped.

import { openOurSession } from './_internals/ourSession.js';
import type { OracleEngine } from './types.js';

/** Our interpreter tier under the case's config. */
export const interpEngine: OracleEngine = {
  name: 'interp',
  canRun: () => undefined,
  open: (c) => openOurSession(c, 'interp'),
};
