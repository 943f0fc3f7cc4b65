// The interpreter tier as an oracle engine: the reference every other engine is compared to.
// It runs every case the Engine accepts the config of (fuel included), with the knobs that
// only decide how a module is stored and its memories made at their plainest (forReference).

import type { Config } from '../../runtime/config/knobs.js';
import { openOurSession, ourCanRun } from './_internals/ourSession.js';
import type { TierEngine } from './engines.js';

/**
 * Knobs that choose how a module is kept (artifact round trip, on-disk cache) and how its
 * memories are made (copy-on-write images, memfds, pooled slots), never what it computes.
 */
const STORAGE_KNOBS = {
  serializeRoundtrip: false, moduleCache: false, memoryInitCow: false, forceMemoryInitMemfd: false, poolingAllocator: false,
} as const satisfies Partial<Config>;

/**
 * Narrows a case's config for the reference: storage knobs at their plainest (compile in
 * memory, copy data segments into fresh memories). Differential testing of a feature needs a
 * side without it: a fault in image or pool handling shared by both tiers would otherwise
 * agree with itself, and only the compiled tier pays for artifact round trips.
 */
export function forReference(c: Config): Config {
  return { ...c, ...STORAGE_KNOBS };
}

/** Our interpreter tier, the reference, under the case's config narrowed by {@link forReference}. */
export const interpEngine: TierEngine = {
  name: 'interp',
  canRun: (c) => ourCanRun({ ...c, config: forReference(c.config) }, 'interp'),
  open: (c) => openOurSession({ ...c, config: forReference(c.config) }, 'interp'),
};
