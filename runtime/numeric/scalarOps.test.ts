// Tests the mnemonic table: it holds exactly the wasm 2.0 scalar numeric instructions, and the
// test oracle's opcode list (which the differential tests trust) matches wabt's encoder.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import wabtInit from 'wabt';
import { scalarOps } from './scalarOps.js';
import { ALL_SCALAR_MNEMONICS, opcodeBytes, signatureOf } from './_internals/v8Oracle.js';

test('table holds exactly the 136 scalar numeric instructions', () => {
  assert.is(ALL_SCALAR_MNEMONICS.length, 136);
  assert.equal(Object.keys(scalarOps).sort(), [...ALL_SCALAR_MNEMONICS].sort());
});

test('each entry takes as many operands as its instruction pops', () => {
  for (const m of ALL_SCALAR_MNEMONICS) assert.is(scalarOps[m]!.length, signatureOf(m).params.length, m);
});

test('oracle opcodes and signatures agree with wabt', async () => {
  const wabt = await wabtInit();
  for (const m of ALL_SCALAR_MNEMONICS) {
    const { params, result } = signatureOf(m);
    const pushes = params.map((p) => `(${p}.const 0)`).join(' ');
    // wabt checks the operand and result types; the body's bytes end with: op, end (0x0b).
    const wat = `(module (func (result ${result}) ${pushes} (${m})))`;
    const mod = wabt.parseWat('t.wat', wat, { sat_float_to_int: true });
    mod.validate();
    const bytes = [...mod.toBinary({}).buffer];
    const op = opcodeBytes(m);
    assert.equal(bytes.slice(-(op.length + 1), -1), op, m);
    mod.destroy();
  }
});

test.run();
