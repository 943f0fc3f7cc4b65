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
import { tierChoices, ourEngine } from '../testing/ourEngine.js';
import { v8Engine } from '../testing/v8Engine.js';
import { compareOutcomes } from '../testing/outcome.js';
import { rawFromBits, type Bits, type ScalarType } from '../testing/bits.js';
import { rawArray } from '../../runtime/instance/objects.js';

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

test('sha256_i32 computes real SHA-256 (checked against node:crypto)', () => {
  const k = KERNELS.find((x) => x.name === 'sha256_i32')!;
  const run = v8Engine.instantiate(k.bytes);
  for (const len of [0, 1, 55, 56, 63, 64, 119, 1000]) {
    const msg = Uint8Array.from({ length: len }, (_, i) => (i * 167 + 13) & 255);
    const d = createHash('sha256').update(msg).digest();
    let fold = 0;
    for (let w = 0; w < 8; w++) fold ^= d.readInt32BE(4 * w);
    assert.equal(run.call('run', { params: ['i32'], results: ['i32'] }, [len]), { kind: 'values', values: [fold] }, `length ${len}`);
  }
});

/** A header arg in bits form (a float arg is written as its value). */
function argBits(t: ScalarType, arg: number | bigint): Bits {
  const view = new DataView(new ArrayBuffer(8));
  if (t === 'f32') return (view.setFloat32(0, Number(arg)), view.getInt32(0));
  if (t === 'f64') return (view.setFloat64(0, Number(arg)), view.getBigInt64(0));
  return arg;
}

const choices = tierChoices();
for (const c of choices) {
  if ('skipped' in c) {
    console.log(`kernels: the ${c.tier} tier is SKIPPED (${c.skipped})`);
    continue;
  }
  test(`${c.tier}: every kernel gives V8's result`, () => {
    for (const k of KERNELS) {
      const sig = runSignature(k);
      const args: Bits[] = [argBits(sig.params[0]!, k.arg)];
      // Twice on one instance: state left by the first call must not change the second.
      const ours = ourEngine(c.engine).instantiate(k.bytes);
      const v8 = v8Engine.instantiate(k.bytes);
      for (let round = 0; round < 2; round++) {
        const v = compareOutcomes(v8.call('run', sig, args), ours.call('run', sig, args), { results: sig.results });
        assert.is(v.kind, 'same', `${k.name}(${k.arg}): ${'why' in v ? v.why : ''}`);
      }
    }
  });

  test(`${c.tier}: header instruction counts equal the fuel consumed`, () => {
    const engine = new Engine({ ...c.engine.config, consumeFuel: true });
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
