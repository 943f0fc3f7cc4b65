// Checks the oracle's opcode table against wabt: every row's mnemonic assembles, validates with
// the row's stack signature, and encodes to exactly the row's opcode and immediate bytes.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import wabtInit from 'wabt';
import { SIMD_OPS, type SimdOpFacts, type TypeLetter } from './opTable.js';

const wabt = await wabtInit();
const TYPE_NAME: Readonly<Record<TypeLetter, string>> = { v: 'v128', i: 'i32', I: 'i64', f: 'f32', F: 'f64' };

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    out.push((n & 0x7f) | (n >>> 7 ? 0x80 : 0));
    n >>>= 7;
  } while (n !== 0);
  return out;
}

/** The immediate as wat text and as the bytes it must encode to. */
function immediate(op: SimdOpFacts): [string, number[]] {
  const imm = op.imm;
  switch (imm.kind) {
    case 'none': return ['', []];
    case 'lane': return [String(imm.lanes - 1), [imm.lanes - 1]];
    case 'shuffle': {
      const lanes = Array.from({ length: 16 }, (_, i) => 31 - 2 * i);
      return [lanes.join(' '), lanes];
    }
    case 'v128': return ['i32x4 1 2 3 0x80000000', [1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0x80]];
    case 'memarg': return ['', [Math.log2(imm.bytes), 0]];
    case 'memargLane': return [String(imm.lanes - 1), [Math.log2(imm.bytes), 0, imm.lanes - 1]];
  }
}

/** The first function body of a binary module (after its locals vector). */
function firstBody(bin: Uint8Array): number[] {
  let p = 8;
  const read = (): number => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = bin[p++]!;
      result |= (b & 0x7f) << shift;
      if (!(b & 0x80)) return result >>> 0;
      shift += 7;
    }
  };
  while (p < bin.length) {
    const id = bin[p++]!;
    const size = read();
    if (id !== 10) {
      p += size;
      continue;
    }
    read(); // function count
    const bodySize = read();
    const end = p + bodySize;
    assert.is(read(), 0, 'no locals expected');
    return [...bin.subarray(p, end)];
  }
  throw new RangeError('no code section');
}

for (const op of SIMD_OPS.values()) {
  test(`${op.name} encodes as 0xfd ${op.code.toString(16)} with its signature`, () => {
    const [immText, immBytes] = immediate(op);
    const params = op.params.map((t) => TYPE_NAME[t]).join(' ');
    const result = op.result ? `(result ${TYPE_NAME[op.result]})` : '';
    const gets = op.params.map((_, i) => `local.get ${i}`).join(' ');
    const wat = `(module (memory 1) (func (param ${params}) ${result} ${gets} ${op.name} ${immText}))`;
    const mod = wabt.parseWat('op.wat', wat);
    try {
      mod.validate();
      const bin = mod.toBinary({}).buffer;
      const expected = [...op.params.flatMap((_, i) => [0x20, i]), 0xfd, ...uleb(op.code), ...immBytes, 0x0b];
      assert.equal(firstBody(bin), expected);
    } finally {
      mod.destroy();
    }
  });
}

test.run();
