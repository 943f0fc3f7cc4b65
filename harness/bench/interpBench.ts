// Interpreter speed: kernels run on the interpreter tier and on V8's own WebAssembly, on the
// same bytes in the same run. Reports ns per executed wasm instruction and the ratio to V8.

import { readFileSync, readdirSync } from 'node:fs';
import { projectPath } from '../cli/paths.js';
import { Engine } from '../../runtime/api/Engine.js';
import { Module } from '../../runtime/api/Module.js';
import { Store } from '../../runtime/api/Store.js';
import { Linker } from '../../runtime/api/Linker.js';
import { loadWabt, watToWasm } from '../wat/watToWasm.js';
import { secondsPerCall, type BenchRow } from './_internals/measure.js';

/** A kernel: a .wat file exporting `run(n)` plus the argument and its instruction count. */
interface Kernel {
  name: string;
  bytes: Uint8Array;
  arg: number | bigint;
  /** Executed instructions per call, from the kernel's header comment `;; instructions: N`. */
  instructions?: number;
}

function kernels(): Kernel[] {
  const dir = projectPath('harness', 'bench', 'kernels');
  return readdirSync(dir).filter((f) => f.endsWith('.wat')).sort().map((f) => {
    const text = readFileSync(`${dir}/${f}`, 'utf8');
    const arg = /;; arg: (\S+)/.exec(text)?.[1] ?? '0';
    const instr = /;; instructions: (\d+)/.exec(text)?.[1];
    return {
      name: f.replace(/\.wat$/, ''),
      bytes: watToWasm(text, f),
      arg: arg.endsWith('n') ? BigInt(arg.slice(0, -1)) : Number(arg),
      instructions: instr === undefined ? undefined : Number(instr),
    };
  });
}

/** Runs each kernel on the interpreter and on V8. */
export async function interpBench(): Promise<BenchRow[]> {
  await loadWabt();
  const rows: BenchRow[] = [];
  for (const k of kernels()) {
    const engine = new Engine({ tier: 'interp' });
    const inst = new Linker().instantiate(new Store(engine), new Module(engine, k.bytes));
    const run = inst.getFunc('run')!;
    const v8 = new WebAssembly.Instance(new WebAssembly.Module(k.bytes)).exports.run as (x: unknown) => unknown;
    const ours = secondsPerCall(() => run.invoke([k.arg]), 500, 2);
    const base = secondsPerCall(() => v8(k.arg), 300, 3);
    rows.push({ bench: 'interp', case: k.name, metric: 'interp time per call', value: ours * 1e3, unit: 'ms', ratio: ours / base, baseline: 'V8 WebAssembly' });
    if (k.instructions !== undefined) {
      rows.push({ bench: 'interp', case: k.name, metric: 'interp ns per instruction', value: (ours * 1e9) / k.instructions, unit: 'ns' });
    }
  }
  return rows;
}
