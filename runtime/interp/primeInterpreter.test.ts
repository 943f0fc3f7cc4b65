// Tests of the interpreter primer: its module is valid, its lowered code (over the primed
// variants) contains every interpreter code declared in codes.ts, and priming happens once.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import wabtInit from 'wabt';
import { decodeModule } from '../binary/decodeModule.js';
import { C } from './_internals/codes.js';
import { InterpModule } from './_internals/InterpModule.js';
import { PAIRS } from './_internals/pairs.js';
import { primerModuleBytes } from './_internals/primerModule.js';
import { DEFAULT_CONFIG } from '../config/knobs.js';
import { interpTier } from './interpTier.js';
import { primeInterpreter, PRIMER_VARIANTS } from './primeInterpreter.js';

/** Immediates after each code (BR_TABLE's count depends on its own immediates). */
function width(code: Int32Array, pc: number): number {
  const c = code[pc];
  if (c === C.BR_TABLE) return 2 + 2 * (code[pc + 1] + 1);
  if (c >= C.I32_LOAD && c <= C.I64_STORE32) return 1;
  if (c >= C.I32_ADD && c <= C.I32_MUL) return 0;
  if (c === C.I32_EQZ_R || c === C.BR_NZ_R || c === C.BR_Z_R) return 3;
  if (c >= C.I32_ADD_RR && c <= C.F64_STORE_R) return 4;
  if (c === C.INC_BR_NZ) return 4;
  if (c >= C.INC_BR_NE_RR && c <= C.INC_BR_LT_U_RI) return 5;
  if (c >= C.I32_ADD_LL && c <= C.F64_MUL_LL) return 6;
  if (c >= C.INC2_II && c <= C.INC2_RR) return 5;
  if (c === C.I32_STORE8_R || c === C.I32_STORE16_R) return 4;
  if (c >= C.PAIR_FIRST) return PAIRS[c - C.PAIR_FIRST].inner.form === 'LL' ? 7 : 5;
  const fixed: Partial<Record<number, number>> = {
    [C.UNREACHABLE]: 0, [C.RETURN]: 0, [C.DROP]: 0, [C.SELECT]: 0, [C.REF_NULL]: 0, [C.REF_IS_NULL]: 0,
    [C.MEMORY_SIZE]: 0, [C.MEMORY_GROW]: 0, [C.FUEL_CHECK]: 0, [C.EPOCH_CHECK]: 0,
    [C.JUMP]: 1, [C.BR_IF]: 1, [C.IF]: 1, [C.CALL]: 1, [C.LOCAL_GET]: 1, [C.LOCAL_SET]: 1, [C.LOCAL_TEE]: 1,
    [C.GLOBAL_GET]: 1, [C.GLOBAL_SET]: 1, [C.CONST]: 1, [C.CONST_POOL]: 1, [C.V128_CONST]: 1, [C.UN]: 1,
    [C.BIN]: 1, [C.TERN]: 1, [C.SHUFFLE]: 1, [C.REF_FUNC]: 1, [C.FUEL]: 1,
    [C.CALL_INDIRECT]: 2, [C.LANE1]: 2, [C.LANE2]: 2, [C.MOVE]: 2, [C.SET_CONST]: 2,
    [C.LOCAL_GET_F]: 1, [C.LOCAL_SET_F]: 1, [C.LOCAL_TEE_F]: 1, [C.MOVE_F]: 2, [C.MOVE_S]: 2, [C.MOVE_SF]: 2,
    [C.MOVE2]: 4, [C.MOVE3]: 6, [C.LOCAL_GET_I]: 1, [C.LOCAL_SET_I]: 1, [C.LOCAL_TEE_I]: 1, [C.MOVE_SI]: 2,
    [C.BR_UNWIND]: 3, [C.BR_IF_UNWIND]: 3, [C.RARE]: 3,
  };
  const w = fixed[c];
  if (w === undefined) throw new Error(`no width for code ${c}: add it here and to the primer`);
  return w;
}

/** Every code declared in codes.ts (read from the source so a new one cannot be missed), and the pairs. */
function declaredCodes(): Map<number, string> {
  const src = readFileSync(new URL('../../../runtime/interp/_internals/codes.ts', import.meta.url), 'utf8');
  const body = src.slice(src.indexOf('export const enum C {'), src.indexOf('\n}\n'));
  const out = new Map<number, string>();
  for (const m of body.matchAll(/^\s*([A-Z0-9_]+) = (\d+),/gm)) out.set(Number(m[2]), m[1]);
  for (const p of PAIRS) out.set(p.code, `pair ${p.outer} over ${p.inner.name} ${p.inner.form}`);
  return out;
}

test('the primer module is valid wasm', async () => {
  const wabt = await wabtInit();
  const m = wabt.readWasm(primerModuleBytes(), {
    bulk_memory: true, reference_types: true, simd: true, sat_float_to_int: true, sign_extension: true,
    mutable_globals: true, multi_value: true,
  });
  try {
    m.validate();
  } finally {
    m.destroy();
  }
});

test('the primer lowers to every interpreter code', () => {
  const info = decodeModule(primerModuleBytes());
  const seen = new Set<number>();
  for (const v of PRIMER_VARIANTS) {
    const prepared = new InterpModule(info, v);
    for (let f = info.numImportedFuncs; f < info.funcTypes.length; f++) {
      const { code } = prepared.code(f);
      for (let pc = 0; pc < code.length; pc += 1 + width(code, pc)) seen.add(code[pc]);
    }
  }
  const declared = declaredCodes();
  assert.ok(declared.size > 140, `parsed ${declared.size} codes from codes.ts`);
  const missing = [...declared].filter(([c]) => !seen.has(c)).map(([, n]) => n);
  assert.equal(missing, []);
});

test('the interpreter tier primes on its first module, once per process', () => {
  // Its cost is measured by `npm run bench fuzz` (fuzz workers call it), not here.
  interpTier.prepare(decodeModule(primerModuleBytes()), DEFAULT_CONFIG);
  assert.is(primeInterpreter(), false, 'already primed by the tier');
});

test.run();
