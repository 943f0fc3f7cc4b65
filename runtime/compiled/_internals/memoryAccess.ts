// JS text for scalar loads and stores of memory 0 under both bounds-check strategies:
// explicit (compare, then access) and guarded (DataView access whose RangeError is the trap,
// recognised later through the trap table). SIMD memory ops call shared helpers instead.

import { SITE } from './FuncEmitter.js';

/** How a scalar access reaches memory. */
interface Access {
  /** DataView method. */
  readonly method: string;
  /** Bytes accessed. */
  readonly size: number;
  /** Multi-byte: pass littleEndian = true. */
  readonly le: boolean;
  /** Loads: wraps the loaded number (i64 forms make a bigint). */
  readonly wrap?: (x: string) => string;
  /** Stores: turns the stored operand into what the method takes. */
  readonly value?: (x: string) => string;
  /** Explicit checks: a Uint8Array index does the same job faster (unsigned bytes). */
  readonly byte?: boolean;
}

const big = (x: string): string => `BigInt(${x})`;
const low = (mask: string) => (x: string): string => `Number(${x} & ${mask})`;

const LOADS: Readonly<Record<string, Access>> = {
  'i32.load': { method: 'getInt32', size: 4, le: true },
  'i64.load': { method: 'getBigInt64', size: 8, le: true },
  'f32.load': { method: 'getInt32', size: 4, le: true }, // f32 values are raw bits
  'f64.load': { method: 'getFloat64', size: 8, le: true },
  'i32.load8_s': { method: 'getInt8', size: 1, le: false },
  'i32.load8_u': { method: 'getUint8', size: 1, le: false, byte: true },
  'i32.load16_s': { method: 'getInt16', size: 2, le: true },
  'i32.load16_u': { method: 'getUint16', size: 2, le: true },
  'i64.load8_s': { method: 'getInt8', size: 1, le: false, wrap: big },
  'i64.load8_u': { method: 'getUint8', size: 1, le: false, wrap: big },
  'i64.load16_s': { method: 'getInt16', size: 2, le: true, wrap: big },
  'i64.load16_u': { method: 'getUint16', size: 2, le: true, wrap: big },
  'i64.load32_s': { method: 'getInt32', size: 4, le: true, wrap: big },
  'i64.load32_u': { method: 'getUint32', size: 4, le: true, wrap: big },
};

const STORES: Readonly<Record<string, Access>> = {
  'i32.store': { method: 'setInt32', size: 4, le: true },
  'i64.store': { method: 'setBigInt64', size: 8, le: true },
  'f32.store': { method: 'setInt32', size: 4, le: true },
  'f64.store': { method: 'setFloat64', size: 8, le: true },
  // Uint8Array and DataView stores keep the low bits of the number, as wasm's wrap does.
  'i32.store8': { method: 'setInt8', size: 1, le: false, byte: true },
  'i32.store16': { method: 'setInt16', size: 2, le: true },
  'i64.store8': { method: 'setUint8', size: 1, le: false, value: low('0xffn'), byte: true },
  'i64.store16': { method: 'setUint16', size: 2, le: true, value: low('0xffffn') },
  'i64.store32': { method: 'setUint32', size: 4, le: true, value: low('0xffffffffn') },
};

/** Where generated code finds memory 0: expressions for the bytes, the DataView and the length. */
export interface MemoryViews {
  readonly u8: string;
  readonly dv: string;
  readonly length: string;
  /** The trap thrower for explicit checks. */
  readonly trapOOB: string;
  /**
   * The variable holding {@link limitText} of `reach` (offset + size), when the function
   * caches one for that reach.
   */
  readonly limit?: (reach: number) => string | undefined;
}

/**
 * The first out-of-bounds address of an access reaching `reach` bytes past it, as an expression
 * of the memory length `length`: `length - reach + 1`, or 0 when nothing fits. `Math.max` and
 * `>>> 0` make V8 type it Unsigned32 (exact: memories stay below 2^31 bytes), so that
 * `(a >>> 0) >= limit` is one unsigned compare, where `a < 0 || a > length - reach` is two.
 */
export function limitText(length: string, reach: number): string {
  return `(Math.max(0, ${length} - ${reach - 1}) >>> 0)`;
}

/** True when `name` is a scalar load or store. */
export function isScalarAccess(name: string): boolean {
  return LOADS[name] !== undefined || STORES[name] !== undefined;
}

/** How far past its address scalar access `name` with `offset` reaches (offset + size). */
export function accessReach(name: string, offset: number): number {
  return offset + (LOADS[name] ?? STORES[name])!.size;
}

function address(addr: string, offset: number): string {
  return offset === 0 ? `(${addr} >>> 0)` : `((${addr} >>> 0) + ${offset})`;
}

/**
 * The explicit check, leaving in `$a` the index to access. Memories stay below 2^31 bytes
 * (MAX_PAGES), so a negative i32 address is out of bounds and the rest is an int32 compare,
 * which V8 keeps in integer registers (one unsigned compare against a cached limit, see
 * {@link limitText}); only huge offsets need the exact double form.
 */
function check(addr: string, offset: number, size: number, v: MemoryViews): { text: string; index: string } {
  const reach = offset + size;
  if (reach < 2 ** 31) {
    const index = offset === 0 ? '$a' : `$a + ${offset}`;
    const limit = v.limit?.(reach);
    if (limit !== undefined) return { text: `$a = ${addr}; if (($a >>> 0) >= ${limit}) ${SITE}${v.trapOOB}();`, index };
    return { text: `$a = ${addr}; if ($a < 0 || $a > ${v.length} - ${reach}) ${SITE}${v.trapOOB}();`, index };
  }
  return { text: `$a = ${address(addr, offset)}; if ($a + ${size} > ${v.length}) ${SITE}${v.trapOOB}();`, index: '$a' };
}

/**
 * A load statement writing `target`. The text carries {@link SITE} markers: the explicit
 * check's thrower, or the guarded DataView call (scratch `$a` holds the address).
 */
export function loadText(name: string, target: string, addr: string, offset: number, v: MemoryViews, guarded: boolean): string {
  const a = LOADS[name]!;
  const wrap = a.wrap ?? ((x: string) => x);
  const le = a.le ? ', true' : '';
  if (guarded) return `${target} = ${wrap(`${v.dv}.${SITE}${a.method}(${address(addr, offset)}${le})`)};`;
  const c = check(addr, offset, a.size, v);
  const read = a.byte ? `${v.u8}[${c.index}]` : `${v.dv}.${a.method}(${c.index}${le})`;
  return `${c.text} ${target} = ${wrap(read)};`;
}

/** A store statement (see {@link loadText} for the markers). */
export function storeText(name: string, addr: string, value: string, offset: number, v: MemoryViews, guarded: boolean): string {
  const a = STORES[name]!;
  const val = a.value !== undefined ? a.value(value) : value;
  const le = a.le ? ', true' : '';
  if (guarded) return `${v.dv}.${SITE}${a.method}(${address(addr, offset)}, ${val}${le});`;
  const c = check(addr, offset, a.size, v);
  const write = a.byte ? `${v.u8}[${c.index}] = ${val}` : `${v.dv}.${a.method}(${c.index}, ${val}${le})`;
  return `${c.text} ${write};`;
}
