// Test support: runs one SIMD instruction on V8's own WebAssembly. Each op gets a tiny module
// whose functions load the operands from memory, apply the op, and store the result back, so
// no float ever crosses into JS (where NaN bits could change). Compiled once per op and reused.

import { SIMD_OPS, type SimdOpFacts, type TypeLetter } from './opTable.js';

/** Memory layout shared with the JS side. */
const OPERAND_BASE = 0; // operand k at 16*k (v128 or scalar bytes)
const LOADED_AT = 64; // bytes a memory op loads
const RESULT_AT = 128; // result value, or the bytes a store writes

/** Byte size of a value of each type. */
export const TYPE_BYTES: Readonly<Record<TypeLetter, number>> = { v: 16, i: 4, I: 8, f: 4, F: 8 };

const LOAD: Readonly<Record<TypeLetter, number[]>> = {
  v: [0xfd, 0x00], i: [0x28], I: [0x29], f: [0x2a], F: [0x2b],
};
const STORE: Readonly<Record<TypeLetter, number[]>> = {
  v: [0xfd, 0x0b], i: [0x36], I: [0x37], f: [0x38], F: [0x39],
};

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

/** i32.const of a small non-negative address (sleb of values below 2^13 is one or two bytes). */
function i32Const(n: number): number[] {
  return n < 64 ? [0x41, n] : [0x41, (n & 0x7f) | 0x80, n >> 7];
}

const MEMARG = [0x00, 0x00]; // alignment hint 1 byte (always valid), offset 0

function section(id: number, body: number[]): number[] {
  return [id, ...uleb(body.length), ...body];
}

function vec(items: number[][]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

/** Body of one function: apply `op` with immediate bytes `imm` to operands in memory. */
function body(op: SimdOpFacts, imm: number[]): number[] {
  const code: number[] = [];
  const instr = [0xfd, ...uleb(op.code), ...imm];
  const k = op.imm.kind;
  if (k === 'memarg' || k === 'memargLane') {
    const isStore = op.name.includes('store');
    code.push(...i32Const(RESULT_AT));
    if (!isStore) code.push(...i32Const(LOADED_AT));
    // The v128 operand (lane loads and all stores) is operand 0.
    if (op.params.length === 2) code.push(...i32Const(OPERAND_BASE), ...LOAD.v, ...MEMARG);
    code.push(...instr);
    if (!isStore) code.push(...STORE.v, ...MEMARG);
  } else {
    if (op.result) code.push(...i32Const(RESULT_AT));
    op.params.forEach((t, i) => code.push(...i32Const(OPERAND_BASE + 16 * i), ...LOAD[t], ...MEMARG));
    code.push(...instr);
    if (op.result) code.push(...STORE[op.result], ...MEMARG);
  }
  code.push(0x0b);
  return [...uleb(1 + code.length), 0x00, ...code]; // size, no locals, code
}

/** A module exporting memory `mem` and one `() -> ()` function per immediate in `imms`. */
function buildModule(op: SimdOpFacts, imms: number[][]): Uint8Array {
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec([[0x60, 0x00, 0x00]])),
    ...section(3, vec(imms.map(() => [0x00]))),
    ...section(5, vec([[0x00, 0x01]])),
    ...section(7, vec([
      [3, 0x6d, 0x65, 0x6d, 0x02, 0x00],
      ...imms.map((_, i) => [...uleb(String(i).length), ...Buffer.from(String(i)), 0x00, ...uleb(i)]),
    ])),
    ...section(10, vec(imms.map((imm) => body(op, imm)))),
  ];
  return new Uint8Array(bytes);
}

interface Compiled {
  readonly mem: Uint8Array;
  readonly funcs: Array<() => void>;
}

// The project compiles without the DOM lib, so describe the little of the JS API used here.
interface WasmJsApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
}
const wasmJs = (globalThis as unknown as { WebAssembly: WasmJsApi }).WebAssembly;

const cache = new Map<string, Compiled>();

function instantiate(op: SimdOpFacts, imms: number[][]): Compiled {
  const ex = new wasmJs.Instance(new wasmJs.Module(buildModule(op, imms))).exports;
  return {
    mem: new Uint8Array((ex['mem'] as { buffer: ArrayBuffer }).buffer),
    funcs: imms.map((_, i) => ex[String(i)] as () => void),
  };
}

/** Lane-indexed ops get one function per lane; others one function (keyed by their immediate). */
function compiled(op: SimdOpFacts, imm: number | Uint8Array | undefined): [Compiled, number] {
  const kind = op.imm.kind;
  if (kind === 'lane' || kind === 'memargLane') {
    let c = cache.get(op.name);
    if (!c) {
      const lanes = op.imm.lanes;
      const prefix = kind === 'memargLane' ? MEMARG : [];
      c = instantiate(op, Array.from({ length: lanes }, (_, l) => [...prefix, l]));
      cache.set(op.name, c);
    }
    return [c, imm as number];
  }
  const immBytes = kind === 'memarg' ? MEMARG : imm instanceof Uint8Array ? [...imm] : [];
  const key = `${op.name} ${immBytes.join(',')}`;
  let c = cache.get(key);
  if (!c) {
    c = instantiate(op, [immBytes]);
    // Shuffle and const modules are per immediate; keep only the reusable ones.
    if (kind === 'none' || kind === 'memarg') cache.set(key, c);
  }
  return [c, 0];
}

/**
 * Runs `name` on V8 and returns the result's bytes (a v128's 16, a scalar's 4 or 8, or the
 * bytes a store writes). `operands` are the stack operands' bytes in order; for a memory op the
 * address operand is replaced by the bytes to load (stores have none). `imm` is the lane index
 * or the 16 shuffle / const bytes.
 */
export function runOnV8(name: string, operands: readonly Uint8Array[], imm?: number | Uint8Array): Uint8Array {
  const op = SIMD_OPS.get(name);
  if (!op) throw new RangeError(`no such SIMD op: ${name}`);
  const [c, fn] = compiled(op, imm);
  const isMemory = op.imm.kind === 'memarg' || op.imm.kind === 'memargLane';
  c.mem.fill(0, 0, RESULT_AT + 16);
  if (isMemory) {
    const isStore = name.includes('store');
    let rest = operands;
    if (!isStore) {
      c.mem.set(operands[0]!, LOADED_AT);
      rest = operands.slice(1);
    }
    if (rest[0]) c.mem.set(rest[0], OPERAND_BASE);
  } else {
    operands.forEach((o, i) => c.mem.set(o, OPERAND_BASE + 16 * i));
  }
  c.funcs[fn]!();
  const size = isMemory
    ? name.includes('store') ? (op.imm.kind === 'memargLane' ? op.imm.bytes : 16) : 16
    : op.result ? TYPE_BYTES[op.result] : 0;
  return c.mem.slice(RESULT_AT, RESULT_AT + size);
}
