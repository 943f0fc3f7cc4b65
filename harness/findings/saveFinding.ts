// Saves a finding before anything else happens to it: every file is written into a fresh
// temporary folder, which is then renamed to `<corpus>/crashes/<signature>/` in one step, so
// a reader (or a crash of the fuzzer itself) never sees half a finding. A signature already
// saved is not written again. Minimized files are added beside the originals afterwards.

import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { wasmToWat } from '../wat/watToWasm.js';
import { writeFileAtomic } from '../cli/writeJson.js';
import { encodeCalls, type CallsJson } from '../fuzz/caseJson.js';
import type { OracleCase } from '../oracles/types.js';
import type { Config } from '../../runtime/config/knobs.js';
import { FILES, type FindingMeta, type MinimizedInfo } from './finding.js';
import { renderReport } from './report.js';

const json = (v: unknown): string => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x), 2) + '\n';

/** Text form of a module, or a note saying why there is none. */
function watOf(bytes: Uint8Array): string {
  try {
    return wasmToWat(bytes) ?? ';; wabt could not print this module\n';
  } catch (e) {
    return `;; no text form: ${(e as Error).message}\n`;
  }
}

/** The folder a signature is saved in. */
export function findingDir(corpus: string, signature: string): string {
  return join(corpus, 'crashes', signature);
}

/**
 * Saves the case and its meta under the signature. Returns the folder and whether it is new
 * (false: this signature was saved before, nothing was written).
 */
export function saveFinding(corpus: string, c: OracleCase, meta: FindingMeta): { dir: string; isNew: boolean } {
  const dir = findingDir(corpus, meta.signature);
  if (existsSync(dir)) return { dir, isNew: false };
  const parent = join(corpus, 'crashes');
  mkdirSync(parent, { recursive: true });
  const tmp = mkdtempSync(join(parent, `.tmp-${meta.signature}-`));
  const calls = encodeCalls(c);
  writeFileSync(join(tmp, FILES.wasm), c.bytes);
  writeFileSync(join(tmp, FILES.wat), watOf(c.bytes));
  writeFileSync(join(tmp, FILES.config), json(c.config));
  writeFileSync(join(tmp, FILES.calls), json(calls));
  writeFileSync(join(tmp, FILES.meta), json(meta));
  writeFileSync(join(tmp, FILES.report), renderReport(dir, meta, c.config, calls));
  try {
    renameSync(tmp, dir);
  } catch (e) {
    // Another fuzzer saved the same signature first (the folder exists and is not empty).
    rmSync(tmp, { recursive: true, force: true });
    if (existsSync(dir)) return { dir, isNew: false };
    throw e;
  }
  return { dir, isNew: true };
}

/** Adds the minimized case beside the original and rewrites finding.json and report.md. */
export function saveMinimized(dir: string, c: OracleCase, info: MinimizedInfo): void {
  const meta = JSON.parse(readFileSync(join(dir, FILES.meta), 'utf8')) as FindingMeta;
  const config = JSON.parse(readFileSync(join(dir, FILES.config), 'utf8')) as Config;
  const calls = JSON.parse(readFileSync(join(dir, FILES.calls), 'utf8')) as CallsJson;
  const minCalls = encodeCalls(c);
  writeFileAtomic(join(dir, FILES.minWasm), c.bytes);
  writeFileAtomic(join(dir, FILES.minWat), watOf(c.bytes));
  writeFileAtomic(join(dir, FILES.minConfig), json(c.config));
  writeFileAtomic(join(dir, FILES.minCalls), json(minCalls));
  const next: FindingMeta = { ...meta, minimized: info };
  writeFileAtomic(join(dir, FILES.meta), json(next));
  writeFileAtomic(join(dir, FILES.report), renderReport(dir, next, config, calls, { config: c.config, calls: minCalls }));
}
