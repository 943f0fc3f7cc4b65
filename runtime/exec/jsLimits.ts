// Where the JS engine's own limits meet wasm semantics, for both tiers: a buffer that cannot
// be allocated makes memory.grow fail (-1), and V8's stack overflow becomes a wasm trap.

import type { MemoryInstance } from '../instance/objects.js';

/** memory.grow: the old size, or -1 when the memory cannot grow (limits or allocation). */
export function growMemory(mem: MemoryInstance, delta: number): number {
  try {
    return mem.grow(delta >>> 0);
  } catch (e) {
    if (e instanceof RangeError) return -1; // the engine could not allocate the buffer
    throw e;
  }
}

/**
 * True for V8's own stack overflow (as opposed to a RangeError a host throws). Runs with the
 * stack nearly full, so it must stay trivial: a regex here overflows in turn.
 */
export function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && e.message === 'Maximum call stack size exceeded';
}
