// Magnitude bounds of f64 values computed from integers and constants, so optLevel speed can
// leave out the NaN fix where no NaN can arise: +, -, * of finite values, min, max and rounding
// of them are never NaN, and stay finite while the bound does. Leaves out division (0/0), sqrt
// and everything whose operands come from memory, locals or calls (no bound there).

/** A bound on |v| for each f64 op whose result is finite when its operands are. */
const RULES: Readonly<Record<string, (a: number, b: number) => number>> = {
  'f64.add': (a, b) => a + b,
  'f64.sub': (a, b) => a + b,
  'f64.mul': (a, b) => a * b,
  'f64.min': (a, b) => Math.max(a, b),
  'f64.max': (a, b) => Math.max(a, b),
  // Rounding to an integer moves a value by less than 1.
  'f64.ceil': (a) => a + 1,
  'f64.floor': (a) => a + 1,
  'f64.trunc': (a) => a,
  'f64.nearest': (a) => a + 1,
  // Sign-bit ops keep the magnitude.
  'f64.neg': (a) => a,
  'f64.abs': (a) => a,
  'f64.copysign': (a) => a,
  'f64.convert_i32_s': () => 2 ** 31,
  'f64.convert_i32_u': () => 2 ** 32,
};

/** The bound of an f64 constant: its magnitude when finite. */
export function constBound(v: number): number | undefined {
  return Number.isFinite(v) ? Math.abs(v) : undefined;
}

/**
 * A bound on the magnitude of op `name`'s f64 result when its f64 operands (only those, in
 * order) are bounded by `bounds` (undefined: unknown), or undefined when the result may be
 * infinite or NaN. Sound
 * in double arithmetic: rounding is monotonic, so the rounded result never exceeds the
 * rounded bound, and a finite bound means a finite, non-NaN result.
 */
export function f64Bound(name: string, bounds: readonly (number | undefined)[]): number | undefined {
  const rule = RULES[name];
  if (rule === undefined || bounds.some((b) => b === undefined)) return undefined;
  const b = rule(bounds[0] ?? 0, bounds[1] ?? 0);
  return Number.isFinite(b) ? b : undefined;
}
