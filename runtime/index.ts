// The runtime's public API, shaped like Wasmtime's: Engine, Module, Store, Linker, Instance,
// artifacts (Module.serialize/deserialize/deserializeFile), externs, and the typed errors.

export { Engine, type EngineOptions } from './api/Engine.js';
export { Module, checkModule, moduleCacheStats, type ModuleOrigin } from './api/Module.js';
export { moduleCacheDir, type ModuleCacheStats } from './api/moduleCache.js';
export { Store, StoreDisposedError } from './api/Store.js';
export { ArtifactError, type ArtifactErrorReason } from './artifact/ArtifactError.js';
export { type MemoryStats } from './memory/MemoryAllocator.js';
export { runtimeVersion } from './version.js';
export { Linker } from './api/Linker.js';
export { Instance, call, type ImportResolver } from './api/Instance.js';
export { type Extern, sameFuncType } from './api/externs.js';
export { CompileError, LinkError, Trap, TrapKind, ConfigError, type Frame } from './errors.js';
export { FuncInstance, GlobalInstance, MemoryInstance, TableInstance, type Raw } from './instance/objects.js';
export { KNOBS, DEFAULT_CONFIG, type Config } from './config/knobs.js';
export { ValType, type FuncType } from './types.js';
