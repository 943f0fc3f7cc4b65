// Reads a function body for its encoding only: opcodes, immediates, block structure and the
// final `end`, with the same messages as the validator. No types, no index checks. Used only
// after a validation error, to let an encoding error further on take precedence, as it does
// in an engine that decodes the whole module before validating it.

import { CompileError } from '../../errors.js';
import type { ModuleInfo } from '../../types.js';
import type { Reader } from '../../binary/Reader.js';
import { readOp } from '../../opcodes/readOp.js';
import { ACTION, Act } from './opActions.js';
import {
  missingEndMessage, readBlockType, readBrTableCount, readRefTypeImm, readSelectTypes, skipBytes, skipS64, zeroByte,
} from './immediates.js';

/**
 * Reads defined function `defIndex` of `m` with `r`; throws its first malformed CompileError.
 * Returns whether the body uses data.drop or memory.init (which need a data count section):
 * the reference reports that only once every body has decoded.
 */
export function skimBody(m: ModuleInfo, defIndex: number, r: Reader): boolean {
  const body = m.funcs[defIndex];
  r.pos = body.codeStart;
  r.end = body.codeEnd;
  try {
    return skim(m, r);
  } catch (e) {
    if (e instanceof CompileError && e.funcIndex === undefined) {
      throw new CompileError(e.kind, e.message, e.offset, m.numImportedFuncs + defIndex);
    }
    throw e;
  }
}

function skim(m: ModuleInfo, r: Reader): boolean {
  // true for an `if` still waiting for its `else`, per open frame.
  const awaitingElse: boolean[] = [false];
  let needsDataCount = false;
  for (;;) {
    if (r.pos >= r.end) r.fail(missingEndMessage(m.bytes, r.end), r.end);
    const at = r.pos;
    const op = readOp(r);
    const action = ACTION[op.id];
    switch (action) {
      case Act.SkipI32: r.s32(); break;
      case Act.SkipI64: skipS64(r); break;
      case Act.SkipF32: skipBytes(r, 4); break;
      case Act.SkipF64: skipBytes(r, 8); break;
      case Act.SkipV128: case Act.Shuffle: skipBytes(r, 16); break;
      case Act.Memarg: r.u32(); r.u32(); break;
      case Act.MemargLane: r.u32(); r.u32(); r.u8(); break;
      case Act.Lane: r.u8(); break;
      case Act.MemoryZero: zeroByte(r); break;
      case Act.MemoryCopy: zeroByte(r); zeroByte(r); break;
      case Act.MemoryInit: r.u32(); zeroByte(r); needsDataCount = true; break;
      case Act.DataDrop: r.u32(); needsDataCount = true; break;
      case Act.TableInit: case Act.TableCopy: case Act.CallIndirect: r.u32(); r.u32(); break;
      case Act.ElemDrop: case Act.Br: case Act.BrIf: case Act.Call: case Act.LocalGet: case Act.LocalSet:
      case Act.LocalTee: case Act.GlobalGet: case Act.GlobalSet: case Act.TableGet: case Act.TableSet:
      case Act.RefFunc: case Act.TableGrow: case Act.TableSize: case Act.TableFill:
        r.u32();
        break;
      case Act.Block: case Act.Loop: case Act.If:
        readBlockType(r);
        awaitingElse.push(action === Act.If);
        break;
      case Act.Else:
        if (!awaitingElse[awaitingElse.length - 1]) r.fail('END opcode expected', at);
        awaitingElse[awaitingElse.length - 1] = false;
        break;
      case Act.End:
        awaitingElse.pop();
        if (awaitingElse.length === 0) {
          if (r.pos !== r.end) r.fail('section size mismatch', r.pos);
          return needsDataCount;
        }
        break;
      case Act.BrTable: {
        const n = readBrTableCount(r);
        for (let i = 0; i <= n; i++) r.u32();
        break;
      }
      case Act.SelectT: readSelectTypes(r); break;
      case Act.RefNull: readRefTypeImm(r); break;
      default:
        break; // no immediate
    }
  }
}
