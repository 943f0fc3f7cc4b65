// Reads a constant-expression slot up to its `end`. The common shape, one constant instruction
// then `end`, is read directly; anything else is decoded instruction by instruction (as the
// reference interpreter does, so encoding errors are found) and kept for validation to reject.

import type { ConstExpr } from '../../types.js';
import { readOp } from '../../opcodes/readOp.js';
import type { Reader } from '../Reader.js';
import type { ConstSlotInstr, DecodeFacts } from './decodeFacts.js';
import { readRefType } from './readTypes.js';
import { skipBlockType, skipImmediates } from './skipImmediates.js';

const END = 0x0b;
const ELSE = 0x05;

/** Reads one constant instruction whose opcode byte `b` was just read, or undefined if it is not one. */
function readConstInstr(r: Reader, b: number): ConstExpr | undefined {
  switch (b) {
    case 0x41: return { kind: 'i32.const', value: r.s32() };
    case 0x42: return { kind: 'i64.const', value: r.s64() };
    case 0x43: return { kind: 'f32.const', value: r.f32Bits() };
    case 0x44: return { kind: 'f64.const', value: r.f64() };
    case 0x23: return { kind: 'global.get', index: r.u32() };
    case 0xd0: return { kind: 'ref.null', type: readRefType(r) };
    case 0xd2: return { kind: 'ref.func', index: r.u32() };
    case 0xfd: {
      if (r.u32() !== 12) return undefined;
      return { kind: 'v128.const', value: r.bytesN(16).slice() };
    }
    default: return undefined;
  }
}

/** Reads a constant expression and its `end`; see the file header for the odd cases. */
export function readConstExpr(r: Reader, facts: DecodeFacts): ConstExpr {
  const start = r.pos;
  const simple = readConstInstr(r, r.u8());
  if (simple !== undefined && r.peek() === END) {
    r.pos++;
    return simple;
  }
  r.pos = start;
  const instrs = readOddConst(r);
  // A fresh placeholder: validation finds the real contents under it and reports the error.
  const placeholder: ConstExpr = { kind: 'i32.const', value: 0 };
  facts.oddConsts.set(placeholder, { instrs, offset: start });
  return placeholder;
}

// Frame kinds for blocks nested inside an odd expression.
const BLOCK = 0;
const IF = 1;
const IF_ELSE = 2;

function readOddConst(r: Reader): ConstSlotInstr[] {
  const instrs: ConstSlotInstr[] = [];
  // An explicit stack, not recursion: nesting depth is bounded only by the input size.
  const frames: number[] = [];
  for (;;) {
    const b = r.peek();
    if (b === END) {
      r.pos++;
      if (frames.length === 0) return instrs;
      frames.pop();
      continue;
    }
    if (b === ELSE && frames.length > 0 && frames[frames.length - 1] === IF) {
      r.pos++;
      frames[frames.length - 1] = IF_ELSE;
      continue;
    }
    if (b === ELSE || b === -1) {
      // The reference ends the instruction sequence here, then demands `end`.
      if (r.u8() !== END) r.fail('END opcode expected', r.pos - 1);
    }
    const at = r.pos;
    const topLevel = frames.length === 0;
    if (topLevel) {
      const c = readConstInstr(r, r.u8());
      if (c !== undefined) {
        instrs.push(c);
        continue;
      }
      r.pos = at;
    }
    const op = readOp(r);
    if (topLevel) instrs.push({ kind: 'nonconst', name: op.name });
    if (op.imm === 'blocktype') {
      skipBlockType(r);
      frames.push(op.name === 'if' ? IF : BLOCK);
    } else {
      skipImmediates(r, op);
    }
  }
}
