// Warms the interpreter loop up once per process: runs a built-in module (primerModule.ts) that
// reaches every case of run's switch with edge operands, so TurboFan first optimizes `run` with
// complete, wide type feedback instead of deoptimizing on each rarely used case a fuzz case
// meets later. Leaves out the compiled tier and instantiation (a hand-built instance is enough).

import { Trap } from '../errors.js';
import { decodeModule } from '../binary/decodeModule.js';
import {
  GlobalInstance, MemoryInstance, TableInstance, rawArray,
  type FuncInstance, type InstanceState, type Raw, type StoreState,
} from '../instance/objects.js';
import type { ModuleInfo } from '../types.js';
import { InterpModule, type InterpOptions } from './_internals/InterpModule.js';
import { PF, primerModuleBytes, TABLE_SIZE } from './_internals/primerModule.js';

/**
 * Lowering variants primed, with how many of the operand sets each runs: the tier's own (fused)
 * with all of them, then fewer where the codes are the same ones already primed.
 */
export const PRIMER_VARIANTS: readonly (InterpOptions & { readonly sets: number })[] = [
  { fuel: false, inline: true, sets: 3 },
  { fuel: true, epoch: true, inline: true, sets: 1 },
  { fuel: false, inline: true, fuse: false, sets: 2 },
];

/** Thrown by the primer's host import on request, to prime the host-error exit of `run`. */
class PrimerHostError extends Error {}

const HOST_THROWS = 0x7eadbeef;
// Operand sets: the first mixes V8's heap numbers (beyond 2^30) with the i32 extremes, the
// second small integers (and a zero divisor: a trap), the third the rest of the edges.
const I32_PAIRS: readonly [number, number][] = [[0x7fffffff, -0x80000000], [3, 0], [-1, 0x40000000]];
const SIGNALLING_NAN = new Float64Array(new BigUint64Array([0x7ff4000000000001n]).buffer)[0];
const F64_PAIRS: readonly [number, number][] = [[NaN, -0], [1.5, Infinity], [SIGNALLING_NAN, 2 ** 53]];
/** In bounds (and at 0, the widest offset: primerModule.ts), then past the end, then above 2^31. */
const ADDRESSES = [65512, 0, -1];

/** A hand-built instance of the primer module; `imports` fill function indices 0 and 1. */
function instantiate(info: ModuleInfo, prepared: InterpModule, store: StoreState, imports: FuncInstance[], bare = false): InstanceState {
  const state: InstanceState = {
    module: info, store, funcs: [...imports], tables: [], memories: [], globals: [], elems: [[]], datas: [],
  };
  for (let i = info.numImportedFuncs; i < info.funcTypes.length; i++) state.funcs.push(prepared.makeFunc(state, i));
  // Bare: like the many fuzz instances without a memory or table (only PF.ID may run).
  if (bare) return state;
  const elements: Raw[] = new Array(TABLE_SIZE).fill(null);
  [PF.ID, PF.HOST, PF.I32].forEach((f, i) => (elements[i] = state.funcs[f]));
  state.tables.push(new TableInstance(info.tables[0], elements));
  state.memories.push(new MemoryInstance(1, 2));
  const zeros: Raw[] = [0, 0n, 0];
  info.globals.forEach((g, i) => state.globals.push(new GlobalInstance(g.type, zeros[i])));
  return state;
}

let calls = 0;

/**
 * Calls `f`; traps and the primer's own host error are expected, anything else is a bug. The
 * args array alternates between the kinds callers pass (rawArray's generic one, and literals).
 */
function call(f: FuncInstance, ...args: Raw[]): void {
  let a = args;
  if (calls++ % 2 === 0) {
    a = rawArray(args.length);
    args.forEach((x, i) => (a[i] = x));
  }
  try {
    f.invoke(a);
  } catch (e) {
    if (!(e instanceof Trap) && !(e instanceof PrimerHostError)) throw e;
  }
}

/** Runs every primer function of one variant with the edge operands (fuel as a double, beyond
 * 2^31, so fuel arithmetic is primed for any number). */
function primeVariant(info: ModuleInfo, options: (typeof PRIMER_VARIANTS)[number]): void {
  const fuel = options.fuel ? 2 ** 40 : undefined;
  const store: StoreState = {
    depth: 0, maxDepth: 60, fuel, epoch: new Int32Array(1), epochDeadline: Number.MAX_SAFE_INTEGER,
  };
  const host: FuncInstance = {
    type: info.types[3],
    invoke: (args) => {
      if (args[0] === HOST_THROWS) throw new PrimerHostError('primer host error');
      return [((args[0] as number) + 1) | 0];
    },
  };
  // A second instance, so that calls between interpreter instances (a nested run) are primed.
  const other = instantiate(info, new InterpModule(info, options), store, [host, host], true);
  const s = instantiate(info, new InterpModule(info, options), store, [host, other.funcs[PF.ID]]);
  const f = s.funcs;
  for (let i = 0; i < options.sets; i++) {
    const [a, b] = I32_PAIRS[i];
    call(f[PF.I32], a, b);
    call(f[PF.F64], ...F64_PAIRS[i]);
    call(f[PF.MEM], ADDRESSES[i], a);
    call(f[PF.CTL], a, b);
    call(f[PF.MAIN], b, a);
  }
  call(f[PF.CTL], HOST_THROWS, 1);
  for (const a of [0, 1, 2, 3, 100, -1]) call(f[PF.CALL_INDIRECT], a, 7);
  call(f[PF.UNREACHABLE]);
  call(f[PF.RECURSE], 1);
  store.depth = store.maxDepth; // the entry depth check
  call(f[PF.ID], 1);
  store.depth = 0;
  if (options.fuel) {
    store.fuel = 40;
    call(f[PF.SPIN]);
    store.fuel = fuel;
  }
  if (options.epoch) {
    store.epochDeadline = 0;
    call(f[PF.SPIN]);
    store.epochDeadline = Number.MAX_SAFE_INTEGER;
  }
}

let primed = false;

/**
 * Once per process (later calls do nothing and return false): runs the interpreter over a built-in module that
 * executes every case of its dispatch loop, fused forms included, with edge operands, traps,
 * fuel and epoch checks. Call it before a long run of short, varied interpreter jobs (fuzzing):
 * V8 then optimizes the loop once with complete feedback and keeps that code. Costs ~20 ms, plus,
 * under --single-threaded, the one TurboFan compile of `run` it brings forward (~100 ms).
 */
export function primeInterpreter(): boolean {
  if (primed) return false;
  primed = true;
  const info = decodeModule(primerModuleBytes());
  for (const v of PRIMER_VARIANTS) primeVariant(info, v);
  return true;
}
