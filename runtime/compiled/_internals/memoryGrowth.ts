// Which functions may grow memory before they return, so callers that cache memory views
// (optLevel speed) refresh them only after calls that need it. Conservative: imports and
// call_indirect may run anything, so they may grow.

import { Reader } from '../../binary/Reader.js';
import { readOp } from '../../opcodes/readOp.js';
import type { ModuleInfo } from '../../types.js';
import { readImm } from '../../exec/readImm.js';

/** For each function index: may a call to it change memory 0's size (and so its buffer)? */
export function memoryGrowers(module: ModuleInfo): (funcIndex: number) => boolean {
  const n = module.funcTypes.length;
  const grows = new Array<boolean>(n).fill(false);
  const callers: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < module.numImportedFuncs; i++) grows[i] = true;
  for (let i = module.numImportedFuncs; i < n; i++) {
    const body = module.funcs[i - module.numImportedFuncs];
    const r = new Reader(module.bytes, body.codeStart, body.codeEnd);
    while (r.pos < body.codeEnd) {
      const op = readOp(r);
      const imm = readImm(r, op.imm);
      if (op.name === 'memory.grow' || op.name === 'call_indirect') grows[i] = true;
      else if (op.name === 'call') callers[imm.a].push(i);
    }
  }
  // Growth flows from callees to their callers.
  const work = grows.flatMap((g, i) => (g ? [i] : []));
  while (work.length > 0) {
    for (const caller of callers[work.pop()!]) {
      if (!grows[caller]) {
        grows[caller] = true;
        work.push(caller);
      }
    }
  }
  return (funcIndex) => grows[funcIndex];
}
