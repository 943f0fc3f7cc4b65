// The module-level facts a function body is generated against (types, functions, memory,
// tables, globals, segments) and the weighted pools of opcodes the swarm enables. Computed once
// per module from the swarm and the shape; the body builder only reads it.

import { ValType, type FuncType, type RefType } from '../../../runtime/types.js';
import type { OpInfo } from '../../../runtime/opcodes/table.js';
import { FAMILY_OPS, type OpFamily } from './families.js';
import { allowedValTypes, type GlobalShape, type MemShape, type ModuleShape, type TableShape } from './shape.js';
import type { Swarm } from './swarm.js';
import { planElem, type ElemPlan } from './_internals/segments.js';
import { lruGet } from '../../exec/lru.js';

/** Opcodes of one family with cumulative weights, for one tape choice per pick. */
export interface Pool {
  readonly family: OpFamily;
  readonly weight: number;
  readonly ops: readonly OpInfo[];
  /** cum[i] = sum of the weights of ops[0..i]. */
  readonly cum: readonly number[];
}

/** A table slot an active element segment sets to function `func` at instantiation. */
export interface FilledSlot {
  readonly slot: number;
  readonly func: number;
}

/** What bodies may refer to, and how they are drawn. */
export interface ModuleCtx {
  readonly swarm: Swarm;
  readonly types: readonly FuncType[];
  /** Type index of each function (all defined: the generator imports nothing). */
  readonly funcTypes: readonly number[];
  readonly mem: MemShape | null;
  /** Initial memory size in bytes (edges for addresses and offsets). */
  readonly memBytes: number;
  readonly tables: readonly TableShape[];
  readonly funcrefTables: readonly number[];
  /** The generated globals (the budget global, if any, comes after them and is not listed). */
  readonly globals: readonly GlobalShape[];
  /** Data segments code may name: 0 without a data count section (memory.init needs one). */
  readonly codeDatas: number;
  readonly elemTypes: readonly RefType[];
  readonly elemPlans: readonly ElemPlan[];
  /** Per table, the slots active segments fill with a function (call_indirect aims there). */
  readonly filledSlots: readonly (readonly FilledSlot[])[];
  /** (table, table) pairs of one element type, for table.copy. */
  readonly tableCopyPairs: readonly (readonly [number, number])[];
  /** (elem, table) pairs of one element type, for table.init. */
  readonly elemTablePairs: readonly (readonly [number, number])[];
  /** Index of the call-budget global, or -1 when the swarm relies on fuel. */
  readonly budgetGlobal: number;
  /** Index of the i64 checksum global (after the budget's), or -1 when the swarm has none. */
  readonly checksumGlobal: number;
  readonly valTypes: readonly ValType[];
  readonly numericTypes: readonly ValType[];
  readonly refTypes: readonly RefType[];
  readonly pools: readonly Pool[];
  readonly poolTotal: number;
  /** Enabled fixed-signature opcodes with exactly one result, by result type (for operands; repeated by weight). */
  readonly byResult: ReadonlyMap<ValType, readonly OpInfo[]>;
  /** Mask memory addresses into the first page (trap-averse swarms). */
  readonly maskAddresses: boolean;
  /** Loops carry counters (no fuel). */
  readonly boundedLoops: boolean;
}

// Within-pool weights by opcode name (default 1): blocks must close about as often as they
// open, and local traffic is what makes values flow between instructions. The integer ops
// real code is made of (address and index arithmetic above all) come up as often there as in
// real code, rather than as one of some sixty integer ops; the same weights apply to operands
// made on the spot.
const OP_WEIGHT: Readonly<Record<string, number>> = {
  block: 2, loop: 2, if: 2, else: 1, end: 5, br: 1, br_if: 2, br_table: 1, return: 1,
  'local.get': 4, 'local.set': 3, 'local.tee': 3, drop: 1, select: 1, nop: 1,
  call_indirect: 4,
  'i32.add': 8, 'i32.sub': 3, 'i32.mul': 2, 'i32.and': 2, 'i32.shl': 2, 'i32.shr_u': 2, 'i32.eqz': 2, 'i32.lt_u': 2,
  'i64.add': 4, 'i64.sub': 2, 'i64.mul': 2, 'f64.add': 2, 'f64.mul': 2, 'f32.add': 2,
};
// Family weights (default 4): SIMD has about half of all opcodes; `traps` holds only
// `unreachable`, which ends a call at once and so must stay rare.
const POOL_WEIGHT: Partial<Record<OpFamily, number>> = { base: 6, control: 6, traps: 1, simd: 8 };

function pool(family: OpFamily, ops: readonly OpInfo[]): Pool {
  const cum: number[] = [];
  let total = 0;
  for (const o of ops) cum.push((total += OP_WEIGHT[o.name] ?? 1));
  return { family, weight: POOL_WEIGHT[family] ?? 4, ops, cum };
}

// Pools depend only on which families are on: cache them by that bit pattern. Swarms draw
// from thousands of patterns and an entry holds a few thousand references, so only the most
// recent ones are kept (a long fuzz run otherwise grows by tens of MB).
const POOL_CACHE_SIZE = 64;
const poolCache = new Map<string, { pools: Pool[]; byResult: Map<ValType, OpInfo[]> }>();

function poolsFor(s: Swarm): { pools: Pool[]; byResult: Map<ValType, OpInfo[]> } {
  const key = [...FAMILY_OPS.keys()].map((f) => (f === 'base' || s.families[f] ? 1 : 0)).join('');
  return lruGet(poolCache, key, POOL_CACHE_SIZE, () => makePools(s));
}

function makePools(s: Swarm): { pools: Pool[]; byResult: Map<ValType, OpInfo[]> } {
  const pools: Pool[] = [];
  const byResult = new Map<ValType, OpInfo[]>();
  for (const [family, ops] of FAMILY_OPS) {
    if (family !== 'base' && !s.families[family]) continue;
    pools.push(pool(family, ops));
    for (const o of ops) {
      // Constants are produce()'s own first choice; special opcodes are not operands.
      if (o.params === undefined || o.results!.length !== 1 || o.imm === 'i32' || o.imm === 'i64' || o.imm === 'f32' || o.imm === 'f64' || o.imm === 'v128') continue;
      const t = o.results![0]!;
      let list = byResult.get(t);
      if (list === undefined) byResult.set(t, (list = []));
      // Listed once per unit of weight: one uniform pick of the list is a weighted pick.
      for (let k = OP_WEIGHT[o.name] ?? 1; k > 0; k--) list.push(o);
    }
  }
  return { pools, byResult };
}

/** The context for generating the bodies of `shape` under `swarm`. */
export function makeModuleCtx(swarm: Swarm, shape: ModuleShape): ModuleCtx {
  const { pools, byResult } = poolsFor(swarm);
  const tables = shape.tables;
  const elemTypes = shape.elems.map((e) => e.type);
  const tableCopyPairs: [number, number][] = [];
  for (let a = 0; a < tables.length; a++) {
    for (let b = 0; b < tables.length; b++) if (tables[a]!.elem === tables[b]!.elem) tableCopyPairs.push([a, b]);
  }
  const elemTablePairs: [number, number][] = [];
  elemTypes.forEach((t, e) => tables.forEach((tab, x) => tab.elem === t && elemTablePairs.push([e, x])));
  const valTypes = allowedValTypes(swarm);
  const elemPlans = shape.elems.map((e) => planElem(e, tables, shape.funcs.length, swarm.families.traps));
  const filledSlots: FilledSlot[][] = tables.map(() => []);
  for (const p of elemPlans) {
    if (p.mode === 0) p.items.forEach((func, j) => func !== null && filledSlots[p.table]!.push({ slot: (p.offset + j) >>> 0, func }));
  }
  const budgetGlobal = swarm.fuel || shape.funcs.length === 0 ? -1 : shape.globals.length;
  return {
    swarm,
    types: shape.types,
    funcTypes: shape.funcs.map((f) => f.type % shape.types.length),
    mem: shape.memory,
    memBytes: (shape.memory?.min ?? 0) * 65536,
    tables,
    funcrefTables: tables.flatMap((t, i) => (t.elem === ValType.FuncRef ? [i] : [])),
    globals: shape.globals,
    codeDatas: hasDataCount(swarm, shape) ? shape.datas.length : 0,
    elemTypes,
    elemPlans,
    filledSlots,
    tableCopyPairs,
    elemTablePairs,
    budgetGlobal,
    checksumGlobal: !swarm.checksum || shape.funcs.length === 0 ? -1 : shape.globals.length + (budgetGlobal >= 0 ? 1 : 0),
    valTypes,
    numericTypes: valTypes.filter((t) => t !== ValType.FuncRef && t !== ValType.ExternRef),
    refTypes: [ValType.FuncRef, ValType.ExternRef],
    pools,
    poolTotal: pools.reduce((n, p) => n + p.weight, 0),
    byResult,
    maskAddresses: !swarm.families.traps,
    boundedLoops: !swarm.fuel,
  };
}

/** Whether the module gets a data count section (always when bulk memory is on, so code may use it). */
export function hasDataCount(swarm: Swarm, shape: ModuleShape): boolean {
  return shape.datas.length > 0 && (shape.dataCount || swarm.families.bulkMemory);
}
