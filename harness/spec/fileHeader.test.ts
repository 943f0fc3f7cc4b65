// File header tests: the three directives parsed, prose comments ignored, every strictness
// rule as a positioned error, and how knobs overlay and requirements skip.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { WastSyntaxError } from '../wast/errors.js';
import { DEFAULT_CONFIG } from '../../runtime/config/knobs.js';
import { headerConfig, NO_HEADER, parseFileHeader, storeSettingsFor, unmetRequirement } from './fileHeader.js';

function errorAt(src: string, line: number, col: number, reason: RegExp): void {
  try {
    parseFileHeader(src, 'h.wast');
  } catch (e) {
    assert.instance(e, WastSyntaxError);
    const err = e as WastSyntaxError;
    assert.equal([err.line, err.col], [line, col], err.message);
    assert.match(err.reason, reason);
    assert.is(err.message, `h.wast:${line}:${col}: ${err.reason}`);
    return;
  }
  assert.unreachable(`no error for: ${src}`);
}

test('all three directives, between prose comments and blank lines', () => {
  const h = parseFileHeader(
    ';; A test of things.\n;; knobs: {"consumeFuel": true, "paddingBetweenFunctions": 7}\n\n  ;;store: {"fuel": 1000}\n;; requires: {"generateAddressMap": true}\n;; More prose: with a colon.\n(module)\n',
    'h.wast',
  );
  assert.equal(h, {
    knobs: { consumeFuel: true, paddingBetweenFunctions: 7 },
    store: { fuel: 1000 },
    requires: { generateAddressMap: true },
  });
});

test('no header, CRLF line ends, and a header that ends at the first command', () => {
  assert.equal(parseFileHeader('(module)\n', 'h'), NO_HEADER);
  assert.equal(parseFileHeader('', 'h'), NO_HEADER);
  assert.equal(parseFileHeader(';; knobs: {"optLevel": "none"}\r\n(module)\r\n', 'h').knobs, { optLevel: 'none' });
  const h = parseFileHeader(';; store: {"epochDeadline": 0}\n;; knobs: {"epochInterruption": true}\n(module)', 'h');
  assert.equal(h.store, { epochDeadline: 0 });
});

test('a store setting may rely on requires instead of knobs', () => {
  const h = parseFileHeader(';; requires: {"consumeFuel": true}\n;; store: {"fuel": 5}\n', 'h');
  assert.equal(h.store, { fuel: 5 });
});

test('error: unknown directive, unknown knob, unknown store key', () => {
  errorAt(';; knob: {"consumeFuel": true}\n', 1, 4, /unknown header directive "knob" \(known: knobs, store, requires\)/);
  errorAt(';; prose\n;; knobs: {"consumeFool": true}\n', 2, 11, /knobs: unknown knob "consumeFool"/);
  errorAt(';; requires: {"addressMap": true}\n', 1, 14, /requires: unknown knob "addressMap"/);
  errorAt(';; knobs: {"consumeFuel": true}\n;; store: {"fuel": 1, "gas": 2}\n', 2, 11, /store: unknown key "gas" \(known: fuel, epochDeadline\)/);
});

test('error: bad values and bad JSON, at the JSON', () => {
  errorAt(';; knobs: {"consumeFuel": 1}\n', 1, 11, /knobs: knob consumeFuel takes true or false, got 1/);
  errorAt(';; knobs: {"paddingBetweenFunctions": 70000}\n', 1, 11, /takes a whole number from 0 to 65535/);
  errorAt(';; knobs: {"consumeFuel": true}\n;; store: {"fuel": -1}\n', 2, 11, /store: fuel takes a whole number >= 0, got -1/);
  errorAt(';; knobs: {"consumeFuel": true}\n;; store: {"fuel": 1.5}\n', 2, 11, /store: fuel takes a whole number/);
  errorAt(';;   knobs:   {"consumeFuel": true,}\n', 1, 15, /knobs: not valid JSON/);
  errorAt(';; knobs: {"a": 1} trailing\n', 1, 11, /knobs: not valid JSON/);
});

test('error: tier is not a file knob, repeated directives, store settings without their knob', () => {
  errorAt(';; knobs: {"tier": "interp"}\n', 1, 11, /knobs: "tier" cannot be set by a file/);
  errorAt(';; knobs: {}\n;; knobs: {}\n', 2, 4, /header directive "knobs" given twice \(first at line 1\)/);
  errorAt(';; store: {"fuel": 10}\n', 1, 4, /store: fuel needs the consumeFuel knob/);
  errorAt(';; knobs: {"consumeFuel": false}\n;; store: {"fuel": 10}\n', 2, 4, /store: fuel needs the consumeFuel knob/);
  errorAt(';; store: {"epochDeadline": 0}\n', 1, 4, /store: epochDeadline needs the epochInterruption knob/);
});

test('error: a directive after the first command would be ignored, so it is refused', () => {
  errorAt(';; knobs: {}\n(module)\n  ;; requires: {"generateAddressMap": true}\n', 3, 3, /header directive "requires" after the first command/);
  // Prose that merely mentions a directive word later on is fine.
  assert.equal(parseFileHeader('(module)\n;; these knobs: matter\n', 'h'), NO_HEADER);
});

test('headerConfig overlays knobs; unmetRequirement names what differs', () => {
  const h = parseFileHeader(';; knobs: {"consumeFuel": true}\n;; requires: {"generateAddressMap": true, "optLevel": "speed"}\n', 'h');
  const on = headerConfig({ ...DEFAULT_CONFIG, consumeFuel: false, generateAddressMap: true }, h);
  assert.is(on.consumeFuel, true);
  assert.is(unmetRequirement(on, h), undefined);
  const off = headerConfig({ ...DEFAULT_CONFIG, generateAddressMap: false, optLevel: 'none' }, h);
  assert.is(unmetRequirement(off, h), 'requires generateAddressMap=true (config has false), optLevel="speed" (config has "none")');
  assert.is(unmetRequirement(DEFAULT_CONFIG, NO_HEADER), undefined);
});

test('requires is judged after the overlay: a file that sets a knob meets its own requirement', () => {
  const h = parseFileHeader(';; knobs: {"generateAddressMap": true}\n;; requires: {"generateAddressMap": true}\n', 'h');
  assert.is(unmetRequirement(headerConfig({ ...DEFAULT_CONFIG, generateAddressMap: false }, h), h), undefined);
});

test('storeSettingsFor: unlimited fuel only when fuel is on and the file sets none', () => {
  const fuelOn = { ...DEFAULT_CONFIG, consumeFuel: true };
  assert.equal(storeSettingsFor(fuelOn, NO_HEADER), { fuel: Number.MAX_SAFE_INTEGER });
  assert.equal(storeSettingsFor({ ...DEFAULT_CONFIG, consumeFuel: false }, NO_HEADER), {});
  const h = parseFileHeader(';; knobs: {"consumeFuel": true, "epochInterruption": true}\n;; store: {"fuel": 3, "epochDeadline": 1}\n', 'h');
  assert.equal(storeSettingsFor(headerConfig(DEFAULT_CONFIG, h), h), { fuel: 3, epochDeadline: 1 });
});

test.run();
