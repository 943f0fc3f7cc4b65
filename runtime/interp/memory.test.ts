// Linear memory in the interpreter: every load/store width, little-endian layout, bounds
// (including offsets near 2^32), growth seen by callers and after host calls, and the bulk
// operations' check-everything-before-writing semantics.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Trap, TrapKind } from '../errors.js';
import { MAX_PAGES, PAGE_SIZE } from '../instance/objects.js';
import { C } from './_internals/codes.js';
import { InterpModule } from './_internals/InterpModule.js';
import { pairCode } from './_internals/pairs.js';
import { hostFunc, testInstance } from './_internals/testInstance.js';

function trapKind(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof Trap) return e.kind;
    throw e;
  }
  return 'no trap';
}

const MEM = `(module
  (memory (export "m") 1 3)
  (data $d "\\01\\02\\03\\04\\05")
  (func (export "i64.store") (param i32 i64) (i64.store (local.get 0) (local.get 1)))
  (func (export "i32.store") (param i32 i32) (i32.store (local.get 0) (local.get 1)))
  (func (export "i32.store8") (param i32 i32) (i32.store8 (local.get 0) (local.get 1)))
  (func (export "i32.store16") (param i32 i32) (i32.store16 (local.get 0) (local.get 1)))
  (func (export "i64.store8") (param i32 i64) (i64.store8 (local.get 0) (local.get 1)))
  (func (export "i64.store16") (param i32 i64) (i64.store16 (local.get 0) (local.get 1)))
  (func (export "i64.store32") (param i32 i64) (i64.store32 (local.get 0) (local.get 1)))
  (func (export "i32.load") (param i32) (result i32) (i32.load (local.get 0)))
  (func (export "i32.load8_s") (param i32) (result i32) (i32.load8_s (local.get 0)))
  (func (export "i32.load8_u") (param i32) (result i32) (i32.load8_u (local.get 0)))
  (func (export "i32.load16_s") (param i32) (result i32) (i32.load16_s (local.get 0)))
  (func (export "i32.load16_u") (param i32) (result i32) (i32.load16_u (local.get 0)))
  (func (export "i64.load") (param i32) (result i64) (i64.load (local.get 0)))
  (func (export "i64.load8_s") (param i32) (result i64) (i64.load8_s (local.get 0)))
  (func (export "i64.load8_u") (param i32) (result i64) (i64.load8_u (local.get 0)))
  (func (export "i64.load16_s") (param i32) (result i64) (i64.load16_s (local.get 0)))
  (func (export "i64.load16_u") (param i32) (result i64) (i64.load16_u (local.get 0)))
  (func (export "i64.load32_s") (param i32) (result i64) (i64.load32_s (local.get 0)))
  (func (export "i64.load32_u") (param i32) (result i64) (i64.load32_u (local.get 0)))
  (func (export "f32.load") (param i32) (result f32) (f32.load (local.get 0)))
  (func (export "loadMaxOffset") (param i32) (result i32) (i32.load offset=0xffffffff (local.get 0)))
  (func (export "loadOffset") (param i32) (result i32) (i32.load8_u offset=65535 (local.get 0)))
  (func (export "size") (result i32) memory.size)
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
  (func $growTwo (i32.const 1) memory.grow drop)
  (func (export "growInCalleeThenLoad") (result i32)
    call $growTwo
    (i32.load (i32.const 65536)))
  (func (export "fill") (param i32 i32 i32) (memory.fill (local.get 0) (local.get 1) (local.get 2)))
  (func (export "copy") (param i32 i32 i32) (memory.copy (local.get 0) (local.get 1) (local.get 2)))
  (func (export "init") (param i32 i32 i32) (memory.init $d (local.get 0) (local.get 1) (local.get 2)))
  (func (export "drop") (data.drop $d)))`;

test('stores and loads of every width, little endian, sign and zero extension', () => {
  const t = testInstance(MEM);
  const u8 = () => t.state.memories[0].u8;
  t.call('i64.store', 0, 0x0102030405060708n);
  assert.equal([...u8().subarray(0, 8)], [8, 7, 6, 5, 4, 3, 2, 1]);
  assert.equal(t.call('i64.load', 0), [0x0102030405060708n]);
  assert.equal(t.call('i32.load', 4), [0x01020304]);
  t.call('i32.store', 16, -2); // 0xfffffffe
  assert.equal(t.call('i32.load8_s', 16), [-2]);
  assert.equal(t.call('i32.load8_u', 16), [0xfe]);
  assert.equal(t.call('i32.load16_s', 16), [-2]);
  assert.equal(t.call('i32.load16_u', 16), [0xfffe]);
  assert.equal(t.call('i64.load8_s', 16), [-2n]);
  assert.equal(t.call('i64.load8_u', 16), [0xfen]);
  assert.equal(t.call('i64.load16_s', 16), [-2n]);
  assert.equal(t.call('i64.load16_u', 16), [0xfffen]);
  assert.equal(t.call('i64.load32_s', 16), [-2n]);
  assert.equal(t.call('i64.load32_u', 16), [0xfffffffen]);
  assert.equal(t.call('f32.load', 16), [-2]); // raw bits
  t.call('i64.store', 32, 0n);
  t.call('i32.store8', 32, 0x1ff); // wraps to 0xff
  t.call('i32.store16', 34, 0x12345); // wraps to 0x2345
  t.call('i64.store8', 36, -1n);
  t.call('i64.store16', 38, 0x7_abcdn);
  assert.equal([...u8().subarray(32, 40)], [0xff, 0, 0x45, 0x23, 0xff, 0, 0xcd, 0xab]);
  t.call('i64.store32', 40, 0x1_8765_4321n);
  assert.equal(t.call('i64.load32_u', 40), [0x87654321n]);
});

test('bounds: the last in-bounds address, one past it, and offsets without wrap-around', () => {
  const t = testInstance(MEM);
  assert.equal(t.call('i32.load', 65532), [0]);
  assert.is(trapKind(() => t.call('i32.load', 65533)), TrapKind.MemoryOutOfBounds);
  assert.equal(t.call('i64.load', 65528), [0n]);
  assert.is(trapKind(() => t.call('i64.load', 65529)), TrapKind.MemoryOutOfBounds);
  assert.is(trapKind(() => t.call('i32.load', -1)), TrapKind.MemoryOutOfBounds); // u32 address
  assert.is(trapKind(() => t.call('loadMaxOffset', 0)), TrapKind.MemoryOutOfBounds);
  assert.is(trapKind(() => t.call('loadMaxOffset', 1)), TrapKind.MemoryOutOfBounds); // no 32-bit wrap
  assert.equal(t.call('loadOffset', 0), [0]);
  assert.is(trapKind(() => t.call('loadOffset', 1)), TrapKind.MemoryOutOfBounds);
  // A trapping store writes nothing, even the in-bounds part.
  t.state.memories[0].u8.fill(0xaa, 65530);
  assert.is(trapKind(() => t.call('i64.store', 65530, 0n)), TrapKind.MemoryOutOfBounds);
  assert.equal([...t.state.memories[0].u8.subarray(65530)], [0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa]);
});

// The fused accesses (address in the i32 register file) check bounds with int32 operations
// alone (run.ts), exact only because a memory is under 2^31 bytes: every address and offset
// near the int32 and uint32 edges, against the sum computed exactly here.
test('fused accesses: bounds at the int32 edges of address, offset and their sum', () => {
  assert.ok(MAX_PAGES * PAGE_SIZE < 2 ** 31, 'memories stay under 2^31 bytes');
  const offsets = [0, 8, 0x7fffffff, 0x80000000, 0xfffffff8];
  // [name, lowered code, bytes read or written from the offset, body over address $a (local 0)]
  const shapes: [string, number, number, (k: number) => string][] = [
    ['i32.load', C.I32_LOAD_R, 4, (k) => `(local.set 1 (i32.load offset=${k} (local.get 0)))`],
    ['f64.load', C.F64_LOAD_R, 8, (k) => `(local.set 2 (f64.load offset=${k} (local.get 0)))`],
    ['i32.store', C.I32_STORE_R, 4, (k) => `(i32.store offset=${k} (local.get 0) (local.get 1))`],
    ['f64.store', C.F64_STORE_R, 8, (k) => `(f64.store offset=${k} (local.get 0) (local.get 2))`],
    ['i32.store8', C.I32_STORE8_R, 1, (k) => `(i32.store8 offset=${k} (local.get 0) (local.get 1))`],
    ['i32.store16', C.I32_STORE16_R, 2, (k) => `(i32.store16 offset=${k} (local.get 0) (local.get 1))`],
    ['add over a load', pairCode('i32.add', C.I32_LOAD_R)!, 4, (k) => `(local.set 1 (i32.add (local.get 1) (i32.load offset=${k} (local.get 0))))`],
    ['f64 add of two loads', C.F64_ADD_LL, 8, (k) => `(local.set 2 (f64.add (f64.load (local.get 3)) (f64.load offset=${k} (local.get 0))))`],
  ];
  const funcs = shapes.flatMap(([, , , body]) => offsets.map((k) =>
    `(func (export "f${k}") (param i32) (local i32 f64 i32) ${body(k)})`));
  const t = testInstance(`(module (memory 1) ${funcs.join(' ').replace(/export "f/g, (m, i) => `${m}${i}_`)})`);
  const lowered = new InterpModule(t.state.module, { fuel: false, inline: true, fuse: true });
  shapes.forEach(([name, code, size], s) => offsets.forEach((k, j) => {
    const f = s * offsets.length + j;
    assert.is(lowered.code(f).code[0], code, `${name} offset=${k} lowers to its fused code`);
    for (const a of [0, 8, 65520, 65528, 65532, 0x7ffffff8, 0x7fffffff, -8, -0x80000000]) {
      const inBounds = (a >>> 0) + k + size <= 65536;
      const got = trapKind(() => t.state.funcs[f].invoke([a]));
      assert.is(got, inBounds ? 'no trap' : TrapKind.MemoryOutOfBounds, `${name} offset=${k} at ${a >>> 0}`);
    }
  }));
});

test('memory.grow and memory.size; callers and host calls see the new memory', () => {
  const t = testInstance(MEM);
  assert.equal(t.call('size'), [1]);
  assert.is(trapKind(() => t.call('i32.load', 65536)), TrapKind.MemoryOutOfBounds);
  assert.equal(t.call('growInCalleeThenLoad'), [0]);
  assert.equal(t.call('size'), [2]);
  assert.equal(t.call('grow', 2), [-1]); // max is 3
  assert.equal(t.call('grow', -1), [-1]); // 2^32-1 pages
  assert.equal(t.call('grow', 0), [2]);
  assert.equal(t.call('grow', 1), [2]);
  assert.equal(t.call('i32.load', 3 * 65536 - 4), [0]);
  assert.is(trapKind(() => t.call('i32.load', 3 * 65536 - 3)), TrapKind.MemoryOutOfBounds);

  // A host import grows the memory: the caller's next access must use the new buffer.
  let target: ReturnType<typeof testInstance> | undefined;
  const grow = hostFunc({ params: [], results: [] }, () => {
    target!.state.memories[0].grow(1);
    return [];
  });
  target = testInstance(`(module (import "h" "grow" (func $g)) (memory 1)
    (func (export "f") (result i32)
      (i32.store (i32.const 65536) (i32.const 77))
      ;; unreachable: the store above traps before growth
      (i32.const 0))
    (func (export "g") (result i32)
      call $g
      (i32.store (i32.const 65536) (i32.const 77))
      (i32.load (i32.const 65536))))`, { imports: { 'h.grow': grow } });
  assert.is(trapKind(() => target!.call('f')), TrapKind.MemoryOutOfBounds);
  assert.equal(target.call('g'), [77]);
});

test('memory.fill/copy/init check bounds before writing anything', () => {
  const t = testInstance(MEM);
  const u8 = t.state.memories[0].u8;
  t.call('fill', 10, 0x1ab, 4); // value truncated to a byte
  assert.equal([...u8.subarray(9, 15)], [0, 0xab, 0xab, 0xab, 0xab, 0]);
  assert.is(trapKind(() => t.call('fill', 65530, 7, 7)), TrapKind.MemoryOutOfBounds);
  assert.is(u8[65530], 0, 'a trapping fill writes nothing');
  t.call('fill', 65536, 7, 0); // zero length at the very end is fine
  assert.is(trapKind(() => t.call('fill', 65537, 7, 0)), TrapKind.MemoryOutOfBounds);

  // Overlapping copies in both directions behave like memmove.
  u8.set([1, 2, 3, 4, 5], 100);
  t.call('copy', 102, 100, 5);
  assert.equal([...u8.subarray(100, 107)], [1, 2, 1, 2, 3, 4, 5]);
  u8.set([1, 2, 3, 4, 5, 0, 0], 200);
  t.call('copy', 200, 202, 5);
  assert.equal([...u8.subarray(200, 207)], [3, 4, 5, 0, 0, 0, 0]);
  u8.fill(9, 65530);
  assert.is(trapKind(() => t.call('copy', 65530, 0, 7)), TrapKind.MemoryOutOfBounds);
  assert.is(trapKind(() => t.call('copy', 0, 65530, 7)), TrapKind.MemoryOutOfBounds);
  assert.is(u8[65530], 9, 'a trapping copy writes nothing');
  assert.is(u8[0], 0);

  t.call('init', 300, 1, 3);
  assert.equal([...u8.subarray(299, 304)], [0, 2, 3, 4, 0]);
  assert.is(trapKind(() => t.call('init', 400, 3, 3)), TrapKind.MemoryOutOfBounds); // source overrun
  assert.is(trapKind(() => t.call('init', 65534, 0, 3)), TrapKind.MemoryOutOfBounds);
  assert.is(u8[400], 0);
  assert.is(u8[65534], 9);
  t.call('init', 0, 5, 0); // empty range at the segment's end
  t.call('drop');
  t.call('init', 0, 0, 0); // a dropped segment is empty, so only empty inits succeed
  assert.is(trapKind(() => t.call('init', 0, 0, 1)), TrapKind.MemoryOutOfBounds);
});

test.run();
