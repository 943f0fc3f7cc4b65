// Keeps the address space reserved by native memory mappings bounded. Each mapping reserves
// its maximum up front and is unmapped only when V8 collects its last ArrayBuffer, which a
// process instantiating thousands of modules in one synchronous loop may not do for a while.
// Leaves out the mapping itself; past the budget the allocator falls back to plain buffers.

/** Counts live reservations; an owner's share is returned when the owner is collected. */
export class AddressBudget {
  private liveBytes = 0;
  private liveCount = 0;
  // Finalization callbacks only run between tasks, so the counts can only over-estimate
  // what is mapped: the budget errs on the side of falling back.
  private readonly registry = new FinalizationRegistry<number>((bytes) => {
    this.liveBytes -= bytes;
    this.liveCount--;
  });

  /**
   * @param maxBytes address space all live reservations may take together
   * @param maxCount live mappings allowed (each costs a few of the kernel's vm.max_map_count)
   */
  constructor(
    readonly maxBytes: number,
    readonly maxCount: number,
  ) {}

  /** Whether one more reservation of `bytes` fits. */
  fits(bytes: number): boolean {
    return this.liveCount < this.maxCount && this.liveBytes + bytes <= this.maxBytes;
  }

  /** Counts `bytes` until `owner` (the object that keeps the mapping alive) is collected. */
  charge(owner: object, bytes: number): void {
    this.liveBytes += bytes;
    this.liveCount++;
    this.registry.register(owner, bytes);
  }

  /** Live reservations as counted now. */
  get live(): { bytes: number; count: number } {
    return { bytes: this.liveBytes, count: this.liveCount };
  }
}
