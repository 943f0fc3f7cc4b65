// Whole-vector bitwise ops (v128.not/and/andnot/or/xor/bitselect) and v128.any_true.
// Works on 32-bit words; lane shape never matters here.

import type { SimdOp } from './_internals/types.js';
import { A, B, C, R, load, out } from './_internals/views.js';

function binary(f: (a: number, b: number) => number): (a: Uint8Array, b: Uint8Array) => Uint8Array {
  return (a, b) => {
    load(A, a);
    load(B, b);
    for (let i = 0; i < 4; i++) R.i32[i] = f(A.i32[i]!, B.i32[i]!);
    return out();
  };
}

/** v128 bitwise instructions, keyed by mnemonic. */
export const bitwiseOps = {
  'v128.not': (a: Uint8Array): Uint8Array => {
    load(A, a);
    for (let i = 0; i < 4; i++) R.i32[i] = ~A.i32[i]!;
    return out();
  },
  'v128.and': binary((a, b) => a & b),
  /** a AND NOT b: the second operand is the one complemented. */
  'v128.andnot': binary((a, b) => a & ~b),
  'v128.or': binary((a, b) => a | b),
  'v128.xor': binary((a, b) => a ^ b),
  /** Bits of v1 where the mask c is 1, of v2 where it is 0. */
  'v128.bitselect': (v1: Uint8Array, v2: Uint8Array, c: Uint8Array): Uint8Array => {
    load(A, v1);
    load(B, v2);
    load(C, c);
    for (let i = 0; i < 4; i++) R.i32[i] = (A.i32[i]! & C.i32[i]!) | (B.i32[i]! & ~C.i32[i]!);
    return out();
  },
  /** 1 if any bit is set, else 0. */
  'v128.any_true': (a: Uint8Array): number => {
    for (let i = 0; i < 16; i++) if (a[i] !== 0) return 1;
    return 0;
  },
} satisfies Record<string, SimdOp>;
