// Pairs (pairs.ts): run.ts's generated cases are the ones the table generates; every pair is
// emitted for its shape (the inner result as the outer's last operand, or as the first of an op
// that commutes) and gives exactly the unfused lowering's results, f64s by their bits, and its
// traps (a load's) with the same kind and offset.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { Trap } from '../errors.js';
import type { Raw } from '../instance/objects.js';
import { decodeModule } from '../binary/decodeModule.js';
import { lower } from './_internals/lower.js';
import { C } from './_internals/codes.js';
import { PAIR_COMMUTES, pairCode, PAIRS, withPairCases, type Pair } from './_internals/pairs.js';
import { testInstance, watToBytes } from './_internals/testInstance.js';

test("run.ts's generated pair cases are up to date (else: npm run gen:pairs)", () => {
  const src = readFileSync(new URL('../../../runtime/interp/_internals/run.ts', import.meta.url), 'utf8');
  assert.ok(withPairCases(src) === src, 'stale generated pairs in run.ts');
});

const I32S = [0, 1, -1, 7, 31, 32, 0x7fffffff, -0x80000000, 0x40000000, 65532];
const SIGNALLING = new Float64Array(new BigUint64Array([0x7ff4000000000001n]).buffer)[0];
const F64S = [0, -0, 1.5, -2.25, Infinity, -Infinity, NaN, SIGNALLING, 1e308, 5e-324];
/** In bounds, the last in-bounds word, straddling the end, past it, and above 2^31. */
const ADDRESSES = [0, 65528, 65532, 65533, 65536, -8];

const bits = new DataView(new ArrayBuffer(8));
function text(rs: Raw[]): string {
  return rs.map((v) => {
    if (typeof v !== 'number' || Number.isInteger(v) && !Object.is(v, -0)) return String(v);
    bits.setFloat64(0, v);
    return bits.getBigUint64(0).toString(16);
  }).join(' ');
}
function outcome(f: () => Raw[]): string {
  try {
    return text(f());
  } catch (e) {
    if (!(e instanceof Trap)) throw e;
    return `trap ${e.kind} ${e.frames.map((fr) => `${fr.func}@${fr.offset}`).join(',')}`;
  }
}

function pairOf(outer: string, inner: number): number {
  const c = pairCode(outer, inner);
  if (c === undefined) throw new Error(`no pair ${outer} over ${inner}`);
  return c;
}

/** `op` over two loads from $b, 8 bytes apart (at 65528, only the second one traps). */
const twoLoads = (op: string): string => `(${op} (${op.slice(0, 3)}.load (local.get $b)) (${op.slice(0, 3)}.load offset=8 (local.get $b)))`;

/** A module whose `f` runs the pair's shape (`swap`: the inner result first) on its params. */
function shape(p: Pair, swap: boolean, k: string): string {
  const t = p.outer.slice(0, 3);
  const inner = p.inner.form === 'LOAD' ? `(${p.inner.name} offset=4 (local.get $b))`
    : p.inner.form === 'LL' ? twoLoads(p.inner.name)
    : `(${p.inner.name} (local.get $b) ${p.inner.form === 'RI' ? `(i32.const ${k})` : '(local.get $c)'})`;
  const body = swap ? `(${p.outer} ${inner} (local.get $a))` : `(${p.outer} (local.get $a) ${inner})`;
  const bt = p.inner.form === 'LOAD' || p.inner.form === 'LL' ? 'i32' : t;
  return `(module (memory 1)
    (data (i32.const 0) "\\01\\02\\03\\04\\ff\\fe\\fd\\fc\\00\\00\\00\\00\\00\\00\\f8\\7f\\01\\00\\00\\00\\00\\00\\f0\\7f")
    (data (i32.const 65528) "\\ff\\ff\\ff\\ff\\ff\\ff\\ff\\7f")
    (func (export "f") (param $a ${t}) (param $b ${bt}) (param $c ${t}) (result ${t}) ${body}))`;
}

/** Argument triples: every operand edge for a, and b (an address for loads) and c. */
function inputs(p: Pair): Raw[][] {
  const xs = p.outer.startsWith('f64.') ? F64S : I32S;
  const bs = p.inner.form === 'LOAD' || p.inner.form === 'LL' ? ADDRESSES : xs;
  const out: Raw[][] = [];
  for (const a of xs) for (const b of bs) out.push([a, b, xs[(out.length * 7) % xs.length]]);
  return out;
}

test('every pair is emitted for its shapes and agrees with the unfused lowering', () => {
  let checked = 0;
  for (const p of PAIRS) {
    for (const swap of PAIR_COMMUTES.has(p.outer) ? [false, true] : [false]) {
      for (const k of p.inner.form === 'RI' ? ['0', '5', '31', '32', '-1', '0x7fffffff'] : ['']) {
        const wat = shape(p, swap, k);
        const code = lower(decodeModule(watToBytes(wat)), 0, { fuel: false, inline: true }).code;
        assert.ok(code.includes(p.code), `${p.outer} over ${p.inner.name} ${p.inner.form}${swap ? ' (swapped)' : ''} not paired`);
        const fused = testInstance(wat);
        const plain = testInstance(wat, { fuse: false });
        for (const args of inputs(p)) {
          const a = outcome(() => fused.call('f', ...args));
          const b = outcome(() => plain.call('f', ...args));
          if (a !== b) assert.unreachable(`fused ${a}\nplain ${b}\nargs ${args.map(String)}\n${wat}`);
          checked++;
        }
      }
    }
  }
  assert.ok(checked > 10000, `${checked} calls compared`);
});

test('an op over two loads is one code, and each load traps at its own offset', () => {
  for (const [op, ll] of [['i32.add', C.I32_ADD_LL], ['f64.add', C.F64_ADD_LL], ['f64.sub', C.F64_SUB_LL], ['f64.mul', C.F64_MUL_LL]] as const) {
    const t = op.slice(0, 3);
    const wat = `(module (memory 1) (data (i32.const 65528) "\\01\\02\\03\\04\\05\\06\\07\\08")
      (func (export "f") (param $b i32) (result ${t}) ${twoLoads(op)}))`;
    const code = lower(decodeModule(watToBytes(wat)), 0, { fuel: false, inline: true }).code;
    // The result stays in its register file (sp unmoved) until pushed for the return.
    const tail = [1, 1, t === 'i32' ? C.LOCAL_GET_I : C.LOCAL_GET_F, 1, C.RETURN];
    assert.equal(Array.from(code), [ll, 0, 0, 0, 8, ...tail], op);
    const inst = testInstance(wat);
    const plain = testInstance(wat, { fuse: false });
    const loadOp = t === 'i32' ? 0x28 : 0x2b;
    const traps: number[] = [];
    for (const b of ADDRESSES) {
      const r = outcome(() => inst.call('f', b));
      assert.is(r, outcome(() => plain.call('f', b)), `${op} at ${b}`);
      const m = /^trap out of bounds memory access 0@(\d+)$/.exec(r);
      if (m === null) continue;
      assert.is(inst.bytes[Number(m[1])], loadOp, 'a trap is at a load');
      traps.push(Number(m[1]));
    }
    // 65528 traps at the second load (offset=8); 65533 and beyond at the first.
    assert.ok(new Set(traps).size === 2, `${op}: both loads' offsets reported (${traps})`);
  }
});

test('a load paired into an op traps where the load is, and each pair is one code', () => {
  const wat = `(module (memory 1) (func (export "f") (param $a i32) (param $p i32) (result i32)
    (i32.xor (i32.rotr (local.get $a) (i32.const 6)) (i32.rotr (local.get $a) (i32.const 11)))
    (i32.add (local.get $a) (i32.load offset=8 (local.get $p)))
    i32.add))`;
  const code = Array.from(lower(decodeModule(watToBytes(wat)), 0, { fuel: false, inline: true }).code);
  const xorRotr = pairOf('i32.xor', C.I32_ROTR_RI);
  const addLoad = pairOf('i32.add', C.I32_LOAD_R);
  // Results stay in the i32 register file (sp unmoved, at 2) until pushed for the return.
  assert.equal(code, [C.I32_ROTR_RI, 0, 6, 2, 2, xorRotr, 2, 0, 11, 2, 2, addLoad, 0, 1, 8, 3, 2, C.I32_ADD_RR, 2, 3, 2, 2, C.LOCAL_GET_I, 2, C.RETURN]);
  const rotr = (x: number, k: number): number => (x >>> k) | (x << (32 - k));
  const x = 0x12345678;
  assert.equal(testInstance(wat).call('f', x, 0), [((rotr(x, 6) ^ rotr(x, 11)) + x) | 0]);
  const inst = testInstance(wat);
  const fused = outcome(() => inst.call('f', 1, 65530));
  const at = /^trap out of bounds memory access 0@(\d+)$/.exec(fused);
  assert.ok(at !== null, fused);
  assert.is(inst.bytes[Number(at[1])], 0x28, 'the offset is the i32.load opcode');
  assert.is(fused, outcome(() => testInstance(wat, { fuse: false }).call('f', 1, 65530)));
});

test.run();
