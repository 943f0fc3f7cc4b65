// A growable little-endian byte writer for the artifact header and the module metadata:
// fixed-width integers, LEB128, raw floats, UTF-8 strings. It never reads anything back.

const encoder = new TextEncoder();

/** Appends bytes to a buffer that doubles as needed; `finish()` returns exactly what was written. */
export class ByteSink {
  private buf: Uint8Array;
  private view: DataView;
  /** Bytes written so far. */
  pos = 0;

  /** @param initial first capacity in bytes (it grows as needed) */
  constructor(initial = 256) {
    this.buf = new Uint8Array(initial);
    this.view = new DataView(this.buf.buffer);
  }

  /**
   * Reserves `n` bytes and returns where they start. Callers take the offset BEFORE touching
   * `buf`/`view`: growing replaces both, and `this.buf[this.room(1)]` would write the old one.
   */
  private room(n: number): number {
    const at = this.pos;
    if (at + n > this.buf.length) {
      const bigger = new Uint8Array(Math.max(this.buf.length * 2, at + n));
      bigger.set(this.buf.subarray(0, at));
      this.buf = bigger;
      this.view = new DataView(bigger.buffer);
    }
    this.pos = at + n;
    return at;
  }

  /** One byte. */
  u8(v: number): this {
    const at = this.room(1);
    this.buf[at] = v;
    return this;
  }

  /** Fixed 4 bytes. */
  u32(v: number): this {
    const at = this.room(4);
    this.view.setUint32(at, v, true);
    return this;
  }

  /** Fixed 8 bytes of a non-negative safe integer (offsets and lengths). */
  u64(v: number): this {
    const at = this.room(8);
    this.view.setUint32(at, v % 0x1_0000_0000, true);
    this.view.setUint32(at + 4, Math.floor(v / 0x1_0000_0000), true);
    return this;
  }

  /** Unsigned LEB128 of a u32; arithmetic, not bit operations, so values past 2^31 work. */
  uleb(v: number): this {
    do {
      let byte = v % 128;
      v = Math.floor(v / 128);
      if (v !== 0) byte |= 0x80;
      this.u8(byte);
    } while (v !== 0);
    return this;
  }

  /** Signed LEB128 of an i32. */
  sleb(v: number): this {
    v |= 0;
    for (;;) {
      const byte = v & 0x7f;
      v >>= 7;
      const done = (v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0);
      this.u8(done ? byte : byte | 0x80);
      if (done) return this;
    }
  }

  /** The 8 bytes of an i64 (two's complement). */
  i64(v: bigint): this {
    const at = this.room(8);
    this.view.setBigUint64(at, BigInt.asUintN(64, v), true);
    return this;
  }

  /** The 8 bytes of a double as held, NaN payload included. */
  f64(v: number): this {
    const at = this.room(8);
    this.view.setFloat64(at, v, true);
    return this;
  }

  /** Raw bytes, as they are. */
  bytes(b: Uint8Array): this {
    const at = this.room(b.length);
    this.buf.set(b, at);
    return this;
  }

  /** UTF-8, prefixed with its byte length (LEB128). */
  str(s: string): this {
    const b = encoder.encode(s);
    return this.uleb(b.length).bytes(b);
  }

  /** The bytes written (a copy of exactly `pos` bytes). */
  finish(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }
}
