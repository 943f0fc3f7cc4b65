// The growable code and offset arrays a body is lowered into: every code slot remembers the
// wasm byte offset of the instruction it belongs to (for trap backtraces). Nothing else.

/** A growable pair of code and offset arrays. */
export class Emitter {
  /** The code emitted so far (valid up to `len`). */
  code = new Int32Array(64);
  /** `offs[i]`: module byte offset of the wasm instruction code slot `i` belongs to. */
  offs = new Int32Array(64);
  /** Slots in use; the fuser may shrink it to rewrite the op it emitted last. */
  len = 0;
  /** Byte offset of the instruction being lowered. */
  at = 0;

  /** Appends one slot, tagged with the current `at`. */
  emit(x: number): void {
    if (this.len === this.code.length) {
      const code = new Int32Array(this.len * 2);
      const offs = new Int32Array(this.len * 2);
      code.set(this.code);
      offs.set(this.offs);
      this.code = code;
      this.offs = offs;
    }
    this.offs[this.len] = this.at;
    this.code[this.len++] = x;
  }
}
