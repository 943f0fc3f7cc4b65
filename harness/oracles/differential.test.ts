// The oracle on hand-written modules: engines agree on a correct module; a deliberate
// miscompile is caught in results, state and host calls; V8 traps map onto ours; engine limits
// poison instead of failing; values that cannot cross V8's boundary skip it with a reason;
// fuel must agree exactly between our tiers; NaN bits the spec leaves open are not a mismatch;
// the reference runs without the storage knobs the compiled tier is tested under.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadWabt, watToWasm } from '../wat/watToWasm.js';
import { DEFAULT_CONFIG, type Config } from '../../runtime/config/knobs.js';
import { rawArray, type Raw } from '../../runtime/instance/objects.js';
import { runDifferential } from './differential.js';
import { compiledEngine } from './compiledEngine.js';
import { forReference, interpEngine } from './interpEngine.js';
import { v8Engine } from './v8Engine.js';
import { instrumentHost } from '../fuzz/instrumentHost.js';
import type { CaseVerdict, OracleCase, OracleEngine } from './types.js';

await loadWabt();

const ALL = [interpEngine, compiledEngine, v8Engine];
const config = (over: Partial<Config> = {}): Config => ({ ...DEFAULT_CONFIG, tier: 'compiled', ...over });
const args = (...xs: Raw[]): Raw[] => {
  const a = rawArray(xs.length);
  xs.forEach((x, i) => (a[i] = x));
  return a;
};
function kase(wat: string, calls: [string, Raw[]][], over: Partial<OracleCase> = {}): OracleCase {
  return { bytes: watToWasm(wat), config: config(), calls: calls.map(([name, a]) => ({ name, args: a })), fuel: 0, needsFuel: false, ...over };
}
const failedKey = (v: CaseVerdict): string => (v.kind === 'failed' ? `${v.mismatch.engines.join('/')} ${v.mismatch.key}` : v.kind);

const SUB = `(module (memory (export "mem") 1) (global (export "g") (mut i32) (i32.const 0))
  (func (export "ret") (param i32 i32) (result i32) (i32.sub (local.get 0) (local.get 1)))
  (func (export "store") (param i32 i32) (i32.store (i32.const 8) (i32.sub (local.get 0) (local.get 1))))
  (func (export "glob") (param i32 i32) (global.set 0 (i32.sub (local.get 0) (local.get 1))))
  (func $callee (param i32)) (func (export "arg") (param i32 i32) (call $callee (i32.sub (local.get 0) (local.get 1)))))`;

test('a correct module agrees on all three engines', () => {
  const v = runDifferential(kase(SUB, [['ret', args(7, 3)], ['store', args(7, 3)], ['glob', args(9, 1)]]), ALL);
  assert.equal(v, { kind: 'success', skips: [], poisons: [] });
});

test('a miscompiled i32.sub is caught in a result, memory, a global and a host call argument', () => {
  const bad = config({ faultInjection: 'miscompile-i32-sub' });
  const on = (fn: string, bytes = watToWasm(SUB)) => runDifferential({ ...kase(SUB, [[fn, args(7, 3)]]), bytes, config: bad }, ALL);
  assert.is(failedKey(on('ret')), 'interp/compiled result:i32');
  assert.is(failedKey(on('store')), 'interp/compiled memory:bytes');
  assert.is(failedKey(on('glob')), 'interp/compiled global:i32');
  assert.is(failedKey(on('arg', instrumentHost(watToWasm(SUB)))), 'interp/compiled host-calls:args');
  // An even second operand is computed right: the fault is data-dependent, as real bugs are.
  assert.is(runDifferential({ ...kase(SUB, [['ret', args(7, 2)]]), config: bad }, ALL).kind, 'success');
});

test('traps agree across engines, V8 messages included; a different trap is a mismatch', () => {
  const wat = `(module (table 1 funcref) (type $v (func))
    (func (export "div") (param i32) (result i32) (i32.div_s (i32.const 1) (local.get 0)))
    (func (export "ci") (call_indirect (type $v) (i32.const 0)))
    (func (export "cvt") (param f32) (result i32) (i32.trunc_f32_s (local.get 0))))`;
  const nan = 0x7fc00000;
  const v = runDifferential(kase(wat, [['div', args(0)], ['div', args(-1)], ['ci', args()], ['cvt', args(nan)], ['cvt', args(0x4f800000)]]), ALL);
  assert.is(v.kind, 'success');
  const seg = kase(`(module (memory 1) (data (i32.const 65535) "ab"))`, []);
  assert.is(runDifferential(seg, ALL).kind, 'success', 'a trap during instantiation');
});

test('stack exhaustion poisons, with the reason counted', () => {
  const v = runDifferential(kase(`(module (func $r (export "r") (call $r)))`, [['r', args()]]), ALL);
  assert.is(v.kind, 'poisoned');
  assert.equal(v.poisons, ['interp: stack exhaustion']);
});

test('V8 is skipped, with a reason, where values cannot cross its JS boundary or fuel is needed', () => {
  const wat = `(module (func (export "v") (param v128) (result v128) (local.get 0))
    (func (export "f") (param f32) (result f32) (local.get 0)) (func (export "i") (result i32) (i32.const 1)))`;
  const v = runDifferential(kase(wat, [['v', args(new Uint8Array(16))], ['i', args()]]), ALL);
  assert.equal([v.kind, v.skips], ['success', ['v8: v128 in signature']]);
  const snan = runDifferential(kase(wat, [['f', args(0x7fa00000)]]), ALL);
  assert.equal(snan.skips, ['v8: signalling NaN argument']);
  const loop = kase(`(module (func (export "l") (loop (br 0))))`, [['l', args()]], { needsFuel: true, fuel: 1000, config: config({ consumeFuel: true }) });
  const fuel = runDifferential(loop, ALL);
  assert.equal([fuel.kind, fuel.skips], ['success', ['v8: needs fuel']]);
});

test('fuel: our tiers must stop at the same instruction; V8 sits out calls that ran out', () => {
  const wat = `(module (global (export "n") (mut i32) (i32.const 0))
    (func (export "count") (param i32) (loop (global.set 0 (i32.sub (global.get 0) (i32.const 1))) (br_if 0 (local.tee 0 (i32.sub (local.get 0) (i32.const 1)))))))`;
  const c = kase(wat, [['count', args(5)], ['count', args(1000)]], { fuel: 100, config: config({ consumeFuel: true }) });
  const v = runDifferential(c, ALL);
  assert.equal([v.kind, v.skips], ['success', ['v8: fuel-terminated']]);
  const bad = runDifferential({ ...c, config: config({ consumeFuel: true, faultInjection: 'miscompile-i32-sub' }) }, [interpEngine, compiledEngine]);
  assert.is(bad.kind, 'failed');
});

test('NaN bits the spec leaves to the engine poison the V8 comparison instead of failing it', () => {
  // 0/0 is a NaN of any sign; V8 on x64 gives the negative one, our tiers the positive one.
  const wat = `(module (memory (export "mem") 1) (func (export "nan") (f32.store (i32.const 0) (f32.div (f32.const 0) (f32.const 0)))))`;
  const v = runDifferential(kase(wat, [['nan', args()]]), ALL);
  assert.ok(v.kind !== 'failed', JSON.stringify(v));
  if (v.kind === 'poisoned') assert.equal(v.poisons, ['v8: NaN nondeterminism']);
  // ... but our two tiers are held to the same bits.
  assert.is(runDifferential(kase(wat, [['nan', args()]]), [interpEngine, compiledEngine]).kind, 'success');
});

test('the reference runs storage knobs at their plainest and keeps every knob that changes results', () => {
  const c = config({ serializeRoundtrip: true, poolingAllocator: true, memoryInitCow: true, forceMemoryInitMemfd: true, consumeFuel: true, maxCallDepth: 1234 });
  const r = forReference(c);
  assert.equal([r.serializeRoundtrip, r.poolingAllocator, r.memoryInitCow, r.forceMemoryInitMemfd, r.moduleCache], [false, false, false, false, false]);
  assert.equal([r.consumeFuel, r.maxCallDepth, r.optLevel], [true, 1234, c.optLevel]);
  // Under those knobs the compiled tier still agrees with the plain reference.
  const wat = `(module (memory (export "mem") 1) (data (i32.const 3) "hi") (func (export "f") (i32.store8 (i32.const 1) (i32.load8_u (i32.const 4)))))`;
  assert.is(runDifferential({ ...kase(wat, [['f', args()]]), config: c, fuel: 1000 }, ALL).kind, 'success');
});

test('a session that cannot close is a finding of its own, and the other sessions still close', () => {
  let closed = 0;
  const leaky: OracleEngine = {
    name: 'compiled', canRun: () => undefined,
    open: (c) => {
      const s = compiledEngine.open(c);
      return { ...s, call: (x) => s.call(x), snapshot: () => s.snapshot(), close: () => { s.close(); throw new RangeError('depth leaked'); } };
    },
  };
  const counting: OracleEngine = { ...interpEngine, open: (c) => { const s = interpEngine.open(c); return { ...s, call: (x) => s.call(x), snapshot: () => s.snapshot(), close: () => { closed++; s.close(); } }; } };
  const v = runDifferential(kase(SUB, [['ret', args(7, 3)]]), [counting, leaky]);
  assert.is(failedKey(v), 'interp/compiled error(close:RangeError)');
  assert.is(closed, 1);
});

test('a module our validator rejects is a finding of its own', () => {
  const bytes = Uint8Array.of(0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 4, 1, 0x60, 0, 0, 3, 2, 1, 0, 10, 4, 1, 2, 0, 0x6a);
  const v = runDifferential({ ...kase('(module)', []), bytes }, ALL);
  assert.is(v.kind === 'failed' && v.mismatch.aspect, 'module');
});

test.run();
