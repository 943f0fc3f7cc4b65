// The knob table is the single source: defaults, JSON loading (unknown keys rejected),
// flag parsing and random values all come from it.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { DEFAULT_CONFIG, KNOBS, knobList } from './knobs.js';
import { checkKnob, configFrom, kebab, loadConfig, parseKnobFlag } from './loadConfig.js';
import { ConfigError } from '../errors.js';

const isConfigError = (e: unknown) => e instanceof ConfigError;

test('defaults come from the table, one per knob', () => {
  assert.equal(Object.keys(DEFAULT_CONFIG).sort(), Object.keys(KNOBS).sort());
  for (const [name, knob] of knobList()) assert.equal(DEFAULT_CONFIG[name], knob.default);
});

test('every knob has a doc and a default that passes its own check', () => {
  for (const [name, knob] of knobList()) {
    assert.ok(knob.doc.length > 10, name);
    assert.equal(checkKnob(name, knob.default), knob.default);
  }
});

test('unknown keys and bad values are ConfigErrors', () => {
  assert.throws(() => configFrom({ noSuchKnob: 1 }), (e: unknown) => e instanceof ConfigError && /unknown knob "noSuchKnob"/.test((e as Error).message));
  assert.throws(() => configFrom({ consumeFuel: 'yes' }), isConfigError);
  assert.throws(() => configFrom({ maxCallDepth: 1.5 }), isConfigError);
  assert.throws(() => configFrom({ maxCallDepth: 1 }), isConfigError);
  assert.throws(() => configFrom({ tier: 'jit' }), isConfigError);
  assert.throws(() => configFrom([1]), isConfigError);
  assert.throws(() => loadConfig('{not json'), isConfigError);
  assert.throws(() => loadConfig('/no/such/config.json'), isConfigError);
});

test('inline JSON overlays the defaults', () => {
  const c = loadConfig('{"consumeFuel": true, "maxCallDepth": 5000}');
  assert.is(c.consumeFuel, true);
  assert.is(c.maxCallDepth, 5000);
  assert.is(c.tier, DEFAULT_CONFIG.tier);
});

test('flags parse by knob type', () => {
  assert.is(parseKnobFlag('consumeFuel', 'false'), false);
  assert.is(parseKnobFlag('maxCallDepth', '2048'), 2048);
  assert.throws(() => parseKnobFlag('maxCallDepth', '6x'), isConfigError);
  assert.is(kebab('maxCallDepth'), 'max-call-depth');
});

test('random values drawn from each knob always pass its check', () => {
  for (const [name, knob] of knobList()) {
    fc.assert(fc.property(knob.arbitrary() as fc.Arbitrary<unknown>, (v) => checkKnob(name, v) === v), { numRuns: 50 });
  }
});

test.run();
