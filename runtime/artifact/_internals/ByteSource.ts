// The reader matching ByteSink, over bytes that passed a checksum but may still be crafted:
// every read is bounds-checked and every failure is an ArtifactError('malformed'), never a
// RangeError. Counts are checked against the bytes left before anything is allocated.

import { ArtifactError } from '../ArtifactError.js';

// ignoreBOM keeps a leading U+FEFF: it is part of a wasm name, not a byte-order mark.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Reads `bytes` from the start; `what` names them in error messages ("artifact header"). */
export class ByteSource {
  /** Offset of the next byte to read. */
  pos = 0;
  private readonly view: DataView;

  /**
   * @param bytes what to read
   * @param what how error messages name these bytes
   */
  constructor(
    readonly bytes: Uint8Array,
    private readonly what: string,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Throws the malformed error for these bytes. */
  fail(detail: string): never {
    throw new ArtifactError('malformed', `${this.what} is malformed: ${detail}`);
  }

  /** Bytes not read yet. */
  get left(): number {
    return this.bytes.length - this.pos;
  }

  private take(n: number): number {
    if (n > this.left) this.fail(`unexpected end at byte ${this.pos}`);
    const at = this.pos;
    this.pos += n;
    return at;
  }

  /** One byte. */
  u8(): number {
    return this.bytes[this.take(1)];
  }

  /** A fixed 4-byte little-endian u32. */
  u32(): number {
    return this.view.getUint32(this.take(4), true);
  }

  /** A fixed 8-byte unsigned integer that must be a safe integer. */
  u64(): number {
    const at = this.take(8);
    const lo = this.view.getUint32(at, true);
    const hi = this.view.getUint32(at + 4, true);
    if (hi >= 0x20_0000) this.fail(`integer too large at byte ${at}`);
    return hi * 0x1_0000_0000 + lo;
  }

  /** An unsigned LEB128 u32 (at most 5 bytes). */
  uleb(): number {
    let result = 0;
    let mul = 1;
    for (let i = 0; i < 5; i++) {
      const b = this.u8();
      result += (b & 0x7f) * mul;
      if ((b & 0x80) === 0) {
        if (result > 0xffff_ffff) break;
        return result;
      }
      mul *= 128;
    }
    return this.fail(`bad u32 at byte ${this.pos}`);
  }

  /** A signed LEB128 i32 (at most 5 bytes). */
  sleb(): number {
    let result = 0;
    let shift = 0;
    for (let i = 0; i < 5; i++) {
      const b = this.u8();
      result |= (b & 0x7f) << shift;
      shift += 7;
      if ((b & 0x80) === 0) {
        // Sign-extend from the last byte's bit 6 (only needed when fewer than 32 bits came in).
        return shift < 32 && (b & 0x40) !== 0 ? result | (-1 << shift) : result | 0;
      }
    }
    return this.fail(`bad i32 at byte ${this.pos}`);
  }

  /** 8 bytes of two's complement i64. */
  i64(): bigint {
    return BigInt.asIntN(64, this.view.getBigUint64(this.take(8), true));
  }

  /** 8 bytes of a double, NaN payload kept. */
  f64(): number {
    return this.view.getFloat64(this.take(8), true);
  }

  /** A view (no copy) of the next `n` bytes. */
  sub(n: number): Uint8Array {
    const at = this.take(n);
    return this.bytes.subarray(at, at + n);
  }

  /** A count of entries each at least `minBytes` long: never more than the bytes left allow. */
  count(minBytes = 1): number {
    const n = this.uleb();
    if (n * minBytes > this.left) this.fail(`count ${n} exceeds the bytes left at byte ${this.pos}`);
    return n;
  }

  /** A length-prefixed UTF-8 string; invalid UTF-8 is malformed. */
  str(): string {
    const n = this.uleb();
    const b = this.sub(n);
    try {
      return decoder.decode(b);
    } catch {
      return this.fail(`invalid UTF-8 at byte ${this.pos - n}`);
    }
  }

  /** One of `table`'s entries, by the next byte as index. */
  pick<T>(table: readonly T[], what: string): T {
    const at = this.pos;
    const v = table[this.u8()];
    if (v === undefined) this.fail(`unknown ${what} at byte ${at}`);
    return v;
  }

  /** Fails unless every byte was read. */
  end(): void {
    if (this.left !== 0) this.fail(`${this.left} trailing bytes`);
  }
}
