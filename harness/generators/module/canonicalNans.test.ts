// NaN canonicalization: after a float operation on a negative NaN with a payload, the emitted
// fix-up leaves the canonical NaN, for scalars and both vector shapes, on V8 and on our
// interpreter; bit-exact operations get no fix-up at all.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { op } from '../../../runtime/opcodes/table.js';
import { ValType } from '../../../runtime/types.js';
import { Engine } from '../../../runtime/api/Engine.js';
import { Module } from '../../../runtime/api/Module.js';
import { Store } from '../../../runtime/api/Store.js';
import { Linker } from '../../../runtime/api/Linker.js';
import { ModuleBuilder } from '../../wasm/ModuleBuilder.js';
import { BodyBuilder } from './BodyBuilder.js';
import { makeModuleCtx } from './moduleCtx.js';
import { FULL_SWARM } from './swarm.js';
import { Tape } from './Tape.js';
import { canonicalizeResult } from './_internals/canonicalNans.js';

const SWARM = { ...FULL_SWARM, canonicalNans: true };
const SHAPE = { types: [], funcs: [], memory: null, tables: [], globals: [], datas: [], elems: [], dataCount: false, start: null };

/** Case: opcode applied to NaN operands, how to read its result as integer bits, and the canonical bits. */
interface Case {
  name: string;
  operand: ValType;
  arity: number;
  /** Opcodes turning the result into an integer carrier. */
  read: string[];
  lane?: number;
  carrier: ValType;
  canonical: number | bigint;
}

const CASES: Case[] = [
  { name: 'f32.add', operand: ValType.F32, arity: 2, read: ['i32.reinterpret_f32'], carrier: ValType.I32, canonical: 0x7fc00000 },
  { name: 'f32.sqrt', operand: ValType.F32, arity: 1, read: ['i32.reinterpret_f32'], carrier: ValType.I32, canonical: 0x7fc00000 },
  { name: 'f64.mul', operand: ValType.F64, arity: 2, read: ['i64.reinterpret_f64'], carrier: ValType.I64, canonical: 0x7ff8000000000000n },
  { name: 'f64.promote_f32', operand: ValType.F32, arity: 1, read: ['i64.reinterpret_f64'], carrier: ValType.I64, canonical: 0x7ff8000000000000n },
  { name: 'f32x4.div', operand: ValType.V128, arity: 2, read: ['i32x4.extract_lane'], lane: 2, carrier: ValType.I32, canonical: 0x7fc00000 },
  { name: 'f64x2.floor', operand: ValType.V128, arity: 1, read: ['i64x2.extract_lane'], lane: 1, carrier: ValType.I64, canonical: 0x7ff8000000000000n },
];

/** A module exporting `run`, which applies the case's opcode to NaNs and returns the result bits. */
function caseModule(c: Case): Uint8Array {
  const b = new BodyBuilder(makeModuleCtx(SWARM, SHAPE), { params: [], results: [c.carrier] }, [], new Tape([]));
  for (let i = 0; i < c.arity; i++) {
    if (c.operand === ValType.F32) b.op(op('f32.const')).code.bits32(0xffa00001 | 0);
    else if (c.operand === ValType.F64) b.op(op('f64.const')).code.bits64(-0x000fffff00000001n);
    else b.op(op('v128.const')).code.bytes(new Uint8Array(16).fill(0xff));
  }
  const o = op(c.name);
  b.op(o);
  canonicalizeResult(b, o);
  for (const r of c.read) b.op(op(r));
  if (c.lane !== undefined) b.code.u8(c.lane);
  const m = new ModuleBuilder();
  const locals = b.declaredLocals().map((t): [number, number] => [1, t]);
  m.export('run', 0, m.func(m.type([], [c.carrier]), locals, [...b.code.finish()]));
  return m.build();
}

test('NaN results become canonical, on V8 and on the interpreter', () => {
  const engine = new Engine({ tier: 'interp' });
  for (const c of CASES) {
    const bytes = caseModule(c);
    const v8 = (new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports.run as () => number | bigint)();
    assert.is(v8, c.canonical, `${c.name} on V8`);
    const ours = new Linker().instantiate(new Store(engine), new Module(engine, bytes)).getFunc('run')!.invoke([]);
    assert.equal(ours, [c.canonical], `${c.name} on the interpreter`);
  }
});

test('bit-exact operations are left alone', () => {
  for (const name of ['f32.neg', 'f64.copysign', 'f32x4.pmin', 'f64.load', 'f32.reinterpret_i32', 'i32.add']) {
    const b = new BodyBuilder(makeModuleCtx(SWARM, SHAPE), { params: [], results: [] }, [], new Tape([]));
    canonicalizeResult(b, op(name));
    assert.is(b.code.length, 0, name);
  }
});

test.run();
