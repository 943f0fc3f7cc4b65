// Checks the opcode table against an independent encoder: every row is written as text, encoded
// by wabt (without validation), and its bytes must be the row's (prefix, code). Also checks the
// access width of every memory op against its mnemonic, and the lookup tables' consistency.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import wabtInit from 'wabt';
import { decodeModule } from '../binary/decodeModule.js';
import { uleb } from '../binary/_internals/wasmBytes.js';
import { FC_OPS, FD_OPS, OPS, OPS_BY_NAME, PLAIN_OPS, type ImmKind, type OpInfo } from './table.js';

const wabt = await wabtInit();

/** Text for one instance of an op with dummy immediates, by immediate kind. */
const TEXT: Record<ImmKind, (name: string) => string> = {
  none: (n) => n,
  blocktype: (n) => `${n} end`,
  label: (n) => `${n} 0`,
  br_table: (n) => `${n} 0`,
  func: (n) => `${n} 0`,
  call_indirect: (n) => `${n} (type 0)`,
  local: (n) => `${n} 0`,
  global: (n) => `${n} 0`,
  table: (n) => `${n} 0`,
  memarg: (n) => n,
  memory: (n) => n,
  i32: (n) => `${n} 7`,
  i64: (n) => `${n} 7`,
  f32: (n) => `${n} 1.5`,
  f64: (n) => `${n} 1.5`,
  v128: (n) => `${n} i32x4 1 2 3 4`,
  shuffle: (n) => `${n} ${Array.from({ length: 16 }, (_, i) => i).join(' ')}`,
  lane: (n) => `${n} 1`,
  memarg_lane: (n) => `${n} 1`,
  select_t: () => 'select (result i32)',
  reftype: (n) => `${n} func`,
  elem: (n) => `${n} 0`,
  data: (n) => `${n} 0`,
  table_table: (n) => `${n} 0 0`,
  elem_table: (n) => `${n} 0 0`,
  data_memory: (n) => `${n} 0`,
  memory_memory: (n) => n,
};

/** Where the op's bytes start in the body, and the instruction text. */
function snippet(op: OpInfo): { text: string; at: number } {
  if (op.name === 'else') return { text: 'if nop else nop end', at: 3 };
  if (op.name === 'end') return { text: 'block end', at: 2 };
  return { text: TEXT[op.imm](op.name), at: 0 };
}

function encode(instr: string): Uint8Array {
  const text = `(module
    (type (func (param i32)))
    (memory 1)
    (table 1 funcref)
    (global (mut i32) (i32.const 0))
    (elem func 0)
    (data "x")
    (func (param i32) ${instr}))`;
  const m = wabt.parseWat('op.wat', text, { simd: true, reference_types: true, bulk_memory: true });
  try {
    return m.toBinary({}).buffer;
  } finally {
    m.destroy();
  }
}

function expectedBytes(op: OpInfo): number[] {
  return op.prefix === 0 ? [op.code] : [op.prefix, ...uleb(op.code)];
}

test('every opcode row encodes as wabt encodes its mnemonic', () => {
  for (const op of OPS) {
    const { text, at } = snippet(op);
    let bin: Uint8Array;
    try {
      bin = encode(text);
    } catch (e) {
      assert.unreachable(`wabt rejected "${text}" for ${op.name}: ${String(e)}`);
      return;
    }
    const f = decodeModule(bin).funcs[0];
    const want = expectedBytes(op);
    const got = [...bin.subarray(f.codeStart + at, f.codeStart + at + want.length)];
    assert.equal(got, want, `${op.name}`);
  }
});

test('lookup tables agree with the rows', () => {
  const seen = new Set<string>();
  OPS.forEach((op, i) => {
    assert.is(op.id, i);
    const key = `${op.prefix}:${op.code}`;
    assert.not.ok(seen.has(key), `duplicate encoding ${key}`);
    seen.add(key);
    const table = op.prefix === 0 ? PLAIN_OPS : op.prefix === 0xfc ? FC_OPS : FD_OPS;
    assert.is(table[op.code], op);
    assert.is(OPS_BY_NAME.get(op.name), op);
  });
});

/** Bytes accessed, from the mnemonic alone. */
function widthFromName(name: string): number | undefined {
  const [type, op] = name.split('.');
  const m = /^(load|store)(\d+)?(?:x(\d+))?(?:_(s|u|splat|lane|zero))?$/.exec(op);
  if (m === null) return undefined;
  if (m[2] === undefined) return { i32: 4, i64: 8, f32: 4, f64: 8, v128: 16 }[type];
  const bits = Number(m[2]) * (m[3] === undefined ? 1 : Number(m[3]));
  return bits / 8;
}

test('memBytes matches the access width in the name', () => {
  for (const op of OPS) {
    const width = widthFromName(op.name);
    const isMem = op.imm === 'memarg' || op.imm === 'memarg_lane';
    assert.is(width !== undefined, isMem, `${op.name} is a memory access iff it has a memarg`);
    assert.is(op.memBytes, width, op.name);
  }
});

test.run();
