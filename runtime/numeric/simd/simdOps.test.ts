// The merged table: it holds exactly the non-memory SIMD instructions of wasm 2.0 (checked
// against the oracle's opcode table, itself checked against wabt), and its ops return fresh
// vectors. Per-op semantics are tested in each family's own test file.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { simdMemoryOps } from './simdMemoryOps.js';
import { simdOps } from './simdOps.js';
import { SIMD_OPS } from './_internals/opTable.js';
import { u8 } from './_internals/vec.js';

const isMemory = (name: string): boolean => {
  const kind = SIMD_OPS.get(name)!.imm.kind;
  return kind === 'memarg' || kind === 'memargLane';
};

test('simdOps covers every non-memory SIMD instruction and nothing else', () => {
  const expected = [...SIMD_OPS.keys()].filter((n) => !isMemory(n)).sort();
  assert.equal(Object.keys(simdOps).sort(), expected);
  // Wasm 2.0 has 236 SIMD opcodes; 22 of them access memory.
  assert.is(expected.length, 214);
});

test('simdMemoryOps covers every SIMD memory instruction with the right access size', () => {
  const expected = [...SIMD_OPS.keys()].filter(isMemory).sort();
  assert.equal(Object.keys(simdMemoryOps).sort(), expected);
  for (const [name, op] of Object.entries(simdMemoryOps)) {
    const imm = SIMD_OPS.get(name)!.imm;
    assert.is(op.bytes, 'bytes' in imm ? imm.bytes : -1, name);
  }
});

test('the table is frozen', () => {
  assert.ok(Object.isFrozen(simdOps));
});

test('results are fresh: two calls never share storage with each other or the inputs', () => {
  const a = u8(1);
  const r1 = simdOps['i8x16.add']!(a, a) as Uint8Array;
  const r2 = simdOps['i8x16.add']!(a, a) as Uint8Array;
  assert.is.not(r1.buffer, r2.buffer);
  r1[0] = 99;
  assert.is(r2[0], 2);
  assert.is(a[0], 1);
  const s = simdOps['i64x2.shl']!(a, 0) as Uint8Array; // the zero-count shortcut copies too
  assert.is.not(s.buffer, a.buffer);
});

test.run();
