// Function bodies of a code section as (locals, instruction bytes), their instructions as
// byte ranges with decoded immediates, and the way back to a code section. Rewrites splice
// raw instruction bytes; nothing here checks that the result validates.

import { Reader } from '../../../runtime/binary/Reader.js';
import { readOp } from '../../../runtime/opcodes/readOp.js';
import type { OpInfo } from '../../../runtime/opcodes/table.js';
import { readImm, type Imm } from '../../../runtime/exec/readImm.js';
import type { ValType } from '../../../runtime/types.js';
import { ByteWriter } from '../../wasm/ByteWriter.js';

/** One function body. */
export interface Body {
  /** Local declarations as runs: [count, type]. */
  readonly locals: readonly (readonly [number, ValType])[];
  /** The instructions, including the final `end`. */
  readonly code: Uint8Array;
}

/** One instruction of a body: its table row, immediates and byte range in `code`. */
export interface Instr {
  readonly op: OpInfo;
  readonly imm: Imm;
  readonly start: number;
  readonly end: number;
}

/** The bodies of a code section. */
export function readBodies(codeSection: Uint8Array): Body[] {
  const r = new Reader(codeSection);
  const n = r.u32();
  const out: Body[] = [];
  for (let i = 0; i < n; i++) {
    const size = r.u32();
    const end = r.pos + size;
    const runs = r.u32();
    const locals: [number, ValType][] = [];
    for (let k = 0; k < runs; k++) {
      const count = r.u32();
      locals.push([count, r.u8() as ValType]);
    }
    out.push({ locals, code: codeSection.subarray(r.pos, end) });
    r.pos = end;
  }
  return out;
}

/** A code section from bodies. */
export function writeBodies(bodies: readonly Body[]): Uint8Array {
  const w = new ByteWriter(1024).uleb(bodies.length);
  const one = new ByteWriter(256);
  for (const b of bodies) {
    one.reset().uleb(b.locals.length);
    for (const [count, type] of b.locals) one.uleb(count).u8(type);
    one.bytes(b.code);
    w.append(one, true);
  }
  return w.finish();
}

/** The instructions of `code` in order (the last one is the body's `end`). */
export function instrs(code: Uint8Array): Instr[] {
  const r = new Reader(code);
  const out: Instr[] = [];
  while (!r.atEnd()) {
    const start = r.pos;
    const op = readOp(r);
    const imm = readImm(r, op.imm);
    out.push({ op, imm, start, end: r.pos });
  }
  return out;
}

/** The locals a body declares, expanded (params not included). */
export function expandLocals(b: Body): ValType[] {
  const out: ValType[] = [];
  for (const [count, type] of b.locals) for (let i = 0; i < count; i++) out.push(type);
  return out;
}

/**
 * Rebuilds `code` with each instruction replaced by what `edit` returns for it: undefined keeps
 * the instruction's own bytes, an array (possibly empty) replaces them.
 */
export function rewriteCode(code: Uint8Array, edit: (ins: Instr) => ArrayLike<number> | undefined): Uint8Array {
  const w = new ByteWriter(code.length + 32);
  for (const ins of instrs(code)) {
    const repl = edit(ins);
    w.bytes(repl ?? code.subarray(ins.start, ins.end));
  }
  return w.finish();
}
