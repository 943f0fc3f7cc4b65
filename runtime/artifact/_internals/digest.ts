// SHA-256 over one or more byte ranges, with a running count of the bytes hashed. The count is
// how tests prove that loading an artifact never reads its lazy sections (timing would be flaky).

import { createHash } from 'node:crypto';

/** Bytes hashed so far in this process; tests read it before and after an operation. */
export const digestStats = { bytes: 0 };

/** Length of a digest in bytes. */
export const DIGEST_LENGTH = 32;

/** SHA-256 of the concatenation of `parts`, without concatenating them. */
export function sha256(...parts: Uint8Array[]): Uint8Array {
  const h = createHash('sha256');
  for (const p of parts) {
    digestStats.bytes += p.length;
    h.update(p);
  }
  return h.digest();
}

/** Lower-case hex of `bytes` (digests in messages and in the public header). */
export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('hex');
}
