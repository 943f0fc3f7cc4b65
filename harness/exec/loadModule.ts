// How the harness makes a Module: compile, and under the `serializeRoundtrip` knob also
// serialize, write the artifact to a file and load it back with deserializeFile, so every
// spec and fuzz run can exercise artifacts. Leaves out caching: that is the runtime's knob.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module } from '../../runtime/api/Module.js';
import type { Engine } from '../../runtime/api/Engine.js';
import { writeFileAtomic } from '../cli/writeJson.js';

let dir: string | undefined;

/**
 * This process's artifact directory, removed when the process exits. Files stay while the
 * process runs: a module loaded from a file maps its memory image from that file.
 */
function artifactDir(): string {
  if (dir === undefined) {
    const made = mkdtempSync(join(tmpdir(), 'crucible-roundtrip-'));
    process.once('exit', () => rmSync(made, { recursive: true, force: true }));
    dir = made;
  }
  return dir;
}

/** Compiles `bytes` for `engine`, round-tripping through an artifact file when the knob asks. */
export function loadModule(engine: Engine, bytes: Uint8Array): Module {
  const compiled = new Module(engine, bytes);
  if (!engine.config.serializeRoundtrip) return compiled;
  const artifact = compiled.serialize();
  // Content-addressed: the same artifact (same bytes, same knobs) is written once per process.
  const path = join(artifactDir(), `${createHash('sha256').update(artifact).digest('hex').slice(0, 32)}.cwasm`);
  if (!existsSync(path)) writeFileAtomic(path, artifact);
  return Module.deserializeFile(engine, path);
}
