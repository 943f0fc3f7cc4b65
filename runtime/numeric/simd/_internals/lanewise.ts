// Builders for integer ops that apply one scalar function to each lane of a single typed view.
// The result goes through the same view, so the store itself wraps to the lane width; an op
// that must saturate clamps before returning from its lane function.

import { A, B, R, load, out } from './views.js';

/** A number-valued integer lane view of a LaneViews cell. */
export type View = 'i8' | 'u8' | 'i16' | 'u16' | 'i32' | 'u32';

/** A unary op applying `f` to each lane of `view`. */
export function unary(view: View, f: (a: number) => number): (a: Uint8Array) => Uint8Array {
  return (a) => {
    const x = load(A, a)[view];
    const r = R[view];
    for (let i = 0; i < r.length; i++) r[i] = f(x[i]!);
    return out();
  };
}

/** A binary op applying `f` to each pair of lanes of `view`. */
export function binary(view: View, f: (a: number, b: number) => number): (a: Uint8Array, b: Uint8Array) => Uint8Array {
  return (a, b) => {
    const x = load(A, a)[view];
    const y = load(B, b)[view];
    const r = R[view];
    for (let i = 0; i < r.length; i++) r[i] = f(x[i]!, y[i]!);
    return out();
  };
}

/** Clamps `x` into [lo, hi]. */
export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
