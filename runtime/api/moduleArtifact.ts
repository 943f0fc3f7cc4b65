// A Module as an artifact and back: which sections it has, which are read at load (metadata,
// code, V8's code cache) and which only on first need (names, code tables, data, the original
// wasm, the memory image). The container format, checksums and metadata codec are
// runtime/artifact's; this file only decides what goes where.

import { writeArtifact, type ArtifactSectionSpec } from '../artifact/writeArtifact.js';
import { readArtifact, type Artifact } from '../artifact/readArtifact.js';
import { openArtifactFile } from '../artifact/openArtifactFile.js';
import { ArtifactError } from '../artifact/ArtifactError.js';
import { encodeModuleMeta } from '../artifact/encodeModuleMeta.js';
import { decodeModuleMeta } from '../artifact/decodeModuleMeta.js';
import { IMAGE_FILE_ALIGNMENT } from '../../native/memoryImages.js';
import { CompiledModule, codegenKnobs } from '../compiled/CompiledModule.js';
import { decodeCodeTables, encodeCodeTables } from '../compiled/_internals/codeTables.js';
import { planMemoryImage, type MemoryImagePlan, type MemoryImageSource } from '../memory/planMemoryImage.js';
import { runtimeVersion } from '../version.js';
import type { TextSpan } from '../compiled/CodeImage.js';
import type { TierModule } from '../tier.js';
import type { ModuleInfo } from '../types.js';
import type { Engine } from './Engine.js';

/** What loading an artifact gives a Module. */
export interface LoadedModule {
  readonly info: ModuleInfo;
  readonly prepared: TierModule;
  readonly imageSource: MemoryImageSource | undefined;
}

/** The small, eagerly read description of the prepared code (JSON in section `layout`). */
interface Layout {
  tier: 'interp' | 'compiled';
  compiled?: { filename: string; entry: TextSpan; padding: number; interpreted: number[] };
  image?: { memory: number; size: number };
}

const utf8 = new TextEncoder();
const text = new TextDecoder();

function json(value: unknown): Uint8Array {
  return utf8.encode(JSON.stringify(value));
}

/** The artifact of a module prepared by `engine` (see docs/architecture.md, "Artifacts"). */
export function serializeModule(engine: Engine, info: ModuleInfo, prepared: TierModule): Uint8Array {
  const { meta, data, names } = encodeModuleMeta(info);
  const plan = planMemoryImage(info);
  const layout: Layout = { tier: engine.config.tier };
  const sections: ArtifactSectionSpec[] = [
    { name: 'meta', bytes: meta },
    { name: 'data', bytes: data, lazy: true },
    { name: 'wasm', bytes: info.bytes, lazy: true },
  ];
  if (names !== undefined) sections.push({ name: 'names', bytes: names, lazy: true });
  if (plan !== undefined) {
    layout.image = { memory: plan.memory, size: plan.size };
    sections.push({ name: 'image', bytes: plan.bytes, lazy: true, align: IMAGE_FILE_ALIGNMENT });
  }
  if (prepared instanceof CompiledModule) {
    const p = prepared.parts();
    layout.compiled = { filename: p.filename, entry: p.entry, padding: p.padding, interpreted: [...p.interpreted] };
    sections.push(
      { name: 'code', bytes: utf8.encode(p.text) },
      { name: 'codeCache', bytes: p.cachedData },
      { name: 'tables', bytes: encodeCodeTables(p.tables()), lazy: true },
    );
  }
  sections.unshift({ name: 'layout', bytes: json(layout) });
  return writeArtifact({ runtimeVersion: runtimeVersion(), knobs: codegenKnobs(engine.config), sections });
}

/**
 * Loads an artifact for `engine`: checks header, versions, knobs and the eager sections'
 * checksums (throwing ArtifactError) before any of its code runs. From bytes, every section
 * is checked now. From a file (`{ path }`), only the header and the eager sections are mapped
 * (through the engine's memory backend); lazy sections are mapped and checked on first read,
 * and memory images map straight from the file.
 */
export function deserializeModule(engine: Engine, from: Uint8Array | { readonly path: string }): LoadedModule {
  const expect = { runtimeVersion: runtimeVersion(), knobs: codegenKnobs(engine.config) };
  const fileBacked = !(from instanceof Uint8Array);
  const mapFile = (path: string, offset?: number, length?: number) => engine.memoryAllocator.backend.mapFile(path, offset, length);
  const art = fileBacked ? openArtifactFile(from.path, expect, mapFile) : readArtifact(from, expect);
  if (!fileBacked) art.verifyAll();
  const layout = parseLayout(art);
  const info = decodeModuleMeta(art.section('meta'), {
    data: () => art.section('data'),
    wasm: () => art.section('wasm'),
    names: () => (art.has('names') ? art.section('names') : undefined),
  });
  const imageSource = layout.image === undefined ? undefined : imageSourceOf(art, layout.image, fileBacked);
  if (layout.tier !== engine.config.tier) throw new ArtifactError('knobs', `artifact is for the ${layout.tier} tier, the engine runs ${engine.config.tier}`);
  if (layout.compiled === undefined) return { info, prepared: engine.tier.prepare(info, engine.config), imageSource };
  const c = layout.compiled;
  const prepared = new CompiledModule(info, engine.config, {
    ...c,
    text: text.decode(art.section('code')),
    cachedData: art.section('codeCache'),
    tables: () => {
      try {
        return decodeCodeTables(art.section('tables'));
      } catch (e) {
        if (e instanceof ArtifactError) throw e;
        throw new ArtifactError('malformed', `artifact section 'tables' is malformed: ${(e as Error).message}`);
      }
    },
  });
  return { info, prepared, imageSource };
}

function parseLayout(art: Artifact): Layout {
  try {
    const layout = JSON.parse(text.decode(art.section('layout'))) as Layout;
    if (layout.tier !== 'interp' && layout.tier !== 'compiled') throw new Error(`unknown tier ${String(layout.tier)}`);
    return layout;
  } catch (e) {
    throw new ArtifactError('malformed', `artifact section 'layout' is malformed: ${(e as Error).message}`);
  }
}

/** The image plan of an artifact: its bytes read (and checked) only when a memfd needs them. */
function imageSourceOf(art: Artifact, image: { memory: number; size: number }, fileBacked: boolean): MemoryImageSource {
  let bytes: Uint8Array | undefined;
  const plan: MemoryImagePlan = {
    memory: image.memory,
    size: image.size,
    get bytes() {
      return (bytes ??= art.section('image'));
    },
  };
  if (!fileBacked) return { plan };
  // The file range is checked (its digest read) on first use, at instantiation, not at load.
  let file: { path: string; offset: number; length: number } | undefined;
  return {
    plan,
    get file() {
      return (file ??= art.fileRange('image'));
    },
  };
}
