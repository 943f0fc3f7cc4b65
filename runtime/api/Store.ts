// A Store owns execution state shared by its instances (call depth, fuel, epoch deadline)
// and the memories they define, which `dispose` gives back to the engine's pool.

import type { MemoryInstance, StoreState } from '../instance/objects.js';
import type { Engine } from './Engine.js';
import { ConfigError } from '../errors.js';

/** The store was used after `dispose`, or disposed while its code was running. */
export class StoreDisposedError extends Error {
  override readonly name = 'StoreDisposedError';
}

/** Execution state for a group of instances of one engine. */
export class Store {
  readonly state: StoreState;
  // Weak: an instance dropped before dispose takes its memory (and pool slot) with it to the
  // garbage collector, instead of the store keeping every memory it ever defined alive.
  private readonly memories: WeakRef<MemoryInstance>[] = [];
  private isDisposed = false;

  constructor(readonly engine: Engine) {
    this.state = {
      depth: 0,
      maxDepth: engine.config.maxCallDepth,
      fuel: engine.config.consumeFuel ? 0 : undefined,
      epoch: engine.epoch,
      epochDeadline: Number.MAX_SAFE_INTEGER,
    };
  }

  /** Sets the epoch deadline `ticks` epochs from now (requires the epochInterruption knob). */
  setEpochDeadline(ticks: number): void {
    if (!this.engine.config.epochInterruption) throw new ConfigError('epoch interruption is off: enable the epochInterruption knob');
    this.state.epochDeadline = Atomics.load(this.state.epoch, 0) + ticks;
  }

  /** Sets the remaining fuel (requires the consumeFuel knob). */
  setFuel(fuel: number): void {
    if (!this.engine.config.consumeFuel) throw new ConfigError('fuel is off: enable the consumeFuel knob');
    this.state.fuel = fuel;
  }

  /** Remaining fuel, or undefined when fuel is off. */
  getFuel(): number | undefined {
    return this.state.fuel;
  }

  /** True once {@link Store.dispose} ran. */
  get disposed(): boolean {
    return this.isDisposed;
  }

  /**
   * Records a memory an instance of this store defined, so `dispose` can return it. For
   * instantiation; throws StoreDisposedError once the store is disposed.
   */
  adoptMemory(memory: MemoryInstance): void {
    if (this.isDisposed) throw new StoreDisposedError('the store is disposed');
    // A long-lived store (a spec script) makes thousands: forget collected ones now and then.
    if (this.memories.length >= 256 && (this.memories.length & 255) === 0) {
      const live = this.memories.filter((ref) => ref.deref() !== undefined);
      this.memories.splice(0, this.memories.length, ...live);
    }
    this.memories.push(new WeakRef(memory));
  }

  /**
   * Ends the store: every memory its instances defined is emptied (accesses trap out of
   * bounds, growth fails) and pooled ones go back to the engine's pool for reuse. Buffers or
   * views taken from those memories must not be used afterwards, as after `memory.grow`.
   * Idempotent; throws StoreDisposedError when called while the store's wasm code runs (from
   * a host function), since that code would go on using the memories.
   */
  dispose(): void {
    if (this.isDisposed) return;
    if (this.state.depth > 0) throw new StoreDisposedError('cannot dispose a store while its code is running');
    this.isDisposed = true;
    if (this.memories.length === 0) return;
    const allocator = this.engine.memoryAllocator;
    for (const ref of this.memories) {
      const memory = ref.deref();
      if (memory !== undefined) allocator.release(memory);
    }
    this.memories.length = 0;
  }
}
