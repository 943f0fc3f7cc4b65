// The wasm-level reducer: shrinks a failing case while it keeps failing the same way. Passes,
// cheapest and biggest first: drop calls, the start function, custom sections, exports,
// whole functions, imports, globals, tables (renumbering the rest); replace bodies by plain
// ones; drop segments; delete runs of instructions (halving run lengths); drop sections and
// types nothing uses any more; zero constants.
// Every candidate must validate before it is tried; a kept candidate restarts its pass.
// Stops when a round keeps nothing, or at the deadline.

import { checkModule } from '../../runtime/api/Module.js';
import { FuncRefArg } from '../generators/calls.js';
import type { OracleCase } from '../oracles/types.js';
import * as E from './_internals/moduleEdits.js';
import { SEC } from '../fuzz/wasm/sections.js';

/** Tests candidates (in order, possibly in parallel) and returns the index of the first that still fails, or -1. */
export type FirstFailing = (candidates: readonly OracleCase[]) => Promise<number>;

/** Counts of one stage. */
export interface StageStats {
  tried: number;
  kept: number;
  ms: number;
}

type Pass = (c: OracleCase) => Iterable<OracleCase>;

const withBytes = (c: OracleCase, bytes: Uint8Array | undefined): OracleCase[] => (bytes === undefined ? [] : [{ ...c, bytes }]);

/** Export names the calls use (as callees or funcref arguments): these exports must stay. */
function usedExports(c: OracleCase): Set<string> {
  const used = new Set<string>();
  for (const call of c.calls) {
    used.add(call.name);
    for (const a of call.args) if (a instanceof FuncRefArg) used.add(a.exportName);
  }
  if (c.budget !== undefined) used.add(c.budget.name);
  return used;
}

const PASSES: readonly (readonly [string, Pass])[] = [
  ['calls', function* (c) {
    for (let i = c.calls.length - 1; i >= 0; i--) yield { ...c, calls: c.calls.filter((_, k) => k !== i) };
  }],
  ['start', (c) => withBytes(c, E.dropStart(E.editable(c.bytes)))],
  ['sections', function* (c) {
    const m = E.editable(c.bytes);
    for (let k = 0; ; k++) {
      const b = E.dropExtraSection(m, k);
      if (b === undefined) return;
      yield { ...c, bytes: b };
    }
  }],
  ['budget', (c) => (c.budget === undefined ? [] : [{ ...c, budget: undefined }])],
  ['exports', function* (c) {
    const m = E.editable(c.bytes);
    const used = usedExports(c);
    for (let k = m.exports.length - 1; k >= 0; k--) if (!used.has(m.exports[k]!.name)) yield { ...c, bytes: E.dropExport(m, k) };
  }],
  ['functions', function* (c) {
    const m = E.editable(c.bytes);
    const used = usedExports(c);
    const pinned = new Set(m.exports.filter((e) => e.kind === 0 && used.has(e.name)).map((e) => e.index - m.importedFuncs));
    for (let i = m.bodies.length - 1; i >= 0; i--) if (!pinned.has(i)) yield* withBytes(c, E.dropFunc(m, i));
  }],
  ['imports', function* (c) {
    const m = E.editable(c.bytes);
    for (let k = E.importCount(m) - 1; k >= 0; k--) yield* withBytes(c, E.dropImport(m, k));
  }],
  ['globals', function* (c) {
    const m = E.editable(c.bytes);
    const used = usedExports(c);
    const imported = m.imports.filter((i) => i.kind === 3).length;
    const pinned = new Set(m.exports.filter((e) => e.kind === 3 && used.has(e.name)).map((e) => e.index - imported));
    for (let k = E.globalCount(m) - 1; k >= 0; k--) if (!pinned.has(k)) yield* withBytes(c, E.dropGlobal(m, k));
  }],
  ['tables', function* (c) {
    const m = E.editable(c.bytes);
    for (let k = E.tableCount(m) - 1; k >= 0; k--) yield* withBytes(c, E.dropTable(m, k));
  }],
  ['bodies', function* (c) {
    const m = E.editable(c.bytes);
    for (let i = 0; i < m.bodies.length; i++) yield* withBytes(c, E.plainBody(m, i));
  }],
  ['segments', function* (c) {
    const m = E.editable(c.bytes);
    for (let k = E.elemCount(m) - 1; k >= 0; k--) yield { ...c, bytes: E.dropElem(m, k) };
    for (let k = E.dataCount(m) - 1; k >= 0; k--) yield { ...c, bytes: E.dropData(m, k) };
    for (let k = E.dataCount(m) - 1; k >= 0; k--) yield* withBytes(c, E.emptyData(m, k));
  }],
  ['instructions', function* (c) {
    const m = E.editable(c.bytes);
    for (let i = 0; i < m.bodies.length; i++) {
      const n = E.instrCount(m, i);
      for (let size = highestPowerOfTwo(n); size >= 1; size >>= 1) {
        for (let from = 0; from < n; from += size) yield { ...c, bytes: E.deleteInstrs(m, i, from, Math.min(n, from + size)) };
      }
    }
  }],
  ['leftovers', function* (c) {
    const m = E.editable(c.bytes);
    for (const id of [SEC.elem, SEC.data, SEC.global, SEC.table, SEC.memory]) yield* withBytes(c, E.dropSection(m, id));
    for (let k = E.typeCount(m) - 1; k >= 0; k--) yield* withBytes(c, E.dropType(m, k));
  }],
  ['constants', function* (c) {
    const m = E.editable(c.bytes);
    for (let i = 0; i < m.bodies.length; i++) {
      for (let n = 0; ; n++) {
        const b = E.zeroConst(m, i, n);
        if (b === undefined) break;
        yield { ...c, bytes: b };
      }
    }
  }],
];

function highestPowerOfTwo(n: number): number {
  let p = 1;
  while (p * 2 <= n) p *= 2;
  return n === 0 ? 0 : p;
}

function valid(c: OracleCase): boolean {
  try {
    checkModule(c.bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reduces `c` with `firstFailing` as the test, `window` candidates at a time. Returns the
 * smallest case found, per-pass counts, and whether the deadline cut it short.
 */
export async function reduceModule(
  c: OracleCase,
  firstFailing: FirstFailing,
  opts: { deadline: number; window: number },
): Promise<{ case: OracleCase; stats: Record<string, StageStats>; timedOut: boolean }> {
  const stats: Record<string, StageStats> = {};
  let current = c;
  let progress = true;
  while (progress) {
    progress = false;
    for (const [name, pass] of PASSES) {
      const s = (stats[name] ??= { tried: 0, kept: 0, ms: 0 });
      const t0 = Date.now();
      restart: for (;;) {
        const it = pass(current)[Symbol.iterator]();
        for (;;) {
          if (Date.now() > opts.deadline) {
            s.ms += Date.now() - t0;
            return { case: current, stats, timedOut: true };
          }
          const window: OracleCase[] = [];
          while (window.length < opts.window) {
            const next = it.next();
            if (next.done) break;
            if (valid(next.value)) window.push(next.value);
          }
          if (window.length === 0) break restart;
          s.tried += window.length;
          const k = await firstFailing(window);
          if (k >= 0) {
            current = window[k]!;
            s.kept++;
            progress = true;
            continue restart;
          }
        }
      }
      s.ms += Date.now() - t0;
    }
  }
  return { case: current, stats, timedOut: false };
}
