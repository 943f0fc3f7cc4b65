// A read cursor over a list of shrinkable choices. Every decision of the body builder is one
// `next(n)`; once the list runs out every choice is 0, which always means the simplest option,
// so a shorter (shrunk) list still builds a complete, valid module.

/** Reads choices from a fast-check-generated list of non-negative integers. */
export class Tape {
  private pos = 0;

  constructor(private readonly choices: readonly number[]) {}

  /** True once every choice has been read. */
  get done(): boolean {
    return this.pos >= this.choices.length;
  }

  /** A choice in [0, n) (n >= 1): the next entry modulo n, or 0 when the list has run out. */
  next(n: number): number {
    return this.pos < this.choices.length ? this.choices[this.pos++]! % n : 0;
  }

  /** A coin: true with probability about 1/2 (false when the list has run out). */
  flip(): boolean {
    return this.next(2) === 1;
  }

  /** One of `items` (the first when the list has run out). */
  pick<T>(items: readonly T[]): T {
    return items[this.next(items.length)]!;
  }

  /** 32 arbitrary bits as a signed int32 (two entries: each holds only 31 bits). */
  bits32(): number {
    return (this.next(0x80000000) ^ (this.next(0x80000000) << 16)) | 0;
  }
}
