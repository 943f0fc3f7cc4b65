// The engine adapters by name, and the list of our own tiers: how callers (the fuzz target,
// the numeric and kernel tests) pick engines without naming adapter files one by one.

import type { Config } from '../../runtime/config/knobs.js';
import { compiledEngine } from './compiledEngine.js';
import { interpEngine } from './interpEngine.js';
import { v8Engine } from './v8Engine.js';
import { ENGINE_NAMES, type EngineName, type OracleEngine } from './types.js';

/** An adapter of one of our tiers: its name is the tier it runs. */
export interface TierEngine extends OracleEngine {
  readonly name: Config['tier'];
}

/** Every adapter, by name. */
export const ENGINES: Readonly<Record<EngineName, OracleEngine>> = { interp: interpEngine, compiled: compiledEngine, v8: v8Engine };

/** Our tiers, reference first. */
export const OUR_TIERS: readonly TierEngine[] = [interpEngine, compiledEngine];

/** The engines named, reference first (interp, then compiled, then V8, whichever are asked for). */
export function enginesFor(names: readonly EngineName[]): OracleEngine[] {
  return ENGINE_NAMES.filter((n) => names.includes(n)).map((n) => ENGINES[n]);
}
