// validateCode's error precedence: an encoding error anywhere in the bodies wins over a
// validation error found earlier, as in an engine that decodes before validating; and
// checkBodyEncoding on its own. Also the br_table implementation limit.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CompileError } from '../errors.js';
import { decodeModule } from '../binary/decodeModule.js';
import { validateCode } from './validateModule.js';
import { checkBodyEncoding } from './checkBodyEncoding.js';
import { VALIDATION_LIMITS } from './limits.js';
import { binModule, leb, section } from './_internals/testBinary.js';

function errorOf(f: () => void): CompileError {
  try {
    f();
  } catch (e) {
    assert.instance(e, CompileError);
    return e as CompileError;
  }
  throw new Error('no error');
}

const TYPE_ERROR = [0x42, 0x00, 0x0b]; // i64.const 0 in a [] -> [] function
const ILLEGAL = [0x06, 0x0b];
const DATA_DROP = [0xfc, 0x09, 0x00, 0x0b];

test('a validation error alone is reported as such', () => {
  const e = errorOf(() => validateCode(decodeModule(binModule([[0x0b], TYPE_ERROR]))));
  assert.is(e.kind, 'invalid');
  assert.ok(e.message.startsWith('type mismatch'));
  assert.is(e.funcIndex, 1);
});

test('an illegal opcode in a later body wins over a type error', () => {
  const e = errorOf(() => validateCode(decodeModule(binModule([TYPE_ERROR, ILLEGAL]))));
  assert.is(e.kind, 'malformed');
  assert.ok(e.message.startsWith('illegal opcode'), e.message);
  assert.is(e.funcIndex, 1);
});

test('an encoding error later in the same body wins (binary.wast br_table case)', () => {
  // block (type 11) is invalid, but the body then runs out before its `end`s.
  const e = errorOf(() => validateCode(decodeModule(binModule([[0x02, 0x0b, 0x0b]]))));
  assert.is(e.kind, 'malformed');
  assert.ok(e.message.startsWith('unexpected end'), e.message);
});

test('a missing data count section wins over a type error, but not over an illegal opcode', () => {
  const m1 = decodeModule(binModule([TYPE_ERROR, DATA_DROP], { memory: true, trailing: section(11, [0]) }));
  const e1 = errorOf(() => validateCode(m1));
  assert.is(e1.kind, 'malformed');
  assert.is(e1.message, 'data count section required');
  const m2 = decodeModule(binModule([DATA_DROP, ILLEGAL], { memory: true, trailing: section(11, [0]) }));
  const e2 = errorOf(() => validateCode(m2));
  assert.ok(e2.message.startsWith('illegal opcode'), e2.message);
});

test('checkBodyEncoding ignores types and starts where asked', () => {
  const m = decodeModule(binModule([ILLEGAL, TYPE_ERROR]));
  checkBodyEncoding(m, 1);
  assert.ok(errorOf(() => checkBodyEncoding(m)).message.startsWith('illegal opcode'));
});

test('br_table target count is limited', () => {
  const max = VALIDATION_LIMITS.maxBrTableTargets;
  const body = (n: number): number[] => [0x02, 0x40, 0x41, 0x00, 0x0e, ...leb(n), ...new Array(n + 1).fill(0), 0x0b, 0x0b];
  validateCode(decodeModule(binModule([body(max)])));
  const e = errorOf(() => validateCode(decodeModule(binModule([body(max + 1)]))));
  assert.is(e.kind, 'malformed');
  assert.ok(e.message.includes('implementation limit'), e.message);
});

test.run();
