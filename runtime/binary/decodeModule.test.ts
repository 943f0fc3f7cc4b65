// decodeModule on hand-built binaries: header, section framing and order, custom sections,
// and the type, import, function, table, memory, global, export and start sections.
// Segments, code and constant expressions are in decodeSegments.test.ts.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ValType } from '../types.js';
import { decodeModule } from './decodeModule.js';
import { expectError } from './_internals/expectError.js';
import { body, bytes, HEADER, i32Const, mod, SEC, section, str, uleb, vec } from './_internals/wasmBytes.js';

const malformed = (b: Uint8Array | number[], prefix: string) =>
  expectError(() => decodeModule(Uint8Array.from(b)), 'malformed', prefix);
const { I32, I64, F32, F64, V128, FuncRef, ExternRef } = ValType;
const TYPE_V_V = section(SEC.type, vec([[0x60, 0, 0]]));

test('header: empty module and every way to get it wrong', () => {
  const m = decodeModule(mod());
  assert.is(m.types.length + m.funcs.length + m.customs.length, 0);
  assert.is(m.start, undefined);
  assert.is(m.dataCount, undefined);
  for (const short of [[], [0x00], [0x00, 0x61, 0x73]]) malformed(short, 'unexpected end');
  for (const short of [[0, 0x61, 0x73, 0x6d], [0, 0x61, 0x73, 0x6d, 1, 0, 0]]) malformed(short, 'unexpected end');
  malformed([0x61, 0x73, 0x6d, 0x00], 'magic header not detected');
  malformed([0, 0x41, 0x53, 0x4d, 1, 0, 0, 0], 'magic header not detected');
  malformed([0xef, 0xbb, 0xbf, 0, 0x61, 0x73, 0x6d, 1, 0, 0, 0], 'magic header not detected');
  malformed([0, 0x61, 0x73, 0x6d, 2, 0, 0, 0], 'unknown binary version');
  malformed([0, 0x61, 0x73, 0x6d, 1, 0, 0, 1], 'unknown binary version');
  const e = malformed([0, 0x61, 0x73, 0x6d, 0x0d, 0, 0, 0], 'unknown binary version');
  assert.is(e.offset, 4);
});

test('section framing: ids, sizes, order', () => {
  malformed(mod([0x0d, 0x00]), 'malformed section id');
  malformed(mod([0x80, 0x00, 0x01, 0x00]), 'malformed section id');
  malformed(mod([0x00]), 'unexpected end');
  malformed(mod(SEC.type, 0x07, 0x02, 0x60, 0, 0), 'length out of bounds');
  malformed(mod(SEC.type, 0x07, 0x01, 0x60, 0, 0, 0x60, 0, 0), 'section size mismatch');
  malformed(mod(SEC.type, 0x03, 0x01, 0x60, 0, 0), 'section size mismatch');
  // Duplicate and out-of-order sections.
  malformed(mod(section(SEC.start, 0), section(SEC.start, 0)), 'unexpected content after last section');
  malformed(mod(section(SEC.table, 0), section(SEC.func, 0)), 'unexpected content after last section');
  malformed(mod(section(SEC.code, 0), section(SEC.datacount, 0)), 'unexpected content after last section');
  malformed(mod(section(SEC.data, 0), section(SEC.code, 0)), 'unexpected content after last section');
  // The data count section goes between element and code sections.
  const m = decodeModule(mod(section(SEC.elem, 0), section(SEC.datacount, 0), section(SEC.code, 0), section(SEC.data, 0)));
  assert.is(m.dataCount, 0);
  // A concatenated second module reads as a custom section of absurd size.
  malformed(mod(HEADER), 'length out of bounds');
});

test('custom sections: anywhere, repeated, name and payload kept', () => {
  const c = (name: string, ...payload: number[]) => section(SEC.custom, str(name), payload);
  const bin = mod(c('a', 1, 2), TYPE_V_V, c('b'), c('a', 3), section(SEC.data, 0), c('\u00e9'));
  const m = decodeModule(bin);
  assert.equal(m.customs.map((s) => s.name), ['a', 'b', 'a', '\u00e9']);
  assert.equal([...m.customs[0].bytes], [1, 2]);
  assert.equal([...bin.subarray(m.customs[0].offset, m.customs[0].offset + 2)], [1, 2]);
  assert.is(m.customs[1].bytes.length, 0);
  malformed(mod(SEC.custom, 0x00), 'unexpected end');
  malformed(mod(SEC.custom, 0x00, 0x00, 0x05, 0x01, 0x00, 0x07, 0x00, 0x00), 'unexpected end');
  malformed(mod(SEC.custom, 0x02, 0x03, 0x61, 0x62, 0x63), 'unexpected end');
  malformed(mod(section(SEC.custom, 2, 0xc0, 0x80)), 'malformed UTF-8 encoding');
});

test('type section: signatures and malformed encodings', () => {
  const m = decodeModule(mod(section(SEC.type, vec([
    [0x60, 0, 0],
    [0x60, ...vec([I32, I64, F32, F64, V128, FuncRef, ExternRef]), ...vec([I32, ExternRef])],
  ]))));
  assert.equal(m.types[0], { params: [], results: [] });
  assert.equal(m.types[1], { params: [I32, I64, F32, F64, V128, FuncRef, ExternRef], results: [I32, ExternRef] });
  malformed(mod(section(SEC.type, vec([[0x61, 0, 0]]))), 'malformed function type');
  malformed(mod(section(SEC.type, 1, 0xe0, 0x7f, 0, 0)), 'integer representation too long');
  malformed(mod(section(SEC.type, vec([[0x60, 1, 0x40, 0]]))), 'malformed reference type');
  malformed(mod(section(SEC.type, vec([[0x60, 1, 0x7a, 0]]))), 'malformed vector type');
  malformed(mod(section(SEC.type, vec([[0x60, 1, 0xff, 0x7f, 0]]))), 'integer representation too long');
  malformed(mod(section(SEC.type, 2, 0x60, 0, 0)), 'unexpected end');
});

test('import section: all four kinds build the index spaces', () => {
  const m = decodeModule(mod(TYPE_V_V, section(SEC.import, vec([
    [...str('m'), ...str('f'), 0x00, 0x00],
    [...str('m'), ...str('t'), 0x01, FuncRef, 0x01, 1, 5],
    [...str('m'), ...str('mem'), 0x02, 0x00, 2],
    [...str(''), ...str('g'), 0x03, I64, 0x01],
    [...str('m'), ...str('f2'), 0x00, 0x00],
  ]))));
  assert.is(m.imports.length, 5);
  assert.equal(m.imports[0], { module: 'm', name: 'f', desc: { kind: 'func', typeIndex: 0 } });
  assert.equal(m.imports[1].desc, { kind: 'table', type: { elem: FuncRef, limits: { min: 1, max: 5 } } });
  assert.equal(m.imports[2].desc, { kind: 'memory', type: { limits: { min: 2 } } });
  assert.equal(m.imports[3].desc, { kind: 'global', type: { type: I64, mutable: true } });
  assert.equal([m.numImportedFuncs, m.numImportedTables, m.numImportedMemories, m.numImportedGlobals], [2, 1, 1, 1]);
  assert.equal(m.funcTypes, [0, 0]);
  assert.is(m.tableTypes.length + m.memoryTypes.length + m.globalTypes.length, 3);
  assert.is(m.tables.length + m.memories.length + m.globals.length, 0, 'imports are not definitions');
  for (const kind of [0x04, 0x05, 0x80]) {
    malformed(mod(section(SEC.import, 1, 0, 0, kind)), 'malformed import kind');
    malformed(mod(section(SEC.import, 1, 0, 0, kind, 0)), 'malformed import kind');
  }
  malformed(mod(section(SEC.import, 1, 1, 0xff, 0, 0, 0)), 'malformed UTF-8 encoding');
  malformed(mod(section(SEC.import, 2, str('m'), str('f'), 0, 0)), 'unexpected end of section or function');
});

test('function, table and memory sections', () => {
  const m = decodeModule(mod(
    section(SEC.type, vec([[0x60, 0, 0], [0x60, 1, I32, 0]])),
    section(SEC.import, vec([[...str('m'), ...str('f'), 0x00, 0x01]])),
    section(SEC.func, vec([[1], [0], uleb(1, 3)])),
    section(SEC.table, vec([[FuncRef, 0x00, 0], [ExternRef, 0x01, ...uleb(3, 5), ...uleb(2 ** 32 - 1)]])),
    section(SEC.memory, vec([[0x01, 1, 2]])),
    section(SEC.code, vec([body(), body(), body()])),
  ));
  assert.equal(m.funcTypes, [1, 1, 0, 1]);
  assert.equal(m.funcs.map((f) => f.typeIndex), [1, 0, 1]);
  assert.equal(m.tables, [{ elem: FuncRef, limits: { min: 0 } }, { elem: ExternRef, limits: { min: 3, max: 2 ** 32 - 1 } }]);
  assert.equal(m.memories, [{ limits: { min: 1, max: 2 } }]);
  assert.equal(m.tableTypes, m.tables);
  // Limits flags: the reference reads a 1-bit LEB.
  malformed(mod(section(SEC.table, 1, FuncRef, 0x02)), 'integer too large');
  malformed(mod(section(SEC.table, 1, FuncRef, 0x02, 0x00)), 'integer too large');
  malformed(mod(section(SEC.table, 1, FuncRef, 0x81, 0x00, 0x00, 0x00)), 'integer representation too long');
  malformed(mod(section(SEC.memory, 1, 0x02)), 'integer too large');
  malformed(mod(section(SEC.memory, 1, 0x81, 0x01, 0x00, 0x00)), 'integer representation too long');
  malformed(mod(section(SEC.memory, 1, 0x00, 0x82, 0x80, 0x80, 0x80, 0x70)), 'integer too large');
  malformed(mod(section(SEC.memory, 1, 0x00, 0x82, 0x80, 0x80, 0x80, 0x80, 0x00)), 'integer representation too long');
  malformed(mod(section(SEC.table, 1, I32, 0x00, 0x00)), 'malformed reference type');
  malformed(mod(section(SEC.table, 1)), 'unexpected end of section or function');
  malformed(mod(section(SEC.memory, 1)), 'unexpected end of section or function');
});

test('global section: types, mutability, initialisers', () => {
  const m = decodeModule(mod(section(SEC.global, vec([
    [I32, 0, ...i32Const(-7)],
    [I64, 1, 0x42, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7f, 0x0b],
    [F32, 0, 0x43, 0x00, 0x00, 0xc0, 0x7f, 0x0b],
    [F64, 0, 0x44, 0, 0, 0, 0, 0, 0, 0xf8, 0x3f, 0x0b],
    [V128, 0, 0xfd, 0x0c, ...Array.from({ length: 16 }, (_, i) => i), 0x0b],
    [I32, 0, 0x23, 0x05, 0x0b],
    [ExternRef, 0, 0xd0, ExternRef, 0x0b],
    [FuncRef, 0, 0xd2, 0x03, 0x0b],
  ]))));
  const inits = m.globals.map((g) => g.init);
  assert.equal(inits[0], { kind: 'i32.const', value: -7 });
  assert.equal(inits[1], { kind: 'i64.const', value: -(2n ** 63n) });
  assert.equal(inits[2], { kind: 'f32.const', value: 0x7fc00000 });
  assert.equal(inits[3], { kind: 'f64.const', value: 1.5 });
  assert.equal(inits[4], { kind: 'v128.const', value: Uint8Array.from({ length: 16 }, (_, i) => i) });
  assert.equal(inits[5], { kind: 'global.get', index: 5 });
  assert.equal(inits[6], { kind: 'ref.null', type: ExternRef });
  assert.equal(inits[7], { kind: 'ref.func', index: 3 });
  assert.equal(m.globals[1].type, { type: I64, mutable: true });
  assert.equal(m.globalTypes.map((g) => g.type), [I32, I64, F32, F64, V128, I32, ExternRef, FuncRef]);
  malformed(mod(section(SEC.global, vec([[I32, 2, ...i32Const(0)]]))), 'malformed mutability');
  malformed(mod(section(SEC.global, vec([[I32, 0xff, ...i32Const(0)]]))), 'malformed mutability');
  malformed(mod(section(SEC.global, 2, I32, 0, i32Const(0))), 'unexpected end of section or function');
  malformed(mod(section(SEC.global, 1, I32, 0, 0x41, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00, 0x0b)), 'integer representation too long');
  malformed(mod(section(SEC.global, 1, I32, 0, 0x41, 0x80, 0x80, 0x80, 0x80, 0x70, 0x0b)), 'integer too large');
  malformed(mod(section(SEC.global, 1, I64, 0, 0x42, ...Array(9).fill(0x80), 0x02, 0x0b)), 'integer too large');
});

test('export and start sections', () => {
  const m = decodeModule(mod(
    TYPE_V_V,
    section(SEC.func, vec([[0], [0]])),
    section(SEC.export, vec([
      [...str('f'), 0, 1], [...str('t'), 1, 0], [...str('m'), 2, 0], [...str('g'), 3, ...uleb(7, 2)],
    ])),
    section(SEC.start, 1),
    section(SEC.code, vec([body(), body()])),
  ));
  assert.equal(m.exports, [
    { name: 'f', kind: 'func', index: 1 }, { name: 't', kind: 'table', index: 0 },
    { name: 'm', kind: 'memory', index: 0 }, { name: 'g', kind: 'global', index: 7 },
  ]);
  assert.is(m.start, 1);
  malformed(mod(section(SEC.export, vec([[...str('x'), 4, 0]]))), 'malformed export kind');
  // Declared two, gave one: the second name length (a code section id) overruns the module.
  malformed(mod(
    TYPE_V_V, section(SEC.func, vec([[0], [0]])),
    SEC.export, 0x06, 0x02, str('f1'), 0x00, 0x00,
    section(SEC.code, vec([body(), body()])),
  ), 'length out of bounds');
  malformed(mod(section(SEC.start)), 'unexpected end');
});

test('function and code section counts must agree', () => {
  malformed(mod(TYPE_V_V, section(SEC.func, vec([[0], [0]]))), 'function and code section have inconsistent lengths');
  malformed(mod(section(SEC.code, vec([body()]))), 'function and code section have inconsistent lengths');
  malformed(mod(TYPE_V_V, section(SEC.func, vec([[0]])), section(SEC.code, vec([body(), body()]))),
    'function and code section have inconsistent lengths');
  assert.is(decodeModule(mod(section(SEC.func, 0))).funcs.length, 0);
  assert.is(decodeModule(mod(section(SEC.code, 0))).funcs.length, 0);
});

test('implementation limits are malformed errors', () => {
  // Counts are checked as soon as they are read; the bytes after them never matter.
  const tooMany = (id: number, n: number) => mod(section(id, uleb(n), new Uint8Array(n)));
  malformed(tooMany(SEC.import, 100_001), 'import count 100001 exceeds implementation limit');
  malformed(tooMany(SEC.export, 100_001), 'export count 100001 exceeds implementation limit');
  malformed(tooMany(SEC.data, 100_001), 'data segment count 100001 exceeds implementation limit');
  malformed(mod(section(SEC.type, 1, 0x60, uleb(1001), new Uint8Array(1001), 0)),
    'function type parameters count 1001 exceeds implementation limit');
  assert.is(decodeModule(mod(section(SEC.type, 1, 0x60, uleb(1000), new Uint8Array(1000).fill(I32), 0))).types[0].params.length, 1000);
  malformed(mod(section(SEC.type, 1, 0x60, 0, uleb(1001), new Uint8Array(1001).fill(I32))),
    'function type results count 1001 exceeds implementation limit');
});

test('bytes views: nothing is copied out of the module but v128 constants', () => {
  const bin = mod(TYPE_V_V, section(SEC.custom, str('x'), 9, 9));
  const m = decodeModule(bin);
  assert.is(m.bytes, bin);
  assert.is(m.customs[0].bytes.buffer, bin.buffer);
  assert.equal(bytes(m.customs[0].bytes), [9, 9]);
});

test.run();
