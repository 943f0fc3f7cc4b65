// decodeModule on element, data count, data and code sections, and on constant expressions
// that are more than one constant instruction (decoded for validation to reject).

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ValType } from '../types.js';
import { OPS, type ImmKind } from '../opcodes/table.js';
import { decodeModule } from './decodeModule.js';
import { validateModuleFields } from './validateModule.js';
import { expectError } from './_internals/expectError.js';
import { body, bytes, i32Const, mod, SEC, section, uleb, vec } from './_internals/wasmBytes.js';

const malformed = (b: Uint8Array, prefix: string) => expectError(() => decodeModule(b), 'malformed', prefix);
const { I32, F32, FuncRef, ExternRef } = ValType;
const TYPE_V_V = section(SEC.type, vec([[0x60, 0, 0]]));
const FUNCS = (n: number) => [
  ...TYPE_V_V, ...section(SEC.func, vec(Array(n).fill([0]))), ...section(SEC.table, vec([[FuncRef, 0, 1]])),
];
const CODE = (n: number) => section(SEC.code, vec(Array(n).fill(body())));

test('element segments: all eight encodings', () => {
  const refNull = [0xd0, FuncRef, 0x0b];
  const refFunc = (i: number) => [0xd2, i, 0x0b];
  const m = decodeModule(mod(FUNCS(3), section(SEC.elem, vec([
    [0x00, ...i32Const(1), ...vec([[0], [2]])],
    [0x01, 0x00, ...vec([[1]])],
    [0x02, 0x00, ...i32Const(2), 0x00, ...vec([[2], [1]])],
    [0x03, 0x00, ...vec([[0]])],
    [0x04, ...i32Const(3), ...vec([refFunc(1), refNull])],
    [0x05, ExternRef, ...vec([[0xd0, ExternRef, 0x0b]])],
    [0x06, 0x00, ...i32Const(4), FuncRef, ...vec([refFunc(0)])],
    [0x07, FuncRef, ...vec([refNull, refFunc(2)])],
  ])), CODE(3)));
  const fn = (index: number) => ({ kind: 'ref.func', index });
  const nullOf = (type: number) => ({ kind: 'ref.null', type });
  const off = (value: number) => ({ kind: 'i32.const', value });
  assert.equal(m.elems, [
    { mode: 'active', table: 0, offset: off(1), type: FuncRef, init: [fn(0), fn(2)] },
    { mode: 'passive', table: 0, type: FuncRef, init: [fn(1)] },
    { mode: 'active', table: 0, offset: off(2), type: FuncRef, init: [fn(2), fn(1)] },
    { mode: 'declarative', table: 0, type: FuncRef, init: [fn(0)] },
    { mode: 'active', table: 0, offset: off(3), type: FuncRef, init: [fn(1), nullOf(FuncRef)] },
    { mode: 'passive', table: 0, type: ExternRef, init: [nullOf(ExternRef)] },
    { mode: 'active', table: 0, offset: off(4), type: FuncRef, init: [fn(0)] },
    { mode: 'declarative', table: 0, type: FuncRef, init: [nullOf(FuncRef), fn(2)] },
  ]);
  validateModuleFields(m);
});

test('element segments: flags and table index may be non-minimal LEBs', () => {
  const m = decodeModule(mod(FUNCS(0), section(SEC.elem, vec([
    [0x82, 0x00, 0x80, 0x00, ...i32Const(0), 0x00, 0x00],
  ]))));
  assert.is(m.elems[0].mode, 'active');
  assert.is(m.elems[0].table, 0);
});

test('element segments: malformed kinds and types', () => {
  malformed(mod(FUNCS(0), section(SEC.elem, vec([[0x08]]))), 'malformed elements segment kind');
  malformed(mod(FUNCS(0), section(SEC.elem, vec([[0x01, 0x01, 0x00]]))), 'malformed element kind');
  malformed(mod(FUNCS(1), section(SEC.elem, vec([[0x05, I32, ...vec([[0xd2, 0, 0x0b]])]])), CODE(1)), 'malformed reference type');
  malformed(mod(FUNCS(1), section(SEC.elem, vec([[0x05, FuncRef, ...vec([[0xf3, 0x00, 0x0b]])]])), CODE(1)), 'illegal opcode');
  malformed(mod(FUNCS(0), section(SEC.elem, 2, 0x00, i32Const(0), 0x01, 0x00)), 'unexpected end');
  malformed(mod(FUNCS(0), section(SEC.elem, 1, [0x00, ...i32Const(0), 1, 0], [0x00, ...i32Const(0), 1, 0])), 'section size mismatch');
});

test('data count and data segments', () => {
  const m = decodeModule(mod(
    section(SEC.memory, vec([[0, 1]])),
    section(SEC.datacount, 3),
    section(SEC.data, vec([
      [0x00, ...i32Const(8), ...vec([1, 2, 3])],
      [0x01, ...vec([4])],
      [0x02, 0x00, 0x23, 0x00, 0x0b, 0x00],
    ])),
  ));
  assert.is(m.dataCount, 3);
  assert.is(m.datas.length, 3);
  assert.equal(m.datas[0].offset, { kind: 'i32.const', value: 8 });
  assert.equal([m.datas[0].mode, m.datas[0].memory, [...m.datas[0].bytes]], ['active', 0, [1, 2, 3]]);
  assert.equal([m.datas[1].mode, m.datas[1].offset, [...m.datas[1].bytes]], ['passive', undefined, [4]]);
  assert.equal([m.datas[2].mode, m.datas[2].offset, m.datas[2].bytes.length], ['active', { kind: 'global.get', index: 0 }, 0]);
  assert.is(m.datas[0].bytes.buffer, m.bytes.buffer, 'a view, not a copy');
  // Flags and memory index may be non-minimal.
  assert.is(decodeModule(mod(section(SEC.data, vec([[0x82, 0x00, 0x80, 0x00, ...i32Const(0), 0]])))).datas[0].memory, 0);
  malformed(mod(section(SEC.data, vec([[0x03, 0]]))), 'malformed data segment kind');
  malformed(mod(section(SEC.datacount, 3), section(SEC.data, vec([[1, 0], [1, 0]]))), 'data count and data section have inconsistent lengths');
  malformed(mod(section(SEC.datacount, 1), section(SEC.data, vec([[1, 0], [1, 0]]))), 'data count and data section have inconsistent lengths');
  malformed(mod(section(SEC.datacount, 2)), 'data count and data section have inconsistent lengths');
  assert.is(decodeModule(mod(section(SEC.datacount, 0))).dataCount, 0);
  // A segment claiming 7 bytes where 6 remain; one claiming 5 where 6 are given.
  malformed(mod(section(SEC.data, 1, 0x00, i32Const(3), 0x07, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66)), 'unexpected end of section or function');
  malformed(mod(section(SEC.data, 1, 0x00, i32Const(0), 0x05, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66)), 'section size mismatch');
  malformed(mod(section(SEC.data, 2, 0x00, i32Const(0), 0x01, 0x61)), 'unexpected end of section or function');
});

test('code: body ranges and lazily expanded locals', () => {
  const b0 = bytes(uleb(8), 3, 0, I32, 2, F32, 1, ExternRef, 0x0b);
  const b1 = bytes(uleb(4, 2), 0, 0x01, 0x01, 0x0b);
  const bin = mod(section(SEC.type, vec([[0x60, 1, I32, 0]])), section(SEC.func, vec([[0], [0]])), section(SEC.code, vec([b0, b1])));
  const m = decodeModule(bin);
  const [f0, f1] = m.funcs;
  assert.equal(f0.locals, [F32, F32, ExternRef]);
  assert.is(f0.locals, f0.locals, 'expanded once, then cached');
  assert.equal(f1.locals, []);
  assert.is(bin[f0.offset], 8, 'offset is the size field');
  assert.is(f0.codeStart, f0.offset + 1 + 7);
  assert.is(bin[f0.codeStart], 0x0b);
  assert.is(f0.codeEnd, f0.codeStart + 1);
  assert.is(f1.offset, f0.codeEnd);
  assert.equal([...bin.subarray(f1.codeStart, f1.codeEnd)], [0x01, 0x01, 0x0b]);
  assert.is(f1.codeEnd, bin.length);
});

test('code: too many locals, by the spec and by the implementation limit', () => {
  const fn = (params: number[], ...decls: number[][]) => {
    const inner = bytes(vec(decls), 0x0b);
    return mod(section(SEC.type, vec([[0x60, ...vec(params), 0]])), section(SEC.func, vec([[0]])),
      section(SEC.code, vec([[...uleb(inner.length), ...inner]])));
  };
  malformed(fn([], [0x80, 0x80, 0x80, 0x80, 0x10, I32], [2, 0x7e]), 'integer too large');
  malformed(fn([], [...uleb(0xffffffff), I32], [2, 0x7e]), 'too many locals');
  malformed(fn([I32, I32], ...[I32, 0x7e, 0x7d, 0x7c].map((t) => [...uleb(0x40000000), t])), 'too many locals');
  assert.is(decodeModule(fn([], [...uleb(50_000), I32])).funcs[0].locals.length, 50_000);
  malformed(fn([I32], [...uleb(50_000), I32]), 'too many locals');
  malformed(fn([], [...uleb(25_000), I32], [...uleb(25_001), F32]), 'too many locals');
  assert.equal(decodeModule(fn([], [0, I32], [0, 0x7e], [2, F32])).funcs[0].locals, [F32, F32]);
  malformed(fn([], [1, 0x7a]), 'malformed vector type');
});

test('code: body sizes', () => {
  const withCode = (...code: number[]) => mod(TYPE_V_V, section(SEC.func, vec([[0]])), section(SEC.code, 1, code));
  malformed(withCode(0x05, 0x00, 0x0b), 'length out of bounds');
  malformed(withCode(0x03, 0x00, 0x0b), 'unexpected end of section or function');
  malformed(mod(TYPE_V_V, section(SEC.func, vec([[0]])), section(SEC.code, 1, 0x02, 0x00, 0x0b, 0x00)), 'section size mismatch');
  malformed(withCode(0x02, 0x01, 0x0b), 'unexpected end of section or function');
  const huge = 7_654_322;
  const head = mod(TYPE_V_V, section(SEC.func, vec([[0]])), SEC.code, uleb(huge + 5), 1, uleb(huge));
  const big = new Uint8Array(head.length + huge);
  big.set(head);
  malformed(big, 'function body size 7654322 exceeds implementation limit');
});

test('odd constant expressions decode; their encoding errors are malformed', () => {
  const global = (...init: number[]) => mod(section(SEC.global, vec([[I32, 0, ...init]])));
  for (const init of [
    [0x0b],
    [0x41, 0, 0x41, 0, 0x0b],
    [0x41, 0, 0x6a, 0x0b],
    [0x01, 0x0b],
    [0x02, 0x7f, 0x41, 0x00, 0x0b, 0x0b],
    [0x04, 0x40, 0x02, 0x40, 0x0b, 0x05, 0x01, 0x0b, 0x0b],
    [0x0e, 0x02, 0, 1, 2, 0x0b],
    [0xfd, 0x0c, ...Array(16).fill(0), 0xfd, 0x0c, ...Array(16).fill(0), 0x0b],
    [0xfc, 0x08, 0x00, 0x00, 0x0b],
  ]) {
    expectError(() => validateModuleFields(decodeModule(global(...init))), 'invalid', '');
  }
  malformed(global(0x41, 0x00), 'unexpected end');
  malformed(global(0x41, 0x00, 0x05, 0x0b), 'END opcode expected');
  malformed(global(0x02, 0x40, 0x05, 0x0b, 0x0b), 'END opcode expected');
  malformed(global(0x04, 0x40, 0x05, 0x05, 0x0b, 0x0b), 'END opcode expected');
  malformed(global(0x06, 0x0b), 'illegal opcode');
  malformed(global(0xfc, 0x12, 0x0b), 'illegal opcode');
  malformed(global(0x3f, 0x01, 0x0b), 'zero byte expected');
  malformed(global(0xfc, 0x0a, 0x00, 0x80, 0x00, 0x0b), 'zero byte expected');
  malformed(global(0x02, 0x41, 0x0b, 0x0b), 'malformed reference type');
  malformed(global(0xd0, 0x7f, 0x0b), 'malformed reference type');
  // Deep nesting is handled without recursion.
  const depth = 100_000;
  const init = new Uint8Array(3 * depth + 1);
  for (let i = 0; i < depth; i++) init.set([0x02, 0x40], 2 * i);
  init.fill(0x0b, 2 * depth);
  const nested = mod(section(SEC.global, 1, I32, 0, init));
  expectError(() => validateModuleFields(decodeModule(nested)), 'invalid', 'constant expression required');
});

/** Dummy immediates by kind, each well-formed. */
const DUMMY: Record<ImmKind, number[]> = {
  none: [], blocktype: [0x40], label: [0], br_table: [1, 0, 0], func: [0], call_indirect: [0, 0],
  local: [0], global: [0], table: [0], memarg: [2, 0], memory: [0], i32: [0x7f], i64: [0x7f],
  f32: Array(4).fill(0), f64: Array(8).fill(0), v128: Array(16).fill(0), shuffle: Array(16).fill(0),
  lane: [0], memarg_lane: [0, 0, 1], select_t: [1, I32], reftype: [ExternRef], elem: [0], data: [0],
  table_table: [0, 0], elem_table: [0, 0], data_memory: [0, 0], memory_memory: [0, 0],
};

test('every opcode is decoded inside constant expressions, top level and nested', () => {
  for (const op of OPS) {
    if (op.name === 'else' || op.name === 'end') continue;
    const instr = [...(op.prefix ? [op.prefix, ...uleb(op.code)] : [op.code]), ...DUMMY[op.imm]];
    if (op.imm === 'blocktype') instr.push(0x0b);
    for (const init of [[0x01, ...instr, 0x0b], [0x02, 0x40, ...instr, 0x0b, 0x0b]]) {
      const bin = mod(section(SEC.global, vec([[I32, 0, ...init]])));
      expectError(() => validateModuleFields(decodeModule(bin)), 'invalid', 'constant expression required');
    }
  }
});

test.run();
