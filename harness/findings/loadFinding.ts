// Reads a saved finding folder back: the case (original or minimized), its meta, with config
// overlays applied for replaying under different knobs. Unreadable folders are InputErrors.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../cli/errors.js';
import { configFrom } from '../../runtime/config/loadConfig.js';
import type { Config } from '../../runtime/config/knobs.js';
import { caseFromJson, CallsJsonError, type CallsJson } from '../fuzz/caseJson.js';
import type { OracleCase } from '../oracles/types.js';
import { FILES, type FindingMeta } from './finding.js';

/** A loaded finding. */
export interface LoadedFinding {
  readonly dir: string;
  /** undefined for a folder without finding.json (a regression case). */
  readonly meta: FindingMeta | undefined;
  readonly case: OracleCase;
  /** Whether `case` is the minimized one. */
  readonly minimized: boolean;
}

function read(dir: string, name: string): Buffer {
  try {
    return readFileSync(join(dir, name));
  } catch (e) {
    throw new InputError(`${join(dir, name)}: ${(e as Error).message}`);
  }
}

function parse<T>(dir: string, name: string): T {
  try {
    return JSON.parse(read(dir, name).toString('utf8')) as T;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${join(dir, name)}: ${(e as Error).message}`);
  }
}

/**
 * Loads `dir`: the minimized case when `min` (and it exists), else the original. `overlay`
 * knobs replace the saved config's (ConfigError for unknown ones).
 */
export function loadFinding(dir: string, opts: { min?: boolean; overlay?: Partial<Config> } = {}): LoadedFinding {
  const useMin = opts.min === true && existsSync(join(dir, FILES.minWasm));
  if (opts.min === true && !useMin) throw new InputError(`${dir} has no minimized case (run \`crucible reduce ${dir}\`)`);
  const meta = existsSync(join(dir, FILES.meta)) ? parse<FindingMeta>(dir, FILES.meta) : undefined;
  const bytes = new Uint8Array(read(dir, useMin ? FILES.minWasm : FILES.wasm));
  const config = configFrom({ ...parse<object>(dir, useMin ? FILES.minConfig : FILES.config), ...(opts.overlay ?? {}) });
  const calls = parse<CallsJson>(dir, useMin ? FILES.minCalls : FILES.calls);
  try {
    return { dir, meta, case: caseFromJson(bytes, config, calls), minimized: useMin };
  } catch (e) {
    if (e instanceof CallsJsonError) throw new InputError(`${join(dir, useMin ? FILES.minCalls : FILES.calls)}: ${e.message}`);
    throw e;
  }
}
