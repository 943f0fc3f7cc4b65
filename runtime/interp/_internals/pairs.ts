// Pairs: a fused i32 or f64 op whose last operand is the result of the fused op (or load) just
// before it runs as one code, `d = outer(a, inner(b, c))`: one dispatch instead of two, and the
// inner result never goes through the value stack. The outer ops are the ones a computed value
// most often feeds (add, sub and the bitwise ops; f64 add, sub and mul); the inner ones are every
// fused op without a trap of its own, plus the i32 and f64 loads. The table here is the only
// list: `pairCases` generates their cases in run.ts (`npm run gen:pairs` rewrites the marked
// region; pairs.test.ts fails when it is stale), and fuse.ts finds a pair's code by `pairCode`.

import { C } from './codes.js';

/** How an inner op reads its operands: two slots, a slot and a constant, or a memory load. */
type Form = 'RR' | 'RI' | 'LOAD';

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
  'i32.rotl': (x, y) => `rotl(${x}, ${y})`,
  'i32.rotr': (x, y) => `rotr(${x}, ${y})`,
};
const F64_EXPR: Readonly<Record<string, (x: string, y: string) => string>> = {
  'f64.add': (x, y) => `f64Add(${x}, ${y})`,
  'f64.sub': (x, y) => `f64Sub(${x}, ${y})`,
  'f64.mul': (x, y) => `f64Mul(${x}, ${y})`,
  'f64.div': (x, y) => `f64Div(${x}, ${y})`,
};

const I32_OUTER = ['i32.add', 'i32.sub', 'i32.and', 'i32.or', 'i32.xor'];
const I32_INNER: readonly Inner[] = [
  { code: C.I32_ADD_RR, name: 'i32.add', form: 'RR' }, { code: C.I32_SUB_RR, name: 'i32.sub', form: 'RR' },
  { code: C.I32_MUL_RR, name: 'i32.mul', form: 'RR' }, { code: C.I32_AND_RR, name: 'i32.and', form: 'RR' },
  { code: C.I32_OR_RR, name: 'i32.or', form: 'RR' }, { code: C.I32_XOR_RR, name: 'i32.xor', form: 'RR' },
  { code: C.I32_ADD_RI, name: 'i32.add', form: 'RI' }, { code: C.I32_SUB_RI, name: 'i32.sub', form: 'RI' },
  { code: C.I32_MUL_RI, name: 'i32.mul', form: 'RI' }, { code: C.I32_AND_RI, name: 'i32.and', form: 'RI' },
  { code: C.I32_OR_RI, name: 'i32.or', form: 'RI' }, { code: C.I32_XOR_RI, name: 'i32.xor', form: 'RI' },
  { code: C.I32_SHL_RI, name: 'i32.shl', form: 'RI' }, { code: C.I32_SHR_S_RI, name: 'i32.shr_s', form: 'RI' },
  { code: C.I32_SHR_U_RI, name: 'i32.shr_u', form: 'RI' }, { code: C.I32_ROTL_RI, name: 'i32.rotl', form: 'RI' },
  { code: C.I32_ROTR_RI, name: 'i32.rotr', form: 'RI' }, { code: C.I32_LOAD_R, name: 'i32.load', form: 'LOAD' },
];
const F64_OUTER = ['f64.add', 'f64.sub', 'f64.mul'];
const F64_INNER: readonly Inner[] = [
  { code: C.F64_ADD_RR, name: 'f64.add', form: 'RR' }, { code: C.F64_SUB_RR, name: 'f64.sub', form: 'RR' },
  { code: C.F64_MUL_RR, name: 'f64.mul', form: 'RR' }, { code: C.F64_DIV_RR, name: 'f64.div', form: 'RR' },
  { code: C.F64_LOAD_R, name: 'f64.load', form: 'LOAD' },
];

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

/** The switch cases of run.ts for every pair (`code a b c d sp`: d = outer(a, inner(b, c))). */
export function pairCases(): string {
  const out: string[] = [];
  for (const { code, outer, inner } of PAIRS) {
    const f64 = outer.startsWith('f64.');
    const bank = f64 ? 'fstk' : 'stack';
    const at = (k: number): string => (k === 0 ? 'code[pc]' : `code[pc + ${k}]`);
    const read = (k: number): string => (f64 ? `fstk[fp + ${at(k)}]` : `(stack[fp + ${at(k)}] as number)`);
    const lines = [`        case ${code}: { // ${outer}(a, ${inner.name}${inner.form === 'RR' ? '(b, c)' : inner.form === 'RI' ? '(b, k)' : ' offset=c (b)'})`];
    let y: string;
    if (inner.form === 'LOAD') {
      const size = f64 ? 8 : 4;
      lines.push(`          const ea = address(stack[fp + code[pc + 1]], code[pc + 2], ${size}, u8.length);`);
      y = f64 ? 'view.getFloat64(ea, true)' : 'view.getInt32(ea, true)';
    } else {
      const expr = (f64 ? F64_EXPR : I32_EXPR)[inner.name];
      y = expr(read(1), inner.form === 'RI' ? 'code[pc + 2]' : read(2));
    }
    lines.push(`          ${bank}[fp + code[pc + 3]] = ${(f64 ? F64_EXPR : I32_EXPR)[outer](read(0), y)};`);
    lines.push('          sp = fp + code[pc + 4], pc += 5;', '          break;', '        }');
    out.push(lines.join('\n'));
  }
  return out.join('\n') + '\n';
}

const BEGIN = '        // BEGIN GENERATED PAIRS (pairs.ts; `npm run gen:pairs`)\n';
const END = '        // END GENERATED PAIRS\n';

/** run.ts's source with the region between the markers replaced by `pairCases()`. */
export function withPairCases(runSource: string): string {
  const from = runSource.indexOf(BEGIN);
  const to = runSource.indexOf(END);
  if (from < 0 || to < from) throw new Error('run.ts: the generated pairs markers are missing');
  return runSource.slice(0, from + BEGIN.length) + pairCases() + runSource.slice(to);
}
