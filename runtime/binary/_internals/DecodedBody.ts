// A function body as the decoder records it: byte offsets plus the local declarations in
// their compact (count, type) form. The expanded `locals` list is built on first access, so
// decoding never allocates per declared local (a 3-byte declaration can declare 50000).

import type { FuncBody, ValType } from '../../types.js';

const NO_LOCALS: readonly ValType[] = Object.freeze([]);

/** A FuncBody whose `locals` expand lazily from (count, type) pairs. */
export class DecodedBody implements FuncBody {
  #locals: readonly ValType[] | undefined;

  /**
   * @param decls the module's local declarations, flattened: count, type, count, type, ...
   *   (one array for all bodies, so a body costs no allocation beyond itself)
   * @param declStart index in `decls` of this body's first count
   * @param declEnd index just past this body's last type
   */
  constructor(
    readonly typeIndex: number,
    readonly offset: number,
    readonly codeStart: number,
    readonly codeEnd: number,
    private readonly decls: readonly number[],
    private readonly declStart: number,
    private readonly declEnd: number,
  ) {
    if (declStart === declEnd) this.#locals = NO_LOCALS;
  }

  /** Declared locals, expanded (params not included); built once, then cached. */
  get locals(): readonly ValType[] {
    if (this.#locals === undefined) {
      const out: ValType[] = [];
      const d = this.decls;
      for (let i = this.declStart; i < this.declEnd; i += 2) {
        const t = d[i + 1] as ValType;
        for (let n = d[i]; n > 0; n--) out.push(t);
      }
      this.#locals = out;
    }
    return this.#locals;
  }
}
