// `crucible validate FILE...`: decode and validate each file, report malformed/invalid with
// the byte offset. Exit 0 all valid, 1 any not, 2 a file cannot be read.

import { readFileSync } from 'node:fs';
import { checkModule } from '../../runtime/api/Module.js';
import { CompileError } from '../../runtime/errors.js';
import { parseFlags } from '../cli/command.js';
import { InputError, UsageError } from '../cli/errors.js';
import { writeJson } from '../cli/writeJson.js';

export const help = `usage: crucible validate FILE.wasm... [--json PATH]

Decodes and validates each module against WebAssembly 2.0. Prints "FILE: valid" or
"FILE: malformed|invalid at offset N: message".
Exit codes: 0 all valid, 1 any malformed or invalid, 2 a file cannot be read.
--json PATH writes { "files": [ { "file", "valid", "kind"?, "offset"?, "message"? } ] }.`;

interface Row { file: string; valid: boolean; kind?: string; offset?: number; message?: string; func?: number }

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, { json: { type: 'string' } });
  if (positionals.length === 0) throw new UsageError('validate needs at least one FILE');
  // Read every file first: an unreadable one is bad input (exit 2) whatever the others say.
  const inputs = positionals.map((file) => {
    try {
      return { file, bytes: new Uint8Array(readFileSync(file)) };
    } catch (e) {
      throw new InputError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  });
  const rows: Row[] = inputs.map(({ file, bytes }) => {
    try {
      checkModule(bytes);
      return { file, valid: true };
    } catch (e) {
      if (!(e instanceof CompileError)) throw e;
      return { file, valid: false, kind: e.kind, offset: e.offset, message: e.message, func: e.funcIndex };
    }
  });
  for (const r of rows) {
    console.log(r.valid ? `${r.file}: valid` : `${r.file}: ${r.kind} at offset ${r.offset}: ${r.message}`);
  }
  if (values.json) writeJson(values.json, { files: rows });
  return rows.every((r) => r.valid) ? 0 : 1;
}
