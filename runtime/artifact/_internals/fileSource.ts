// An ArtifactSource over a file, mapped by ranges through the memory backend's mapFile, so the
// process only ever accounts for the ranges someone asked for. Leaves every check to its callers.

import { statSync } from 'node:fs';
import { ArtifactError } from '../ArtifactError.js';
import type { ArtifactSource } from './ArtifactSource.js';

/** Maps bytes `[offset, offset + length)` of a file (the whole file when both are omitted). */
export type MapFile = (path: string, offset?: number, length?: number) => ArrayBuffer;

/**
 * Alignment of the ranges mapped from inside a file: a multiple of every OS page size in use
 * (4 KiB on x86-64, up to 64 KiB on some arm64 kernels), as mmap requires of an offset.
 */
export const MAP_ALIGNMENT = 65536;

/**
 * A source over the file at `path`, its size taken now. Reads starting at 0 keep their
 * mapping and serve later reads inside it (the header probe, then the eager prefix); any other
 * read maps from the MAP_ALIGNMENT boundary below it and is not kept here (its caller keeps
 * what it needs). A file that vanished, shrank or cannot be mapped is ArtifactError('unreadable').
 */
export function fileSource(path: string, mapFile: MapFile): ArtifactSource {
  let length: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new Error('not a regular file');
    length = stat.size;
  } catch (e) {
    throw unreadable(path, e);
  }
  let head: Uint8Array = new Uint8Array(0);
  const map = (offset: number, end: number): Uint8Array => {
    let buffer: ArrayBuffer;
    try {
      buffer = mapFile(path, offset, end - offset);
    } catch (e) {
      throw unreadable(path, e);
    }
    // A backend that ignores the range (an addon built before ranges existed) would hand back
    // the whole file, and every later offset would be wrong.
    if (buffer.byteLength !== end - offset) {
      throw unreadable(path, `mapFile gave ${buffer.byteLength} bytes for a range of ${end - offset} (stale native addon? rebuild it)`);
    }
    return new Uint8Array(buffer);
  };
  return {
    length,
    path,
    stable: false,
    read(start, end) {
      if (end <= head.length) return head.subarray(start, end);
      if (start === end) return new Uint8Array(0);
      if (start === 0) return (head = map(0, end));
      const base = start - (start % MAP_ALIGNMENT);
      return map(base, end).subarray(start - base);
    },
  };
}

function unreadable(path: string, cause: unknown): ArtifactError {
  // mapFile's code for a range past the end: the file shrank since it was opened.
  if ((cause as { code?: unknown } | null)?.code === 'ERR_OUT_OF_RANGE') {
    return new ArtifactError('unreadable', `cannot read artifact ${path}: it is shorter than when it was opened (replaced?)`);
  }
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new ArtifactError('unreadable', `cannot read artifact ${path}: ${detail}`);
}
