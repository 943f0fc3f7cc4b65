// One engine on one module outside a fuzz run (tests, benchmarks): the module as a case with no
// listed calls, no fuel and no budget, and a session on it that refuses loudly, through typed
// errors, what a differential run would count as a skip or an instantiation outcome.

import { checkModule } from '../../runtime/api/Module.js';
import { DEFAULT_CONFIG, type Config } from '../../runtime/config/knobs.js';
import { showOutcome } from './comparePair.js';
import type { EngineSession, OracleEngine, PreparedCase } from './types.js';

/** The engine cannot run the case (its `canRun` gave the reason). */
export class EngineRefusedError extends Error {
  override readonly name = 'EngineRefusedError';
}

/** The module did not instantiate on the engine (the outcome is in the message). */
export class SessionError extends Error {
  override readonly name = 'SessionError';
}

/** A case of `bytes` alone: validated by our validator (CompileError), run under `config`. */
export function moduleCase(bytes: Uint8Array, config: Config = DEFAULT_CONFIG): PreparedCase {
  return { bytes, config, calls: [], fuel: 0, needsFuel: false, info: checkModule(bytes) };
}

/** Opens `engine` on `c` and checks that instantiation succeeded; close the session when done. */
export function openSession(engine: OracleEngine, c: PreparedCase): EngineSession {
  const why = engine.canRun(c);
  if (why !== undefined) throw new EngineRefusedError(`${engine.name}: ${why}`);
  const s = engine.open(c);
  if (s.instantiated.outcome.kind !== 'values') {
    s.close();
    throw new SessionError(`${engine.name}: instantiation ended with ${showOutcome(s.instantiated.outcome)}`);
  }
  return s;
}
