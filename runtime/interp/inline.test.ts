// The loop's inline i32 fast paths must agree with the shared numeric table they shadow: every
// inlined op runs, inlined and through the table, on edge and pseudo-random operands, and both
// are compared with scalarOps directly.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { scalarOps } from '../numeric/scalarOps.js';
import { INLINE_CODES } from './_internals/codes.js';
import { testInstance } from './_internals/testInstance.js';

const names = Object.keys(INLINE_CODES);
const unary = (name: string) => name === 'i32.eqz';
const wat = `(module ${names.map((n) => unary(n)
  ? `(func (export "${n}") (param i32) (result i32) (${n} (local.get 0)))`
  : `(func (export "${n}") (param i32 i32) (result i32) (${n} (local.get 0) (local.get 1)))`).join('\n')})`;

const EDGES = [0, 1, -1, 2, 31, 32, 33, 0x7fffffff, -0x80000000, 0x40000000, -0x40000000, 0xffff, 65536];

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
  const inline = testInstance(wat, { inline: true });
  const table = testInstance(wat, { inline: false });
  const xs = operands();
  for (const name of names) {
    const ref = scalarOps[name];
    assert.ok(ref !== undefined, name);
    for (const a of xs) {
      if (unary(name)) {
        const want = ref(a);
        assert.equal(inline.call(name, a), [want], `${name}(${a}) inline`);
        assert.equal(table.call(name, a), [want], `${name}(${a}) table`);
        continue;
      }
      for (const b of xs) {
        const want = ref(a, b);
        const [got] = inline.call(name, a, b);
        if (got !== want || Object.is(got, -0)) assert.unreachable(`${name}(${a}, ${b}) inline: ${got} != ${want}`);
        const [viaTable] = table.call(name, a, b);
        if (viaTable !== want) assert.unreachable(`${name}(${a}, ${b}) table: ${viaTable} != ${want}`);
      }
    }
  }
});

test.run();
