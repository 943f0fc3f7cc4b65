// The growable code and offset arrays a body is lowered into: every code slot remembers the
// wasm byte offset of the instruction it belongs to (for trap backtraces), and the slots that
// hold branch targets are listed (space.ts relocates them). Nothing else.

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
  /** The slots that hold a branch target (a code position), to be relocated with the code. */
  readonly targets: number[] = [];

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

  /** Appends a slot that holds a branch target (its value may be patched later). */
  emitTarget(x: number): void {
    this.targets.push(this.len);
    this.emit(x);
  }
}
