// The loop's inline i32 fast paths and fused i32 ops must agree with the shared numeric table
// they shadow: every such op runs inlined, through the table, fused (slot-slot, slot-constant,
// and as compare-and-branch), on edge and pseudo-random operands, each compared with scalarOps.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { scalarOps } from '../numeric/scalarOps.js';
import { INLINE_CODES } from './_internals/codes.js';
import { testInstance } from './_internals/testInstance.js';

// The fused forms also cover ops the loop does not inline (rotates, le_u, ge_u).
const names = [...new Set([...Object.keys(INLINE_CODES), 'i32.rotl', 'i32.rotr', 'i32.le_u', 'i32.ge_u'])];
const unary = (name: string) => name === 'i32.eqz';
const compare = (name: string) => /\.(eq|ne|[lg][te]_[su])$/.test(name);
const EDGES = [0, 1, -1, 2, 31, 32, 33, 0x7fffffff, -0x80000000, 0x40000000, -0x40000000, 0xffff, 65536];
const KONSTS = [0, 1, -1, 31, 32, 0x7fffffff, -0x80000000];

// `name` on (x, y); `name_k<i>` on (x, KONSTS[i]); `name_br` as the condition of an `if`.
const wat = `(module ${names.map((n) => unary(n)
  ? `(func (export "${n}") (param i32) (result i32) (${n} (local.get 0)))
     (func (export "${n}_br") (param i32) (result i32) (if (result i32) (${n} (local.get 0)) (then (i32.const 1)) (else (i32.const 0))))`
  : `(func (export "${n}") (param i32 i32) (result i32) (${n} (local.get 0) (local.get 1)))
     ${KONSTS.map((k, i) => `(func (export "${n}_k${i}") (param i32 i32) (result i32) (${n} (local.get 0) (i32.const ${k})))`).join(' ')}
     ${compare(n) ? `(func (export "${n}_br") (param i32 i32) (result i32) (if (result i32) (${n} (local.get 0) (local.get 1)) (then (i32.const 1)) (else (i32.const 0))))` : ''}`,
).join('\n')})`;

function operands(): number[] {
  const out = [...EDGES];
  let x = 0x12345678;
  for (let i = 0; i < 40; i++) {
    x = (Math.imul(x, 1103515245) + 12345) | 0; // a fixed LCG: deterministic operands
    out.push(x);
  }
  return out;
}

test('inline i32 ops match the numeric table, and so does the table path', () => {
  const inline = testInstance(wat, { inline: true, fuse: false });
  const table = testInstance(wat, { inline: false, fuse: false });
  const xs = operands();
  for (const name of names) {
    const ref = scalarOps[name];
    assert.ok(ref !== undefined, name);
    for (const a of xs) {
      if (unary(name)) {
        const want = ref(a);
        if (INLINE_CODES[name] !== undefined) assert.equal(inline.call(name, a), [want], `${name}(${a}) inline`);
        assert.equal(table.call(name, a), [want], `${name}(${a}) table`);
        continue;
      }
      for (const b of xs) {
        const want = ref(a, b);
        if (INLINE_CODES[name] === undefined) continue;
        const [got] = inline.call(name, a, b);
        if (got !== want || Object.is(got, -0)) assert.unreachable(`${name}(${a}, ${b}) inline: ${got} != ${want}`);
        const [viaTable] = table.call(name, a, b);
        if (viaTable !== want) assert.unreachable(`${name}(${a}, ${b}) table: ${viaTable} != ${want}`);
      }
    }
  }
});

test('fused i32 ops (slot-slot, slot-constant, compare-and-branch) match the numeric table', () => {
  const fused = testInstance(wat);
  const xs = operands();
  const check = (got: unknown, want: number, what: string): void => {
    if (got !== want || Object.is(got, -0)) assert.unreachable(`${what} fused: ${String(got)} != ${want}`);
  };
  for (const name of names) {
    const ref = scalarOps[name]!;
    for (const a of xs) {
      if (unary(name)) {
        check(fused.call(name, a)[0], ref(a) as number, `${name}(${a})`);
        check(fused.call(`${name}_br`, a)[0], ref(a) as number, `${name}(${a}) as a branch`);
        continue;
      }
      KONSTS.forEach((k, i) => check(fused.call(`${name}_k${i}`, a, 0)[0], ref(a, k) as number, `${name}(${a}, const ${k})`));
      for (const b of xs) {
        const want = ref(a, b) as number;
        check(fused.call(name, a, b)[0], want, `${name}(${a}, ${b})`);
        if (compare(name)) check(fused.call(`${name}_br`, a, b)[0], want, `${name}(${a}, ${b}) as a branch`);
      }
    }
  }
});

test.run();
