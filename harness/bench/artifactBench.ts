// Artifact benchmarks (issue 5): loading a precompiled module with Module.deserializeFile vs
// compiling it from wasm, and load time as the name section grows from 0 to 3 MB. Ratios are
// measured in one run; the native and TS-twin backends side by side (the twin reads the file
// where the addon maps it).

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../../runtime/api/Engine.js';
import { Module } from '../../runtime/api/Module.js';
import type { CompiledModule } from '../../runtime/compiled/CompiledModule.js';
import { name as wasmName, uleb } from '../wasm/ModuleBuilder.js';
import { bigModule } from './_internals/bigModule.js';
import { secondsPerCall, type BenchRow } from './_internals/measure.js';
import { loadMemoryBackend } from '../../native/memoryImages.js';

/** `bytes` plus a `name` section of about `size` bytes naming its functions (0: none). */
function withNames(bytes: Uint8Array, funcs: number, size: number): Uint8Array {
  if (size === 0) return bytes;
  const per = Math.max(1, Math.floor(size / funcs) - 4);
  const entries: number[] = [];
  for (let i = 0; i < funcs; i++) entries.push(...uleb(i), ...wasmName(`f${i}_`.padEnd(per, 'x')));
  const sub = [1, ...uleb(entries.length + uleb(funcs).length), ...uleb(funcs), ...entries];
  const payload = [...wasmName('name'), ...sub];
  const out = new Uint8Array(bytes.length + 1 + uleb(payload.length).length + payload.length);
  out.set(bytes);
  out.set([0, ...uleb(payload.length), ...payload], bytes.length);
  return out;
}

function codeSize(m: Module): number {
  return (m.prepared as CompiledModule).image.text.length;
}

/** The backends to measure: the addon when it loads, and always the twin. */
function backends(): ('native' | 'ts-twin')[] {
  try {
    loadMemoryBackend({ backend: 'native' });
    return ['native', 'ts-twin'];
  } catch {
    return ['ts-twin'];
  }
}

function engineOn(backend: 'native' | 'ts-twin'): Engine {
  return new Engine({ tier: 'compiled' }, { memory: { backend: loadMemoryBackend({ backend }) } });
}

/** deserializeFile vs compile (>= 1 MB of code), and load time vs name-section size. */
export async function artifactBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'crucible-artifact-bench-'));
  try {
    const engine = new Engine({ tier: 'compiled' });
    const funcs = 400;
    const wasm = bigModule(600_000, funcs);
    const compiled = new Module(engine, wasm);
    const path = join(dir, 'big.cwasm');
    writeFileSync(path, compiled.serialize());
    const code = codeSize(compiled);
    const compile = secondsPerCall(() => new Module(engine, wasm), 1000, 3);
    for (const backend of backends()) {
      const on = engineOn(backend);
      const load = secondsPerCall(() => Module.deserializeFile(on, path), 300, 3);
      rows.push({
        bench: 'artifact', case: `deserializeFile ${backend}`, metric: `load (${(code / 1e6).toFixed(1)} MB of code)`,
        value: load * 1000, unit: 'ms', ratio: compile / load, baseline: 'compile from wasm (x faster)',
        note: `compile ${(compile * 1000).toFixed(0)} ms; wasm ${(wasm.length / 1e6).toFixed(1)} MB`,
      });
    }

    // Load time as the name section grows: names are a lazy section, so flat.
    const small = bigModule(60_000, funcs);
    const files = [0, 1, 2, 3].map((mb) => {
      const p = join(dir, `names-${mb}.cwasm`);
      writeFileSync(p, new Module(engine, withNames(small, funcs, mb * 1_000_000)).serialize());
      return p;
    });
    for (const backend of backends()) {
      const on = engineOn(backend);
      // Sizes alternate round by round and each keeps its best round, so drift on a busy
      // machine does not land on whichever size happens to run last.
      const times = files.map(() => Infinity);
      for (let round = 0; round < 6; round++) {
        files.forEach((p, i) => (times[i] = Math.min(times[i], secondsPerCall(() => Module.deserializeFile(on, p), 100, 1))));
      }
      rows.push({
        bench: 'artifact', case: `names 0..3 MB ${backend}`, metric: 'load 3 MB names / no names',
        value: times[3] / times[0], unit: 'x', note: times.map((t, i) => `${i} MB ${(t * 1000).toFixed(2)} ms`).join(', '),
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
