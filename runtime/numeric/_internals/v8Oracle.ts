// TEST-ONLY: compiles a wasm module, encoded by hand here, exporting one function per scalar
// instruction so V8's own WebAssembly can serve as the oracle. Floats cross the JS boundary as
// integer bit patterns (f32 as i32, f64 as i64), so JS never touches (and quiets) a float NaN.

/** A scalar value type, by its text name. */
export type NumType = 'i32' | 'i64' | 'f32' | 'f64';
/** Parameter and result types of one instruction. */
export interface OpSig {
  readonly params: readonly NumType[];
  readonly result: NumType;
}

// Opcodes 0x45..0xc4 in order; the test suite checks the spelling against wabt's encoder.
const ONE_BYTE_OPS = `
  i32.eqz i32.eq i32.ne i32.lt_s i32.lt_u i32.gt_s i32.gt_u i32.le_s i32.le_u i32.ge_s i32.ge_u
  i64.eqz i64.eq i64.ne i64.lt_s i64.lt_u i64.gt_s i64.gt_u i64.le_s i64.le_u i64.ge_s i64.ge_u
  f32.eq f32.ne f32.lt f32.gt f32.le f32.ge f64.eq f64.ne f64.lt f64.gt f64.le f64.ge
  i32.clz i32.ctz i32.popcnt i32.add i32.sub i32.mul i32.div_s i32.div_u i32.rem_s i32.rem_u
  i32.and i32.or i32.xor i32.shl i32.shr_s i32.shr_u i32.rotl i32.rotr
  i64.clz i64.ctz i64.popcnt i64.add i64.sub i64.mul i64.div_s i64.div_u i64.rem_s i64.rem_u
  i64.and i64.or i64.xor i64.shl i64.shr_s i64.shr_u i64.rotl i64.rotr
  f32.abs f32.neg f32.ceil f32.floor f32.trunc f32.nearest f32.sqrt
  f32.add f32.sub f32.mul f32.div f32.min f32.max f32.copysign
  f64.abs f64.neg f64.ceil f64.floor f64.trunc f64.nearest f64.sqrt
  f64.add f64.sub f64.mul f64.div f64.min f64.max f64.copysign
  i32.wrap_i64 i32.trunc_f32_s i32.trunc_f32_u i32.trunc_f64_s i32.trunc_f64_u
  i64.extend_i32_s i64.extend_i32_u i64.trunc_f32_s i64.trunc_f32_u i64.trunc_f64_s i64.trunc_f64_u
  f32.convert_i32_s f32.convert_i32_u f32.convert_i64_s f32.convert_i64_u f32.demote_f64
  f64.convert_i32_s f64.convert_i32_u f64.convert_i64_s f64.convert_i64_u f64.promote_f32
  i32.reinterpret_f32 i64.reinterpret_f64 f32.reinterpret_i32 f64.reinterpret_i64
  i32.extend8_s i32.extend16_s i64.extend8_s i64.extend16_s i64.extend32_s`.trim().split(/\s+/);
// 0xfc-prefixed, sub-opcodes 0..7.
const FC_OPS = `i32.trunc_sat_f32_s i32.trunc_sat_f32_u i32.trunc_sat_f64_s i32.trunc_sat_f64_u
  i64.trunc_sat_f32_s i64.trunc_sat_f32_u i64.trunc_sat_f64_s i64.trunc_sat_f64_u`.split(/\s+/);

/** Every scalar numeric mnemonic of wasm 2.0, in opcode order. */
export const ALL_SCALAR_MNEMONICS: readonly string[] = [...ONE_BYTE_OPS, ...FC_OPS];

/** The instruction's binary encoding. */
export function opcodeBytes(mnemonic: string): number[] {
  const one = ONE_BYTE_OPS.indexOf(mnemonic);
  if (one >= 0) return [0x45 + one];
  const fc = FC_OPS.indexOf(mnemonic);
  if (fc >= 0) return [0xfc, fc];
  throw new RangeError(`not a scalar numeric instruction: ${mnemonic}`);
}

const UNARY = /^(clz|ctz|popcnt|extend\d+_s|abs|neg|ceil|floor|trunc|nearest|sqrt)$/;
const COMPARE = /^(eq|ne|lt|gt|le|ge)(_[su])?$/;

/** Signature read off the mnemonic's spelling (conversions name their source type). */
export function signatureOf(mnemonic: string): OpSig {
  const [head, op = ''] = mnemonic.split('.');
  const t = head as NumType;
  const source = /_([if](?:32|64))(?:_[su])?$/.exec(op);
  if (source) return { params: [source[1] as NumType], result: t };
  if (op === 'eqz') return { params: [t], result: 'i32' };
  if (COMPARE.test(op)) return { params: [t, t], result: 'i32' };
  if (UNARY.test(op)) return { params: [t], result: t };
  return { params: [t, t], result: t };
}

/** An oracle export: integer-typed arguments and result (f32 as i32 bits, f64 as i64 bits). */
export type OracleFn = (...args: (number | bigint)[]) => number | bigint;

const carrier = (t: NumType): number => (t === 'i32' || t === 'f32' ? 0x7f : 0x7e);
const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    const byte = n & 0x7f;
    n >>>= 7;
    out.push(n === 0 ? byte : byte | 0x80);
  } while (n !== 0);
  return out;
};
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];

// The project compiles without DOM typings, so the host's WebAssembly API is typed here,
// as narrowly as this file uses it.
interface HostWasm {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, OracleFn> };
}
const hostWasm = (): HostWasm => (globalThis as unknown as { WebAssembly: HostWasm }).WebAssembly;

/**
 * The oracle module's bytes: one export per mnemonic, under its name, taking and returning
 * integer carriers (f32 as i32 bits, f64 as i64 bits). Also run on our own tiers by
 * runtime/api/numericTier.test.ts, so both engines execute the very same bytes.
 */
export function oracleModuleBytes(mnemonics: readonly string[]): Uint8Array {
  const types: number[][] = [];
  const funcs: number[][] = [];
  const exports: number[][] = [];
  const bodies: number[][] = [];
  mnemonics.forEach((m, index) => {
    const sig = signatureOf(m);
    types.push([0x60, ...vec(sig.params.map((p) => [carrier(p)])), 1, carrier(sig.result)]);
    funcs.push(uleb(index));
    const name = [...new TextEncoder().encode(m)];
    exports.push([...uleb(name.length), ...name, 0x00, ...uleb(index)]);
    const code: number[] = [0x00]; // no locals
    sig.params.forEach((p, i) => {
      code.push(0x20, ...uleb(i)); // local.get i
      if (p === 'f32') code.push(0xbe); // f32.reinterpret_i32
      if (p === 'f64') code.push(0xbf); // f64.reinterpret_i64
    });
    code.push(...opcodeBytes(m));
    if (sig.result === 'f32') code.push(0xbc); // i32.reinterpret_f32
    if (sig.result === 'f64') code.push(0xbd); // i64.reinterpret_f64
    code.push(0x0b);
    bodies.push([...uleb(code.length), ...code]);
  });
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec(types)),
    ...section(3, vec(funcs)),
    ...section(7, vec(exports)),
    ...section(10, vec(bodies)),
  ]);
}

/** Builds and instantiates (synchronously) one module exporting each mnemonic under its name. */
export function buildV8Oracle(mnemonics: readonly string[]): Record<string, OracleFn> {
  const { Module, Instance } = hostWasm();
  return new Instance(new Module(oracleModuleBytes(mnemonics))).exports;
}
