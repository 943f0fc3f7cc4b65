// Many instances of one module share one image: one image is made, every memory shows it,
// and on the addon the pages are shared, not copied (Pss stays small after every page of
// every memory was read; the twin is the control that shows the measurement sees copies).
// Measured in a fresh process: in the test runner's, malloc hands out memory that earlier test
// files freed and that is still resident, so copies need not raise VmRSS there.
// Leaves out timing (harness/bench/memoryBench.ts).

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { memoryUse } from '../../native/_internals/backendsUnderTest.js';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Instance } from '../api/Instance.js';
import { backendsUnderTest, compile, engineOn, instantiate, Store } from './_internals/testing.js';

const MIB = 1 << 20;
const COUNT = 100;
const OS_PAGE = 4096;
// Printable filler: the text format takes it as is, and no byte of it is zero.
const FILLER = 'crucible'.repeat(MIB / 8);
const MODULE = `(module (memory (export "mem") 17) (data (i32.const 0) "${FILLER}")
  (func (export "store") (param i32 i32) (i32.store8 (local.get 0) (local.get 1))))`;


const CHILD = '--fresh-process';

if (process.argv[2] !== CHILD) {
  test('in a fresh process: instances share one image, and the control sees copies', () => {
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), CHILD], { encoding: 'utf8' });
    assert.is(r.status, 0, `${r.stdout}${r.stderr}`);
  });
} else {
  for (const backend of backendsUnderTest()) sharingTest(backend);
}

function sharingTest(backend: ReturnType<typeof backendsUnderTest>[number]): void {
  test(`${backend.name}: ${COUNT} instances of a 1 MiB image share one image and stay private`, () => {
    const engine = engineOn(backend, { tier: 'interp' });
    const module = compile(engine, MODULE);
    const store = new Store(engine);
    const before = memoryUse();
    const instances: Instance[] = [];
    for (let i = 0; i < COUNT; i++) {
      const inst = instantiate(store, module);
      inst.getFunc('store')!.invoke([i * OS_PAGE, 0]); // one private page each
      instances.push(inst);
    }
    const afterWrites = memoryUse();
    let sum = 0;
    for (const inst of instances) {
      const u8 = inst.getMemory('mem')!.u8;
      for (let at = 0; at < MIB; at += OS_PAGE) sum += u8[at + 1];
    }
    const afterReads = memoryUse();

    const stats = engine.memoryStats();
    assert.is(stats.imagesMade, 1);
    assert.is(stats.fromImage, COUNT);
    assert.is(stats.created, COUNT);
    assert.is(sum, COUNT * (MIB / OS_PAGE) * 'r'.charCodeAt(0));
    for (let i = 0; i < COUNT; i++) {
      const u8 = instances[i].getMemory('mem')!.u8;
      assert.is(u8[i * OS_PAGE], 0);
      const other = ((i + 1) % COUNT) * OS_PAGE;
      assert.is(u8[other], 'c'.charCodeAt(0));
    }

    const copiesKiB = (COUNT * MIB) / 1024;
    if (backend.name === 'native') {
      assert.ok(afterWrites.rss - before.rss < copiesKiB / 4, `VmRSS grew ${afterWrites.rss - before.rss} KiB`);
      assert.ok(afterReads.pss - before.pss < copiesKiB / 4, `Pss grew ${afterReads.pss - before.pss} KiB`);
    } else {
      assert.ok(afterWrites.rss - before.rss > copiesKiB / 4, `twin copies: VmRSS grew ${afterWrites.rss - before.rss} KiB`);
    }
    store.dispose();
  });
}

test.run();
