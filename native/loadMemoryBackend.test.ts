// Backend choice: auto falls back to the twin with a reason, forcing native fails loudly,
// and activeBackendName agrees with what loadMemoryBackend returns. Leaves out the
// behaviour of the backends themselves (the other native/*.test.ts).

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { tempDir, throwsCode } from './_internals/backendsUnderTest.js';
import { activeBackendName, loadMemoryBackend, nativeUnavailableReason } from './loadMemoryBackend.js';
import { tsTwin } from './tsTwin.js';

const missing = '/nonexistent/crucible_native.node';

test('auto falls back to the twin when the addon file is missing', () => {
  assert.is(loadMemoryBackend({ addonPath: missing }), tsTwin);
});

test('forcing native with no addon throws ERR_NATIVE_UNAVAILABLE naming the reason', () => {
  const error = throwsCode(() => loadMemoryBackend({ backend: 'native', addonPath: missing }), 'ERR_NATIVE_UNAVAILABLE');
  assert.match(error.message, 'not built');
});

test('a broken or stale addon file is refused, not fatal', () => {
  const tmp = tempDir();
  try {
    const garbage = tmp.file('garbage.node', new Uint8Array(64).fill(0x5a));
    const broken = throwsCode(() => loadMemoryBackend({ backend: 'native', addonPath: garbage }), 'ERR_NATIVE_UNAVAILABLE');
    assert.match(broken.message, 'failed');
    const stale = tmp.file('stale.cjs', new TextEncoder().encode('module.exports = { createImage() {} };'));
    const lacking = throwsCode(() => loadMemoryBackend({ backend: 'native', addonPath: stale }), 'ERR_NATIVE_UNAVAILABLE');
    assert.match(lacking.message, 'lacks mapMemory');
    assert.is(loadMemoryBackend({ addonPath: stale }), tsTwin);
  } finally {
    tmp.dispose();
  }
});

test('forcing the twin always gives the twin', () => {
  assert.is(loadMemoryBackend({ backend: 'ts-twin' }).name, 'ts-twin');
});

test('activeBackendName and nativeUnavailableReason agree with the default load', () => {
  const name = loadMemoryBackend().name;
  assert.is(activeBackendName(), name);
  assert.is(nativeUnavailableReason() === undefined, name === 'native');
  assert.is(loadMemoryBackend(), loadMemoryBackend(), 'the default load is cached');
});

test.run();
