// Where fuel is charged in one function body, for both tiers: the FUEL RULE (see
// interp/interpTier.ts) turned into batches. Each batch is a straight run of instructions
// that ends at a branch, a block boundary or an instruction that can trap or call; its whole
// cost is charged just before its first instruction. The checks (function entry, loop
// headers) are not listed: every consumer places them itself.

import { Reader } from '../binary/Reader.js';
import { readOp } from '../opcodes/readOp.js';
import type { ModuleInfo } from '../types.js';
import { readImm } from './readImm.js';

/** Fuel charges of one body: `get(offset)` units are charged just before the instruction at `offset`. */
export type FuelPlan = ReadonlyMap<number, number>;

interface Ctl {
  /** Entered from unreachable code: everything up to its end is skipped. */
  readonly deadEntry: boolean;
  /** The code being read is unreachable (after br, br_table, return, unreachable). */
  dead: boolean;
}

/** The fuel plan of defined function `funcIndex` (a validated body). */
export function fuelPlan(module: ModuleInfo, funcIndex: number): FuelPlan {
  const body = module.funcs[funcIndex - module.numImportedFuncs];
  const r = new Reader(module.bytes, body.codeStart, body.codeEnd);
  const plan = new Map<number, number>();
  const ctl: Ctl[] = [{ deadEntry: false, dead: false }];
  let batch = -1; // offset of the open batch's first instruction

  const endBatch = (): void => {
    batch = -1;
  };
  while (ctl.length > 0) {
    const at = r.pos;
    const op = readOp(r);
    readImm(r, op.imm);
    const top = ctl[ctl.length - 1];
    const name = op.name;
    if (top.dead) {
      // Unreachable code costs nothing; only its block structure is followed.
      if (name === 'block' || name === 'loop' || name === 'if') ctl.push({ deadEntry: true, dead: true });
      else if (name === 'else' && !top.deadEntry) {
        top.dead = false;
        endBatch();
      } else if (name === 'end') {
        ctl.pop();
        if (!top.deadEntry) endBatch();
      }
      continue;
    }
    if (name !== 'end' && name !== 'else') {
      if (batch < 0) {
        batch = at;
        plan.set(at, 0);
      }
      plan.set(batch, plan.get(batch)! + 1);
    }
    switch (name) {
      case 'block':
        ctl.push({ deadEntry: false, dead: false });
        break;
      case 'loop':
      case 'if':
        // The loop's body starts at a check point; an if's arms are separate paths.
        endBatch();
        ctl.push({ deadEntry: false, dead: false });
        break;
      case 'else':
        endBatch();
        break;
      case 'end':
        ctl.pop();
        endBatch();
        break;
      case 'br_if':
        endBatch();
        break;
      case 'br':
      case 'br_table':
      case 'return':
      case 'unreachable':
        top.dead = true;
        endBatch();
        break;
    }
    // A trap or a call must find everything up to and including itself paid for.
    if (op.traps.length > 0) endBatch();
  }
  return plan;
}
