// Decides whether a module's memory 0 can start from a prepared image (its active data
// segments applied ahead of time) and builds that image once per module. Leaves out making
// backend images and mapping memories (MemoryAllocator) and where images are stored (artifacts).

import { PAGE_SIZE, MAX_PAGES } from '../instance/objects.js';
import type { DataSegment, ModuleInfo } from '../types.js';

/**
 * The initial contents of a module's defined memory, known before instantiation: every
 * active data segment applied in order to `size` zero bytes. Only modules where applying the
 * segments cannot trap have one, so using it changes no observable behaviour.
 */
export interface MemoryImagePlan {
  /** The memory it initializes (always 0 in WebAssembly 2.0). */
  readonly memory: number;
  /** The memory's initial size in bytes: its minimum pages times 64 KiB. */
  readonly size: number;
  /** The image, trimmed after its last non-zero byte (zeros follow up to `size`). */
  readonly bytes: Uint8Array;
}

/**
 * Where a module's memory image comes from: always the plan; for a module loaded from an
 * artifact file, also the page-aligned range of that file holding `plan.bytes`, which a
 * backend can map directly instead of copying the bytes into a memfd.
 */
export interface MemoryImageSource {
  readonly plan: MemoryImagePlan;
  readonly file?: { readonly path: string; readonly offset: number; readonly length: number };
}

// null records "not eligible", so ineligible modules are not re-examined either.
const plans = new WeakMap<ModuleInfo, MemoryImagePlan | null>();

/**
 * The image plan of `info`'s memory 0, or undefined when it has none: the memory is imported
 * (its contents are not ours to prepare), or an active segment has a non-constant offset or
 * does not fit the initial size (instantiation must then trap part-way, with the earlier
 * segments visible). Cached per ModuleInfo.
 */
export function planMemoryImage(info: ModuleInfo): MemoryImagePlan | undefined {
  let plan = plans.get(info);
  if (plan === undefined) {
    plan = build(info) ?? null;
    plans.set(info, plan);
  }
  return plan ?? undefined;
}

/** The segment's offset when it is a constant, as the unsigned address memory.init would use. */
function constOffset(seg: DataSegment): number | undefined {
  return seg.offset?.kind === 'i32.const' ? seg.offset.value >>> 0 : undefined;
}

function build(info: ModuleInfo): MemoryImagePlan | undefined {
  if (info.numImportedMemories > 0 || info.memories.length === 0) return undefined;
  const pages = info.memories[0].limits.min;
  // Past the limit instantiation fails before any segment; there is nothing to prepare.
  if (pages > MAX_PAGES) return undefined;
  const size = pages * PAGE_SIZE;
  const placed: { at: number; bytes: Uint8Array }[] = [];
  let end = 0;
  for (const seg of info.datas) {
    if (seg.mode !== 'active' || seg.memory !== 0) continue;
    const at = constOffset(seg);
    if (at === undefined || at + seg.bytes.length > size) return undefined;
    placed.push({ at, bytes: seg.bytes });
    if (seg.bytes.length > 0) end = Math.max(end, at + seg.bytes.length);
  }
  return { memory: 0, size, bytes: trimmed(applied(placed, end)) };
}

/** The segments written in order over `end` zero bytes. */
function applied(placed: { at: number; bytes: Uint8Array }[], end: number): Uint8Array {
  const nonEmpty = placed.filter((p) => p.bytes.length > 0);
  // The common case (one segment at 0) needs no copy: a view of the module's own bytes.
  if (nonEmpty.length === 1 && nonEmpty[0].at === 0) return nonEmpty[0].bytes;
  const out = new Uint8Array(end);
  for (const p of nonEmpty) out.set(p.bytes, p.at);
  return out;
}

/** `bytes` up to its last non-zero byte; a copy when that drops most of it, so the rest can be freed. */
function trimmed(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  if (end === bytes.length) return bytes;
  return end < bytes.length / 2 ? bytes.slice(0, end) : bytes.subarray(0, end);
}
