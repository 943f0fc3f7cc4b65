// NaN canonicalization of a module: after every instruction that may produce a NaN whose bits
// the spec leaves open (float arithmetic, scalar and SIMD), insert code that replaces a NaN by
// the positive canonical NaN. Engines then agree bit for bit wherever the spec lets them
// differ, so a V8 disagreement that survives this is real. Const, load, reinterpret and the
// sign-bit ops are left alone: their bits are determined.

import { ByteWriter } from '../wasm/ByteWriter.js';
import { ValType } from '../../runtime/types.js';
import { rewriteBodies } from '../fuzz/wasm/rewriteBodies.js';

const SCALAR_NAN = /^f(32|64)\.(add|sub|mul|div|sqrt|min|max|ceil|floor|trunc|nearest)$|^f32\.demote_f64$|^f64\.promote_f32$/;
const SIMD_NAN = /^f(32x4|64x2)\.(add|sub|mul|div|sqrt|min|max|ceil|floor|trunc|nearest)$|^f32x4\.demote_f64x2_zero$|^f64x2\.promote_low_f32x4$/;

type Kind = 'f32' | 'f64' | 'f32x4' | 'f64x2';

/** Which canonicalization an op's result needs, or undefined. */
function kindOf(name: string): Kind | undefined {
  if (SCALAR_NAN.test(name)) return name.startsWith('f32') ? 'f32' : 'f64';
  if (SIMD_NAN.test(name)) return name.startsWith('f32x4') ? 'f32x4' : 'f64x2';
  return undefined;
}

const SCRATCH: Readonly<Record<Kind, ValType>> = { f32: ValType.F32, f64: ValType.F64, f32x4: ValType.V128, f64x2: ValType.V128 };

/** `value` stays on the stack: v == v ? v : canonical (select); lane-wise with bitselect. */
function canonicalize(kind: Kind, t: number): number[] {
  const w = new ByteWriter(48);
  w.u8(0x22).uleb(t); // local.tee t
  switch (kind) {
    case 'f32': w.u8(0x43).bits32(0x7fc00000); break;
    case 'f64': w.u8(0x44).bits64(0x7ff8000000000000n); break;
    case 'f32x4': w.u8(0xfd).uleb(0x0c); for (let i = 0; i < 4; i++) w.bits32(0x7fc00000); break;
    case 'f64x2': w.u8(0xfd).uleb(0x0c); for (let i = 0; i < 2; i++) w.bits64(0x7ff8000000000000n); break;
  }
  w.u8(0x20).uleb(t).u8(0x20).uleb(t); // local.get t; local.get t
  switch (kind) {
    case 'f32': w.u8(0x5b).u8(0x1b); break; // f32.eq; select
    case 'f64': w.u8(0x61).u8(0x1b); break; // f64.eq; select
    case 'f32x4': w.u8(0xfd).uleb(0x41).u8(0xfd).uleb(0x52); break; // f32x4.eq; v128.bitselect
    case 'f64x2': w.u8(0xfd).uleb(0x47).u8(0xfd).uleb(0x52); break; // f64x2.eq; v128.bitselect
  }
  return w.toArray();
}


/**
 * `bytes` with every NaN-producing float result canonicalized, or undefined when the module
 * has no such instruction (canonicalizing would change nothing).
 */
export function denan(bytes: Uint8Array): Uint8Array | undefined {
  return rewriteBodies(bytes, (ins, code, scratch) => {
    const kind = kindOf(ins.op.name);
    if (kind === undefined) return undefined;
    return [...code.subarray(ins.start, ins.end), ...canonicalize(kind, scratch(SCRATCH[kind]))];
  });
}
