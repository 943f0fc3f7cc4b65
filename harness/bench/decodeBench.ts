// Decode + validate throughput (MB/s) over every module of the 2.0 suite and over one large
// generated module, against V8's WebAssembly.validate on the same bytes in the same run.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkModule } from '../../runtime/api/Module.js';
import { parseScript } from '../wast/parseScript.js';
import { loadWabt, watToWasm } from '../wat/watToWasm.js';
import { discoverWast, testsuiteRoot } from '../spec/discover.js';
import { bigModule } from './_internals/bigModule.js';
import { secondsPerCall, type BenchRow } from './_internals/measure.js';

/** Every valid module (module commands) of the 2.0 suite, as binaries. */
export async function suiteModules(): Promise<Uint8Array[]> {
  const root = testsuiteRoot();
  if (root === undefined) return [];
  await loadWabt();
  const out: Uint8Array[] = [];
  for (const file of discoverWast([join(root, 'wasm-2.0')])) {
    for (const cmd of parseScript(readFileSync(file, 'utf8'), file)) {
      if (cmd.kind !== 'module') continue;
      try {
        out.push(cmd.source.form === 'binary' ? cmd.source.bytes : watToWasm(cmd.source.text));
      } catch {
        // A module wabt cannot encode is not part of this measurement.
      }
    }
  }
  return out.filter((b) => WebAssembly.validate(b));
}

function rows(name: string, modules: Uint8Array[]): BenchRow[] {
  const bytes = modules.reduce((s, m) => s + m.length, 0);
  const ours = secondsPerCall(() => { for (const m of modules) checkModule(m); });
  const v8 = secondsPerCall(() => { for (const m of modules) WebAssembly.validate(m); });
  const mb = bytes / 1e6;
  return [
    { bench: 'decode', case: name, metric: 'crucible decode+validate', value: mb / ours, unit: 'MB/s', ratio: ours / v8, baseline: 'V8 WebAssembly.validate', note: `${modules.length} modules, ${bytes} bytes` },
    { bench: 'decode', case: name, metric: 'V8 WebAssembly.validate', value: mb / v8, unit: 'MB/s' },
  ];
}

/** Runs the decode benchmark. */
export async function decodeBench(): Promise<BenchRow[]> {
  const out: BenchRow[] = [];
  const suite = await suiteModules();
  if (suite.length > 0) out.push(...rows('wasm-2.0 suite modules', suite));
  else console.error('decode bench: CRUCIBLE_TESTSUITE not set; the suite case is skipped');
  out.push(...rows('generated 5 MB module', [bigModule(5_200_000)]));
  return out;
}
