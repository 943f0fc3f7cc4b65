// `crucible knobs`: every engine knob with its type, default, flag and doc, from the knob table.

import { knobList, type Knob } from '../../runtime/config/knobs.js';
import { kebab } from '../../runtime/config/loadConfig.js';
import { parseFlags } from '../cli/command.js';
import { writeJson } from '../cli/writeJson.js';
import { backendLine } from '../cli/version.js';
import { activeBackendName } from '../../native/memoryImages.js';

export const help = `usage: crucible knobs [--json PATH]

Lists every engine knob: name, type, default, CLI flag and what it does. Any knob can be set
with --config '{"name": value}' (or a JSON file) on commands that take a config.`;

function typeOf(k: Knob): string {
  if (k.kind === 'int') return `int ${k.min}..${k.max}`;
  if (k.kind === 'enum') return k.values.join('|');
  return 'bool';
}

export async function run(argv: string[]): Promise<number> {
  const { values } = parseFlags(argv, { json: { type: 'string' } });
  const rows = knobList().map(([name, k]) => ({ name, type: typeOf(k), default: k.default, flag: `--${kebab(name)}`, codegen: k.codegen, doc: k.doc }));
  for (const r of rows) {
    console.log(`${r.name.padEnd(24)} ${r.type.padEnd(18)} default ${String(r.default).padEnd(8)} ${r.doc}`);
  }
  console.log(backendLine());
  if (values.json) writeJson(values.json, { knobs: rows, memoryBackend: activeBackendName() });
  return 0;
}
