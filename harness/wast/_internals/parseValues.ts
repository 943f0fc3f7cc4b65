// Parses the value forms of a script: invoke arguments (`Const`) and assert_return results
// (`Expected`, which adds NaN patterns, v128 lane patterns and operand-less references).
// Each entry point starts after the form's `(` and consumes its `)`.

import type { Const, Expected, V128Lane, V128Shape } from '../ast.js';
import type { Lexer, Position, Token } from '../lexer.js';
import { parseF32Bits, parseF64Bits, parseI32, parseI64, parseU32 } from '../literals.js';
import { closeForm, describe, expectAtom, literal, nextIn, peekIn } from './reader.js';
import { SHAPES, isShape, nanPattern, packLanes, parseLane } from './v128.js';

/** What a value form may be, and what operand-less / pattern forms are allowed. */
interface Mode {
  expected: boolean;
}

type ValueParser = (lx: Lexer, open: Position, op: Token, mode: Mode) => Expected | Const;

/** The reference types `ref.null` accepts in 2.0 scripts. */
const HEAP_TYPES: ReadonlyMap<string, 'func' | 'extern'> = new Map([
  ['func', 'func'],
  ['extern', 'extern'],
]);

/** One operand then `)`. */
function operand(lx: Lexer, open: Position, op: Token): Token {
  return expectAtom(lx, open, `an operand for ${op.text}`);
}

function floatOrNan(type: 'f32' | 'f64'): ValueParser {
  return (lx, open, op, mode) => {
    const t = operand(lx, open, op);
    const nan = mode.expected ? nanPattern(t.text) : undefined;
    if (nan) return { type, nan };
    return type === 'f32' ? { type, bits: literal(lx, t, parseF32Bits) } : { type, bits: literal(lx, t, parseF64Bits) };
  };
}

/** Value forms by opcode keyword. */
const VALUE_FORMS: ReadonlyMap<string, ValueParser> = new Map<string, ValueParser>([
  ['i32.const', (lx, open, op) => ({ type: 'i32', value: literal(lx, operand(lx, open, op), parseI32) })],
  ['i64.const', (lx, open, op) => ({ type: 'i64', value: literal(lx, operand(lx, open, op), parseI64) })],
  ['f32.const', floatOrNan('f32')],
  ['f64.const', floatOrNan('f64')],
  ['v128.const', parseV128],
  [
    'ref.null',
    (lx, open, op) => {
      const t = operand(lx, open, op);
      const ref = HEAP_TYPES.get(t.text);
      if (!ref) throw lx.errorAt(t, `unknown reference type '${t.text}' (expected func or extern)`);
      return { type: 'ref.null', ref };
    },
  ],
  [
    'ref.extern',
    (lx, open, op, mode) => {
      if (mode.expected && peekIn(lx, open).kind === ')') return { type: 'ref.extern' };
      return { type: 'ref.extern', value: literal(lx, operand(lx, open, op), parseU32) };
    },
  ],
  [
    'ref.func',
    (lx, _open, op, mode) => {
      if (!mode.expected) throw lx.errorAt(op, 'ref.func is not allowed as an argument');
      return { type: 'ref.func' };
    },
  ],
]);

function parseV128(lx: Lexer, open: Position, op: Token, mode: Mode): Expected | Const {
  const s = expectAtom(lx, open, 'a v128 shape (i8x16, i16x8, i32x4, i64x2, f32x4, f64x2)');
  if (!isShape(s.text)) throw lx.errorAt(s, `unknown v128 shape '${s.text}'`);
  const shape: V128Shape = s.text;
  const lanes: V128Lane[] = [];
  for (let i = 0; i < SHAPES[shape].lanes; i++) {
    const t = nextIn(lx, open);
    if (t.kind !== 'atom') throw lx.errorAt(t, `expected ${SHAPES[shape].lanes} lanes for ${op.text} ${shape}, found ${describe(t)}`);
    lanes.push(literal(lx, t, (text) => parseLane(shape, text, mode.expected)));
  }
  const concrete = lanes.every((l) => typeof l !== 'object') ? packLanes(shape, lanes as (number | bigint)[]) : undefined;
  if (!mode.expected) return { type: 'v128', bytes: concrete! };
  return concrete ? { type: 'v128', shape, lanes, bytes: concrete } : { type: 'v128', shape, lanes };
}

function parseValue(lx: Lexer, open: Position, mode: Mode): Expected | Const {
  const op = expectAtom(lx, open, mode.expected ? 'an expected result such as i32.const' : 'a constant such as i32.const');
  const form = VALUE_FORMS.get(op.text);
  if (!form) throw lx.errorAt(op, `unknown ${mode.expected ? 'result' : 'constant'} form '${op.text}'`);
  const value = form(lx, open, op, mode);
  closeForm(lx, open, op.text);
  return value;
}

const ARG: Mode = { expected: false };
const RESULT: Mode = { expected: true };

/** An invoke argument; `open` is its already consumed `(`. */
export function parseConst(lx: Lexer, open: Position): Const {
  return parseValue(lx, open, ARG) as Const;
}

/** An assert_return result; `open` is its already consumed `(`. */
export function parseExpected(lx: Lexer, open: Position): Expected {
  return parseValue(lx, open, RESULT) as Expected;
}
