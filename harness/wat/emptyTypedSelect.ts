// wabt (npm) encodes the typed select with an empty result list, `select (result)`, as the
// untyped select 0x1b. The text format means 0x1c 0x00: a typed select with zero types, which
// validation rejects by arity. When EVERY select in a module is written that way, each 0x1b in
// the code is one of them, so re-encoding them all is exact; any other mix is left as wabt
// wrote it (the text-to-select mapping would need wabt's parse tree).

import { Reader } from '../../runtime/binary/Reader.js';
import { readOp } from '../../runtime/opcodes/readOp.js';
import { readImm } from '../../runtime/exec/readImm.js';
import { ByteWriter } from '../wasm/ByteWriter.js';
import { tokenize, type Token } from '../wast/lexer.js';

/** Counts `select` instructions in module text, and those written `select (result)`. */
export function countSelects(text: string): { all: number; emptyTyped: number } {
  let tokens: Token[];
  try {
    tokens = tokenize(text);
  } catch {
    return { all: 0, emptyTyped: 0 };
  }
  let all = 0;
  let emptyTyped = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].kind !== 'atom' || tokens[i].text !== 'select') continue;
    all++;
    const [a, b, c] = [tokens[i + 1], tokens[i + 2], tokens[i + 3]];
    if (a?.kind === '(' && b?.kind === 'atom' && b.text === 'result' && c?.kind === ')') emptyTyped++;
  }
  return { all, emptyTyped };
}

/** Re-encodes every untyped select in the code section as `select_t` with zero types. */
function retypeSelects(wasm: Uint8Array): Uint8Array {
  const r = new Reader(wasm, 8);
  const out = new ByteWriter(wasm.length + 16).bytes(wasm.subarray(0, 8));
  while (!r.atEnd()) {
    const id = r.u8();
    const size = r.u32();
    const start = r.pos;
    r.pos += size;
    if (id !== 10) {
      out.u8(id).uleb(size).bytes(wasm.subarray(start, start + size));
      continue;
    }
    const code = new Reader(wasm, start, start + size);
    const section = new ByteWriter(size + 16);
    const count = code.u32();
    section.uleb(count);
    for (let f = 0; f < count; f++) {
      const bodySize = code.u32();
      const bodyStart = code.pos;
      const body = new Reader(wasm, bodyStart, bodyStart + bodySize);
      for (let groups = body.u32(); groups > 0; groups--) {
        body.u32();
        body.u8();
      }
      const rewritten = new ByteWriter(bodySize + 8).bytes(wasm.subarray(bodyStart, body.pos));
      while (!body.atEnd()) {
        const at = body.pos;
        const op = readOp(body);
        readImm(body, op.imm);
        if (op.name === 'select') rewritten.u8(0x1c).u8(0x00);
        else rewritten.bytes(wasm.subarray(at, body.pos));
      }
      section.append(rewritten, true);
      code.pos = bodyStart + bodySize;
    }
    out.section(10, section);
  }
  return out.finish();
}

/** `wasm` (wabt's encoding of `text`) with empty typed selects encoded as the text means. */
export function withEmptyTypedSelects(text: string, wasm: Uint8Array): Uint8Array {
  const { all, emptyTyped } = countSelects(text);
  return emptyTyped > 0 && emptyTyped === all ? retypeSelects(wasm) : wasm;
}
