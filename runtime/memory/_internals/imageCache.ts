// One backend image per (image plan, backend), shared by every memory and every engine that
// maps it. Leaves out deciding whether a module gets an image (planMemoryImage) and mapping.

import type { MemoryBackend, MemoryImage } from '../../../native/memoryImages.js';
import type { MemoryImagePlan } from '../planMemoryImage.js';

// Keyed by the plan (cached per ModuleInfo), so an image lives as long as its module does.
const images = new WeakMap<MemoryImagePlan, Map<MemoryBackend, MemoryImage>>();

/**
 * The memfd (native) or captured-bytes (twin) image of `plan` for `backend`, made on first
 * use; `made` is true when this call made it.
 *
 * The image is exactly the trimmed bytes, not `plan.size`: zeros past them come from
 * anonymous memory, where reading costs nothing, while a hole in a memfd is filled with a
 * real page on first read.
 */
export function backendImage(plan: MemoryImagePlan, backend: MemoryBackend): { image: MemoryImage; made: boolean } {
  let byBackend = images.get(plan);
  if (byBackend === undefined) images.set(plan, (byBackend = new Map()));
  const cached = byBackend.get(backend);
  if (cached !== undefined) return { image: cached, made: false };
  const bytes = plan.bytes;
  const image = backend.createImage(bytes, bytes.length);
  byBackend.set(backend, image);
  return { image, made: true };
}
