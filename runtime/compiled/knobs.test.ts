// Every codegen knob reaches the compiled tier: flipping it changes the generated text or the
// image's metadata, and never a result. A codegen knob added to the table without a case here
// fails the test, so no knob can silently stop reaching codegen.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DEFAULT_CONFIG, knobList, type Config, type KnobName } from '../config/knobs.js';
import { outcome, setup, type Setup } from './_internals/testing.js';

const WAT = `(module
  (memory 1)
  (func $sq (param i32) (result i32) (i32.mul (local.get 0) (local.get 0)))
  (func (export "run") (param i32) (result i32) (local i32)
    (loop $l
      (local.set 1 (i32.add (local.get 1) (call $sq (local.get 0))))
      (i32.store (i32.const 8) (local.get 1))
      (br_if $l (local.tee 0 (i32.sub (local.get 0) (i32.const 1)))))
    (i32.add (i32.load (i32.const 8)) (i32.const 2)))
  (func (export "fp") (param f64 f64) (result f64) (f64.div (f64.add (local.get 0) (local.get 1)) (f64.const 3)))
  (func (export "oob") (param i32) (result i32) (i32.load (local.get 0))))`;

/** Each codegen knob: a value other than the default, and what must differ in the image. */
const FLIPS: Partial<Record<KnobName, { value: Config[KnobName]; differs: (a: Setup, b: Setup) => boolean }>> = {
  paddingBetweenFunctions: { value: 333, differs: (a, b) => a.image.text !== b.image.text && b.image.funcs[1].start - b.image.funcs[0].start - b.image.funcs[0].length === 333 },
  generateAddressMap: { value: false, differs: (a, b) => a.image.addressMap !== undefined && b.image.addressMap === undefined },
  consumeFuel: { value: true, differs: (a, b) => !a.image.text.includes('st.fuel') && b.image.text.includes('st.fuel -=') },
  epochInterruption: { value: true, differs: (a, b) => !a.image.text.includes('epochDeadline') && b.image.text.includes('epochDeadline') },
  optLevel: { value: 'none', differs: (a, b) => a.image.text.includes('$dv.getInt32') && !b.image.text.includes('$dv') },
  boundsChecks: { value: 'guarded', differs: (a, b) => a.image.text.includes('$tMemory()') && !b.image.text.includes('$tMemory()') && b.image.trapSites.some((s) => s.role === 'guard') },
  unrollLoops: { value: false, differs: (a, b) => b.image.text.length < a.image.text.length },
  inlineSmallFunctions: { value: true, differs: (a, b) => a.image.text.includes('fn0(') && b.image.text.includes('il0_0') },
};

function results(s: Setup): unknown[] {
  if (s.engine.config.consumeFuel) s.store.setFuel(1_000_000);
  if (s.engine.config.epochInterruption) s.store.setEpochDeadline(1_000_000);
  return [outcome(() => s.call('run', 5)), outcome(() => s.call('fp', 1, 0.5)), outcome(() => s.call('fp', -0, Infinity)), outcome(() => s.call('oob', 65533))];
}

test('still fuzzing: every codegen knob of the table has a flip case here', () => {
  for (const [name, knob] of knobList()) {
    if (!knob.codegen || name === 'tier') continue; // the tier picks this module in the first place
    assert.ok(FLIPS[name] !== undefined, `codegen knob ${name} has no case`);
  }
});

test('each knob changes the generated code or metadata, and no result', () => {
  const base = setup(WAT);
  const expected = results(base);
  for (const [name, flip] of Object.entries(FLIPS) as [KnobName, NonNullable<(typeof FLIPS)[KnobName]>][]) {
    assert.is.not(flip.value, DEFAULT_CONFIG[name], `${name}: the flip must leave the default`);
    const flipped = setup(WAT, { [name]: flip.value });
    assert.ok(flip.differs(base, flipped), `${name}=${flip.value} reaches codegen`);
    assert.is.not(flipped.image.filename, base.image.filename, `${name} is part of the script's identity`);
    const got = results(flipped);
    // Only frame offsets may go (generateAddressMap off): compare with them removed then.
    const strip = (r: unknown[]) => JSON.parse(JSON.stringify(r, (k, v) => (k === 'offset' && name === 'generateAddressMap' ? undefined : typeof v === 'bigint' ? String(v) : v)));
    assert.equal(strip(got), strip(expected), `${name}=${flip.value} changes no result`);
  }
});

test.run();
