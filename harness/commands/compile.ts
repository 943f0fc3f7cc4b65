// `crucible compile FILE.wasm -o FILE.cwasm`: compile a module ahead of time into an artifact
// that `crucible run FILE.cwasm` (Module.deserializeFile) loads without recompiling.

import { parseFlags } from '../cli/command.js';
import { UsageError } from '../cli/errors.js';
import { writeFileAtomic } from '../cli/writeJson.js';
import { Engine } from '../../runtime/api/Engine.js';
import { Module } from '../../runtime/api/Module.js';
import { engineConfig, loadBytes } from './run.js';

export const help = `usage: crucible compile FILE.wasm|FILE.wat -o FILE.cwasm [options]

Compiles the module and writes an artifact: generated code with V8's code cache, code tables,
names, memory image and metadata, stamped with the runtime version and the codegen knobs.
\`crucible run FILE.cwasm\` loads it without recompiling (with the knobs it was made with).
An artifact is code: load only artifacts you made.

options:
  -o, --output PATH        where to write the artifact (required)
  --tier interp|compiled   execution tier (default compiled)
  --config FILE|JSON       engine config (see \`crucible knobs\`)

Exit codes: 0 written, 2 bad usage or input (an invalid module included).`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    output: { type: 'string', short: 'o' }, tier: { type: 'string' }, config: { type: 'string' },
  });
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError('compile needs a FILE');
  if (extra.length > 0) throw new UsageError(`compile takes one FILE, got also ${extra.join(' ')}`);
  if (values.output === undefined) throw new UsageError('compile needs -o FILE.cwasm');
  const engine = new Engine(engineConfig(values, 'compiled'));
  const artifact = new Module(engine, await loadBytes(file)).serialize();
  writeFileAtomic(values.output, artifact);
  console.log(`wrote ${values.output} (${artifact.length} bytes, ${engine.config.tier} tier)`);
  return 0;
}
