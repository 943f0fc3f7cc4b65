// v128 literals: the lane shapes, lane parsing into unsigned bit patterns, and packing lanes
// into 16 little-endian bytes. NaN lane patterns are recognised only when asked for.

import type { NanKind, V128Lane, V128Shape } from '../ast.js';
import { parseF32Bits, parseF64Bits, parseIntBits } from '../literals.js';

/** Facts about one shape. */
interface ShapeInfo {
  lanes: number;
  /** Lane width in bits. */
  width: 8 | 16 | 32 | 64;
  float: boolean;
}

/** Every v128 shape. */
export const SHAPES: Readonly<Record<V128Shape, ShapeInfo>> = {
  i8x16: { lanes: 16, width: 8, float: false },
  i16x8: { lanes: 8, width: 16, float: false },
  i32x4: { lanes: 4, width: 32, float: false },
  i64x2: { lanes: 2, width: 64, float: false },
  f32x4: { lanes: 4, width: 32, float: true },
  f64x2: { lanes: 2, width: 64, float: true },
};

/** Whether `s` names a shape. */
export function isShape(s: string): s is V128Shape {
  return Object.hasOwn(SHAPES, s);
}

const NAN_PATTERNS: ReadonlyMap<string, NanKind> = new Map([
  ['nan:canonical', 'canonical'],
  ['nan:arithmetic', 'arithmetic'],
]);

/** The NaN pattern an atom names, if any. */
export function nanPattern(text: string): NanKind | undefined {
  return NAN_PATTERNS.get(text);
}

/**
 * One lane literal as its unsigned bit pattern (number up to 32 bits, bigint for 64), or a
 * NaN pattern when `allowNan` and the shape is a float shape. Throws LiteralError.
 */
export function parseLane(shape: V128Shape, text: string, allowNan: boolean): V128Lane {
  const { width, float } = SHAPES[shape];
  if (float) {
    const nan = allowNan ? nanPattern(text) : undefined;
    if (nan) return { nan };
    return width === 32 ? parseF32Bits(text) : parseF64Bits(text);
  }
  const bits = parseIntBits(text, width);
  return width === 64 ? bits : Number(bits);
}

/** The 16 little-endian bytes of concrete lanes (no NaN patterns). */
export function packLanes(shape: V128Shape, lanes: readonly (number | bigint)[]): Uint8Array {
  const bytes = new Uint8Array(16);
  const view = new DataView(bytes.buffer);
  const { width } = SHAPES[shape];
  lanes.forEach((lane, i) => {
    const at = (i * width) / 8;
    if (width === 8) view.setUint8(at, Number(lane));
    else if (width === 16) view.setUint16(at, Number(lane), true);
    else if (width === 32) view.setUint32(at, Number(lane), true);
    else view.setBigUint64(at, BigInt(lane), true);
  });
  return bytes;
}
