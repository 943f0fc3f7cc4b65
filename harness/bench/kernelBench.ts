// Compute kernels on the compiled tier, the interpreter tier and V8's own WebAssembly, on the
// same bytes in the same run. Reports time per call, ratios to V8, and the interpreter's ns per
// executed wasm instruction where the kernel states its instruction count.

import { readFileSync, readdirSync } from 'node:fs';
import { projectPath } from '../cli/paths.js';
import { Engine } from '../../runtime/api/Engine.js';
import { Module } from '../../runtime/api/Module.js';
import { Store } from '../../runtime/api/Store.js';
import { Linker } from '../../runtime/api/Linker.js';
import { rawArray } from '../../runtime/instance/objects.js';
import { loadWabt, watToWasm } from '../wat/watToWasm.js';
import { secondsPerCall, type BenchRow } from './_internals/measure.js';
import { ConfigError } from '../../runtime/errors.js';

/** A kernel: a .wat file exporting `run(n)` plus the argument and its instruction count. */
interface Kernel {
  name: string;
  bytes: Uint8Array;
  arg: number | bigint;
  /** Executed instructions per call, from the kernel's header comment `;; instructions: N`. */
  instructions?: number;
}

/**
 * The kernels, all or those named in CRUCIBLE_BENCH_KERNELS (comma-separated): one kernel
 * alone in the process gives the interpreter's loop only that kernel's type feedback.
 */
function kernels(): Kernel[] {
  const dir = projectPath('harness', 'bench', 'kernels');
  const only = process.env.CRUCIBLE_BENCH_KERNELS?.split(',').filter((x) => x !== '');
  const names = readdirSync(dir).filter((f) => f.endsWith('.wat')).map((f) => f.slice(0, -'.wat'.length)).sort();
  const unknown = only?.filter((k) => !names.includes(k)) ?? [];
  if (unknown.length > 0) throw new ConfigError(`CRUCIBLE_BENCH_KERNELS: no kernel ${unknown.join(', ')} (have ${names.join(', ')})`);
  return names.filter((name) => only === undefined || only.includes(name)).map((name) => {
    const f = `${name}.wat`;
    const text = readFileSync(`${dir}/${f}`, 'utf8');
    const arg = /;; arg: (\S+)/.exec(text)?.[1] ?? '0';
    const instr = /;; instructions: (\d+)/.exec(text)?.[1];
    return {
      name,
      bytes: watToWasm(text, f),
      arg: arg.endsWith('n') ? BigInt(arg.slice(0, -1)) : Number(arg),
      instructions: instr === undefined ? undefined : Number(instr),
    };
  });
}

function runOn(tier: 'interp' | 'compiled', k: Kernel): () => unknown {
  const engine = new Engine({ tier });
  const run = new Linker().instantiate(new Store(engine), new Module(engine, k.bytes)).getFunc('run')!;
  const args = rawArray(1);
  args[0] = k.arg;
  return () => run.invoke(args);
}

/**
 * Runs each kernel on both tiers and on V8. The interpreter tier primes itself on first use
 * (interpTier.ts), so its rows are the primed interpreter a fuzz worker runs.
 */
export async function kernelBench(): Promise<BenchRow[]> {
  await loadWabt();
  const rows: BenchRow[] = [];
  for (const k of kernels()) {
    const v8 = new WebAssembly.Instance(new WebAssembly.Module(k.bytes)).exports.run as (x: unknown) => unknown;
    const base = secondsPerCall(() => v8(k.arg), 300, 3);
    const compiled = secondsPerCall(runOn('compiled', k), 300, 3);
    const interp = secondsPerCall(runOn('interp', k), 500, 2);
    rows.push({ bench: 'kernel', case: k.name, metric: 'V8 time per call', value: base * 1e3, unit: 'ms' });
    rows.push({ bench: 'kernel', case: k.name, metric: 'compiled time per call', value: compiled * 1e3, unit: 'ms', ratio: compiled / base, baseline: 'V8 WebAssembly' });
    rows.push({ bench: 'kernel', case: k.name, metric: 'interp time per call', value: interp * 1e3, unit: 'ms', ratio: interp / base, baseline: 'V8 WebAssembly' });
    if (k.instructions !== undefined) {
      rows.push({ bench: 'kernel', case: k.name, metric: 'interp ns per instruction', value: (interp * 1e9) / k.instructions, unit: 'ns' });
    }
  }
  return rows;
}
