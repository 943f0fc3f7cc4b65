// How the harness makes a Module: compile, and under the `serializeRoundtrip` knob also
// serialize, write the artifact to a file and load it back with deserializeFile, so every
// spec and fuzz run can exercise artifacts. Leaves out caching: that is the runtime's knob.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { removeOrphans } from './orphans.js';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module } from '../../runtime/api/Module.js';
import type { Engine } from '../../runtime/api/Engine.js';
import { writeFileAtomic } from '../cli/writeJson.js';

let dir: string | undefined;
const PREFIX = 'crucible-roundtrip-';

/** This process's artifact directory, removed when the process exits. */
function artifactDir(): string {
  if (dir === undefined) {
    removeOrphans(tmpdir(), PREFIX);
    const made = mkdtempSync(join(tmpdir(), `${PREFIX}${process.pid}-`));
    process.once('exit', () => rmSync(made, { recursive: true, force: true }));
    dir = made;
  }
  return dir;
}

/** Modules alive per artifact file: a file is removed when the last module loaded from it is collected. */
const users = new Map<string, number>();
const unused = new FinalizationRegistry<string>((path) => {
  const n = (users.get(path) ?? 1) - 1;
  if (n > 0) return void users.set(path, n);
  users.delete(path);
  rmSync(path, { force: true });
});

/** Compiles `bytes` for `engine`, round-tripping through an artifact file when the knob asks. */
export function loadModule(engine: Engine, bytes: Uint8Array): Module {
  const compiled = new Module(engine, bytes);
  if (!engine.config.serializeRoundtrip) return compiled;
  const artifact = compiled.serialize();
  // Content-addressed: the same artifact (same bytes, same knobs) is written once per process.
  const path = join(artifactDir(), `${createHash('sha256').update(artifact).digest('hex').slice(0, 32)}.cwasm`);
  // A long fuzz run makes hundreds of thousands of modules: each file lives exactly as long
  // as a module needs it (lazy sections and the memory image are read from it later).
  // Checked on disk, not in `users`: a fuzz worker's scratch sweep may have removed it.
  if (!existsSync(path)) writeFileAtomic(path, artifact);
  const loaded = Module.deserializeFile(engine, path);
  users.set(path, (users.get(path) ?? 0) + 1);
  unused.register(loaded, path);
  return loaded;
}
