// Every benchmark kernel validates with our validator and gives V8's result on every tier the
// Engine accepts, at its small `;; test arg:` (or its bench arg when it has none); executed
// instruction counts in the header are checked with fuel (end/else free, as the header says).

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { projectPath } from '../cli/paths.js';
import { loadWabt, watToWasm } from '../wat/watToWasm.js';
import { Engine, Module, Store, Linker, checkModule, ValType } from '../../runtime/index.js';
import { rawFromBits, type Bits, type ScalarType } from '../testing/bits.js';
import { rawArray, type Raw } from '../../runtime/instance/objects.js';
import { OUR_TIERS } from '../oracles/engines.js';
import { v8Engine } from '../oracles/v8Engine.js';
import { compareOutcomes } from '../oracles/comparePair.js';
import { moduleCase, openSession } from '../oracles/openSession.js';
import type { CallOutcome, EngineSession } from '../oracles/types.js';

await loadWabt();

const header = (text: string, key: string): string | undefined => new RegExp(`^;; ${key}: (\\S+)`, 'm').exec(text)?.[1];
const parseArg = (s: string): number | bigint => (s.endsWith('n') ? BigInt(s.slice(0, -1)) : Number(s));

interface Kernel {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly arg: number | bigint;
  /** Executed instructions at `arg`, when the header gives them. */
  readonly instructions?: number;
}

const dir = projectPath('harness', 'bench', 'kernels');
const KERNELS: Kernel[] = readdirSync(dir).filter((f) => f.endsWith('.wat')).sort().map((f) => {
  const text = readFileSync(`${dir}/${f}`, 'utf8');
  const small = header(text, 'test arg');
  const arg = small ?? header(text, 'arg');
  const count = small === undefined ? header(text, 'instructions') : header(text, 'test instructions');
  if (arg === undefined) throw new Error(`${f}: no ";; arg:" header`);
  return { name: f.replace(/\.wat$/, ''), bytes: watToWasm(text, f), arg: parseArg(arg), instructions: count === undefined ? undefined : Number(count) };
});

const SCALAR = new Map<number, ScalarType>([[ValType.I32, 'i32'], [ValType.I64, 'i64'], [ValType.F32, 'f32'], [ValType.F64, 'f64']]);

/** `run`'s signature, read off the module (our decoder), as scalar names. */
function runSignature(k: Kernel): { params: ScalarType[]; results: ScalarType[] } {
  const info = checkModule(k.bytes);
  const exp = info.exports.find((e) => e.name === 'run' && e.kind === 'func');
  assert.ok(exp, `${k.name}: exports no function "run"`);
  const type = info.types[info.funcTypes[exp!.index]!]!;
  const names = (ts: readonly ValType[]) => ts.map((t) => {
    const s = SCALAR.get(t);
    if (s === undefined) throw new Error(`${k.name}: run's signature has a non-scalar type`);
    return s;
  });
  return { params: names(type.params), results: names(type.results) };
}

test('the kernel set includes the compute kernels and each takes one arg, returns one result', () => {
  const names = KERNELS.map((k) => k.name);
  for (const n of ['matmul_f64', 'sha256_i32', 'hash_i64', 'simd_kernel']) assert.ok(names.includes(n), n);
  for (const k of KERNELS) {
    const sig = runSignature(k);
    assert.is(sig.params.length, 1, k.name);
    assert.is(sig.results.length, 1, k.name);
    assert.is(typeof k.arg, sig.params[0] === 'i64' ? 'bigint' : 'number', `${k.name}: arg literal matches the param type`);
  }
});

/** Calls `run` with one argument (runtime representation). */
function callRun(s: EngineSession, arg: Raw): CallOutcome {
  const args = rawArray(1);
  args[0] = arg;
  return s.call({ name: 'run', args }).outcome;
}

test('sha256_i32 computes real SHA-256 (checked against node:crypto)', () => {
  const k = KERNELS.find((x) => x.name === 'sha256_i32')!;
  const run = openSession(v8Engine, moduleCase(k.bytes));
  for (const len of [0, 1, 55, 56, 63, 64, 119, 1000]) {
    const msg = Uint8Array.from({ length: len }, (_, i) => (i * 167 + 13) & 255);
    const d = createHash('sha256').update(msg).digest();
    let fold = 0;
    for (let w = 0; w < 8; w++) fold ^= d.readInt32BE(4 * w);
    assert.equal(callRun(run, len), { kind: 'values', values: [{ t: 'i32', b: fold }] }, `length ${len}`);
  }
  run.close();
});

/** A header arg in bits form (a float arg is written as its value). */
function argBits(t: ScalarType, arg: number | bigint): Bits {
  const view = new DataView(new ArrayBuffer(8));
  if (t === 'f32') return (view.setFloat32(0, Number(arg)), view.getInt32(0));
  if (t === 'f64') return (view.setFloat64(0, Number(arg)), view.getBigInt64(0));
  return arg;
}

for (const tierEngine of OUR_TIERS) {
  const tier = tierEngine.name;
  test(`${tier}: every kernel gives V8's result`, () => {
    for (const k of KERNELS) {
      const sig = runSignature(k);
      const arg = rawFromBits(sig.params[0]!, argBits(sig.params[0]!, k.arg));
      // Twice on one instance: state left by the first call must not change the second.
      const c = moduleCase(k.bytes);
      const ours = openSession(tierEngine, c);
      const v8 = openSession(v8Engine, c);
      for (let round = 0; round < 2; round++) {
        const v = compareOutcomes(callRun(v8, arg), callRun(ours, arg), { jsBoundary: true, fuel: false });
        assert.is(v.kind, 'same', `${k.name}(${k.arg}): ${v.kind === 'differ' ? v.detail : ''}`);
      }
      ours.close();
      v8.close();
    }
  });

  test(`${tier}: header instruction counts equal the fuel consumed`, () => {
    const engine = new Engine({ tier, consumeFuel: true });
    for (const k of KERNELS) {
      if (k.instructions === undefined) continue;
      const store = new Store(engine);
      const run = new Linker().instantiate(store, new Module(engine, k.bytes)).getFunc('run')!;
      const FUEL = 1e12;
      store.setFuel(FUEL);
      const t = runSignature(k).params[0]!;
      const args = rawArray(1);
      args[0] = rawFromBits(t, argBits(t, k.arg));
      run.invoke(args);
      assert.is(FUEL - store.getFuel()!, k.instructions, `${k.name}(${k.arg})`);
    }
  });
}

test.run();
