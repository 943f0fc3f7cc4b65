// A wasm-level stand-in for a miscompiled instruction, for measuring the generator: every
// `i32.add` or `i32.sub` of a module becomes code that is one too little when its second
// operand is odd (the fault the compiled tier's test-only knob injects). Running the mutant
// on a correct engine beside the original shows whether a case observes the instruction at
// all, without the engine having to know about the fault. Other opcodes are left out.

import { ValType } from '../../../runtime/types.js';
import { ByteWriter } from '../../wasm/ByteWriter.js';
import { rewriteBodies } from './rewriteBodies.js';

/** The instructions this file can miscompile. */
export type MiscompiledOp = 'i32.add' | 'i32.sub';

const OPCODE: Readonly<Record<MiscompiledOp, number>> = { 'i32.add': 0x6a, 'i32.sub': 0x6b };

/**
 * `bytes` with every `op` computing `a op b - (b & 1)`, or undefined when the module has no
 * `op` (the mutant would be the module itself).
 */
export function miscompileOp(bytes: Uint8Array, op: MiscompiledOp): Uint8Array | undefined {
  return rewriteBodies(bytes, (ins, _code, scratch) => {
    if (ins.op.prefix !== 0 || ins.op.code !== OPCODE[op]) return undefined;
    const s = scratch(ValType.I32);
    // local.tee s; op; local.get s; i32.const 1; i32.and; i32.sub
    return new ByteWriter(16).u8(0x22).uleb(s).u8(OPCODE[op]).u8(0x20).uleb(s).u8(0x41).u8(1).u8(0x71).u8(0x6b).toArray();
  });
}
