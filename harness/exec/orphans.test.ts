// Folders of dead processes go, those of live ones (and this one's own) stay, and names that
// do not follow the pattern are never touched.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alive, removeOrphans } from './orphans.js';

test('only the folders of processes that are gone are removed', () => {
  const parent = mkdtempSync(join(tmpdir(), 'crucible-orphans-'));
  try {
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    assert.not.ok(alive(dead), 'the child has exited');
    const names = [`w${dead}-abc`, `w${process.pid}-mine`, `w${process.ppid}-parent`, `x${dead}-other`, `w${dead}`];
    for (const n of names) mkdirSync(join(parent, n, 'inner'), { recursive: true });
    removeOrphans(parent, 'w');
    assert.equal(names.map((n) => existsSync(join(parent, n))), [false, true, true, true, true]);
    removeOrphans(join(parent, 'missing'), 'w'); // nothing there: nothing to do
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});

test.run();
