// Adapts the loaded addon (crucible_native.node) to MemoryBackend: same calls, with the
// addon's coded JS errors rethrown as MemoryImageError. Leaves out finding and loading
// the .node file (loadMemoryBackend.ts) and all checking (the C side does it).

import type { MemoryBackend, MemoryImage } from './MemoryBackend.js';
import { MemoryImageError } from './MemoryImageError.js';

/** The raw exports of crucible_native.node (see native/src/crucible_native.c): the backend's calls plus the page size. */
export type NativeBinding = Omit<MemoryBackend, 'name'> & {
  /** The OS page size the addon aligns to. */
  readonly pageSize: number;
};

/** Export names the addon must have to be usable; a stale build missing one is refused. */
export const NATIVE_FUNCTIONS = [
  'createImage',
  'mapMemory',
  'growMemory',
  'resetMemory',
  'mapFile',
  'mapImageFromFile',
] as const;

/** Wraps a loaded addon as the `'native'` backend. */
export function nativeBackend(binding: NativeBinding): MemoryBackend {
  // Arguments are passed through unchanged (arity included): resetMemory tells an
  // omitted image (keep the current one) from null (zeros) by `undefined`, which the
  // addon sees the same either way.
  return {
    name: 'native',
    createImage: (bytes, size) => guard(() => binding.createImage(bytes, size)),
    mapMemory: (image, initialBytes, maximumBytes) =>
      guard(() => binding.mapMemory(image, initialBytes, maximumBytes)),
    growMemory: (memory, newBytes) => guard(() => binding.growMemory(memory, newBytes)),
    resetMemory: (memory, image, initialBytes) => guard(() => binding.resetMemory(memory, image, initialBytes)),
    mapFile: (path, offset, length) => guard(() => binding.mapFile(path, offset, length)),
    mapImageFromFile: (path, offset, length, initialBytes, maximumBytes) =>
      guard(() => binding.mapImageFromFile(path, offset, length, initialBytes, maximumBytes)),
  };
}

function guard<T>(call: () => T): T {
  try {
    return call();
  } catch (error) {
    throw MemoryImageError.from(error);
  }
}
