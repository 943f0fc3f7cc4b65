// Modules whose functions apply an instruction to CONSTANT operands (`f64.const ...;
// f64.const ...; f64.add`), so a tier that folds or specialises constants is tested on the
// same cases as one that reads operands at run time. Results cross as integer bits.

import { ModuleBuilder, sleb } from '../wasm/ModuleBuilder.js';
import type { Bits, ScalarType } from './bits.js';

/** One function: push `args` (of types `params`) as consts, run `code`, return a `result`. */
export interface ConstCase {
  readonly params: readonly ScalarType[];
  readonly args: readonly Bits[];
  /** The instruction bytes applied to the operands; empty to return the (last) const itself. */
  readonly code: readonly number[];
  readonly result: ScalarType;
}

const CARRIER: Readonly<Record<ScalarType, number>> = { i32: 0x7f, i64: 0x7e, f32: 0x7f, f64: 0x7e };
const TO_BITS: Readonly<Record<ScalarType, number[]>> = { i32: [], i64: [], f32: [0xbc], f64: [0xbd] };

/** The little-endian bytes of `n` bits of `b`. */
function littleEndian(b: Bits, bytes: number): number[] {
  let v = BigInt.asUintN(bytes * 8, BigInt(b));
  const out: number[] = [];
  for (let i = 0; i < bytes; i++, v >>= 8n) out.push(Number(v & 0xffn));
  return out;
}

/** The const instruction pushing bits `b` of type `t` (float immediates are raw bits, so NaN payloads are exact). */
export function constInstr(t: ScalarType, b: Bits): number[] {
  switch (t) {
    case 'i32': return [0x41, ...sleb(b)];
    case 'i64': return [0x42, ...sleb(b)];
    case 'f32': return [0x43, ...littleEndian(b, 4)];
    case 'f64': return [0x44, ...littleEndian(b, 8)];
  }
}

/** Export name of case `i`. */
export const constCaseExport = (i: number): string => `c${i}`;

/** A module exporting case `i` as `c<i>`, of type `() -> carrier(result)`. */
export function constCaseModule(cases: readonly ConstCase[]): Uint8Array {
  const b = new ModuleBuilder();
  const typeOf = new Map<number, number>();
  cases.forEach((c, i) => {
    const carrier = CARRIER[c.result];
    let type = typeOf.get(carrier);
    if (type === undefined) typeOf.set(carrier, (type = b.type([], [carrier])));
    const body = [...c.params.flatMap((p, k) => constInstr(p, c.args[k]!)), ...c.code, ...TO_BITS[c.result]];
    b.export(constCaseExport(i), 0, b.func(type, [], body));
  });
  return b.build();
}
