// The `spectest` host module the spec testsuite imports: print functions that do nothing,
// globals holding 666 / 666.6, a 10..20 funcref table and a 1..2 page memory.

import { GlobalInstance, MemoryInstance, TableInstance, type FuncInstance } from '../../runtime/instance/objects.js';
import type { Extern } from '../../runtime/api/externs.js';
import type { Linker } from '../../runtime/api/Linker.js';
import { ValType, type FuncType } from '../../runtime/types.js';

function hostFunc(params: ValType[]): FuncInstance {
  const type: FuncType = { params, results: [] };
  return { type, invoke: () => [] };
}

const f32Bits = (x: number) => new Int32Array(new Float32Array([x]).buffer)[0];

/** Defines every `spectest` export in `linker`; fresh instances each call. */
export function defineSpectest(linker: Linker): void {
  const { I32, I64, F32, F64 } = ValType;
  const defs: [string, Extern][] = [
    ['print', { kind: 'func', func: hostFunc([]) }],
    ['print_i32', { kind: 'func', func: hostFunc([I32]) }],
    ['print_i64', { kind: 'func', func: hostFunc([I64]) }],
    ['print_f32', { kind: 'func', func: hostFunc([F32]) }],
    ['print_f64', { kind: 'func', func: hostFunc([F64]) }],
    ['print_i32_f32', { kind: 'func', func: hostFunc([I32, F32]) }],
    ['print_f64_f64', { kind: 'func', func: hostFunc([F64, F64]) }],
    ['global_i32', { kind: 'global', global: new GlobalInstance({ type: I32, mutable: false }, 666) }],
    ['global_i64', { kind: 'global', global: new GlobalInstance({ type: I64, mutable: false }, 666n) }],
    ['global_f32', { kind: 'global', global: new GlobalInstance({ type: F32, mutable: false }, f32Bits(666.6)) }],
    ['global_f64', { kind: 'global', global: new GlobalInstance({ type: F64, mutable: false }, 666.6) }],
    ['table', { kind: 'table', table: new TableInstance({ elem: ValType.FuncRef, limits: { min: 10, max: 20 } }, new Array(10).fill(null)) }],
    ['memory', { kind: 'memory', memory: new MemoryInstance(1, 2) }],
  ];
  for (const [name, ext] of defs) linker.define('spectest', name, ext);
}
