// The expectations manifest: known failures, each with a reason. A listed failure that no
// longer happens is an "unexpected pass" and fails the run, so the list only shrinks.

import { readFileSync } from 'node:fs';
import { InputError } from '../cli/errors.js';
import type { FileRow } from './runFile.js';

/** One known failure: a whole file, or one line of it, optionally on one tier only. */
export interface Expectation {
  file: string;
  line?: number;
  tier?: string;
  reason: string;
}

/** Loads and checks a manifest file (`{ "expectations": [...] }`). */
export function loadExpectations(path: string): Expectation[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new InputError(`cannot read expectations ${path}: ${(e as Error).message}`);
  }
  const list = (data as { expectations?: unknown }).expectations;
  if (!Array.isArray(list)) throw new InputError(`${path}: expected { "expectations": [ ... ] }`);
  return list.map((x, i) => {
    const e = x as Partial<Expectation>;
    if (typeof e.file !== 'string' || typeof e.reason !== 'string' || e.reason.trim() === '') {
      throw new InputError(`${path}: entry ${i} needs "file" and a non-empty "reason"`);
    }
    return { file: e.file, line: e.line, tier: e.tier, reason: e.reason };
  });
}

/** The verdict on a run once expectations are applied. */
export interface Judged {
  /** Failures not covered by any expectation. */
  unexpectedFailures: { row: FileRow; line: number }[];
  /** Expectations that matched nothing: these now pass. */
  unexpectedPasses: Expectation[];
  /** Failures an expectation covers. */
  expectedFailures: number;
}

function covers(e: Expectation, row: FileRow, line: number): boolean {
  return (e.file === row.id || e.file === row.file) && (e.tier === undefined || e.tier === row.tier) && (e.line === undefined || e.line === line);
}

/** Applies `expectations` to the rows of a run. */
export function judge(rows: readonly FileRow[], expectations: readonly Expectation[]): Judged {
  const used = new Set<Expectation>();
  const unexpectedFailures: Judged['unexpectedFailures'] = [];
  let expectedFailures = 0;
  for (const row of rows) {
    for (const f of row.failures) {
      const e = expectations.find((x) => covers(x, row, f.line));
      if (e) {
        used.add(e);
        expectedFailures++;
      } else unexpectedFailures.push({ row, line: f.line });
    }
  }
  // Only expectations about files this run covered can be judged as passing.
  const ranIds = new Set(rows.flatMap((r) => [r.id, r.file]));
  const unexpectedPasses = expectations.filter((e) => !used.has(e) && ranIds.has(e.file));
  return { unexpectedFailures, unexpectedPasses, expectedFailures };
}
