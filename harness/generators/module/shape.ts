// The shrinkable choices a module is built from: plain records, arrays and small integers that
// fast-check knows how to shrink. Any value of this shape builds a VALID module (buildModule
// reads each choice modulo what is available), so every shrink step stays valid. Meaning is
// given to the choices by the builder, not here.

import fc from 'fast-check';
import { ValType, type FuncType, type RefType } from '../../../runtime/types.js';
import type { Swarm } from './swarm.js';

/** A defined function: its type (an index, taken modulo the type count), declared locals, body choices. */
export interface FuncShape {
  readonly type: number;
  readonly locals: readonly ValType[];
  readonly tape: readonly number[];
}

export interface MemShape {
  readonly min: number;
  readonly max: number | null;
}

export interface TableShape {
  readonly elem: RefType;
  readonly min: number;
  readonly max: number | null;
}

export interface GlobalShape {
  readonly type: ValType;
  readonly mutable: boolean;
  /** Choices for the initial value. */
  readonly init: readonly number[];
}

export interface DataShape {
  readonly active: boolean;
  /** Explicit memory index form (flags 2) for active segments. */
  readonly explicit: boolean;
  /** Offset choice (near 0, near the end of memory, or far out of range). */
  readonly offset: number;
  readonly bytes: Uint8Array;
}

export interface ElemShape {
  /** 0 active, 1 passive, 2 declarative. */
  readonly mode: number;
  readonly type: RefType;
  /** Table choice, modulo the tables of a matching type. */
  readonly table: number;
  readonly offset: number;
  /** Expression encoding (flags 4-7) instead of function indices. */
  readonly exprs: boolean;
  /** Element choices: a function index, or a null when the segment uses expressions. */
  readonly items: readonly number[];
}

/** All of a module's choices. */
export interface ModuleShape {
  readonly types: readonly FuncType[];
  readonly funcs: readonly FuncShape[];
  readonly memory: MemShape | null;
  readonly tables: readonly TableShape[];
  readonly globals: readonly GlobalShape[];
  readonly datas: readonly DataShape[];
  readonly elems: readonly ElemShape[];
  readonly dataCount: boolean;
  readonly start: number | null;
}

/** Value types the swarm allows, simplest first (so shrinking goes toward i32). */
export function allowedValTypes(s: Swarm): ValType[] {
  const out: ValType[] = [ValType.I32, ValType.I64, ValType.F32, ValType.F64];
  if (s.families.simd) out.push(ValType.V128);
  if (s.families.refTypes) out.push(ValType.FuncRef, ValType.ExternRef);
  return out;
}

/** Reference types usable as table element types under the swarm. */
export function allowedRefTypes(s: Swarm): RefType[] {
  return s.families.refTypes ? [ValType.FuncRef, ValType.ExternRef] : [ValType.FuncRef];
}

// A body or value choice: uniform (no small-value bias), since it is used modulo a count; it
// still shrinks toward 0, the simplest option.
const choice = fc.noBias(fc.nat());

/** The arbitrary of module shapes under swarm `s`. */
export function shapeArbitrary(s: Swarm): fc.Arbitrary<ModuleShape> {
  const f = s.families;
  const valType = fc.constantFrom(...allowedValTypes(s));
  const refType = fc.constantFrom(...allowedRefTypes(s));
  const funcType: fc.Arbitrary<FuncType> = fc.record({
    params: fc.array(valType, { maxLength: s.maxParams }),
    results: fc.array(valType, { maxLength: s.multiValue ? s.maxResults : Math.min(1, s.maxResults) }),
  });
  const memoryOn = f.memory || f.bulkMemory || f.memoryGrow || f.simd;
  // A memory or table that code can grow always has a small maximum: growth by a runtime value
  // must not be able to allocate gigabytes.
  const memory: fc.Arbitrary<MemShape | null> = memoryOn
    ? fc.option(
        fc.integer({ min: 0, max: 3 }).chain((min) =>
          fc.record({
            min: fc.constant(min),
            max: f.memoryGrow
              ? fc.integer({ min, max: min + 8 })
              : fc.option(fc.oneof(fc.integer({ min, max: min + 100 }), fc.constant(65536))),
          }),
        ),
        { freq: 8 },
      )
    : fc.constant(null);
  const table: fc.Arbitrary<TableShape> = fc.integer({ min: 0, max: 10 }).chain((min) =>
    fc.record({
      elem: refType,
      min: fc.constant(min),
      max: f.tables ? fc.integer({ min, max: min + 12 }) : fc.option(fc.integer({ min, max: 0xffffffff })),
    }),
  );
  const tablesOn = f.tables || f.refTypes;
  return fc.record({
    types: fc.noBias(fc.array(funcType, { minLength: 1, maxLength: s.maxTypes, size: 'max' })),
    funcs: fc.noBias(fc.array(
      fc.record({
        type: choice,
        locals: fc.array(valType, { maxLength: s.maxLocals }),
        tape: fc.array(choice, { maxLength: s.maxBody, size: 'max' }),
      }),
      // A module without functions exercises little: at least one (shrinking stops there).
      { minLength: 1, maxLength: s.maxFuncs, size: 'max' },
    )),
    memory,
    // With the tables family on there is always a table and a segment for code to use.
    tables: tablesOn ? fc.array(table, { minLength: f.tables ? 1 : 0, maxLength: Math.max(1, s.maxTables) }) : fc.constant([]),
    globals: f.globals
      ? fc.array(fc.record({ type: valType, mutable: fc.boolean(), init: fc.array(choice, { maxLength: 4 }) }), { maxLength: s.maxGlobals })
      : fc.constant([]),
    datas: memoryOn
      ? fc.array(
          fc.record({ active: fc.boolean(), explicit: fc.boolean(), offset: choice, bytes: fc.uint8Array({ maxLength: 12 }) }),
          { maxLength: s.maxDatas },
        )
      : fc.constant([]),
    elems: tablesOn
      ? fc.array(
          fc.record({
            mode: fc.oneof({ arbitrary: fc.constant(0), weight: 4 }, { arbitrary: fc.integer({ min: 1, max: 2 }), weight: 2 }),
            type: refType,
            table: choice,
            offset: choice,
            exprs: fc.boolean(),
            items: fc.array(choice, { minLength: 1, maxLength: 6 }),
          }),
          { minLength: f.tables ? 1 : 0, maxLength: Math.max(1, s.maxElems) },
        )
      : fc.constant([]),
    dataCount: fc.boolean(),
    start: fc.option(choice, { freq: 3 }),
  });
}
