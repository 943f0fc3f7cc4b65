// After priming (primeInterpreter.ts), V8 optimizes the interpreter's loop once and must keep
// that code whatever values a wasm program computes with. A case that speculates on the values
// it saw while priming (a small integer where a double can come, an address under 2^31, a NaN
// path never taken) is thrown away, with `run`'s whole optimized code, by the first fuzz case
// that breaks the speculation, and recompiling `run` stops a fuzz worker for ~100 ms. So: prime,
// optimize `run`, then run every case again on values the primer never used, and read V8's own
// trace for a deoptimization of `run`. In a child process, without coverage (whose counters
// change the code) and with V8's test functions (`%...`, --allow-natives-syntax).

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'node:child_process';
import { PF } from './_internals/primerModule.js';
import { PRIMER_VARIANTS } from './primeInterpreter.js';

const url = (path: string): string => JSON.stringify(new URL(path, import.meta.url).href);

/** Operands the primer does not use: fractional, huge and tiny doubles; i32 values past V8's
 * small integers; addresses in bounds, at the end, and past 2^31 (as i32, negative). */
const STRESS = {
  i32: [[0x40000005, -7], [123456789, 31], [-0x7fffffff, -2], [5, 3]],
  f64: [[0.1, -3.7], [1e300, 1e-300], [-Infinity, 2.5], [3, 4], [NaN, 0.5]],
  addresses: [100, 65528, 65530, 0x7ffffff0, 0x40000000, -16, 8],
  values: [0x3fb99999, 7, -1],
};

function childScript(): string {
  const variants = PRIMER_VARIANTS.map(({ fuel, inline, fuse }) => ({ fuel: fuel ? 2 ** 40 : undefined, inline, fuse }));
  return `
    import { primeInterpreter } from ${url('./primeInterpreter.js')};
    import { run } from ${url('./_internals/run.js')};
    import { primerModuleBytes } from ${url('./_internals/primerModule.js')};
    import { testInstance } from ${url('./_internals/testInstance.js')};
    import { decodeModule } from ${url('../binary/decodeModule.js')};
    import { Trap } from ${url('../errors.js')};
    const S = ${JSON.stringify(STRESS)};
    const bytes = primerModuleBytes();
    const host = { type: decodeModule(bytes).types[3], invoke: (a) => [(a[0] + 1) | 0] };
    const instances = ${JSON.stringify(variants)}.map((v) => testInstance(bytes, {
      ...v, maxDepth: 60, imports: { 'primer.host': host, 'primer.other': host },
    }));
    const call = (f, ...args) => {
      try { f.invoke(args); } catch (e) { if (!(e instanceof Trap)) throw e; }
    };
    primeInterpreter();
    %OptimizeFunctionOnNextCall(run);
    call(instances[0].state.funcs[${PF.ID}], 1);
    console.log('optimized after priming: ' + %ActiveTierIsTurbofan(run));
    console.log('STRESS');
    for (const { state: { funcs: f } } of instances) {
      for (const [a, b] of S.i32) {
        call(f[${PF.I32}], a, b);
        call(f[${PF.CTL}], a, b);
        call(f[${PF.LOOP}], 3, a);
        call(f[${PF.MAIN}], b & 0xff, a & 0xff);
      }
      for (const [x, y] of S.f64) call(f[${PF.F64}], x, y);
      for (const a of S.addresses) for (const v of S.values) call(f[${PF.MEM}], a, v);
    }
    console.log('optimized after the stress: ' + %ActiveTierIsTurbofan(run));
  `;
}

test('once primed and optimized, the interpreter loop is not deoptimized by new operand values', () => {
  const env = { ...process.env };
  delete env.NODE_V8_COVERAGE;
  const out = execFileSync(process.execPath, [
    '--allow-natives-syntax', '--no-concurrent-recompilation', '--trace-deopt', '--input-type=module', '-e', childScript(),
  ], { encoding: 'utf8', env, maxBuffer: 64 << 20 });
  assert.match(out, /optimized after priming: true/, 'run was optimized before the stress (else this test proves nothing)');
  const stress = out.slice(out.indexOf('STRESS'));
  const deopts = stress.split('\n').filter((line) => /deoptimizing .*<JSFunction run /.test(line));
  assert.equal(deopts, [], 'V8 deoptimized run: a case speculates on a value the primer did not vary');
  assert.match(stress, /optimized after the stress: true/);
});

test.run();
