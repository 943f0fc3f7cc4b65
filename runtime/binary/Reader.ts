// A bounds-checked cursor over module bytes: LEB128 integers with the spec's exactness rules,
// floats as raw bits, names as validated UTF-8. Every failure is a malformed CompileError with
// the reference interpreter's message; it never throws anything else and never allocates more
// than the bytes it was handed.

import { CompileError } from '../errors.js';

// ignoreBOM: a leading U+FEFF is part of a name, not a byte-order mark to strip.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const scratch = new DataView(new ArrayBuffer(8));

/** Names up to this length are decoded by hand when they are ASCII (TextDecoder has a fixed cost). */
const ASCII_FAST_MAX = 64;

/**
 * The message for reading past the limit. The reference interpreter uses it for every read
 * inside the module (its short form "unexpected end", which the testsuite also expects, is a
 * prefix of it).
 */
export const UNEXPECTED_END = 'unexpected end of section or function';

/** Reads the binary format from `bytes[pos..end)`. */
export class Reader {
  /**
   * @param bytes the whole module binary (offsets in errors are relative to it)
   * @param pos where to start
   * @param end the limit of the current section or body
   */
  constructor(
    readonly bytes: Uint8Array,
    public pos = 0,
    public end = bytes.length,
  ) {}

  /** True when the cursor has reached `end`. */
  atEnd(): boolean {
    return this.pos >= this.end;
  }

  /** Throws a malformed CompileError at `at` (default: the cursor). */
  fail(message: string, at = this.pos): never {
    throw new CompileError('malformed', message, at);
  }

  private eof(): never {
    this.fail(UNEXPECTED_END, this.end);
  }

  /** The next byte without consuming it, or -1 at the limit. */
  peek(): number {
    return this.pos < this.end ? this.bytes[this.pos] : -1;
  }

  u8(): number {
    if (this.pos >= this.end) this.eof();
    return this.bytes[this.pos++];
  }

  /** Unsigned LEB128 of at most 32 bits (at most 5 bytes, unused high bits zero). */
  u32(): number {
    const pos = this.pos;
    if (pos < this.end) {
      const b0 = this.bytes[pos];
      if (b0 < 0x80) {
        this.pos = pos + 1;
        return b0;
      }
    }
    return this.uleb32();
  }

  /** Signed LEB128 of at most 32 bits, as a signed int32. */
  s32(): number {
    let result = 0;
    let shift = 0;
    for (let i = 0; ; i++) {
      const b = this.u8();
      if (i === 4) {
        // 5th byte: bits 28..31 are value; bits 3..6 must all equal the sign (bit 3).
        const high = b & 0x78;
        if (high !== 0 && high !== 0x78) this.fail('integer too large', this.pos - 1);
        if (b & 0x80) this.fail('integer representation too long');
        return result | (b << 28);
      }
      result |= (b & 0x7f) << shift;
      shift += 7;
      if (!(b & 0x80)) return b & 0x40 ? result | (-1 << shift) : result;
    }
  }

  /** Signed LEB128 of at most 33 bits (block types); the result fits a double exactly. */
  s33(): number {
    let result = 0;
    let mul = 1;
    for (let i = 0; ; i++) {
      const b = this.u8();
      if (i === 4) {
        // 5th byte holds bits 28..32: bit 32 (0x10) is the sign; 0x20, 0x40 must extend it.
        const high = b & 0x70;
        if (high !== 0 && high !== 0x70) this.fail('integer too large', this.pos - 1);
        if (b & 0x80) this.fail('integer representation too long');
        result += (b & 0x1f) * mul;
        return b & 0x10 ? result - 2 ** 33 : result;
      }
      result += (b & 0x7f) * mul;
      mul *= 128;
      if (!(b & 0x80)) return b & 0x40 ? result - mul : result;
    }
  }

  /** Signed LEB128 of at most 64 bits, as a signed bigint. */
  s64(): bigint {
    // Fast path: up to 4 bytes (28 bits) fit a double exactly.
    let result = 0;
    let mul = 1;
    for (let i = 0; i < 4; i++) {
      const b = this.u8();
      result += (b & 0x7f) * mul;
      mul *= 128;
      if (!(b & 0x80)) return BigInt(b & 0x40 ? result - mul : result);
    }
    // Collect the rest as two exact 28- and 35-bit halves to keep BigInt work to two steps.
    let hi = 0;
    let hmul = 1;
    for (let i = 4; ; i++) {
      const b = this.u8();
      if (i === 9) {
        // Byte 10 holds bit 63 only: the rest must be a sign extension of it.
        if ((b & 0x7f) !== 0 && (b & 0x7f) !== 0x7f) this.fail('integer too large', this.pos - 1);
        if (b & 0x80) this.fail('integer representation too long');
        hi += (b & 1) * hmul;
        return BigInt.asIntN(64, (BigInt(hi) << 28n) | BigInt(result));
      }
      hi += (b & 0x7f) * hmul;
      hmul *= 128;
      if (!(b & 0x80)) {
        const v = (BigInt(hi) << 28n) | BigInt(result);
        // Sign-extend from the last byte's bit 6; `hmul` is 2^(7*k) for k bytes in `hi`.
        return b & 0x40 ? v - (BigInt(hmul) << 28n) : v;
      }
    }
  }

  /** An f32 as its raw bit pattern (signed int32). */
  f32Bits(): number {
    const at = this.take(4);
    const b = this.bytes;
    return b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24);
  }

  /** An f64 value; NaN payloads survive because the value is read from raw bytes. */
  f64(): number {
    const at = this.take(8);
    const b = this.bytes;
    scratch.setInt32(0, b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24), true);
    scratch.setInt32(4, b[at + 4] | (b[at + 5] << 8) | (b[at + 6] << 16) | (b[at + 7] << 24), true);
    return scratch.getFloat64(0, true);
  }

  /** `n` bytes as a view into the module (no copy). */
  bytesN(n: number): Uint8Array {
    const at = this.take(n);
    return this.bytes.subarray(at, at + n);
  }

  /** Advances past `n` bytes. */
  skip(n: number): void {
    this.take(n);
  }

  /**
   * A vector length or byte count (the reference interpreter's `len32`). A length larger than
   * what is left, counting from the length field itself, is "length out of bounds"; one that
   * cannot fit `minBytesPerItem` bytes per item is an early "unexpected end". Either way a
   * hostile count never reaches an allocation.
   */
  count(minBytesPerItem = 1): number {
    const start = this.pos;
    const n = this.u32();
    if (n > this.end - start) this.fail('length out of bounds', start);
    if (n * minBytesPerItem > this.end - this.pos) this.eof();
    return n;
  }

  /** A length-prefixed UTF-8 name. */
  name(): string {
    const len = this.count();
    const at = this.take(len);
    const b = this.bytes;
    if (len <= ASCII_FAST_MAX) {
      let s = '';
      let i = at;
      const end = at + len;
      while (i < end) {
        const c = b[i];
        if (c >= 0x80) break;
        s += String.fromCharCode(c);
        i++;
      }
      if (i === end) return s;
    }
    try {
      return utf8.decode(b.subarray(at, at + len));
    } catch {
      return this.fail('malformed UTF-8 encoding', at);
    }
  }

  /** Advances past `n` bytes and returns where they start. */
  private take(n: number): number {
    const at = this.pos;
    if (n > this.end - at) this.eof();
    this.pos = at + n;
    return at;
  }

  // Checks in the reference interpreter's order: a byte's value bits before its continuation bit.
  private uleb32(): number {
    let result = 0;
    let mul = 1;
    for (let i = 0; ; i++) {
      const b = this.u8();
      if (i === 4) {
        if ((b & 0x7f) >= 0x10) this.fail('integer too large', this.pos - 1);
        if (b & 0x80) this.fail('integer representation too long');
        return result + b * mul;
      }
      result += (b & 0x7f) * mul;
      mul *= 128;
      if (!(b & 0x80)) return result;
    }
  }
}
