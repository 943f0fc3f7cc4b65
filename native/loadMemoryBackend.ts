// Chooses the memory backend: the native addon when native/build/Release/
// crucible_native.node loads and has every function, else the TypeScript twin, keeping
// the reason. Leaves out building the addon (native/build.mjs, at npm install).

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { BackendName, MemoryBackend } from './MemoryBackend.js';
import { MemoryImageError } from './MemoryImageError.js';
import { NATIVE_FUNCTIONS, nativeBackend, type NativeBinding } from './nativeBackend.js';
import { tsTwin } from './tsTwin.js';

/** Which backend to use: `auto` prefers native and falls back to the twin. */
export type BackendChoice = 'auto' | BackendName;

/** Options of {@link loadMemoryBackend}. */
export interface LoadMemoryBackendOptions {
  /** `auto` (default), or force one; forcing `native` throws when it cannot load. */
  backend?: BackendChoice;
  /** Load the addon from this file instead of the build output (tests, packaging). */
  addonPath?: string;
}

// Relative to this module: compiled it sits in dist/native/, run from source in native/.
const ADDON_CANDIDATES = [
  '../../native/build/Release/crucible_native.node',
  './build/Release/crucible_native.node',
];

interface Attempt {
  backend?: MemoryBackend;
  reason?: string;
}

let defaultAttempt: Attempt | undefined;

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}

function tryLoad(path: string): Attempt {
  if (process.platform !== 'linux') return { reason: `the addon is Linux-only (platform ${process.platform})` };
  if (!existsSync(path)) return { reason: `${path} is not built (run \`node native/build.mjs\`)` };
  let binding: Partial<NativeBinding>;
  try {
    binding = createRequire(import.meta.url)(path) as Partial<NativeBinding>;
  } catch (error) {
    return { reason: `loading ${path} failed: ${firstLine(error)}` };
  }
  const missing = NATIVE_FUNCTIONS.filter((name) => typeof binding[name] !== 'function');
  if (missing.length > 0) return { reason: `${path} is stale: it lacks ${missing.join(', ')} (rebuild it)` };
  return { backend: nativeBackend(binding as NativeBinding) };
}

function defaultLoad(): Attempt {
  if (defaultAttempt === undefined) {
    const paths = ADDON_CANDIDATES.map((candidate) => fileURLToPath(new URL(candidate, import.meta.url)));
    const found = paths.find((path) => existsSync(path)) ?? paths[0]!;
    defaultAttempt = tryLoad(found);
  }
  return defaultAttempt;
}

/**
 * The memory backend to use. With the default options the addon is loaded once per
 * process and the result (or the reason it failed) is cached.
 */
export function loadMemoryBackend(options: LoadMemoryBackendOptions = {}): MemoryBackend {
  const choice = options.backend ?? 'auto';
  if (choice === 'ts-twin') return tsTwin;
  const attempt = options.addonPath === undefined ? defaultLoad() : tryLoad(options.addonPath);
  if (attempt.backend !== undefined) return attempt.backend;
  if (choice === 'native') {
    throw new MemoryImageError('ERR_NATIVE_UNAVAILABLE', `native memory backend unavailable: ${attempt.reason}`);
  }
  return tsTwin;
}

/** Name of the backend `loadMemoryBackend()` picks, for `crucible --version` and `knobs`. */
export function activeBackendName(): BackendName {
  return loadMemoryBackend().name;
}

/** Why the default load fell back to the twin, or undefined when the addon loaded. */
export function nativeUnavailableReason(): string | undefined {
  return defaultLoad().reason;
}
