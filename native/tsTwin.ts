// The TypeScript twin of the native addon: the same MemoryBackend contract, with plain
// ArrayBuffer copies where the addon maps pages. Used when the addon is not built, and as
// the reference the native backend is tested against. Leaves out sharing: every memory
// costs its full size.

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { MemoryBackend, MemoryImage } from './MemoryBackend.js';
import { MemoryImageError } from './MemoryImageError.js';
import {
  allocate,
  checkPath,
  checkSize,
  fsError,
  invalidArg,
  outOfRange,
  TWIN_PAGE_SIZE,
} from './_internals/twinArgs.js';

/** What one twin memory is, shared by every buffer that was handed out for it. */
interface TwinMemory {
  current: ArrayBuffer;
  /** Image bytes (zeros follow up to imageSize), or null for an all-zero memory. */
  image: Uint8Array | null;
  imageSize: number;
  initial: number;
  maximum: number;
}

// Weak maps, so a twin memory or image lives exactly as long as the JS values naming it.
const imageBytes = new WeakMap<object, Uint8Array>();
const memories = new WeakMap<ArrayBuffer, TwinMemory>();

function imageFrom(fn: string, value: unknown): Uint8Array {
  const bytes = typeof value === 'object' && value !== null ? imageBytes.get(value) : undefined;
  if (bytes === undefined) invalidArg(fn, 'image must be a handle returned by createImage of the ts-twin backend');
  return bytes;
}

function memoryFrom(fn: string, value: unknown): TwinMemory {
  const memory = value instanceof ArrayBuffer ? memories.get(value) : undefined;
  if (memory === undefined) {
    invalidArg(fn, 'memory must be an ArrayBuffer returned by the ts-twin backend');
  }
  return memory;
}

/** Writes the image then zeros over the whole buffer: what a fresh mapping would show. */
function paint(buffer: ArrayBuffer, image: Uint8Array | null): void {
  const view = new Uint8Array(buffer);
  const start = image === null ? 0 : image.length;
  if (image !== null) view.set(image);
  view.fill(0, start);
}

function adopt(memory: TwinMemory, buffer: ArrayBuffer): ArrayBuffer {
  memory.current = buffer;
  memories.set(buffer, memory);
  return buffer;
}

function createImage(bytes: Uint8Array, size: number): MemoryImage {
  const fn = 'createImage';
  if (!(bytes instanceof Uint8Array)) invalidArg(fn, 'bytes must be a Uint8Array');
  checkSize(fn, 'size', size);
  if (size < bytes.length) outOfRange(fn, 'size must be at least bytes.length');
  const handle = Object.freeze({ size });
  imageBytes.set(handle, bytes.slice());
  return handle;
}

function mapMemory(image: MemoryImage | null, initialBytes: number, maximumBytes: number): ArrayBuffer {
  const fn = 'mapMemory';
  const bytes = image === null || image === undefined ? null : imageFrom(fn, image);
  checkSize(fn, 'initialBytes', initialBytes);
  checkSize(fn, 'maximumBytes', maximumBytes);
  const imageSize = image?.size ?? 0;
  if (imageSize > initialBytes) outOfRange(fn, 'image is larger than initialBytes');
  if (initialBytes > maximumBytes) outOfRange(fn, 'initialBytes must not exceed maximumBytes');
  const buffer = allocate(fn, initialBytes);
  if (bytes !== null) new Uint8Array(buffer).set(bytes);
  const memory: TwinMemory = { current: buffer, image: bytes, imageSize, initial: initialBytes, maximum: maximumBytes };
  return adopt(memory, buffer);
}

function growMemory(buffer: ArrayBuffer, newBytes: number): ArrayBuffer {
  const fn = 'growMemory';
  const memory = memoryFrom(fn, buffer);
  checkSize(fn, 'newBytes', newBytes);
  if (newBytes < memory.current.byteLength) outOfRange(fn, 'newBytes is smaller than the current length');
  if (newBytes > memory.maximum) outOfRange(fn, 'newBytes exceeds maximumBytes');
  const grown = allocate(fn, newBytes);
  new Uint8Array(grown).set(new Uint8Array(memory.current));
  return adopt(memory, grown);
}

function resetMemory(buffer: ArrayBuffer, image?: MemoryImage | null, initialBytes?: number): ArrayBuffer {
  const fn = 'resetMemory';
  const memory = memoryFrom(fn, buffer);
  const bytes = image === undefined ? memory.image : image === null ? null : imageFrom(fn, image);
  const imageSize = image === undefined ? memory.imageSize : (image?.size ?? 0);
  const initial = initialBytes === undefined || initialBytes === null ? memory.initial : initialBytes;
  checkSize(fn, 'initialBytes', initial);
  if (initial > memory.maximum) outOfRange(fn, 'initialBytes exceeds maximumBytes');
  if (imageSize > initial) outOfRange(fn, 'image is larger than initialBytes');
  memory.image = bytes;
  memory.imageSize = imageSize;
  memory.initial = initial;
  // Reuse the live buffer when the length fits: that is the pooling this models.
  const target = memory.current.byteLength === initial ? memory.current : allocate(fn, initial);
  paint(target, bytes);
  return adopt(memory, target);
}

/** Opens a regular file, with the addon's codes for directories and special files. */
function openRegular(fn: string, path: string): { fd: number; size: number } {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw fsError(fn, error);
  }
  const stat = fstatSync(fd);
  if (!stat.isFile()) {
    closeSync(fd);
    const code = stat.isDirectory() ? 'EISDIR' : 'ENODEV';
    throw new MemoryImageError(code, `${fn}: ${code}, not a regular file '${path}'`, { syscall: 'fstat', path });
  }
  return { fd, size: stat.size };
}

function readRange(fn: string, fd: number, into: Uint8Array, offset: number): void {
  let done = 0;
  while (done < into.length) {
    const n = readSync(fd, into, done, into.length - done, offset + done);
    if (n === 0) throw new MemoryImageError('EIO', `${fn}: EIO, file shrank while reading`, { syscall: 'pread' });
    done += n;
  }
}

function mapFile(path: string, offset?: number, length?: number): ArrayBuffer {
  const fn = 'mapFile';
  // Same checks in the same order as the addon, so both report the same code.
  const from = offset === undefined || offset === null ? 0 : checkSize(fn, 'offset', offset);
  const given = length === undefined || length === null ? undefined : checkSize(fn, 'length', length);
  if (from % TWIN_PAGE_SIZE !== 0) outOfRange(fn, 'offset must be a multiple of the OS page size');
  if (given === 0) outOfRange(fn, 'length must be greater than zero');
  checkPath(fn, path);
  const { fd, size } = openRegular(fn, path);
  try {
    if (from > size || (given !== undefined && given > size - from)) {
      outOfRange(fn, 'offset + length is past the end of the file');
    }
    const buffer = allocate(fn, given ?? size - from);
    readRange(fn, fd, new Uint8Array(buffer), from);
    return buffer;
  } finally {
    closeSync(fd);
  }
}

function mapImageFromFile(
  path: string,
  offset: number,
  length: number,
  initialBytes: number,
  maximumBytes: number,
): ArrayBuffer {
  const fn = 'mapImageFromFile';
  checkSize(fn, 'offset', offset);
  checkSize(fn, 'length', length);
  checkSize(fn, 'initialBytes', initialBytes);
  checkSize(fn, 'maximumBytes', maximumBytes);
  if (offset % TWIN_PAGE_SIZE !== 0) outOfRange(fn, 'offset must be a multiple of the OS page size');
  if (length > initialBytes) outOfRange(fn, 'length (the image) is larger than initialBytes');
  checkPath(fn, path);
  const { fd, size } = openRegular(fn, path);
  try {
    if (offset > size || length > size - offset) outOfRange(fn, 'offset + length is past the end of the file');
    if (initialBytes > maximumBytes) outOfRange(fn, 'initialBytes must not exceed maximumBytes');
    const bytes = new Uint8Array(length);
    readRange(fn, fd, bytes, offset);
    const buffer = allocate(fn, initialBytes);
    new Uint8Array(buffer).set(bytes);
    const memory: TwinMemory = { current: buffer, image: bytes, imageSize: length, initial: initialBytes, maximum: maximumBytes };
    return adopt(memory, buffer);
  } finally {
    closeSync(fd);
  }
}

/** The copying backend: always available, same contract as the addon. */
export const tsTwin: MemoryBackend = {
  name: 'ts-twin',
  createImage,
  mapMemory,
  growMemory,
  resetMemory,
  mapFile,
  mapImageFromFile,
};
