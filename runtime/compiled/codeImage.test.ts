// The code image: functions laid out one after another with exact padding, the function
// table, the trap table (every site is a throwing call inside a function, at an instruction
// that can raise its kinds) and the address map looked up at every text position.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Reader } from '../binary/Reader.js';
import { readOp } from '../opcodes/readOp.js';
import { readImm } from '../exec/readImm.js';
import { TrapKind } from '../errors.js';
import type { Config } from '../config/knobs.js';
import { filler } from './_internals/assembleScript.js';
import { setup, watToBytes, type Setup } from './_internals/testing.js';

const BYTES = watToBytes(`(module
  (memory 1)
  (type $ii (func (param i32) (result i32)))
  (table 2 funcref)
  (elem (i32.const 0) $sq)
  (func $sq (param i32) (result i32) (i32.mul (local.get 0) (local.get 0)))
  (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
  (func (export "mem") (param i32) (result i32)
    (i32.store offset=4 (local.get 0) (i32.const 9))
    (i32.add (i32.load offset=4 (local.get 0)) (i32.load8_u (local.get 0))))
  (func (export "ind") (param i32 i32) (result i32) (call_indirect (type $ii) (local.get 0) (local.get 1)))
  (func (export "loop") (param i32) (result i32) (local i32)
    (loop $l
      (local.set 1 (i32.add (local.get 1) (call $sq (local.get 0))))
      (br_if $l (local.tee 0 (i32.sub (local.get 0) (i32.const 1)))))
    (local.get 1))
  (func (export "trap") unreachable)
)`, true);

const PADDINGS = [0, 1, 3, 4, 4096, 65535];

function compiled(config: Partial<Config>): Setup {
  return setup(BYTES, config);
}

/** Results of the module's functions, to check the layout never changes them. */
function results(s: Setup): unknown[] {
  return [s.call('div', 7, 2), s.call('mem', 100), s.call('ind', 5, 0), s.call('loop', 4)];
}

test('functions stand one after another with exactly paddingBetweenFunctions filler bytes', () => {
  const expected = results(compiled({}));
  for (const padding of PADDINGS) {
    const s = compiled({ paddingBetweenFunctions: padding });
    const { funcs, text } = s.image;
    assert.is(funcs.length, 6);
    funcs.forEach((f, i) => {
      assert.is(f.func, i, 'index order');
      const code = text.slice(f.start, f.start + f.length);
      assert.ok(code.startsWith(`function fn${i}(`), code.slice(0, 20));
      assert.ok(code.endsWith('}'));
      if (i > 0) {
        const prev = funcs[i - 1];
        const gap = text.slice(prev.start + prev.length, f.start);
        assert.is(gap.length, padding, `gap before fn${i}`);
        assert.is(gap, filler(padding));
      }
    });
    assert.is(s.image.padding, padding);
    assert.equal(results(s), expected, 'padding never changes a result');
  }
});

test('filler is exactly n bytes of comment or whitespace', () => {
  for (const n of [0, 1, 2, 3, 4, 5, 100]) {
    const f = filler(n);
    assert.is(f.length, n);
    assert.ok(/^(\/\*\.*\*\/| *)$/.test(f), JSON.stringify(f));
  }
});

test('address map: every position of every function maps into that function, nothing else does', () => {
  for (const padding of [0, 4096]) {
    const s = compiled({ paddingBetweenFunctions: padding });
    const img = s.image;
    const m = s.module.info;
    let inside = 0;
    for (let pos = 0; pos < img.text.length; pos++) {
      const f = img.funcAt(pos);
      const offset = img.offsetAt(pos);
      if (f === undefined) {
        assert.is(offset, undefined, `position ${pos} outside functions`);
        continue;
      }
      inside++;
      const body = m.funcs[f.func - m.numImportedFuncs];
      assert.ok(offset !== undefined && offset >= body.codeStart && offset < body.codeEnd, `position ${pos} of fn${f.func}: ${offset}`);
    }
    assert.is(inside, img.funcs.reduce((n, f) => n + f.length, 0));
    // Each function's first position is its prologue: the first instruction.
    for (const f of img.funcs) assert.is(img.offsetAt(f.start), m.funcs[f.func - m.numImportedFuncs].codeStart);
  }
});

test('address map entries start at instruction boundaries', () => {
  const s = compiled({});
  const m = s.module.info;
  const starts = new Set<number>();
  for (const body of m.funcs) {
    const r = new Reader(m.bytes, body.codeStart, body.codeEnd);
    while (r.pos < body.codeEnd) {
      starts.add(r.pos);
      const op = readOp(r);
      readImm(r, op.imm);
    }
  }
  for (const offset of s.image.addressMap!.offsets) assert.ok(starts.has(offset), `offset ${offset}`);
});

test('without generateAddressMap: no map, no offsets, functions still found', () => {
  const s = compiled({ generateAddressMap: false });
  assert.is(s.image.addressMap, undefined);
  for (const f of s.image.funcs) {
    assert.is(s.image.funcAt(f.start)?.func, f.func);
    assert.is(s.image.offsetAt(f.start), undefined);
  }
});

test('trap table: each site is a call inside a function, at an instruction that can raise its kinds', () => {
  for (const config of [{}, { consumeFuel: true, epochInterruption: true }, { boundsChecks: 'guarded' as const }, { optLevel: 'none' as const }]) {
    const s = compiled(config);
    const img = s.image;
    const m = s.module.info;
    assert.ok(img.trapSites.length > 0);
    let last = -1;
    for (const site of img.trapSites) {
      assert.ok(site.pos > last, 'ascending');
      last = site.pos;
      const f = img.funcAt(site.pos);
      assert.ok(f !== undefined, `site ${site.pos} inside a function`);
      // V8 reports a call at its callee's name: a helper ($...) or a DataView method.
      assert.ok(/^(\$\w+|[gs]et\w+)\(/.test(img.text.slice(site.pos, site.pos + 24)), img.text.slice(site.pos, site.pos + 24));
      const body = m.funcs[f.func - m.numImportedFuncs];
      const offset = img.offsetAt(site.pos)!;
      if (site.role === 'prologueDepth') {
        assert.is(offset, body.codeStart);
        assert.equal(site.kinds, [TrapKind.CallStackExhausted]);
        continue;
      }
      const op = readOp(new Reader(m.bytes, offset, body.codeEnd));
      for (const kind of site.kinds) {
        const checkPoint = kind === TrapKind.OutOfFuel || kind === TrapKind.Interrupt;
        const ok = checkPoint ? offset === body.codeStart || op.name === 'loop' : op.traps.includes(kind);
        assert.ok(ok, `${kind} at ${op.name} (offset ${offset})`);
      }
      if (site.role === 'guard') assert.equal(site.kinds, [TrapKind.MemoryOutOfBounds]);
    }
  }
});

test('the script is named by a hash of the bytes and the codegen knobs, never by module text', () => {
  const a = compiled({}).image.filename;
  assert.ok(/^wasm-module-[0-9a-f]{24}\.js$/.test(a), a);
  assert.is(compiled({}).image.filename, a, 'deterministic');
  assert.is(compiled({ maxCallDepth: 2000 }).image.filename, a, 'not a codegen knob');
  assert.is.not(compiled({ paddingBetweenFunctions: 1 }).image.filename, a);
  assert.is.not(compiled({ optLevel: 'none' }).image.filename, a);
  const other = setup('(module (func (export "f")))').image.filename;
  assert.is.not(other, a);
});

test.run();
