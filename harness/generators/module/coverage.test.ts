// "Still fuzzing" tests: over a fixed sample of generated modules, decoded with the runtime's own
// decoder (not the generator's bookkeeping), every opcode of the table, every immediate kind,
// every family and every module-level feature must appear. A failure names what went missing.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { checkModule } from '../../../runtime/api/Module.js';
import { Reader } from '../../../runtime/binary/Reader.js';
import { readOp } from '../../../runtime/opcodes/readOp.js';
import { skipImmediates } from '../../../runtime/binary/_internals/skipImmediates.js';
import { OPS, type ImmKind } from '../../../runtime/opcodes/table.js';
import type { ModuleInfo } from '../../../runtime/types.js';
import { moduleArbitrary } from './moduleArbitrary.js';
import { familyOf } from './families.js';
import { FAMILIES } from './swarm.js';

const N = 2000;
const SEED = 20240611;

interface Tally {
  ops: Map<string, number>;
  features: Map<string, number>;
}

function bump(m: Map<string, number>, k: string): void {
  m.set(k, (m.get(k) ?? 0) + 1);
}

/** Counts opcodes and block-type forms in every body, and module-level features. */
function tally(bytes: Uint8Array, info: ModuleInfo, t: Tally): void {
  for (const f of info.funcs) {
    const r = new Reader(bytes, f.codeStart, f.codeEnd);
    while (!r.atEnd()) {
      const o = readOp(r);
      if (o.imm === 'blocktype') {
        const b = r.peek();
        bump(t.features, b === 0x40 ? 'blocktype empty' : (b & 0xc0) === 0x40 ? 'blocktype value' : 'blocktype index');
      }
      skipImmediates(r, o);
      bump(t.ops, o.name);
    }
  }
  for (const e of info.elems) bump(t.features, `elem ${e.mode} ${e.type === 0x70 ? 'funcref' : 'externref'}`);
  for (const d of info.datas) bump(t.features, `data ${d.mode}`);
  if (info.dataCount !== undefined) bump(t.features, 'data count section');
  if (info.start !== undefined) bump(t.features, 'start function');
  if (info.types.some((ft) => ft.results.length > 1)) bump(t.features, 'multi-value function type');
  if (info.tables.length > 1) bump(t.features, 'several tables');
  if (info.globals.some((g) => g.type.mutable)) bump(t.features, 'mutable global');
  if (info.globals.some((g) => !g.type.mutable)) bump(t.features, 'immutable global');
  for (const ft of info.types) for (const p of ft.params) if (p === 0x6f) bump(t.features, 'externref param');
}

const t: Tally = { ops: new Map(OPS.map((o) => [o.name, 0])), features: new Map() };
for (const m of fc.sample(moduleArbitrary(), { numRuns: N, seed: SEED })) tally(m.bytes, checkModule(m.bytes), t);

test(`every opcode of the table is generated (${N} modules)`, () => {
  const never = [...t.ops].filter(([, n]) => n === 0).map(([name]) => name);
  const rare = [...t.ops].filter(([, n]) => n > 0 && n < 5).map(([name, n]) => `${name}:${n}`);
  if (rare.length > 0) console.log(`  rarely generated (<5 in ${N} modules): ${rare.join(' ')}`);
  assert.equal(never, [], `never generated: ${never.join(' ')}`);
});

test('every immediate kind and every family is generated', () => {
  const imms = new Set<ImmKind>();
  const families = new Set<string>();
  for (const o of OPS) {
    if (t.ops.get(o.name)! === 0) continue;
    imms.add(o.imm);
    families.add(familyOf(o));
  }
  const allImms = new Set(OPS.map((o) => o.imm));
  assert.equal([...allImms].filter((k) => !imms.has(k)), [], 'immediate kinds never generated');
  assert.equal([...FAMILIES, 'base'].filter((f) => !families.has(f)), [], 'families never generated');
});

test('every module-level feature is generated', () => {
  const wanted = [
    'blocktype empty', 'blocktype value', 'blocktype index',
    'elem active funcref', 'elem passive funcref', 'elem declarative funcref',
    'elem active externref', 'elem passive externref', 'elem declarative externref',
    'data active', 'data passive', 'data count section', 'start function',
    'multi-value function type', 'several tables', 'mutable global', 'immutable global', 'externref param',
  ];
  const missing = wanted.filter((f) => !t.features.get(f));
  assert.equal(missing, [], `never generated: ${missing.join(', ')}`);
});

test.run();
