// Test support: hand-encodes small module binaries whose bodies are raw bytes, for the cases
// the text format cannot express (bad encodings, missing `end`, exact immediates).

/** Unsigned LEB128. */
export function leb(n: number): number[] {
  const out: number[] = [];
  do {
    const b = n & 0x7f;
    n >>>= 7;
    out.push(n === 0 ? b : b | 0x80);
  } while (n !== 0);
  return out;
}

/** A section: id, size, payload. */
export function section(id: number, payload: number[]): number[] {
  return [id, ...leb(payload.length), ...payload];
}

/** Options of {@link binModule}. */
export interface BinOptions {
  /** Declare one memory of one page. */
  memory?: boolean;
  /** Emit a data count section with this count. */
  dataCount?: number;
  /** Bytes appended after the code section (e.g. a data section). */
  trailing?: number[];
}

/**
 * A module of `[] -> []` functions, one per entry of `bodies`; each entry is the function's
 * instructions (its final `end` included or not), after an empty local declaration list.
 */
export function binModule(bodies: number[][], o: BinOptions = {}): Uint8Array {
  const code = bodies.flatMap((b) => [...leb(b.length + 1), 0x00, ...b]);
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 0, 0]),
    ...section(3, [...leb(bodies.length), ...bodies.map(() => 0)]),
    ...(o.memory ? section(5, [1, 0, 1]) : []),
    ...(o.dataCount !== undefined ? section(12, leb(o.dataCount)) : []),
    ...section(10, [...leb(bodies.length), ...code]),
    ...(o.trailing ?? []),
  ]);
}
