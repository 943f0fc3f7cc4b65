#!/usr/bin/env node
// Crucible's command line: declares the commands, loads each lazily from harness/commands/,
// and is the one error boundary that maps typed errors to exit codes
// (0 nothing found, 1 a finding, 2 bad usage or unreadable input, 3 an internal error).

import { UsageError, InputError } from './cli/errors.js';
import type { CommandModule } from './cli/command.js';
import { ConfigError, CompileError } from '../runtime/errors.js';
import { ArtifactError } from '../runtime/artifact/ArtifactError.js';
import { versionLine } from './cli/version.js';

const COMMANDS: Record<string, { summary: string; load: () => Promise<CommandModule> }> = {
  validate: { summary: 'decode and validate .wasm files', load: () => import('./commands/validate.js') },
  spec: { summary: 'run .wast spec scripts', load: () => import('./commands/spec.js') },
  compile: { summary: 'compile a module ahead of time into a .cwasm artifact', load: () => import('./commands/compile.js') },
  run: { summary: 'instantiate a module (or load an artifact) and invoke an export', load: () => import('./commands/run.js') },
  knobs: { summary: 'list every engine knob with its type, default and doc', load: () => import('./commands/knobs.js') },
  fuzz: { summary: 'differential fuzzing: compiled tier vs interpreter vs V8', load: () => import('./commands/fuzz.js') },
  repro: { summary: 'replay a saved finding (exit 1 while it still fails)', load: () => import('./commands/repro.js') },
  reduce: { summary: 'minimize a saved finding again', load: () => import('./commands/reduce.js') },
};

function usage(): string {
  const rows = Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(10)} ${c.summary}`);
  return `usage: crucible <command> [options]\n\ncommands:\n${rows.join('\n')}\n\n` +
    `Run \`crucible <command> --help\` for a command's options. \`crucible --version\` prints the version.`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    console.log(versionLine());
    return 0;
  }
  const entry = COMMANDS[name];
  if (entry === undefined) throw new UsageError(`unknown command "${name}"\n\n${usage()}`);
  const cmd = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(cmd.help);
    return 0;
  }
  return cmd.run(rest);
}

/** Maps an error to its exit code and prints it. */
function report(e: unknown): number {
  if (e instanceof UsageError || e instanceof InputError || e instanceof ConfigError || e instanceof CompileError) {
    console.error(`crucible: ${e.message}`);
    return 2;
  }
  if (e instanceof ArtifactError) {
    // Found only while running (a lazily checked section): still the artifact's fault.
    console.error(`crucible: rejected artifact: ${e.message}`);
    return 2;
  }
  console.error('crucible: internal error:', e);
  return 3;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e) => { process.exitCode = report(e); },
);
