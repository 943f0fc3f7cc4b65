// WebAssembly 2.0 instantiation through the public API (Engine, Module, Store, Linker,
// Instance): import matching and limits subtyping, segment initialization order and partial
// initialization after a trap, passive/declarative segments, globals from imports, exports,
// start, host errors, and the store after traps and stack exhaustion. Runs on every tier the
// Engine accepts; numeric semantics are numericTier.test.ts's business.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  Engine, Module, Store, Linker, Instance, LinkError, Trap, TrapKind,
  FuncInstance, GlobalInstance, MemoryInstance, TableInstance, ValType, type Extern, type Raw,
} from '../index.js';
import { DEFAULT_CONFIG, KNOBS, type Config } from '../config/knobs.js';
import { loadWabt, watToWasm } from '../../harness/wat/watToWasm.js';
import { OUR_TIERS } from '../../harness/oracles/engines.js';

await loadWabt();

type Imports = Record<string, Extern>;

/** A host function of the given signature. */
function host(params: ValType[], results: ValType[], body: (args: Raw[]) => Raw[] = () => []): FuncInstance {
  return { type: { params, results }, invoke: body };
}
const func = (f: FuncInstance): Extern => ({ kind: 'func', func: f });
const memory = (m: MemoryInstance): Extern => ({ kind: 'memory', memory: m });
const table = (t: TableInstance): Extern => ({ kind: 'table', table: t });
const global = (g: GlobalInstance): Extern => ({ kind: 'global', global: g });
const funcTable = (min: number, max?: number) =>
  new TableInstance({ elem: ValType.FuncRef, limits: { min, max } }, new Array(min).fill(null));

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected an exception');
}
function trapOf(f: () => unknown): Trap {
  const e = thrown(f);
  if (!(e instanceof Trap)) throw e;
  return e;
}
function linkErrorOf(f: () => unknown): LinkError {
  const e = thrown(f);
  if (!(e instanceof LinkError)) throw e;
  return e;
}
const ascii = (m: MemoryInstance, at: number, n: number) =>
  [...m.u8.subarray(at, at + n)].map((c) => (c === 0 ? '.' : String.fromCharCode(c))).join('');

/** The tests, for one engine configuration. */
function suite(tier: string, config: Partial<Config>): void {
  const engine = new Engine(config);
  const compile = (text: string) => new Module(engine, watToWasm(text));
  /** Instantiates `text` in `store` (a fresh one by default) with `imports` keyed `module.name`. */
  const inst = (text: string, imports: Imports = {}, store = new Store(engine)): Instance => {
    const linker = new Linker();
    for (const [key, ext] of Object.entries(imports)) {
      const dot = key.indexOf('.');
      linker.define(key.slice(0, dot), key.slice(dot + 1), ext);
    }
    return linker.instantiate(store, compile(text));
  };
  const t = (name: string, body: () => void) => test(`${tier}: ${name}`, body);

  t('a missing import of each kind is a LinkError "unknown import"', () => {
    for (const desc of ['(func)', '(table 1 funcref)', '(memory 1)', '(global i32)']) {
      const e = linkErrorOf(() => inst(`(module (import "env" "x" ${desc}))`));
      assert.match(e.message, /^unknown import/, desc);
    }
    // Resolved by (module, name) pairs: the right name under another module is still missing.
    const e = linkErrorOf(() => inst('(module (import "env" "f" (func)))', { 'other.f': func(host([], [])) }));
    assert.match(e.message, /^unknown import/);
  });

  t('wrong kind, function type or global type/mutability is "incompatible import type"', () => {
    const m1 = new MemoryInstance(1, undefined);
    const cases: [string, Extern][] = [
      ['(func)', memory(m1)],
      ['(memory 1)', func(host([], []))],
      ['(table 1 funcref)', global(new GlobalInstance({ type: ValType.I32, mutable: false }, 0))],
      ['(global i32)', table(funcTable(1))],
      ['(func (param i32))', func(host([], []))],
      ['(func (param i32))', func(host([ValType.I64], []))],
      ['(func (result i32))', func(host([], []))],
      ['(func (param i32) (result i32))', func(host([ValType.I32], [ValType.I32, ValType.I32]))],
      ['(global i32)', global(new GlobalInstance({ type: ValType.I64, mutable: false }, 0n))],
      ['(global i32)', global(new GlobalInstance({ type: ValType.I32, mutable: true }, 0))],
      ['(global (mut i32))', global(new GlobalInstance({ type: ValType.I32, mutable: false }, 0))],
      ['(global f32)', global(new GlobalInstance({ type: ValType.F64, mutable: false }, 0))],
      ['(global externref)', global(new GlobalInstance({ type: ValType.FuncRef, mutable: false }, null))],
      ['(table 1 externref)', table(funcTable(1))],
    ];
    for (const [desc, ext] of cases) {
      const e = linkErrorOf(() => inst(`(module (import "env" "x" ${desc}))`, { 'env.x': ext }));
      assert.match(e.message, /^incompatible import type/, desc);
    }
    // The matching ones link.
    inst('(module (import "env" "x" (func (param i32) (result i32))))', { 'env.x': func(host([ValType.I32], [ValType.I32])) });
    inst('(module (import "env" "x" (global (mut i64))))', { 'env.x': global(new GlobalInstance({ type: ValType.I64, mutable: true }, 1n)) });
  });

  t('memory imports: limits subtyping against the CURRENT size and the declared max', () => {
    const links = (want: string, m: MemoryInstance) => {
      try {
        inst(`(module (import "env" "m" (memory ${want})))`, { 'env.m': memory(m) });
        return true;
      } catch (e) {
        if (!(e instanceof LinkError)) throw e;
        assert.match(e.message, /^incompatible import type/);
        return false;
      }
    };
    const mem = (min: number, max?: number) => new MemoryInstance(min, max);
    assert.ok(links('1', mem(1)));
    assert.ok(links('1', mem(2)), 'a larger minimum is a subtype');
    assert.ok(links('1', mem(1, 3)), 'any max satisfies an import without max');
    assert.ok(links('1 2', mem(1, 2)));
    assert.ok(links('1 2', mem(2, 2)));
    assert.ok(links('1 3', mem(1, 2)), 'a smaller max is a subtype');
    assert.not.ok(links('2', mem(1)), 'minimum too small');
    assert.not.ok(links('1 2', mem(1)), 'no max where one is required');
    assert.not.ok(links('1 2', mem(1, 3)), 'max too large');
    const grown = mem(1, 4);
    assert.not.ok(links('3 4', grown));
    assert.is(grown.grow(2), 1);
    assert.ok(links('3 4', grown), 'grown to 3 pages: its current size counts');
  });

  t('table imports: limits subtyping against the current size and the declared max', () => {
    const links = (want: string, tb: TableInstance) => {
      try {
        inst(`(module (import "env" "t" (table ${want} funcref)))`, { 'env.t': table(tb) });
        return true;
      } catch (e) {
        if (!(e instanceof LinkError)) throw e;
        assert.match(e.message, /^incompatible import type/);
        return false;
      }
    };
    assert.ok(links('2', funcTable(2)));
    assert.ok(links('2', funcTable(5, 6)));
    assert.ok(links('2 10', funcTable(3, 8)));
    assert.not.ok(links('3', funcTable(2)));
    assert.not.ok(links('2 10', funcTable(2)));
    assert.not.ok(links('2 10', funcTable(2, 11)));
    const grown = funcTable(1, 10);
    assert.not.ok(links('4 10', grown));
    assert.is(grown.grow(3, null), 1);
    assert.ok(links('4 10', grown));
  });

  t('the start function runs after the segments, once', () => {
    let calls = 0;
    const i = inst(`(module (import "env" "tick" (func $tick))
      (memory (export "mem") 1) (global $g (export "g") (mut i32) (i32.const 0))
      (data (i32.const 0) "\\2a")
      (func $start (call $tick) (global.set $g (i32.add (i32.load8_u (i32.const 0)) (i32.const 1))))
      (start $start))`, { 'env.tick': func(host([], [], () => (calls++, []))) });
    assert.is(calls, 1);
    assert.is(i.getGlobal('g')!.value, 43, 'start saw the data segment');
  });

  t('a trapping start throws Trap; segments written before it stay in imported memory and table', () => {
    const mem = new MemoryInstance(1, undefined);
    const tab = funcTable(2);
    const store = new Store(engine);
    const trap = trapOf(() => inst(`(module (import "env" "m" (memory 1)) (import "env" "t" (table 2 funcref))
      (func $f) (elem (i32.const 1) $f) (data (i32.const 100) "seen")
      (func $start (i32.store8 (i32.const 0) (i32.const 33)) unreachable) (start $start))`,
    { 'env.m': memory(mem), 'env.t': table(tab) }, store));
    assert.is(trap.kind, TrapKind.Unreachable);
    assert.equal(trap.frames.map((f) => f.func), [1], 'the start function\'s frame');
    assert.is(store.state.depth, 0);
    assert.equal(inst('(module (func (export "f") (result i32) (i32.const 1)))', {}, store).getFunc('f')!.invoke([]), [1]);
    assert.is(ascii(mem, 100, 4), 'seen');
    assert.is(mem.u8[0], 33, 'the start function\'s own store before the trap');
    assert.ok(tab.elements[1] !== null && (tab.elements[1] as FuncInstance).index === 0);
    assert.is(tab.elements[0], null);
  });

  t('active data segments apply in order; a failing one writes nothing and stops the rest', () => {
    const mem = new MemoryInstance(1, undefined);
    const trap = trapOf(() => inst(`(module (import "env" "m" (memory 1))
      (data (i32.const 0) "aaaa") (data (i32.const 1) "bb")
      (data (i32.const 65534) "ccc") (data (i32.const 8) "dd"))`, { 'env.m': memory(mem) }));
    assert.is(trap.kind, TrapKind.MemoryOutOfBounds);
    assert.is(ascii(mem, 0, 4), 'abba', 'the later segment overwrote the earlier');
    assert.is(ascii(mem, 65534, 2), '..', 'the failing segment wrote none of its bytes');
    assert.is(ascii(mem, 8, 2), '..', 'segments after the failing one are not applied');
  });

  t('element segments apply before data segments; a failing one stops everything after it', () => {
    const mem = new MemoryInstance(1, undefined);
    const tab = funcTable(4);
    let started = false;
    const trap = trapOf(() => inst(`(module (import "env" "m" (memory 1)) (import "env" "t" (table 4 funcref))
      (import "env" "s" (func $s)) (func $a) (func $b)
      (elem (i32.const 0) $a $b) (elem (i32.const 3) $b $b) (elem (i32.const 2) $a)
      (data (i32.const 0) "data") (start $s))`,
    { 'env.m': memory(mem), 'env.t': table(tab), 'env.s': func(host([], [], () => ((started = true), []))) }));
    assert.is(trap.kind, TrapKind.TableOutOfBounds);
    assert.equal(tab.elements.map((e) => (e === null ? null : (e as FuncInstance).index)), [1, 2, null, null]);
    assert.is(ascii(mem, 0, 4), '....', 'data segments come after every element segment');
    assert.not.ok(started);
  });

  t('offsets from imported globals; a segment may end exactly at the end', () => {
    const mem = new MemoryInstance(1, undefined);
    const tab = funcTable(3);
    const g = (v: number) => global(new GlobalInstance({ type: ValType.I32, mutable: false }, v));
    inst(`(module (import "env" "m" (memory 1)) (import "env" "t" (table 3 funcref))
      (import "env" "mo" (global $mo i32)) (import "env" "to" (global $to i32)) (func $f)
      (elem (global.get $to) $f) (data (global.get $mo) "end"))`,
    { 'env.m': memory(mem), 'env.t': table(tab), 'env.mo': g(65533), 'env.to': g(2) });
    assert.is(ascii(mem, 65533, 3), 'end');
    assert.ok(tab.elements[2] !== null);
    // One past the end, and an offset that is negative as a signed i32, both trap.
    for (const off of [65534, -1]) {
      const e = trapOf(() => inst('(module (import "env" "m" (memory 1)) (import "env" "mo" (global i32)) (data (global.get 0) "end"))',
        { 'env.m': memory(mem), 'env.mo': g(off) }));
      assert.is(e.kind, TrapKind.MemoryOutOfBounds);
    }
  });

  t('empty segments: at the very end is fine, one past it traps', () => {
    const mem = new MemoryInstance(1, undefined);
    const tab = funcTable(2);
    const links = { 'env.m': memory(mem), 'env.t': table(tab) };
    const head = '(module (import "env" "m" (memory 1)) (import "env" "t" (table 2 funcref))';
    inst(`${head} (data (i32.const 65536) "") (elem (i32.const 2) func))`, links);
    assert.is(trapOf(() => inst(`${head} (data (i32.const 65537) ""))`, links)).kind, TrapKind.MemoryOutOfBounds);
    assert.is(trapOf(() => inst(`${head} (elem (i32.const 3) func))`, links)).kind, TrapKind.TableOutOfBounds);
  });

  t('a link error happens before any segment is written', () => {
    const mem = new MemoryInstance(1, undefined);
    const e = linkErrorOf(() => inst(`(module (import "env" "m" (memory 1)) (import "env" "missing" (func))
      (data (i32.const 0) "x"))`, { 'env.m': memory(mem) }));
    assert.match(e.message, /^unknown import/);
    assert.is(mem.u8[0], 0);
  });

  t('passive segments stay usable; active and declarative ones are dropped after instantiation', () => {
    const i = inst(`(module (memory (export "mem") 1) (table (export "tab") 4 funcref)
      (func $f (result i32) (i32.const 7))
      (data $active (i32.const 0) "A") (data $passive "PQ")
      (elem $eactive (i32.const 0) $f) (elem $epassive func $f) (elem $edecl declare func $f)
      (func (export "minit") (param i32 i32)
        (memory.init $passive (local.get 0) (i32.const 0) (local.get 1)))
      (func (export "minit_active") (param i32) (memory.init $active (i32.const 10) (i32.const 0) (local.get 0)))
      (func (export "tinit") (param i32) (table.init $epassive (i32.const 1) (i32.const 0) (local.get 0)))
      (func (export "tinit_active") (param i32) (table.init $eactive (i32.const 2) (i32.const 0) (local.get 0)))
      (func (export "tinit_decl") (param i32) (table.init $edecl (i32.const 3) (i32.const 0) (local.get 0)))
      (func (export "reffunc") (result funcref) (ref.func $f)))`);
    const mem = i.getMemory('mem')!;
    const tab = i.getTable('tab')!;
    i.getFunc('minit')!.invoke([20, 2]);
    assert.is(ascii(mem, 20, 2), 'PQ');
    i.getFunc('tinit')!.invoke([1]);
    assert.ok(tab.elements[1] !== null);
    // Zero-length inits of dropped segments are fine; any byte or element is out of bounds.
    i.getFunc('minit_active')!.invoke([0]);
    i.getFunc('tinit_active')!.invoke([0]);
    i.getFunc('tinit_decl')!.invoke([0]);
    assert.is(trapOf(() => i.getFunc('minit_active')!.invoke([1])).kind, TrapKind.MemoryOutOfBounds);
    assert.is(trapOf(() => i.getFunc('tinit_active')!.invoke([1])).kind, TrapKind.TableOutOfBounds);
    assert.is(trapOf(() => i.getFunc('tinit_decl')!.invoke([1])).kind, TrapKind.TableOutOfBounds);
    assert.is(tab.elements[3], null, 'the declarative segment was never written');
    const ref = i.getFunc('reffunc')!.invoke([])[0] as FuncInstance;
    assert.equal(ref.invoke([]), [7], 'ref.func of a declared function works');
    assert.is(ascii(mem, 0, 1), 'A');
  });

  t('globals initialised from imported globals, of every value type', () => {
    const ext = { kind: 'ext' };
    const hf = host([], []);
    const imp = (type: ValType, v: Raw) => global(new GlobalInstance({ type, mutable: false }, v));
    const i = inst(`(module
      (import "env" "i32" (global $a i32)) (import "env" "i64" (global $b i64))
      (import "env" "f32" (global $c f32)) (import "env" "f64" (global $d f64))
      (import "env" "ext" (global $e externref)) (import "env" "fn" (global $f funcref))
      (global (export "a") i32 (global.get $a)) (global (export "b") (mut i64) (global.get $b))
      (global (export "c") f32 (global.get $c)) (global (export "d") f64 (global.get $d))
      (global (export "e") externref (global.get $e)) (global (export "f") funcref (global.get $f)))`, {
      'env.i32': imp(ValType.I32, -5), 'env.i64': imp(ValType.I64, -(2n ** 63n)),
      'env.f32': imp(ValType.F32, 0x7fa00001), 'env.f64': imp(ValType.F64, -0),
      'env.ext': imp(ValType.ExternRef, ext), 'env.fn': imp(ValType.FuncRef, hf),
    });
    assert.is(i.getGlobal('a')!.value, -5);
    assert.is(i.getGlobal('b')!.value, -(2n ** 63n));
    assert.is(i.getGlobal('b')!.type.mutable, true);
    assert.is(i.getGlobal('c')!.value, 0x7fa00001, 'f32 signalling NaN bits kept');
    assert.ok(Object.is(i.getGlobal('d')!.value, -0));
    assert.is(i.getGlobal('e')!.value, ext);
    assert.is(i.getGlobal('f')!.value, hf);
  });

  t('exports of every kind; re-exported imports are the very same objects', () => {
    const mem = new MemoryInstance(1, 2);
    const tab = funcTable(1);
    const gl = new GlobalInstance({ type: ValType.I32, mutable: true }, 9);
    const hf = host([], [ValType.I32], () => [5]);
    const text = `(module (import "env" "m" (memory 1)) (import "env" "t" (table 1 funcref))
      (import "env" "g" (global (mut i32))) (import "env" "h" (func (result i32)))
      (table $ownt 2 externref) (global $ownG i64 (i64.const 3))
      (func $own (result i32) (i32.const 6))
      (export "m" (memory 0)) (export "t" (table 0)) (export "g" (global 0)) (export "h" (func 0))
      (export "own" (func $own)) (export "ownt" (table $ownt)) (export "ownG" (global $ownG))
      (export "own2" (func $own)))`;
    const i = inst(text, { 'env.m': memory(mem), 'env.t': table(tab), 'env.g': global(gl), 'env.h': func(hf) });
    assert.equal(compile(text).exports(), [
      { name: 'm', kind: 'memory' }, { name: 't', kind: 'table' }, { name: 'g', kind: 'global' },
      { name: 'h', kind: 'func' }, { name: 'own', kind: 'func' }, { name: 'ownt', kind: 'table' },
      { name: 'ownG', kind: 'global' }, { name: 'own2', kind: 'func' },
    ]);
    assert.is(i.getMemory('m'), mem);
    assert.is(i.getTable('t'), tab);
    assert.is(i.getGlobal('g'), gl);
    assert.is(i.getFunc('h'), hf);
    assert.is(i.getFunc('own'), i.getFunc('own2'), 'one function, one instance object');
    assert.equal(i.getFunc('own')!.invoke([]), [6]);
    assert.is(i.getTable('ownt')!.elements.length, 2);
    assert.is(i.getGlobal('ownG')!.value, 3n);
    assert.is(i.getFunc('m'), undefined, 'getters check the kind');
    // One function instance wherever the function is referenced.
    const j = inst(`(module (table (export "t") 1 funcref) (func $f (export "f")) (elem (i32.const 0) $f)
      (global (export "g") funcref (ref.func $f)) (func (export "r") (result funcref) (ref.func $f)))`);
    const f = j.getFunc('f')!;
    assert.is(j.getTable('t')!.elements[0], f);
    assert.is(j.getGlobal('g')!.value, f);
    assert.is(j.getFunc('r')!.invoke([])[0], f);
  });

  t('exports of one instance link into another (Linker.defineInstance)', () => {
    const store = new Store(engine);
    const a = inst(`(module (memory (export "mem") 1) (global (export "g") (mut i32) (i32.const 1))
      (func (export "inc") (global.set 0 (i32.add (global.get 0) (i32.const 1)))))`, {}, store);
    const linker = new Linker().defineInstance('a', a);
    const b = linker.instantiate(store, compile(`(module (import "a" "mem" (memory 1))
      (import "a" "g" (global $g (mut i32))) (import "a" "inc" (func $inc))
      (func (export "run") (result i32) (call $inc) (i32.store (i32.const 0) (global.get $g)) (i32.load (i32.const 0))))`));
    assert.equal(b.getFunc('run')!.invoke([]), [2]);
    assert.is(a.getMemory('mem')!.u8[0], 2, 'b wrote into a\'s memory');
  });

  t('a module and a store of different engines do not mix', () => {
    const other = new Engine(config);
    const e = linkErrorOf(() => new Linker().instantiate(new Store(other), compile('(module)')));
    assert.ok(e instanceof LinkError);
  });

  t('host errors pass through wasm unchanged, including from the start function', () => {
    // (A RangeError reading "Maximum call stack size exceeded" is deliberately left out: the
    // tier cannot tell it from a real JS stack overflow, which becomes "call stack exhausted".)
    const errors: unknown[] = [new Error('host'), 'a string', { object: true }, new RangeError('not a stack overflow')];
    let next = 0;
    const boom = host([ValType.I32], [], () => {
      throw errors[next];
    });
    const store = new Store(engine);
    const i = inst(`(module (import "env" "boom" (func $boom (param i32)))
      (func $mid (param i32) (call $boom (local.get 0)))
      (func (export "run") (call $mid (i32.const 1))) (func (export "ok") (result i32) (i32.const 1)))`,
    { 'env.boom': func(boom) }, store);
    for (next = 0; next < errors.length; next++) {
      assert.is(thrown(() => i.getFunc('run')!.invoke([])), errors[next]);
      assert.is(store.state.depth, 0);
      assert.equal(i.getFunc('ok')!.invoke([]), [1]);
    }
    next = 0;
    const e = thrown(() => inst(`(module (import "env" "boom" (func $boom (param i32)))
      (func $s (call $boom (i32.const 0))) (start $s))`, { 'env.boom': func(boom) }));
    assert.is(e, errors[0], 'not wrapped in a Trap or LinkError');
  });

  t('the store stays usable after a trap, and traps carry frames innermost first', () => {
    const store = new Store(engine);
    const text = `(module (import "env" "h" (func $h))
      (func $inner (param i32) (result i32) (i32.div_u (i32.const 1) (local.get 0)))
      (func $outer (export "run") (param i32) (result i32) (call $h) (call $inner (local.get 0))))`;
    const mod = compile(text);
    const i = new Linker().define('env', 'h', func(host([], []))).instantiate(store, mod);
    const run = i.getFunc('run')!;
    const trap = trapOf(() => run.invoke([0]));
    assert.is(trap.kind, TrapKind.IntegerDivideByZero);
    assert.equal(trap.frames.map((f) => f.func), [1, 2], 'function index space counts the import');
    assert.equal(trap.frames.map((f) => f.name), ['inner', 'outer'], 'names from the name section');
    const bodyOf = (index: number) => mod.info.funcs[index - mod.info.numImportedFuncs]!;
    const [inner, outer] = [bodyOf(1), bodyOf(2)];
    const at0 = trap.frames[0]!.offset!;
    const at1 = trap.frames[1]!.offset!;
    assert.ok(at0 >= inner.codeStart && at0 < inner.codeEnd, 'inner offset inside its body');
    assert.is(mod.info.bytes[at0], 0x6e, 'inner offset is the i32.div_u');
    assert.ok(at1 >= outer.codeStart && at1 < outer.codeEnd, 'outer offset inside its body');
    assert.is(mod.info.bytes[at1], 0x10, 'outer offset is the call');
    assert.is(store.state.depth, 0);
    assert.equal(run.invoke([1]), [1]);
  });

  t('call stack exhaustion at maxCallDepth traps, then the store runs normally', () => {
    const depth = KNOBS.maxCallDepth.min; // the smallest the knob allows
    const small = new Engine({ ...config, maxCallDepth: depth });
    const store = new Store(small);
    const i = new Linker().instantiate(store, new Module(small, watToWasm(`(module
      (func $down (export "down") (param i32) (result i32)
        (if (result i32) (local.get 0)
          (then (i32.add (i32.const 1) (call $down (i32.sub (local.get 0) (i32.const 1)))))
          (else (i32.const 0))))
      (func $forever (export "forever") (call $forever)))`)));
    const trap = trapOf(() => i.getFunc('forever')!.invoke([]));
    assert.is(trap.kind, TrapKind.CallStackExhausted);
    assert.match(trap.message, /^call stack exhausted/);
    assert.is(store.state.depth, 0);
    assert.equal(i.getFunc('down')!.invoke([depth - 1]), [depth - 1], 'exactly maxCallDepth frames');
    assert.is(trapOf(() => i.getFunc('down')!.invoke([depth])).kind, TrapKind.CallStackExhausted);
    assert.equal(i.getFunc('down')!.invoke([10]), [10]);
  });
}

for (const { name: tier } of OUR_TIERS) suite(tier, { ...DEFAULT_CONFIG, tier });

test.run();
