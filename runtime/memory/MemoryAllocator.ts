// Makes the linear memories an engine's instances define, under the three memory knobs:
// from a copy-on-write image (memoryInitCow; from an artifact file unless
// forceMemoryInitMemfd), and from reusable pool slots (poolingAllocator). Leaves out wasm
// semantics of instantiation (runtime/api/Instance.ts decides when images may show).

import {
  loadMemoryBackend, MemoryImageError,
  type BackendName, type MemoryBackend, type MemoryImage,
} from '../../native/memoryImages.js';
import { MAX_PAGES, MemoryInstance, PAGE_SIZE, type MemoryBacking } from '../instance/objects.js';
import type { Config } from '../config/knobs.js';
import type { MemoryType } from '../types.js';
import { memoryImageSource, type ImageModule } from './memoryImageSource.js';
import type { MemoryImagePlan, MemoryImageSource } from './planMemoryImage.js';
import { backendImage } from './_internals/imageCache.js';
import { SlotPool, type Slot } from './_internals/SlotPool.js';
import { AddressBudget } from './_internals/AddressBudget.js';

/** The knobs the allocator reads (none of them changes generated code). */
export type MemoryKnobs = Pick<Config, 'memoryInitCow' | 'forceMemoryInitMemfd' | 'poolingAllocator'>;

/** Injection points and bounds; the defaults suit a process running thousands of instances. */
export interface MemoryAllocatorOptions {
  /** The backend to use (tests force one); default `loadMemoryBackend()`, on first need. */
  backend?: MemoryBackend;
  /** Free pool slots kept for reuse (default 16); more returned slots are dropped. */
  maxFreeSlots?: number;
  /** Native address space all live mappings may reserve (default 8 TiB of the 128 TiB). */
  addressBudgetBytes?: number;
  /** Live native mappings allowed (default 8192; the kernel allows 65530 VMAs per process). */
  maxLiveMappings?: number;
}

/** What happened to memories so far, for tests, benches and `crucible` reports. */
export interface MemoryStats {
  /** Which backend maps this engine's memories. */
  readonly backend: BackendName;
  /** Memories the backend mapped anew (mapMemory / mapImageFromFile). */
  readonly created: number;
  /** Pool slots handed out again. */
  readonly reused: number;
  /** backend.resetMemory calls: a slot returned, switched to another image, or an image withdrawn. */
  readonly resets: number;
  /** Memories that should have come from the backend but are plain buffers (refused or over budget). */
  readonly fallbacks: number;
  /** Plain ArrayBuffer memories made on purpose (no image worth mapping, no pooling). */
  readonly plain: number;
  /** Memories that started from an image, so their active data segments were not copied. */
  readonly fromImage: number;
  /** Of those, mapped straight from an artifact file. */
  readonly fromFile: number;
  /** memfd (or twin) images made for this engine; every later memory of the module shares one. */
  readonly imagesMade: number;
  /** Memories given back by `Store.dispose`. */
  readonly released: number;
  /** Returned slots dropped because the pool was full. */
  readonly evicted: number;
  /** Pool slots waiting for reuse now. */
  readonly freeSlots: number;
}

/** A new memory and whether it already shows its module's active data segments. */
export interface AllocatedMemory {
  readonly memory: MemoryInstance;
  /** True when the image is applied: the caller must not copy active segments again. */
  readonly imaged: boolean;
}

/** How a memory starts: a file range, a memfd image, or zeros (an image of nothing). */
type Start =
  | { readonly kind: 'file'; readonly key: MemoryImageSource; readonly file: NonNullable<MemoryImageSource['file']> }
  | { readonly kind: 'memfd'; readonly key: MemoryImagePlan }
  | { readonly kind: 'zeros'; readonly key: null };

const ZEROS: Start = { kind: 'zeros', key: null };
const TIB = 2 ** 40;
/** Every slot can hold any memory: slots are interchangeable, so any free one can be reused. */
const SLOT_RESERVATION = MAX_PAGES * PAGE_SIZE;

type Counters = { -readonly [K in Exclude<keyof MemoryStats, 'backend' | 'freeSlots'>]: number };

/** An engine's memory maker: one per engine, owning the pool. */
export class MemoryAllocator {
  private readonly injected: MemoryBackend | undefined;
  private loaded: MemoryBackend | undefined;
  private readonly pool: SlotPool;
  private readonly budget: AddressBudget;
  /** Pool slots in use, by the memory holding them. */
  private readonly inUse = new WeakMap<MemoryInstance, Slot>();
  /** Memories showing non-zero image bytes, which an element-segment trap must withdraw. */
  private readonly showingImage = new WeakSet<MemoryInstance>();
  private readonly counts: Counters = {
    created: 0, reused: 0, resets: 0, fallbacks: 0, plain: 0, fromImage: 0, fromFile: 0,
    imagesMade: 0, released: 0, evicted: 0,
  };
  private backingOf: MemoryBacking | undefined;

  /**
   * @param knobs the engine's config (only the memory knobs are read)
   * @param options a forced backend, pool and address-space bounds
   */
  constructor(
    readonly knobs: MemoryKnobs,
    options: MemoryAllocatorOptions = {},
  ) {
    this.injected = options.backend;
    this.pool = new SlotPool(options.maxFreeSlots ?? 16);
    this.budget = new AddressBudget(options.addressBudgetBytes ?? 8 * TIB, options.maxLiveMappings ?? 8192);
  }

  /** The backend in use (loaded on first call when none was injected). */
  get backend(): MemoryBackend {
    return this.injected ?? (this.loaded ??= loadMemoryBackend());
  }

  /** The image source instantiation should use for `module`, or undefined when images are off or impossible. */
  imageSourceFor(module: ImageModule): MemoryImageSource | undefined {
    return this.knobs.memoryInitCow ? memoryImageSource(module) : undefined;
  }

  /**
   * A new memory of `type`. With `source` (memory 0 of a module whose segments allow it) it
   * may start from the image; `imaged` says whether it did. Throws the usual Trap when the
   * minimum exceeds the implementation limit.
   */
  allocate(type: MemoryType, source: MemoryImageSource | undefined): AllocatedMemory {
    const { min: pages, max } = type.limits;
    if (pages > MAX_PAGES) return { memory: new MemoryInstance(pages, max), imaged: false }; // throws the limit trap
    const start = source === undefined ? undefined : this.startOf(source);
    return this.knobs.poolingAllocator ? this.fromPool(pages, max, start) : this.fresh(pages, max, start);
  }

  /**
   * Withdraws the image from a memory that showed it before its data segments were due (an
   * element segment trapped first): afterwards it holds zeros, as if no segment ran.
   */
  withdrawImage(memory: MemoryInstance): void {
    if (!this.showingImage.delete(memory)) return;
    try {
      memory.adopt(this.backend.resetMemory(memory.buffer, null));
    } catch (e) {
      if (!(e instanceof MemoryImageError)) throw e;
      // The trap being raised must win over a refused reset: zero the bytes by hand instead
      // (the mapping still shows the image underneath, so the slot's key stays).
      memory.u8.fill(0);
      return;
    }
    this.counts.resets++;
    const slot = this.inUse.get(memory);
    if (slot !== undefined) slot.key = null;
  }

  /**
   * Takes a memory back from a disposed store: it is emptied for good (see
   * `MemoryInstance.detach`), and a pooled one is reset and kept for reuse while the pool
   * has room. Idempotent.
   */
  release(memory: MemoryInstance): void {
    if (memory.disposed) return;
    const buffer = memory.buffer;
    memory.detach();
    this.counts.released++;
    const slot = this.inUse.get(memory);
    if (slot === undefined) return;
    this.inUse.delete(memory);
    slot.buffer = buffer;
    const keep = !this.pool.full;
    // A dropped native slot is still reset: that frees its dirty pages now, while unmapping
    // waits for the garbage collector. A dropped twin slot is plain garbage already.
    if (keep || this.backend.name === 'native') {
      try {
        slot.buffer = this.backend.resetMemory(buffer, undefined, slot.initialBytes);
        this.counts.resets++;
      } catch (e) {
        if (!(e instanceof MemoryImageError)) throw e;
        return; // a slot the system will not reset is not reused
      }
    }
    if (keep) this.pool.put(slot);
    else this.counts.evicted++;
  }

  /** A snapshot of the counters. */
  stats(): MemoryStats {
    return { backend: this.backend.name, ...this.counts, freeSlots: this.pool.size };
  }

  private startOf(source: MemoryImageSource): Start {
    if (!this.knobs.forceMemoryInitMemfd) {
      const file = source.file;
      if (file !== undefined) return { kind: 'file', key: source, file };
    }
    return source.plan.bytes.length === 0 ? ZEROS : { kind: 'memfd', key: source.plan };
  }

  /** Without pooling: a backend mapping for a real image, a plain buffer otherwise. */
  private fresh(pages: number, max: number | undefined, start: Start | undefined): AllocatedMemory {
    if (start === undefined || start.kind === 'zeros') {
      this.counts.plain++;
      return this.plainMemory(pages, max, start !== undefined);
    }
    const reservation = Math.min(max ?? MAX_PAGES, MAX_PAGES) * PAGE_SIZE;
    const buffer = this.map(start, pages * PAGE_SIZE, reservation);
    if (buffer === undefined) return this.fellBack(pages, max);
    const memory = new MemoryInstance(pages, max, buffer, this.backing());
    this.charge(memory, reservation);
    this.showedImage(memory, start);
    return { memory, imaged: true };
  }

  /** With pooling: a free slot (reset to this start if it shows another), else a new slot. */
  private fromPool(pages: number, max: number | undefined, start: Start | undefined): AllocatedMemory {
    const want = start ?? ZEROS;
    const initialBytes = pages * PAGE_SIZE;
    // A file image can only be shown by a slot mapped from that file: resetMemory takes
    // memfd images, not file ranges.
    let slot = this.pool.take(want.key, initialBytes, want.kind !== 'file');
    if (slot !== undefined && !this.fit(slot, want, initialBytes)) slot = undefined;
    if (slot !== undefined) this.counts.reused++;
    else {
      const buffer = this.map(want, initialBytes, SLOT_RESERVATION);
      if (buffer === undefined) return this.fellBack(pages, max);
      slot = { buffer, key: want.key, initialBytes };
      this.charge(slot, SLOT_RESERVATION);
    }
    const memory = new MemoryInstance(pages, max, slot.buffer, this.backing());
    this.inUse.set(memory, slot);
    this.showedImage(memory, start);
    return { memory, imaged: start !== undefined };
  }

  /** Resets a reused slot to show `want` at `initialBytes` unless it already does; false when the system refused. */
  private fit(slot: Slot, want: Start, initialBytes: number): boolean {
    if (slot.key === want.key && slot.initialBytes === initialBytes) return true;
    try {
      const image = slot.key === want.key ? undefined : want.kind === 'memfd' ? this.imageOf(want.key) : null;
      slot.buffer = this.backend.resetMemory(slot.buffer, image, initialBytes);
    } catch (e) {
      if (!(e instanceof MemoryImageError)) throw e;
      return false;
    }
    this.counts.resets++;
    slot.key = want.key;
    slot.initialBytes = initialBytes;
    return true;
  }

  /** A new backend mapping showing `start`, or undefined when over budget or refused. */
  private map(start: Start, initialBytes: number, reservation: number): ArrayBuffer | undefined {
    if (this.reserves() && !this.budget.fits(reservation)) return undefined;
    try {
      const buffer = start.kind === 'file'
        ? this.backend.mapImageFromFile(start.file.path, start.file.offset, start.file.length, initialBytes, reservation)
        : this.backend.mapMemory(start.kind === 'memfd' ? this.imageOf(start.key) : null, initialBytes, reservation);
      this.counts.created++;
      return buffer;
    } catch (e) {
      // Address space, file or memfd trouble: a plain buffer with the segments copied is
      // always correct. A bad argument is our bug and is not hidden.
      if (!(e instanceof MemoryImageError) || e.kind === 'invalid-argument') throw e;
      return undefined;
    }
  }

  private imageOf(plan: MemoryImagePlan): MemoryImage {
    const { image, made } = backendImage(plan, this.backend);
    if (made) this.counts.imagesMade++;
    return image;
  }

  private showedImage(memory: MemoryInstance, start: Start | undefined): void {
    if (start === undefined) return;
    this.counts.fromImage++;
    if (start.kind === 'file') this.counts.fromFile++;
    if (start.kind !== 'zeros') this.showingImage.add(memory);
  }

  /** A plain buffer where a mapping was wanted: the segments are copied the ordinary way. */
  private fellBack(pages: number, max: number | undefined): AllocatedMemory {
    this.counts.fallbacks++;
    return this.plainMemory(pages, max, false);
  }

  private plainMemory(pages: number, max: number | undefined, imaged: boolean): AllocatedMemory {
    if (imaged) this.counts.fromImage++;
    return { memory: new MemoryInstance(pages, max), imaged };
  }

  /** Only native mappings reserve address space; twin memories are ordinary garbage. */
  private reserves(): boolean {
    return this.backend.name === 'native';
  }

  /** Counts a new mapping against the budget until `owner` (what keeps it alive) is collected. */
  private charge(owner: object, reservation: number): void {
    if (this.reserves()) this.budget.charge(owner, reservation);
  }

  /** Growth through the backend; a refusal by the system is a failed memory.grow (-1). */
  private backing(): MemoryBacking {
    const backend = this.backend;
    return (this.backingOf ??= {
      growMemory(memory, newBytes) {
        try {
          return backend.growMemory(memory, newBytes);
        } catch (e) {
          if (e instanceof MemoryImageError && e.kind === 'system') return undefined;
          throw e;
        }
      },
    });
  }
}
