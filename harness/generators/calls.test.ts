// Tests of the call-sequence generator: arguments in the runtime representation for each
// parameter type, edges (NaN payloads included, surviving in the args array) reached,
// funcref markers resolved, determinism by seed.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { ValType, type FuncType } from '../../runtime/types.js';
import { callsArbitrary, FuncRefArg, resolveArgs, type Call } from './calls.js';
import type { GenExport } from './module/buildModule.js';

const { I32, I64, F32, F64, V128, FuncRef, ExternRef } = ValType;

function funcExport(name: string, index: number, params: ValType[]): GenExport {
  const type: FuncType = { params, results: [] };
  return { kind: 'func', name, index, type, jsCallable: !params.includes(V128) };
}

const EXPORTS: GenExport[] = [
  funcExport('nums', 0, [I32, I64, F32, F64]),
  funcExport('vec', 1, [V128]),
  funcExport('refs', 2, [FuncRef, ExternRef]),
  { kind: 'memory', name: 'mem', index: 0, min: 1, max: null },
];
const PARAMS = new Map(EXPORTS.flatMap((e) => (e.kind === 'func' ? [[e.name, e.type.params] as const] : [])));

const view = new DataView(new ArrayBuffer(8));
const f64Bits = (x: number): bigint => (view.setFloat64(0, x), view.getBigUint64(0));

const calls: Call[] = fc.sample(callsArbitrary(EXPORTS), { numRuns: 800, seed: 31 }).flat();

test('arguments have the runtime representation of their parameter types', () => {
  assert.ok(calls.length > 800);
  for (const c of calls) {
    const params = PARAMS.get(c.name);
    assert.ok(params !== undefined, `called ${c.name}, which is not an exported function`);
    assert.is(c.args.length, params!.length);
    c.args.forEach((a, i) => {
      switch (params![i]) {
        case I32: case F32: assert.ok(typeof a === 'number' && Object.is(a, a | 0), `${c.name}[${i}] = ${String(a)}`); break;
        case I64: assert.ok(typeof a === 'bigint' && BigInt.asIntN(64, a) === a); break;
        case F64: assert.type(a, 'number'); break;
        case V128: assert.ok(a instanceof Uint8Array && a.length === 16); break;
        case FuncRef: assert.ok(a === null || (a instanceof FuncRefArg && PARAMS.has(a.exportName))); break;
      }
    });
  }
});

test('edges are reached, NaN payloads intact in the args array', () => {
  const seen = (name: string, i: number, pred: (a: unknown) => boolean) =>
    calls.some((c) => c.name === name && pred(c.args[i]));
  assert.ok(seen('nums', 0, (a) => a === 0) && seen('nums', 0, (a) => a === -1));
  assert.ok(seen('nums', 0, (a) => a === -0x80000000) && seen('nums', 0, (a) => a === 0x7fffffff));
  assert.ok(seen('nums', 1, (a) => a === -(2n ** 63n)) && seen('nums', 1, (a) => a === 2n ** 63n - 1n));
  assert.ok(seen('nums', 2, (a) => a === 0x7f800001), 'f32 signalling NaN with payload (bits)');
  assert.ok(seen('nums', 2, (a) => a === (0x80000000 | 0)), 'f32 -0 (bits)');
  assert.ok(seen('nums', 3, (a) => typeof a === 'number' && f64Bits(a) === 0x7ff0000000000001n), 'f64 signalling NaN, payload kept');
  assert.ok(seen('nums', 3, (a) => Object.is(a, -0)) && seen('nums', 3, (a) => a === -Infinity));
  assert.ok(seen('vec', 0, (a) => (a as Uint8Array).every((b) => b === 0xff)));
  assert.ok(seen('refs', 0, (a) => a === null) && seen('refs', 0, (a) => a instanceof FuncRefArg));
  assert.ok(seen('refs', 1, (a) => a === null) && seen('refs', 1, (a) => a === undefined), 'externref null and a non-null undefined');
});

test('resolveArgs replaces funcref markers and keeps NaN payloads', () => {
  const args = calls.find((c) => c.name === 'nums' && f64Bits(c.args[3] as number) === 0x7ff0000000000001n)!.args;
  const out = resolveArgs(args, () => assert.unreachable('no funcref here'));
  assert.is(f64Bits(out[3] as number), 0x7ff0000000000001n);
  const marker = resolveArgs([new FuncRefArg('nums'), null], (name) => `resolved ${name}`);
  assert.equal(marker, ['resolved nums', null]);
});

test('the same seed gives the same calls; no functions, no calls', () => {
  const a = fc.sample(callsArbitrary(EXPORTS), { numRuns: 50, seed: 5 });
  const b = fc.sample(callsArbitrary(EXPORTS), { numRuns: 50, seed: 5 });
  assert.equal(a, b);
  assert.equal(fc.sample(callsArbitrary([EXPORTS[3]!]), { numRuns: 3, seed: 1 }), [[], [], []]);
});

test.run();
