// Text format to binary through wabt (npm), with every WebAssembly 2.0 feature on. wabt's own
// validation is never run: validity is our validator's job, wabt only encodes.

import wabtInit from 'wabt';
import { withEmptyTypedSelects } from './emptyTypedSelect.js';

type Wabt = Awaited<ReturnType<typeof wabtInit>>;
let wabt: Wabt | undefined;

/** Loads wabt once; call before {@link watToWasm}. */
export async function loadWabt(): Promise<void> {
  wabt ??= await wabtInit();
}

/** wabt refused the text (a syntax error, an unknown name, ...). */
export class WatError extends Error {
  override readonly name = 'WatError';
}

const FEATURES = {
  mutable_globals: true, sat_float_to_int: true, sign_extension: true, simd: true,
  multi_value: true, bulk_memory: true, reference_types: true,
};

/** Encodes a `(module ...)` text. Throws WatError when wabt cannot parse or encode it. */
export function watToWasm(text: string, filename = 'module.wat'): Uint8Array {
  if (wabt === undefined) throw new Error('watToWasm called before loadWabt()');
  let mod: ReturnType<Wabt['parseWat']> | undefined;
  try {
    // Bytes, not a JS string: wabt.js mangles non-ASCII characters passed as a string.
    mod = wabt.parseWat(filename, new TextEncoder().encode(text), FEATURES);
    mod.resolveNames();
    return withEmptyTypedSelects(text, withDataCount(mod.toBinary({ write_debug_names: true }).buffer.slice()));
  } catch (e) {
    throw new WatError((e as Error).message.replace(/^parseWat failed:\n?/, '').trim());
  } finally {
    mod?.destroy();
  }
}

/** Converts a binary to text (for reports and findings); undefined when wabt cannot. */
export function wasmToWat(bytes: Uint8Array): string | undefined {
  if (wabt === undefined) throw new Error('wasmToWat called before loadWabt()');
  let mod: ReturnType<Wabt['readWasm']> | undefined;
  try {
    mod = wabt.readWasm(bytes, { readDebugNames: true, check: false, ...FEATURES });
    mod.generateNames();
    mod.applyNames();
    return mod.toText({ foldExprs: false, inlineExport: false });
  } catch {
    return undefined;
  } finally {
    mod?.destroy();
  }
}

function readU32(b: Uint8Array, at: number): [value: number, next: number] {
  let v = 0;
  let mul = 1;
  for (;;) {
    const byte = b[at++];
    v += (byte & 0x7f) * mul;
    if (!(byte & 0x80)) return [v, at];
    mul *= 128;
  }
}

/**
 * Adds the data count section wabt leaves out. In the text format a module has no such
 * section: the spec's text-to-binary mapping supplies it, so `memory.init`/`data.drop` in a
 * text module validate by segment index. wabt writes it only in some cases, which would turn
 * the suite's "unknown data segment" checks into "data count section required".
 */
export function withDataCount(b: Uint8Array): Uint8Array {
  let at = 8;
  let codeAt = -1;
  let dataSegments = 0;
  while (at < b.length) {
    const id = b[at];
    const [size, body] = readU32(b, at + 1);
    if (id === 12) return b;
    if (id === 10 && codeAt < 0) codeAt = at;
    if (id === 11) dataSegments = readU32(b, body)[0];
    at = body + size;
  }
  if (codeAt < 0) return b;
  const count: number[] = [];
  let n = dataSegments;
  do {
    count.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0));
    n >>>= 7;
  } while (n > 0);
  const section = Uint8Array.from([12, count.length, ...count]);
  const out = new Uint8Array(b.length + section.length);
  out.set(b.subarray(0, codeAt));
  out.set(section, codeAt);
  out.set(b.subarray(codeAt), codeAt + section.length);
  return out;
}
