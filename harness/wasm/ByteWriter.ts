// A growable byte buffer with the binary format's primitive encoders: the harness's one LEB128
// implementation (ModuleBuilder's helpers and the module generator both write through it), raw
// little-endian float bits, names and sections. It checks nothing: validity is the caller's.

/** Appends wasm binary primitives to a growing buffer. */
export class ByteWriter {
  private buf: Uint8Array;
  /** Bytes written so far. */
  length = 0;

  constructor(capacity = 64) {
    this.buf = new Uint8Array(capacity);
  }

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  /** Forgets everything written, keeping the buffer. */
  reset(): this {
    this.length = 0;
    return this;
  }

  /** One byte. */
  u8(b: number): this {
    if (this.length === this.buf.length) this.room(1);
    this.buf[this.length++] = b;
    return this;
  }

  /** Raw bytes. */
  bytes(b: ArrayLike<number>): this {
    this.room(b.length);
    if (b instanceof Uint8Array) this.buf.set(b, this.length);
    else for (let i = 0; i < b.length; i++) this.buf[this.length + i] = b[i]!;
    this.length += b.length;
    return this;
  }

  /** Unsigned LEB128 of a non-negative safe integer (minimal encoding). */
  uleb(n: number): this {
    // Bit operations only below 2^31; division keeps larger values (u32, up to 2^53) exact.
    while (n >= 0x80) {
      this.u8((n < 0x80000000 ? n & 0x7f : n % 128) | 0x80);
      n = n < 0x80000000 ? n >>> 7 : Math.floor(n / 128);
    }
    return this.u8(n);
  }

  /** Signed LEB128 of an int32 (s32 immediates, s33 block type indices). */
  sleb32(v: number): this {
    v |= 0;
    for (;;) {
      const b = v & 0x7f;
      v >>= 7;
      if ((v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0)) return this.u8(b);
      this.u8(b | 0x80);
    }
  }

  /** Signed LEB128 of any integer given as a bigint (s64 immediates, wider test values). */
  sleb(v: bigint): this {
    for (;;) {
      const b = Number(v & 0x7fn);
      v >>= 7n;
      if ((v === 0n && (b & 0x40) === 0) || (v === -1n && (b & 0x40) !== 0)) return this.u8(b);
      this.u8(b | 0x80);
    }
  }

  /** 32 raw bits, little-endian (an f32 immediate given as its bits). */
  bits32(b: number): this {
    return this.u8(b & 0xff).u8((b >>> 8) & 0xff).u8((b >>> 16) & 0xff).u8((b >>> 24) & 0xff);
  }

  /** 64 raw bits, little-endian (an f64 immediate given as its bits). */
  bits64(b: bigint): this {
    const lo = Number(BigInt.asUintN(32, b));
    const hi = Number(BigInt.asUintN(32, b >> 32n));
    return this.bits32(lo).bits32(hi);
  }

  /** A length-prefixed UTF-8 name. */
  name(s: string): this {
    const b = new TextEncoder().encode(s);
    return this.uleb(b.length).bytes(b);
  }

  /** A section: id, LEB size, then the contents of `body`. */
  section(id: number, body: ByteWriter): this {
    return this.u8(id).append(body, true);
  }

  /** Appends everything `other` holds, with its length first when `sized`. */
  append(other: ByteWriter, sized = false): this {
    if (sized) this.uleb(other.length);
    this.room(other.length);
    this.buf.set(other.buf.subarray(0, other.length), this.length);
    this.length += other.length;
    return this;
  }

  /** A copy of the bytes written. */
  finish(): Uint8Array {
    return this.buf.slice(0, this.length);
  }

  /** The bytes written, as a plain array (for number[]-based builders). */
  toArray(): number[] {
    return Array.from(this.buf.subarray(0, this.length));
  }
}
