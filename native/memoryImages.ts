// Public entry of native/: copy-on-write memory images behind one interface, with the
// addon or its TypeScript twin behind it. Re-exports only; each piece has its own file.

export type { BackendName, MemoryBackend, MemoryImage } from './MemoryBackend.js';
export { IMAGE_FILE_ALIGNMENT } from './MemoryBackend.js';
export {
  MemoryImageError,
  type MemoryImageErrorCode,
  type MemoryImageErrorDetails,
  type MemoryImageErrorKind,
} from './MemoryImageError.js';
export {
  activeBackendName,
  loadMemoryBackend,
  nativeUnavailableReason,
  type BackendChoice,
  type LoadMemoryBackendOptions,
} from './loadMemoryBackend.js';
export { tsTwin } from './tsTwin.js';
