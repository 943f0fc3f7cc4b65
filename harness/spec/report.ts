// Spec-run reports: the summary object (for --json), JUnit XML (for CI systems) and the
// plain-text summary table printed at the end.

import type { FileRow } from './runFile.js';
import type { Judged } from './expectations.js';

/** Totals over rows. */
export interface Totals {
  files: number;
  filesPassed: number;
  assertions: number;
  passed: number;
  failed: number;
  skipped: number;
}

/** Sums rows; a file passes when it has no failures under any config. */
export function totals(rows: readonly FileRow[]): Totals {
  const byFile = new Map<string, boolean>();
  const t: Totals = { files: 0, filesPassed: 0, assertions: 0, passed: 0, failed: 0, skipped: 0 };
  for (const r of rows) {
    byFile.set(r.file, (byFile.get(r.file) ?? true) && r.failed === 0);
    t.assertions += r.checks;
    t.passed += r.passed;
    t.failed += r.failed;
    t.skipped += r.skipped;
  }
  t.files = byFile.size;
  t.filesPassed = [...byFile.values()].filter(Boolean).length;
  return t;
}

/** The `--json` document. */
export function summaryJson(rows: readonly FileRow[], judged: Judged, durationMs: number) {
  return {
    totals: totals(rows),
    durationMs: Math.round(durationMs),
    expectedFailures: judged.expectedFailures,
    unexpectedFailures: judged.unexpectedFailures.length,
    unexpectedPasses: judged.unexpectedPasses,
    rows: rows.map((r) => ({
      file: r.file, id: r.id, tier: r.tier, config: r.config, configValues: r.configValues,
      assertions: r.checks, passed: r.passed, failed: r.failed, skipped: r.skipped,
      durationMs: Math.round(r.durationMs), failures: r.failures,
      ...(r.skips && Object.keys(r.skips).length > 0 ? { skips: r.skips } : {}),
      ...(r.header ? { header: r.header } : {}),
    })),
  };
}

function xml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, '');
}

/** JUnit XML: a testsuite per tier × config, a testcase per file. */
export function junitXml(rows: readonly FileRow[]): string {
  const suites = new Map<string, FileRow[]>();
  for (const r of rows) {
    const key = `${r.tier}/${r.config}`;
    suites.set(key, [...(suites.get(key) ?? []), r]);
  }
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<testsuites name="crucible spec">'];
  for (const [key, list] of suites) {
    const failures = list.filter((r) => r.failed > 0).length;
    const time = list.reduce((s, r) => s + r.durationMs, 0) / 1000;
    out.push(`  <testsuite name="${xml(key)}" tests="${list.length}" failures="${failures}" time="${time.toFixed(3)}">`);
    for (const r of list) {
      out.push(`    <testcase classname="${xml(key)}" name="${xml(r.id)}" time="${(r.durationMs / 1000).toFixed(3)}">`);
      if (r.failed > 0) {
        const body = r.failures.map((f) => `${r.file}:${f.line}: ${f.command}: expected ${f.expected}, got ${f.actual}`).join('\n');
        out.push(`      <failure message="${r.failed} of ${r.checks} checks failed">${xml(body)}</failure>`);
      }
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}

/** The end-of-run table: one line per tier × config. */
export function summaryTable(rows: readonly FileRow[]): string {
  const groups = new Map<string, FileRow[]>();
  for (const r of rows) {
    const key = `${r.tier}  ${r.config}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const lines = [`${'tier  config'.padEnd(34)} ${'files'.padStart(11)} ${'checks'.padStart(8)} ${'passed'.padStart(8)} ${'failed'.padStart(7)} ${'skipped'.padStart(8)}`];
  for (const [key, list] of groups) {
    const t = totals(list);
    lines.push(`${key.padEnd(34)} ${`${t.filesPassed}/${t.files}`.padStart(11)} ${String(t.assertions).padStart(8)} ${String(t.passed).padStart(8)} ${String(t.failed).padStart(7)} ${String(t.skipped).padStart(8)}`);
  }
  return lines.join('\n');
}
