// Turns a swarm and a shape into module bytes plus a description of what they export. Section
// order and encodings are the 2.0 binary format's; the module imports nothing, exports every
// function, table, memory and global, (unless the swarm relies on fuel) a call budget, and
// (when the swarm asks) a checksum of the values bodies throw away.

import { ByteWriter } from '../../wasm/ByteWriter.js';
import { ValType, type FuncType, type RefType } from '../../../runtime/types.js';
import { buildBody } from './buildBody.js';
import { hasDataCount, makeModuleCtx } from './moduleCtx.js';
import type { ModuleShape } from './shape.js';
import type { Swarm } from './swarm.js';
import { writeData, writeElem, writeGlobalInit, writeLimits } from './_internals/segments.js';

/** One export of a generated module, with its type. */
export type GenExport =
  | {
      readonly kind: 'func';
      readonly name: string;
      readonly index: number;
      readonly type: FuncType;
      /** False when v128 is among its params or results: the JS API cannot call it. */
      readonly jsCallable: boolean;
    }
  | { readonly kind: 'memory'; readonly name: string; readonly index: number; readonly min: number; readonly max: number | null }
  | { readonly kind: 'table'; readonly name: string; readonly index: number; readonly elem: RefType; readonly min: number; readonly max: number | null }
  | { readonly kind: 'global'; readonly name: string; readonly index: number; readonly type: ValType; readonly mutable: boolean };

/** What a generated module is, for oracles and reports. */
export interface GenInfo {
  readonly swarm: Swarm;
  /** Every export but the budget global: functions (in index order), tables, memory, globals (the checksum last). */
  readonly exports: readonly GenExport[];
  /** The module may loop or recurse without bound: run it with fuel. */
  readonly needsFuel: boolean;
  /**
   * The exported mutable i32 global every function entry spends (functions return zeros once it
   * is 0), with its initial value. Absent when `needsFuel`. An oracle comparing engines may
   * reset it between calls, on every engine alike.
   */
  readonly budget?: { readonly name: string; readonly initial: number };
  /** The start function's index, if any. */
  readonly start?: number;
}

/** A generated module. */
export interface GeneratedModule {
  readonly bytes: Uint8Array;
  readonly info: GenInfo;
}

/** Export name of the call budget global. */
export const BUDGET_EXPORT = 'budget';
/** Export name of the checksum global. */
export const CHECKSUM_EXPORT = 'checksum';

const EXPORT_KIND = { func: 0, table: 1, memory: 2, global: 3 } as const;

/** Builds the module `shape` describes under `swarm`. Deterministic; every result validates. */
export function buildModule(swarm: Swarm, shape: ModuleShape): GeneratedModule {
  const ctx = makeModuleCtx(swarm, shape);
  const numFuncs = shape.funcs.length;
  const wild = swarm.families.traps;
  const out = new ByteWriter(1024).bytes([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
  const sec = new ByteWriter(256);
  const section = (id: number, count: number, write: (w: ByteWriter) => void): void => {
    if (count === 0) return;
    sec.reset().uleb(count);
    write(sec);
    out.section(id, sec);
  };

  section(1, shape.types.length, (w) => {
    for (const t of shape.types) w.u8(0x60).uleb(t.params.length).bytes(t.params).uleb(t.results.length).bytes(t.results);
  });
  section(3, numFuncs, (w) => ctx.funcTypes.forEach((t) => w.uleb(t)));
  section(4, shape.tables.length, (w) => {
    for (const t of shape.tables) writeLimits(w.u8(t.elem), t.min, t.max);
  });
  section(5, shape.memory ? 1 : 0, (w) => writeLimits(w, shape.memory!.min, shape.memory!.max));
  const budget = ctx.budgetGlobal >= 0 ? swarm.callBudget : undefined;
  const checksum = ctx.checksumGlobal >= 0;
  section(6, shape.globals.length + (budget !== undefined ? 1 : 0) + (checksum ? 1 : 0), (w) => {
    for (const g of shape.globals) writeGlobalInit(w.u8(g.type).u8(g.mutable ? 1 : 0), g, numFuncs, ctx.memBytes);
    if (budget !== undefined) w.u8(ValType.I32).u8(1).u8(0x41).sleb32(budget).u8(0x0b);
    if (checksum) w.u8(ValType.I64).u8(1).u8(0x42).u8(0).u8(0x0b);
  });

  const exports: GenExport[] = [];
  ctx.funcTypes.forEach((t, i) => {
    const type = shape.types[t]!;
    const jsCallable = !type.params.includes(ValType.V128) && !type.results.includes(ValType.V128);
    exports.push({ kind: 'func', name: `f${i}`, index: i, type, jsCallable });
  });
  shape.tables.forEach((t, i) => exports.push({ kind: 'table', name: `t${i}`, index: i, elem: t.elem, min: t.min, max: t.max }));
  if (shape.memory) exports.push({ kind: 'memory', name: 'mem', index: 0, min: shape.memory.min, max: shape.memory.max });
  shape.globals.forEach((g, i) => exports.push({ kind: 'global', name: `g${i}`, index: i, type: g.type, mutable: g.mutable }));
  if (checksum) exports.push({ kind: 'global', name: CHECKSUM_EXPORT, index: ctx.checksumGlobal, type: ValType.I64, mutable: true });
  section(7, exports.length + (budget !== undefined ? 1 : 0), (w) => {
    for (const e of exports) w.name(e.name).u8(EXPORT_KIND[e.kind]).uleb(e.index);
    if (budget !== undefined) w.name(BUDGET_EXPORT).u8(EXPORT_KIND.global).uleb(ctx.budgetGlobal);
  });

  const start = startFunction(shape, ctx.funcTypes);
  if (start !== undefined) out.section(8, sec.reset().uleb(start));
  section(9, shape.elems.length, (w) => {
    for (const e of ctx.elemPlans) writeElem(w, e);
  });
  if (hasDataCount(swarm, shape)) out.section(12, sec.reset().uleb(shape.datas.length));
  section(10, numFuncs, (w) => {
    const body = new ByteWriter(256);
    shape.funcs.forEach((f, i) => {
      const g = buildBody(ctx, shape.types[ctx.funcTypes[i]!]!, f.locals, f.tape);
      writeLocals(body.reset(), g.locals);
      body.bytes(g.code);
      w.append(body, true);
    });
  });
  section(11, shape.datas.length, (w) => {
    for (const d of shape.datas) writeData(w, d, shape.memory !== null, ctx.memBytes, wild);
  });

  const info: GenInfo = {
    swarm,
    exports,
    needsFuel: swarm.fuel,
    ...(budget !== undefined ? { budget: { name: BUDGET_EXPORT, initial: budget } } : {}),
    ...(start !== undefined ? { start } : {}),
  };
  return { bytes: out.finish(), info };
}

/** Local declarations as runs of one type. */
function writeLocals(w: ByteWriter, locals: readonly ValType[]): void {
  let runs = 0;
  for (let i = 0; i < locals.length; i++) if (i === 0 || locals[i] !== locals[i - 1]) runs++;
  w.uleb(runs);
  for (let i = 0; i < locals.length; ) {
    let j = i;
    while (j < locals.length && locals[j] === locals[i]) j++;
    w.uleb(j - i).u8(locals[i]!);
    i = j;
  }
}

/** A function of type [] -> [] chosen by the shape's start choice, if there is one. */
function startFunction(shape: ModuleShape, funcTypes: readonly number[]): number | undefined {
  if (shape.start === null) return undefined;
  const candidates: number[] = [];
  funcTypes.forEach((t, i) => {
    const ft = shape.types[t]!;
    if (ft.params.length === 0 && ft.results.length === 0) candidates.push(i);
  });
  return candidates.length === 0 ? undefined : candidates[shape.start % candidates.length];
}
