// The free list of a pooling allocator: reset memories waiting for reuse, bounded, with
// affinity (a slot already showing the wanted image at the wanted size needs no reset at
// all). Leaves out the backend calls: the allocator resets slots, this only keeps them.

/** One pooled backend memory and what it shows after its last reset. */
export interface Slot {
  /** The memory's newest buffer (the one the backend accepts back). */
  buffer: ArrayBuffer;
  /** What the slot shows when reset: an image key (plan or file source), or null for zeros. */
  key: object | null;
  /** Its length after a reset, in bytes. */
  initialBytes: number;
}

/** Free slots, oldest first, at most `capacity` of them. */
export class SlotPool {
  private readonly free: Slot[] = [];

  constructor(readonly capacity: number) {}

  /** Slots waiting now. */
  get size(): number {
    return this.free.length;
  }

  /**
   * The best free slot for `key` at `initialBytes`: one showing exactly that, else one
   * showing `key` at another size, else (when `anyKey`) the oldest. Removed from the pool.
   */
  take(key: object | null, initialBytes: number, anyKey: boolean): Slot | undefined {
    let sameKey = -1;
    for (let i = this.free.length - 1; i >= 0; i--) {
      const slot = this.free[i];
      if (slot.key !== key) continue;
      if (slot.initialBytes === initialBytes) return this.free.splice(i, 1)[0];
      if (sameKey < 0) sameKey = i;
    }
    if (sameKey >= 0) return this.free.splice(sameKey, 1)[0];
    return anyKey && this.free.length > 0 ? this.free.shift() : undefined;
  }

  /** Whether a returned slot would be kept. */
  get full(): boolean {
    return this.free.length >= this.capacity;
  }

  /** Returns a reset slot; the caller checked {@link SlotPool.full}. */
  put(slot: Slot): void {
    this.free.push(slot);
  }
}
