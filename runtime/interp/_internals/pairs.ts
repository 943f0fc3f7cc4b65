// Pairs: a fused i32 or f64 op whose last operand is the result of the fused op (or load) just
// before it runs as one code, `d = outer(a, inner(b, c))`: one dispatch instead of two, and the
// inner result never goes through the value stack. The outer ops are the ones a computed value
// most often feeds (add, sub and the bitwise ops; f64 add, sub and mul); the inner ones are every
// fused op without a trap of its own, plus the i32 and f64 loads and the ops over two loads
// (codes.ts *_LL). The table here is the only list: `pairCases` generates their cases (and
// the *_LL ones, the plain fused f64 ops and the fused single accesses, which share their
// templates) in run.ts (`npm run gen:pairs` rewrites the marked
// region; pairs.test.ts fails when it is stale), and fuse.ts finds a pair's code by `pairCode`.

import { C, F64_BIN, I32_BIN, LOADS } from './codes.js';

/** How an inner op reads its operands: two slots, a slot and a constant, a memory load, or two
 * loads (`b1 o1 b2 o2`, codes.ts *_LL). */
type Form = 'RR' | 'RI' | 'LOAD' | 'LL';

interface Inner {
  /** Its fused code, as fuse.ts emitted it: `code b c` (c: a slot, a constant or an offset). */
  readonly code: C;
  readonly name: string;
  readonly form: Form;
}

/** Expression templates over already-read operands (each result an int32 or a double). */
const I32_EXPR: Readonly<Record<string, (x: string, y: string) => string>> = {
  'i32.add': (x, y) => `((${x} + ${y}) | 0)`,
  'i32.sub': (x, y) => `((${x} - ${y}) | 0)`,
  'i32.mul': (x, y) => `Math.imul(${x}, ${y})`,
  'i32.and': (x, y) => `(${x} & ${y})`,
  'i32.or': (x, y) => `(${x} | ${y})`,
  'i32.xor': (x, y) => `(${x} ^ ${y})`,
  'i32.shl': (x, y) => `(${x} << ${y})`,
  'i32.shr_s': (x, y) => `(${x} >> ${y})`,
  'i32.shr_u': (x, y) => `((${x} >>> ${y}) | 0)`,
  'i32.rotl': (x, y) => `((${x} << ${y}) | (${x} >>> (32 - ${y})))`,
  'i32.rotr': (x, y) => `((${x} >>> ${y}) | (${x} << (32 - ${y})))`,
};
/** f64 ops: their JS operator (a NaN result goes to run.ts's NAN_RESULT handler). */
const F64_OP: Readonly<Record<string, string>> = { 'f64.add': '+', 'f64.sub': '-', 'f64.mul': '*', 'f64.div': '/' };

const I32_OUTER = ['i32.add', 'i32.sub', 'i32.and', 'i32.or', 'i32.xor'];
/** Shift counts come from a constant far more often than from a slot: no RR pairs for these. */
const SHIFTS = new Set(['i32.shl', 'i32.shr_s', 'i32.shr_u', 'i32.rotl', 'i32.rotr']);
const I32_OPS = Object.keys(I32_EXPR);
// Every inner op is a fused form of codes.ts's tables (I32_BIN, F64_BIN, LOADS), by wasm name.
const I32_INNER: readonly Inner[] = [
  ...I32_OPS.filter((name) => !SHIFTS.has(name)).map((name): Inner => ({ code: I32_BIN[name][0], name, form: 'RR' })),
  ...I32_OPS.map((name): Inner => ({ code: I32_BIN[name][1], name, form: 'RI' })),
  { code: LOADS['i32.load'], name: 'i32.load', form: 'LOAD' },
  { code: C.I32_ADD_LL, name: 'i32.add', form: 'LL' },
];
const F64_OUTER = ['f64.add', 'f64.sub', 'f64.mul'];
const F64_INNER: readonly Inner[] = [
  ...Object.keys(F64_OP).map((name): Inner => ({ code: F64_BIN[name], name, form: 'RR' })),
  { code: LOADS['f64.load'], name: 'f64.load', form: 'LOAD' },
  { code: C.F64_ADD_LL, name: 'f64.add', form: 'LL' }, { code: C.F64_SUB_LL, name: 'f64.sub', form: 'LL' },
  { code: C.F64_MUL_LL, name: 'f64.mul', form: 'LL' },
];

const TWO_LOAD_INNER = [...I32_INNER, ...F64_INNER].filter((x) => x.form === 'LL');

/** The ops over two loads (codes.ts *_LL) by wasm name: their code and the load they absorb. */
export const TWO_LOADS: Readonly<Record<string, readonly [C, C]>> = Object.fromEntries(
  TWO_LOAD_INNER.map((x) => [x.name, [x.code, x.name.startsWith('i32.') ? C.I32_LOAD_R : C.F64_LOAD_R]]),
);

/** One pair: its code and what it computes. */
export interface Pair {
  readonly code: number;
  readonly outer: string;
  readonly inner: Inner;
}

/** Every pair, numbered densely from C.PAIR_FIRST (i32 ones first). */
export const PAIRS: readonly Pair[] = [
  ...I32_OUTER.flatMap((outer) => I32_INNER.map((inner) => ({ outer, inner }))),
  ...F64_OUTER.flatMap((outer) => F64_INNER.map((inner) => ({ outer, inner }))),
].map((p, i) => ({ ...p, code: C.PAIR_FIRST + i }));

const BY_KEY = new Map(PAIRS.map((p) => [`${p.outer} ${p.inner.code}`, p.code]));

/**
 * The pair code of wasm op `outer` over the result of fused code `inner` (as emitted: `inner b
 * c`), or undefined when there is none.
 */
export function pairCode(outer: string, inner: number): number | undefined {
  return BY_KEY.get(`${outer} ${inner}`);
}

/** Ops whose operands may be swapped, so the inner result can still be the last operand. */
// (Not the f64 ones: with two NaN operands, the result's payload depends on their order.)
export const PAIR_COMMUTES: ReadonlySet<string> = new Set(['i32.add', 'i32.and', 'i32.or', 'i32.xor']);

/** What a pair's case comment says it computes. */
function describe({ outer, inner }: Pair): string {
  const args = { RR: '(b, c)', RI: '(b, k)', LOAD: ' offset=c (b)', LL: '(load(b1 + o1), load(b2 + o2))' }[inner.form];
  return `${outer}(a, ${inner.name}${args})`;
}

/** An f64 case: its code and the ops it computes, `outer(w, inner(x, y))` or `inner(x, y)`
 * (`f64.load`: the loaded value, y). */
export interface F64Case {
  readonly code: number;
  readonly inner: string;
  readonly outer?: string;
}

/** The plain fused f64 ops (codes.ts F64_BIN), generated like the pairs. */
const F64_PLAIN: readonly Inner[] = F64_INNER.filter((x) => x.form === 'RR');

/** Every generated f64 case (run.ts computes their NaN results from this list). */
export const F64_CASES: readonly F64Case[] = [
  ...F64_PLAIN, ...TWO_LOAD_INNER.filter((x) => x.name.startsWith('f64.')),
].map((x): F64Case => ({ code: x.code, inner: x.name })).concat(
  PAIRS.filter((p) => p.outer.startsWith('f64.')).map((p) => ({ code: p.code, inner: p.inner.name, outer: p.outer })),
);

/**
 * The bounds check of an access whose address is in the i32 register file (slot `address`)
 * with offset `offset` (code slots), into run's scratch a, o, ea. Address and offset are
 * int32s, and a memory is under 2^31 bytes (MAX_PAGES), so an access is in bounds exactly when
 * the address, the offset and their int32 sum are all non-negative and the sum is at most
 * length - size: int32 operations only, which V8 compiles without speculating on the values
 * it saw (unlike `>>> 0`, or an add past int32). Written out in each case rather than called:
 * V8 does not inline a helper in the primed loop (see the architecture notes).
 */
function boundsCheck(address: string, offset: string, size: number): string[] {
  return [
    `a = __crucibleI32[fp + ${address}], o = ${offset}, ea = (a + o) | 0;`,
    `if ((a | o | ea) < 0 || ea > u8.length - ${size}) throw OUT_OF_BOUNDS;`,
  ];
}

const code = (k: number): string => (k === 0 ? '__crucibleText[pc]' : `__crucibleText[pc + ${k}]`);
/**
 * The fused single accesses (codes.ts): a load `code b k d sp` into slot d, a store `code b v k
 * sp` of slot v, at the address in slot b plus offset k. Each: name, size, the access at ea.
 */
const ACCESSES: readonly (readonly [string, number, string])[] = [
  ['I32_LOAD_R', 4, `__crucibleI32[fp + ${code(2)}] = view.getInt32(ea, true)`],
  ['F64_LOAD_R', 8, `__crucibleF64[fp + ${code(2)}] = view.getFloat64(ea, true)`],
  ['I32_STORE_R', 4, `view.setInt32(ea, __crucibleI32[fp + ${code(1)}], true)`],
  ['F64_STORE_R', 8, `view.setFloat64(ea, __crucibleF64[fp + ${code(1)}], true)`],
  ['I32_STORE8_R', 1, `u8[ea] = __crucibleI32[fp + ${code(1)}]`], // Uint8Array stores wrap modulo 2^8
  ['I32_STORE16_R', 2, `view.setInt16(ea, __crucibleI32[fp + ${code(1)}], true)`],
];

function accessCase([name, size, access]: (typeof ACCESSES)[number]): string {
  const offset = code(name.includes('LOAD') ? 1 : 2);
  const body = [...boundsCheck(code(0), offset, size), `${access};`, `sp = fp + ${code(3)}, pc += 4;`, 'break;'];
  return [`          case C.${name}: {`, ...body.map((line) => `            ${line}`), '          }'].join('\n');
}

/**
 * One generated case: `label`, then d = outer(a, inner(...)) with the inner op's operands after
 * `a`, or (no outer) d = inner(...) with them first. Two loads are made in order; before the
 * second, pc moves onto that load's slots (tagged with its offset by fuse.ts), so a trap there
 * names it (run.ts reports the instruction at `pc - 1`). Values go through run's scratch
 * variables, not consts of the case's own (see run.ts). Loads check their address in place
 * with int32 operations, as run.ts's other fused accesses do. f64 ops are JS arithmetic, and a
 * NaN result is thrown to run's handler for its exact bits (NAN_RESULT in run.ts) once the
 * case is done; the operands stay in w, x, y for it.
 */
function caseOf(label: string, comment: string, inner: Inner, outer?: string): string {
  const f64 = inner.name.startsWith('f64.');
  let moved = 0; // how far pc has moved within the case
  const at = (k: number): string => {
    const d = k - moved;
    return d === 0 ? '__crucibleText[pc]' : d < 0 ? `__crucibleText[pc - ${-d}]` : `__crucibleText[pc + ${d}]`;
  };
  const slot = (k: number): string => (f64 ? `__crucibleF64[fp + ${at(k)}]` : `__crucibleI32[fp + ${at(k)}]`);
  const lines = [`          case ${label}: { // ${comment}`];
  const emit = (...code: string[]): void => void lines.push(...code.map((line) => `            ${line}`));
  /** Emits the load from `b` (an address slot, then an offset) into `into`. */
  const load = (b: number, into: string): void => {
    emit(...boundsCheck(at(b), at(b + 1), f64 ? 8 : 4), `${into} = view.${f64 ? 'getFloat64' : 'getInt32'}(ea, true);`);
  };
  const b = outer === undefined ? 0 : 1;
  const n = b + (inner.form === 'LL' ? 4 : 2);
  if (inner.form === 'LOAD') load(b, 'y');
  else if (inner.form === 'LL') {
    load(b, 'x');
    moved = b + 3;
    emit(`pc += ${moved};`);
    load(b + 2, 'y');
  }
  if (!f64) {
    const y = inner.form === 'LOAD' ? 'y' : inner.form === 'LL' ? I32_EXPR[inner.name]('x', 'y')
      : I32_EXPR[inner.name](slot(b), inner.form === 'RI' ? at(b + 1) : slot(b + 1));
    emit(`${slot(n)} = ${outer === undefined ? y : I32_EXPR[outer](slot(0), y)};`);
    emit(`sp = fp + ${at(n + 1)}, pc += ${n + 2 - moved};`, 'break;');
  } else {
    if (inner.form === 'RR') emit(`x = ${slot(b)}, y = ${slot(b + 1)};`);
    let result = 'y';
    if (inner.form !== 'LOAD') {
      emit(`r = x ${F64_OP[inner.name]} y;`);
      result = 'r';
    }
    if (outer !== undefined) {
      emit(`w = ${slot(0)}, v = w ${F64_OP[outer]} ${result};`);
      result = 'v';
    }
    emit(`s = fp + ${at(n)}, __crucibleF64[s] = ${result};`, `sp = fp + ${at(n + 1)}, pc += ${n + 2 - moved};`);
    emit(`if (${result} !== ${result}) {`, `  o = ${label};`, '  throw NAN_RESULT;', '}', 'break;');
  }
  lines.push('          }');
  return lines.join('\n');
}

/**
 * The switch cases of run.ts: the fused single accesses, the plain fused f64 ops (`code b c d sp`), the ops over two loads
 * (codes.ts *_LL), then every pair, `code a b c d sp` (d = outer(a, inner(b, c))) or `code a b1
 * o1 b2 o2 d sp` over two loads.
 */
export function pairCases(): string {
  const out = ACCESSES.map(accessCase);
  out.push(...F64_PLAIN.map((x) => caseOf(`C.${x.name.replace('.', '_').toUpperCase()}_RR`, `${x.name}(b, c)`, x)));
  for (const x of TWO_LOAD_INNER) out.push(caseOf(`C.${x.name.replace('.', '_').toUpperCase()}_LL`, `${x.name}(load(b1 + o1), load(b2 + o2))`, x));
  for (const p of PAIRS) out.push(caseOf(String(p.code), describe(p), p.inner, p.outer));
  return out.join('\n') + '\n';
}

const BEGIN = '          // BEGIN GENERATED PAIRS (pairs.ts; `npm run gen:pairs`)\n';
const END = '          // END GENERATED PAIRS\n';

/** run.ts's source with the region between the markers replaced by `pairCases()`. */
export function withPairCases(runSource: string): string {
  const from = runSource.indexOf(BEGIN);
  const to = runSource.indexOf(END);
  if (from < 0 || to < from) throw new Error('run.ts: the generated pairs markers are missing');
  return runSource.slice(0, from + BEGIN.length) + pairCases() + runSource.slice(to);
}
