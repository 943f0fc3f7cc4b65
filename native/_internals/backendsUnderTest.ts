// Test fixtures shared by native/*.test.ts (and the runtime's memory tests): the backends to
// run each contract against, a coded-error assertion, temporary files, memory use. Leaves out assertions on contents (each
// test states its own).

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as assert from 'uvu/assert';
import type { MemoryBackend } from '../MemoryBackend.js';
import { MemoryImageError } from '../MemoryImageError.js';
import { loadMemoryBackend, nativeUnavailableReason } from '../loadMemoryBackend.js';
import { tsTwin } from '../tsTwin.js';

let saidSkipped = false;

/** The twin always, the addon when it loads (else says plainly, once, that it was skipped). */
export function backendsUnderTest(): MemoryBackend[] {
  const native = loadMemoryBackend();
  if (native.name === 'native') return [native, tsTwin];
  if (!saidSkipped) console.log(`native memory backend skipped: ${nativeUnavailableReason()}`);
  saidSkipped = true;
  return [tsTwin];
}

/** Asserts `call` throws a MemoryImageError with `code`, and returns it. */
export function throwsCode(call: () => unknown, code: string, label = code): MemoryImageError {
  try {
    call();
  } catch (error) {
    assert.instance(error, MemoryImageError, `${label}: not a MemoryImageError: ${String(error)}`);
    assert.is((error as MemoryImageError).code, code, `${label}: ${(error as Error).message}`);
    return error as MemoryImageError;
  }
  assert.unreachable(`${label}: expected ${code}, nothing was thrown`);
  throw new Error('unreachable');
}

/** A temporary directory removed by `dispose`. */
export function tempDir(): { dir: string; file(name: string, bytes: Uint8Array): string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'crucible-native-'));
  return {
    dir,
    file(name, bytes) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      return path;
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Deterministic non-zero filler, so "zero" in a test always means "was cleared". */
export function pattern(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = seed | 1;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) | 0;
    bytes[i] = ((x >>> 16) & 0xff) | 1;
  }
  return bytes;
}

/** This process's memory use in KiB: VmRSS from /proc/self/status, Pss from smaps_rollup. */
export function memoryUse(): { rss: number; pss: number } {
  const field = (text: string, key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? NaN);
  return {
    rss: field(readFileSync('/proc/self/status', 'utf8'), 'VmRSS'),
    pss: field(readFileSync('/proc/self/smaps_rollup', 'utf8'), 'Pss'),
  };
}
