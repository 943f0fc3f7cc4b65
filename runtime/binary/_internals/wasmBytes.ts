// Tiny byte builders for module binaries written in code (tests, the interpreter's primer):
// LEB128 encoders, names, vectors, sections, the module header, and instructions encoded from
// the opcode table. No validation: tests build broken bytes on purpose.

import { op } from '../../opcodes/table.js';

/** Byte sources accepted by the builders: numbers are single bytes. */
export type Bytes = number | readonly number[] | Uint8Array;

/** Concatenates byte sources. */
export function bytes(...parts: Bytes[]): number[] {
  const out: number[] = [];
  for (const p of parts) {
    if (typeof p === 'number') out.push(p);
    else for (const b of p) out.push(b);
  }
  return out;
}

/** Unsigned LEB128, minimal unless `width` asks for more bytes (padding with 0x80 groups). */
export function uleb(n: number | bigint, width = 0): number[] {
  let v = BigInt(n);
  const out: number[] = [];
  do {
    const b = Number(v & 0x7fn);
    v >>= 7n;
    out.push(b | (v !== 0n || out.length + 1 < width ? 0x80 : 0));
  } while (v !== 0n || out.length < width);
  return out;
}

/** Signed LEB128, minimal. */
export function sleb(n: number | bigint): number[] {
  let v = BigInt(n);
  const out: number[] = [];
  for (;;) {
    const b = Number(v & 0x7fn);
    v >>= 7n;
    const done = (v === 0n && (b & 0x40) === 0) || (v === -1n && (b & 0x40) !== 0);
    out.push(done ? b : b | 0x80);
    if (done) return out;
  }
}

/** A length-prefixed UTF-8 name. */
export function str(s: string): number[] {
  const u = new TextEncoder().encode(s);
  return bytes(uleb(u.length), u);
}

/** A vector: LEB count, then the items. */
export function vec(items: readonly Bytes[]): number[] {
  return bytes(uleb(items.length), ...items);
}

/** A section: id, LEB size, contents. */
export function section(id: number, ...contents: Bytes[]): number[] {
  const body = bytes(...contents);
  return bytes(id, uleb(body.length), body);
}

/** The 8-byte header. */
export const HEADER: readonly number[] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

/** A module: header then the given sections. */
export function mod(...sections: Bytes[]): Uint8Array {
  return Uint8Array.from(bytes(HEADER, ...sections));
}

/** Section ids by name. */
export const SEC = {
  custom: 0, type: 1, import: 2, func: 3, table: 4, memory: 5, global: 6, export: 7,
  start: 8, elem: 9, code: 10, data: 11, datacount: 12,
} as const;

/** `i32.const n; end`. */
export function i32Const(n: number): number[] {
  return bytes(0x41, sleb(n), 0x0b);
}

/** A function body with no locals: size, 0 local groups, the instructions, `end`. */
export function body(...instrs: Bytes[]): number[] {
  const b = bytes(0, ...instrs, 0x0b);
  return bytes(uleb(b.length), b);
}

/** An immediate as `ins` takes it: a number, an i64 as a bigint, or a byte/label list. */
export type ImmArg = number | bigint | readonly number[];

const f64Bytes = (x: number): number[] => Array.from(new Uint8Array(new Float64Array([x]).buffer));

/**
 * One instruction, by text name. Immediates in binary order, except that a memarg takes only
 * its offset (the alignment is the natural one), a br_table takes one list (default last) and
 * the reserved memory-index zeros are implied.
 */
export function ins(opName: string, ...imm: ImmArg[]): number[] {
  const o = op(opName);
  const out = o.prefix === 0 ? [o.code] : [o.prefix, ...uleb(o.code)];
  const n = (i: number): number => imm[i] as number;
  const align = (): number[] => uleb(Math.log2(o.memBytes ?? 1));
  switch (o.imm) {
    case 'none':
      break;
    case 'blocktype':
    case 'lane':
    case 'reftype':
      out.push(n(0));
      break;
    case 'label': case 'func': case 'local': case 'global': case 'table': case 'elem': case 'data':
      out.push(...uleb(n(0)));
      break;
    case 'br_table': {
      const labels = imm[0] as readonly number[];
      out.push(...vec(labels.slice(0, -1).map((x) => uleb(x))), ...uleb(labels[labels.length - 1]));
      break;
    }
    case 'call_indirect': case 'table_table': case 'elem_table':
      out.push(...uleb(n(0)), ...uleb(n(1)));
      break;
    case 'memarg':
      out.push(...align(), ...uleb(n(0)));
      break;
    case 'memarg_lane':
      out.push(...align(), ...uleb(n(0)), n(1));
      break;
    case 'memory':
      out.push(0);
      break;
    case 'data_memory':
      out.push(...uleb(n(0)), 0);
      break;
    case 'memory_memory':
      out.push(0, 0);
      break;
    case 'i32':
    case 'i64':
      out.push(...sleb(imm[0] as number | bigint));
      break;
    case 'f64':
      out.push(...f64Bytes(n(0)));
      break;
    case 'v128':
    case 'shuffle':
      out.push(...(imm[0] as readonly number[]));
      break;
    default:
      throw new Error(`wasmBytes: immediate kind ${o.imm} not supported`);
  }
  return out;
}
