// The serializeRoundtrip knob: modules really come from artifact files, behave like the
// compiled ones, and their files go away once no module needs them (a long fuzz run makes
// hundreds of thousands) or when the process that made them died.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { spawnSync } from 'node:child_process';
import { Engine } from '../../runtime/api/Engine.js';
import { Store } from '../../runtime/api/Store.js';
import { Linker } from '../../runtime/api/Linker.js';
import { ModuleBuilder } from '../wasm/ModuleBuilder.js';
import { loadModule } from './loadModule.js';

v8.setFlagsFromString('--expose_gc');
const gc = vm.runInNewContext('gc') as () => void;

function moduleReturning(n: number): Uint8Array {
  const b = new ModuleBuilder();
  const t = b.type([], [0x7f]);
  b.func(t, [], [0x41, n & 0x3f]);
  b.export('f', 0, 0);
  return b.build();
}

function ownFiles(): number {
  return readdirSync(tmpdir())
    .filter((d) => d.startsWith(`crucible-roundtrip-${process.pid}-`))
    .reduce((n, d) => n + readdirSync(join(tmpdir(), d)).length, 0);
}

test('off: a compiled module; on: loaded from an artifact file, same results', () => {
  for (const tier of ['interp', 'compiled'] as const) {
    assert.is(loadModule(new Engine({ tier }), moduleReturning(1)).origin, 'compiled');
    const engine = new Engine({ tier, serializeRoundtrip: true });
    const m = loadModule(engine, moduleReturning(42));
    assert.is(m.origin, 'artifact');
    assert.equal(new Linker().instantiate(new Store(engine), m).getFunc('f')!.invoke([]), [42]);
  }
});

test('files are removed once their modules are collected', async () => {
  const engine = new Engine({ tier: 'compiled', serializeRoundtrip: true });
  for (let i = 0; i < 40; i++) loadModule(engine, moduleReturning(i));
  assert.ok(ownFiles() >= 40);
  for (let i = 0; i < 5 && ownFiles() > 0; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.is(ownFiles(), 0);
});

test('directories of dead processes are removed by the next process that makes one', () => {
  const orphan = join(tmpdir(), 'crucible-roundtrip-999999999-test');
  mkdirSync(orphan, { recursive: true });
  const here = new URL('.', import.meta.url).pathname;
  const script = `const { Engine } = await import(${JSON.stringify(join(here, '../../runtime/api/Engine.js'))});
    const { loadModule } = await import(${JSON.stringify(join(here, 'loadModule.js'))});
    loadModule(new Engine({ tier: 'compiled', serializeRoundtrip: true }), new Uint8Array(${JSON.stringify([...moduleReturning(3)])}));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.is(r.status, 0, r.stderr);
  assert.not.ok(existsSync(orphan), 'the dead process\'s directory is gone');
});

test.run();
