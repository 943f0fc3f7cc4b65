// The memory every interpreter run shares: the code text, the i32 and f64 register files and
// the value stack. Each is allocated once per JS realm and never replaced.
//
// Why globals: `run` reads these arrays at almost every step. V8 folds a global variable that
// was assigned once into a constant of the optimized code, and then an access is a bounds
// check against a constant and one load. An array held in a local that the loop reassigns
// (per-function code arrays, a file that grows) costs a map check and three loads of its
// backing store per access, since calls elsewhere in the loop may have replaced it. A
// module-level const is no better: V8 loads it from the module context and checks it each
// time. Even a const local read from the global once is not enough: in code entered by
// on-stack replacement it is a value off the interpreter's frame, not a constant, and which
// code a kernel gets depends on V8's timing (sha256 ran at 26x or 38x V8 by luck of the draw).
// So `run` names the globals themselves. (Measured: `npm run bench kernel`; the numbers are
// in docs/architecture.md.)
//
// Functions are placed in the text on first use, and their branch targets are relocated to
// absolute positions, so the loop's pc is one index for all of them. The text is never
// compacted under a running function: when it is full and no run is active, it is emptied
// and functions are placed again as they are next called.

import { CodeSpaceExhausted } from '../../errors.js';
import type { Raw } from '../../instance/objects.js';
import type { Lowered } from './lower.js';

/** Slots in the code text (64 MiB of address space, committed only as far as it is used). */
export const TEXT_SLOTS = 1 << 24;

/**
 * Slots in each register file and the most the value stack may use. A call that would pass
 * it traps "call stack exhausted", as the depth limit does. 10,000 frames of 1,600 slots fit.
 */
export const FRAME_SLOTS = 1 << 24;

/** What the realm's runs share besides the arrays. */
export interface SpaceState {
  /** Where a run starting now places its frames: past the frames of the run that called out. */
  base: number;
  /** Runs started and not yet finished (nested runs included). */
  active: number;
  /** The first free slot of the text. */
  top: number;
  /** Bumped each time the text is emptied: a function placed in an older one is placed again. */
  gen: number;
}

// Each name is assigned once per realm (`??=`), so a second copy of this module in the same
// realm shares the arrays and the state instead of replacing them.
declare global {
  var __crucibleText: Int32Array;
  var __crucibleI32: Int32Array;
  var __crucibleF64: Float64Array;
  var __crucibleStack: Raw[];
  var __crucibleSpace: SpaceState;
}
globalThis.__crucibleText ??= new Int32Array(TEXT_SLOTS);
globalThis.__crucibleI32 ??= new Int32Array(FRAME_SLOTS);
globalThis.__crucibleF64 ??= new Float64Array(FRAME_SLOTS);
// Seeded with null so the array is generic from the start: V8 would quiet signalling NaNs
// stored into an array that had become an array of doubles. Storing once copies the literal's
// copy-on-write elements, so no store in `run`'s loop ever meets them (one would deoptimize it).
if (globalThis.__crucibleStack === undefined) {
  const stack: Raw[] = [null];
  stack[0] = null;
  globalThis.__crucibleStack = stack;
}
globalThis.__crucibleSpace ??= { base: 0, active: 0, top: 0, gen: 1 };

/** The realm's shared state (the arrays are read as globals by `run`). */
export const SPACE: SpaceState = globalThis.__crucibleSpace;

/** The longest the value stack stays once no run is active (a deep recursion's is cut back). */
const STACK_KEPT = 1 << 16;

/** A run leaves: a run nested in its caller starts at `base` again; when it was the last one
 * active, a value stack grown long is cut back (letting go of the values it still holds). */
export function leaveRun(base: number): void {
  SPACE.base = base;
  if (--SPACE.active === 0) {
    const stack = globalThis.__crucibleStack;
    if (stack.length > STACK_KEPT) stack.length = STACK_KEPT;
  }
}

/**
 * Places `l` in the text unless it is already there (in this generation), and returns its
 * start. Its branch targets are relocated in the copy; `l.code` itself stays relative.
 */
export function place(l: Lowered): number {
  if (l.gen === SPACE.gen) return l.start;
  const n = l.code.length;
  if (n > TEXT_SLOTS) throw new CodeSpaceExhausted(`interpreter: function ${l.funcIndex} has ${n} code slots, more than the code text holds (${TEXT_SLOTS})`);
  if (SPACE.top + n > TEXT_SLOTS) {
    if (SPACE.active > 0) throw new CodeSpaceExhausted(`interpreter: the code text (${TEXT_SLOTS} slots) is full while runs are active`);
    SPACE.gen++;
    SPACE.top = 0;
  }
  const text = globalThis.__crucibleText;
  const start = SPACE.top;
  text.set(l.code, start);
  const targets = l.targets;
  for (let i = 0; i < targets.length; i++) text[start + targets[i]] += start;
  SPACE.top = start + n;
  l.start = start;
  l.gen = SPACE.gen;
  return start;
}
