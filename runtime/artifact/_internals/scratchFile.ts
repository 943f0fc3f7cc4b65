// Test helper: one temporary file whose contents tests rewrite in place, thousands of times, to
// open artifacts by path. Rewriting (ftruncate + pwrite on one descriptor) is cheap where
// creating or O_TRUNC-opening a file per case is not. Leaves out any artifact knowledge.

import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Granularity of the comparison that spares rewriting unchanged parts of a big file. */
const CHUNK = 65536;

/** A temporary file and its directory, removed by `dispose`. */
export class ScratchFile {
  /** The directory holding the file; tests may put more files there. */
  readonly dir = mkdtempSync(join(tmpdir(), 'crucible-artifact-'));
  /** The file's path. */
  readonly path = join(this.dir, 'scratch.cwasm');
  readonly #fd = openSync(this.path, 'w+');
  /** What the file holds now, so a write touches only the chunks that change. */
  #now: Buffer = Buffer.alloc(0);

  /** Makes the file hold exactly `bytes`; returns its path. */
  write(bytes: Uint8Array): string {
    const next = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    if (next.length !== this.#now.length) {
      ftruncateSync(this.#fd, next.length);
      // Growing zero-fills; the chunk comparison below rewrites what must not be zero.
      const now = Buffer.alloc(next.length);
      this.#now.copy(now, 0, 0, Math.min(this.#now.length, next.length));
      this.#now = now;
    }
    for (let at = 0; at < next.length; at += CHUNK) {
      const end = Math.min(at + CHUNK, next.length);
      if (next.compare(this.#now, at, end, at, end) === 0) continue;
      for (let done = at; done < end;) done += writeSync(this.#fd, next, done, end - done, done);
      next.copy(this.#now, at, at, end);
    }
    return this.path;
  }

  /** Closes the file and removes the directory. */
  dispose(): void {
    closeSync(this.#fd);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
