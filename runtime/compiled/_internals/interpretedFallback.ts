// Functions too deeply nested for V8's parser (it recurses per nested block and overflows
// at a few thousand levels, possibly at their first call, deep in a recursion) run on the
// interpreter instead: the script holds a stub with the compiled calling convention.

import { Reader } from '../../binary/Reader.js';
import { readOp } from '../../opcodes/readOp.js';
import type { ModuleInfo } from '../../types.js';
import { readImm } from '../../exec/readImm.js';
import { FuncEmitter } from './FuncEmitter.js';
import type { ModuleScope } from './ModuleScope.js';
import { fnName, type FuncCode } from './translateFunction.js';

/** Deepest block nesting translated to JS. */
export const MAX_BLOCK_NESTING = 300;

/** The deepest nesting of blocks, loops and ifs in defined function `funcIndex`. */
export function blockNesting(module: ModuleInfo, funcIndex: number): number {
  const body = module.funcs[funcIndex - module.numImportedFuncs];
  const r = new Reader(module.bytes, body.codeStart, body.codeEnd);
  let depth = 0;
  let max = 0;
  while (r.pos < body.codeEnd) {
    const op = readOp(r);
    readImm(r, op.imm);
    if (op.name === 'block' || op.name === 'loop' || op.name === 'if') max = Math.max(max, ++depth);
    else if (op.name === 'end') depth--;
  }
  return max;
}

/**
 * The script's function for an interpreted one: forwards to the instance's FuncInstance
 * (an interpreter function, which keeps its own depth, fuel and frames).
 */
export function stubFunction(scope: ModuleScope, funcIndex: number): FuncCode {
  const m = scope.module;
  const body = m.funcs[funcIndex - m.numImportedFuncs];
  const params = m.types[body.typeIndex].params.map((_, i) => `l${i}`).join(', ');
  const e = new FuncEmitter();
  e.mark(body.codeStart);
  e.emit(`function ${fnName(funcIndex)}(${params}) { return ${scope.importFn(funcIndex)}(${params}); }`);
  return { funcIndex, text: e.text(), addr: e.addr, sites: e.sites, interpreted: true };
}
