// The one interface both memory backends implement: the native addon (copy-on-write
// mappings) and the TypeScript twin (plain copies). Types only; loading and choosing a
// backend is loadMemoryBackend.ts, and wasm semantics (pages, bounds) are the runtime's.

/** Which implementation is behind a {@link MemoryBackend}. */
export type BackendName = 'native' | 'ts-twin';

/**
 * A linear memory's initial contents, made once per module and shared by every memory
 * mapped from it. Opaque: only the backend that made it accepts it back.
 */
export interface MemoryImage {
  /** Logical size in bytes: `bytes` as given, then zeros up to `size`. */
  readonly size: number;
}

/**
 * Recommended alignment of image ranges inside artifact files: a multiple of every OS
 * page size in use (4 KiB on x86-64, up to 64 KiB elsewhere) and of the wasm page.
 * Both backends only require the OS page (4096 here).
 */
export const IMAGE_FILE_ALIGNMENT = 65536;

/**
 * Makes, grows and resets linear memories. A "memory" is the ArrayBuffer this interface
 * returns; pass any buffer it returned for that memory back in. Sizes are byte counts
 * (safe integers); nothing here knows about 64 KiB wasm pages.
 *
 * Errors are always `MemoryImageError`: code `ERR_INVALID_ARG` (wrong type, foreign
 * image or buffer), `ERR_OUT_OF_RANGE` (sizes that do not fit), or an errno name such as
 * `ENOENT`/`ENOMEM` from the system.
 */
export interface MemoryBackend {
  /** `'native'` maps copy-on-write; `'ts-twin'` copies. */
  readonly name: BackendName;
  /**
   * Captures `bytes` (copied now; later changes to `bytes` are not seen) as an image of
   * `size` bytes. `size >= bytes.length`.
   */
  createImage(bytes: Uint8Array, size: number): MemoryImage;
  /**
   * A new memory of `initialBytes` showing `image` (or zeros), growable up to
   * `maximumBytes`. Native reserves `maximumBytes` of address space now (never RAM), so
   * an absurd maximum fails here with `ENOMEM`.
   */
  mapMemory(image: MemoryImage | null, initialBytes: number, maximumBytes: number): ArrayBuffer;
  /**
   * Grows the memory to `newBytes` (at least its current length, at most its maximum):
   * contents kept, new bytes zero. Returns a new ArrayBuffer; only that one is the memory
   * from now on. (Native: older buffers stay valid views of a prefix of the same memory;
   * twin: older buffers are stale copies.)
   */
  growMemory(memory: ArrayBuffer, newBytes: number): ArrayBuffer;
  /**
   * Returns the memory to an image, for pooling: `image` undefined means the one it
   * shows now (memfd or artifact file), `null` means zeros, another image switches to
   * it. Length becomes `initialBytes` (default: the memory's current initial length).
   * Returns the same buffer when its length already fits, else a new one.
   */
  resetMemory(memory: ArrayBuffer, image?: MemoryImage | null, initialBytes?: number): ArrayBuffer;
  /**
   * Bytes `[offset, offset + length)` of a file as an ArrayBuffer (native: mapped; twin:
   * read). Both omitted: the whole file; `length` omitted: the rest from `offset`.
   * `offset` must be a multiple of the OS page size (see {@link IMAGE_FILE_ALIGNMENT}), a
   * given `length` must be positive, and the range must lie inside the file, else
   * `ERR_OUT_OF_RANGE`. Writes to the buffer stay in this process and never reach the
   * file. The file must not be truncated while mapped.
   */
  mapFile(path: string, offset?: number, length?: number): ArrayBuffer;
  /**
   * A memory whose image is bytes `[offset, offset + length)` of a file, like
   * `mapMemory(createImage(thatRange, length), initialBytes, maximumBytes)` without the
   * memfd. `offset` must be a multiple of the OS page size (see
   * {@link IMAGE_FILE_ALIGNMENT}).
   */
  mapImageFromFile(
    path: string,
    offset: number,
    length: number,
    initialBytes: number,
    maximumBytes: number,
  ): ArrayBuffer;
}
