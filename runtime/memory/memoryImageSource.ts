// Where a module's memory image comes from at instantiation: the artifact's (file range or
// lazily read bytes) when the module was loaded from one, else the plan built from its data
// segments. Leaves out the knobs (MemoryAllocator decides whether images are used at all).

import type { ModuleInfo } from '../types.js';
import { planMemoryImage, type MemoryImageSource } from './planMemoryImage.js';

/** What a module offers the allocator: its decoded form and, from an artifact, its image. */
export interface ImageModule {
  readonly info: ModuleInfo;
  readonly imageSource?: MemoryImageSource | undefined;
}

const planned = new WeakMap<ModuleInfo, MemoryImageSource | null>();

/** The module's image source, or undefined when its memory cannot start from an image. */
export function memoryImageSource(module: ImageModule): MemoryImageSource | undefined {
  if (module.imageSource !== undefined) return module.imageSource;
  let source = planned.get(module.info);
  if (source === undefined) {
    const plan = planMemoryImage(module.info);
    planned.set(module.info, (source = plan === undefined ? null : { plan }));
  }
  return source ?? undefined;
}
