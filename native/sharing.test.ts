// Many memories share one image: 200 memories of a 1 MiB image, checked for contents on
// both backends and for memory use on the addon (the twin is the control that proves the
// measurement can see copies). Leaves out timing (bench.ts).

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { backendsUnderTest, memoryUse, pattern } from './_internals/backendsUnderTest.js';

const MIB = 1 << 20;
const COUNT = 200;
const PAGE = 4096;


for (const b of backendsUnderTest()) {
  test(`${b.name}: ${COUNT} memories of one 1 MiB image stay correct and private`, () => {
    const bytes = pattern(MIB, 11);
    const image = b.createImage(bytes, MIB);
    const before = memoryUse();
    const memories: Uint8Array[] = [];
    for (let i = 0; i < COUNT; i++) {
      const view = new Uint8Array(b.mapMemory(image, MIB, 4 * MIB));
      view[i * PAGE] = 0; // one private page each
      memories.push(view);
    }
    const afterOneWrite = memoryUse();
    // Read every page of every memory: copy-on-write pages are shared, not copied, on read.
    let sum = 0;
    for (const view of memories) for (let at = 0; at < MIB; at += PAGE) sum += view[at]!;
    const afterReads = memoryUse();

    for (let i = 0; i < COUNT; i++) {
      const view = memories[i]!;
      assert.is(view[i * PAGE], 0);
      const other = (i + 1) % COUNT;
      assert.is(view[other * PAGE], bytes[other * PAGE]);
    }
    assert.ok(sum > 0);

    const copiedKiB = (COUNT * MIB) / 1024;
    if (b.name === 'native') {
      // VmRSS counts a shared page once per mapping, so it is only small before the reads;
      // Pss divides each page among its mappings and stays small after them too.
      assert.ok(afterOneWrite.rss - before.rss < copiedKiB / 4, `VmRSS grew ${afterOneWrite.rss - before.rss} KiB`);
      assert.ok(afterReads.pss - before.pss < copiedKiB / 4, `Pss grew ${afterReads.pss - before.pss} KiB`);
    } else {
      // The control: the same measurement does see copies. The kernel may refill pages freed
      // by earlier tests, so the bound is the native one turned around, not the full copy.
      assert.ok(afterOneWrite.rss - before.rss > copiedKiB / 4, `twin copies: VmRSS grew ${afterOneWrite.rss - before.rss} KiB`);
    }
  });
}

test.run();
