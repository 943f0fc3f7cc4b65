// Runs one .wast file under a list of named configs: read, parse once, run per config. Used
// in-process (--jobs 1) and by the spec worker; a broken file becomes a failed row with the
// parser's file:line:col message rather than an exception. The file's header (fileHeader.ts)
// is parsed here too: its knobs show in each row's configValues, its requirements as skips.

import { readFileSync } from 'node:fs';
import { parseScript } from '../wast/parseScript.js';
import { WastSyntaxError } from '../wast/errors.js';
import type { Config } from '../../runtime/config/knobs.js';
import { loadWabt } from '../wat/watToWasm.js';
import { runScript, type Failure } from './runScript.js';
import type { NamedConfig } from '../generators/configs.js';
import { headerConfig, parseFileHeader, type FileHeader } from './fileHeader.js';


/** One file × config result row. */
export interface FileRow {
  file: string;
  /** The file's name as matched by expectations (relative to the suite root). */
  id: string;
  tier: string;
  config: string;
  /** The config the file ran under: the named config with the header's knobs overlaid. */
  configValues: Config;
  checks: number;
  passed: number;
  failed: number;
  skipped: number;
  /** Skip reasons with counts (a header's unmet `requires` skips the whole file). */
  skips?: Record<string, number>;
  failures: Failure[];
  durationMs: number;
  /** The file's parsed header (empty parts when it has none); absent on input errors. */
  header?: FileHeader;
  /** Set when the file could not be read or parsed (bad input): `file:line:col: message`. */
  inputError?: string;
}

/** A job for {@link runFile}. */
export interface FileJob {
  file: string;
  id: string;
  configs: NamedConfig[];
}

/** Runs `job.file` under each config. */
export async function runFile(job: FileJob): Promise<FileRow[]> {
  await loadWabt();
  const base = { file: job.file, id: job.id };
  let commands;
  let header: FileHeader;
  try {
    const source = readFileSync(job.file, 'utf8');
    header = parseFileHeader(source, job.file);
    commands = parseScript(source, job.file);
  } catch (e) {
    const inputError = e instanceof WastSyntaxError ? e.message : `${job.file}: ${(e as Error).message}`;
    const failure: Failure = { line: (e as { line?: number }).line ?? 0, command: 'parse', expected: 'a well-formed script', actual: inputError };
    return job.configs.map((c) => ({
      ...base, tier: c.config.tier, config: c.name, configValues: c.config,
      checks: 1, passed: 0, failed: 1, skipped: 0, failures: [failure], durationMs: 0, inputError,
    }));
  }
  return job.configs.map((c) => {
    const start = performance.now();
    const r = runScript(commands, c.config, job.file, header);
    return {
      ...base, tier: c.config.tier, config: c.name, configValues: headerConfig(c.config, header),
      checks: r.checks, passed: r.passed, failed: r.failed, skipped: r.skipped, skips: r.skips, failures: r.failures,
      durationMs: performance.now() - start, header,
    };
  });
}
