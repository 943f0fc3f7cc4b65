// Reads one opcode (a byte, or a prefix byte and a LEB128 sub-opcode) and returns its table
// row. Immediates are left for the caller, which reads only what it needs.

import type { Reader } from '../binary/Reader.js';
import { FC_OPS, FD_OPS, PLAIN_OPS, type OpInfo } from './table.js';

/** Reads an opcode at the cursor; an unknown one is a malformed "illegal opcode". */
export function readOp(r: Reader): OpInfo {
  const at = r.pos;
  const b = r.u8();
  const plain = PLAIN_OPS[b];
  if (plain !== undefined) return plain;
  if (b === 0xfc || b === 0xfd) {
    const sub = r.u32();
    const found = (b === 0xfc ? FC_OPS : FD_OPS)[sub];
    if (found !== undefined) return found;
    r.fail(`illegal opcode ${b.toString(16)} ${sub.toString(16)}`, at);
  }
  return r.fail(`illegal opcode ${b.toString(16)}`, at);
}
