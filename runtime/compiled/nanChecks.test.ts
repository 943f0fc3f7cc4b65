// The NaN fix of f64 arithmetic (optLevel speed) is left out only where no NaN can arise:
// results of integers and constants through bounded +, -, *, min, max, rounding and sign ops
// (f64Bounds.ts). Random expression trees mixing bounded and unbounded operands (NaNs with
// payloads, infinities, huge constants) must give the interpreter's bits.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { rawArray, type Raw } from '../instance/objects.js';
import { f64FromBits } from '../numeric/_internals/scratch.js';
import { f64Bound } from './_internals/f64Bounds.js';
import { outcome, setup } from './_internals/testing.js';

test('f64Bound: bounded operands give a bound, overflow or an unknown operand none', () => {
  assert.is(f64Bound('f64.mul', [2 ** 31, 0.5]), 2 ** 30);
  assert.is(f64Bound('f64.convert_i32_u', []), 2 ** 32);
  assert.is(f64Bound('f64.mul', [1e200, 1e200]), undefined, 'may overflow to infinity');
  assert.is(f64Bound('f64.add', [1, undefined]), undefined);
  assert.is(f64Bound('f64.div', [1, 1]), undefined, '0/0 is NaN');
  assert.is(f64Bound('f64.sqrt', [1]), undefined, 'sqrt of a negative is NaN');
});

test('f64Bound: every result of bounded operands is finite and within the bound', () => {
  const ops: [string, (a: number, b: number) => number][] = [
    ['f64.add', (a, b) => a + b], ['f64.sub', (a, b) => a - b], ['f64.mul', (a, b) => a * b],
    ['f64.min', Math.min], ['f64.max', Math.max], ['f64.floor', Math.floor], ['f64.ceil', Math.ceil], ['f64.trunc', Math.trunc],
  ];
  let seed = 7;
  const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let i = 0; i < 2000; i++) {
    const ba = 10 ** (rand() * 400 - 200);
    const bb = 10 ** (rand() * 400 - 200);
    const a = (rand() * 2 - 1) * ba;
    const b = (rand() * 2 - 1) * bb;
    for (const [name, f] of ops) {
      const bound = f64Bound(name, name.endsWith('floor') || name.endsWith('ceil') || name.endsWith('trunc') ? [ba] : [ba, bb]);
      if (bound === undefined) continue;
      const r = f(a, b);
      assert.ok(Number.isFinite(r) && Math.abs(r) <= bound, `${name}(${a}, ${b}) = ${r} within ${bound}`);
    }
  }
});

/** A random f64 expression over params 0, 1 (i32) and 2 (f64, maybe a NaN), `depth` deep at most. */
function tree(rand: () => number, depth: number): string {
  const leaves = [
    '(f64.convert_i32_s (local.get 0))', '(f64.convert_i32_u (local.get 1))', '(local.get 2)',
    '(f64.const 0.5)', '(f64.const -0)', '(f64.const 1e300)', '(f64.const -1.7976931348623157e308)', '(f64.const 0x1p-1074)', '(f64.const 9007199254740993)',
  ];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  if (depth === 0 || rand() < 0.25) return pick(leaves);
  const binary = ['add', 'sub', 'mul', 'div', 'min', 'max', 'copysign'];
  const unary = ['floor', 'ceil', 'trunc', 'nearest', 'neg', 'abs', 'sqrt'];
  if (rand() < 0.7) return `(f64.${pick(binary)} ${tree(rand, depth - 1)} ${tree(rand, depth - 1)})`;
  return `(f64.${pick(unary)} ${tree(rand, depth - 1)})`;
}

test('random trees of bounded and unbounded f64 operands: the interpreter\'s bits', () => {
  let seed = 12345;
  const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  // Bounded-looking operands that overflow to infinity, then meet their opposite or a zero.
  const big = (p: string) => `(f64.mul (f64.convert_i32_${p === '0' ? 's' : 'u'} (local.get ${p})) (f64.const 1e300))`;
  const overflows = [
    `(f64.sub ${big('0')} ${big('1')})`, `(f64.mul ${big('0')} (f64.const 0))`,
    `(f64.add (f64.const -1.7976931348623157e308) ${big('1')})`, `(f64.add (f64.neg ${big('0')}) (f64.abs ${big('1')}))`,
  ];
  const trees = [...overflows, ...Array.from({ length: 150 }, () => tree(rand, 4))];
  const wat = `(module ${trees.map((t, i) => `(func (export "t${i}") (param i32 i32 f64) (result f64) ${t})`).join('\n')})`;
  const compiled = setup(wat);
  const interp = setup(wat, { tier: 'interp' });
  const argSets: [number, number, bigint][] = [
    [0, 0, 0n], [1, 2, 0x3ff0000000000000n], [-2147483648, -1, 0x7ff4000000000001n], [2147483647, 0x7fffffff, BigInt.asIntN(64, 0xfff8000000000ab1n)],
    [-7, 3, 0x7ff0000000000000n], [5, -5, BigInt.asIntN(64, 0x8000000000000000n)],
  ];
  for (let i = 0; i < trees.length; i++) {
    for (const [a, b, bits] of argSets) {
      const args = (): Raw[] => {
        const r = rawArray(3);
        r[0] = a;
        r[1] = b;
        r[2] = f64FromBits(bits);
        return r;
      };
      const c = outcome(() => compiled.fn(`t${i}`).invoke(args()));
      assert.equal(c, outcome(() => interp.fn(`t${i}`).invoke(args())), `${trees[i]} on (${a}, ${b}, ${bits})`);
    }
  }
});

test('codegen: the fix stays for values from memory and goes for integer arithmetic', () => {
  const text = setup(`(module (memory 1)
    (func (export "scaled") (param i32) (result f64) (f64.mul (f64.convert_i32_s (local.get 0)) (f64.const 0.5)))
    (func (export "loaded") (param i32) (result f64) (f64.mul (f64.load (local.get 0)) (f64.const 0.5))))`).image.text;
  const [scaled, loaded] = text.split('function fn1');
  assert.not.ok(scaled.includes('$t <= $t'), 'no fix for (i32 -> f64) * 0.5');
  assert.ok(loaded.includes('$t <= $t'), 'a fix for a loaded value');
});

test.run();
