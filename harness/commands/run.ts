// `crucible run FILE --invoke NAME [ARGS...]`: instantiate a module (with the spectest host
// module available for imports) and call one export; print results, or the trap with its
// kind, message and wasm backtrace.

import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { parseFlags } from '../cli/command.js';
import { InputError, UsageError } from '../cli/errors.js';
import { writeJson } from '../cli/writeJson.js';
import { Engine } from '../../runtime/api/Engine.js';
import { Module } from '../../runtime/api/Module.js';
import { Store } from '../../runtime/api/Store.js';
import { Linker } from '../../runtime/api/Linker.js';
import { LinkError, Trap, TrapKind } from '../../runtime/errors.js';
import { DEFAULT_CONFIG, type Config } from '../../runtime/config/knobs.js';
import { ArtifactError } from '../../runtime/artifact/ArtifactError.js';
import { ARTIFACT_MAGIC } from '../../runtime/artifact/readArtifact.js';
import { readArtifactFileHeader } from '../../runtime/artifact/openArtifactFile.js';
import { loadMemoryBackend } from '../../native/loadMemoryBackend.js';
import { configFrom, loadConfig } from '../../runtime/config/loadConfig.js';
import { rawArray, type Raw } from '../../runtime/instance/objects.js';
import { ValType, valTypeName } from '../../runtime/types.js';
import { loadWabt, watToWasm, WatError } from '../wat/watToWasm.js';
import { parseF32Bits, parseF64Bits, parseI32, parseI64 } from '../wast/literals.js';
import { defineSpectest } from '../spec/spectestHost.js';
import { ExternRef, f64Bits, f64FromBits, showRaw } from '../spec/values.js';

export const help = `usage: crucible run FILE.wasm|FILE.wat|FILE.cwasm --invoke NAME [ARGS...] [options]

A .cwasm artifact (from \`crucible compile\`) is loaded with Module.deserializeFile, under the
codegen knobs it was made with unless --config/--tier say otherwise; a rejected artifact
(corrupt, another runtime build, other knobs) exits 2 with the reason.

Instantiates the module (imports may come from the spec's "spectest" host module) and calls
the export NAME. ARGS are written as in the text format, one per parameter: 42, -1, 0x10,
1.5, -inf, nan:0x200000; a v128 as 32 hex digits; a reference as null or (externref) N.

options:
  --tier interp|compiled   execution tier (default interp)
  --config FILE|JSON       engine config (see \`crucible knobs\`)
  --json PATH              { "results": [...], "trap"?: { "kind", "message", "frames" } }

Exit codes: 0 success, 1 a trap, 2 bad usage or input.`;

function parseArg(text: string, type: ValType): Raw {
  try {
    switch (type) {
      case ValType.I32: return parseI32(text);
      case ValType.I64: return parseI64(text);
      case ValType.F32: return parseF32Bits(text) | 0;
      case ValType.F64: return f64FromBits(parseF64Bits(text));
      case ValType.V128: {
        const hex = text.replace(/^0x/, '');
        if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new Error('a v128 is 32 hex digits');
        return Uint8Array.from(hex.match(/../g)!.map((b) => parseInt(b, 16)));
      }
      case ValType.FuncRef:
        if (text === 'null') return null;
        throw new Error('a funcref argument can only be null');
      case ValType.ExternRef:
        return text === 'null' ? null : ExternRef.of(parseI32(text) >>> 0);
    }
  } catch (e) {
    throw new UsageError(`argument ${JSON.stringify(text)} is not a valid ${valTypeName(type)}: ${(e as Error).message}`);
  }
}

function jsonValue(v: Raw, type: ValType) {
  const name = valTypeName(type);
  if (type === ValType.F32) return { type: name, bits: '0x' + ((v as number) >>> 0).toString(16).padStart(8, '0'), text: showRaw(v, 'f32') };
  if (type === ValType.F64) return { type: name, value: v, bits: '0x' + f64Bits(v as number).toString(16).padStart(16, '0') };
  return { type: name, value: showRaw(v, name).replace(/^[a-z0-9]+:/, '') };
}

function kindName(kind: string): string {
  return Object.entries(TrapKind).find(([, v]) => v === kind)?.[0] ?? kind;
}

/** Reads a module file: binary as is, text (.wat/.wast) through wabt. InputError when unreadable. */
export async function loadBytes(file: string): Promise<Uint8Array> {
  let raw: Buffer;
  try {
    raw = readFileSync(file);
  } catch (e) {
    throw new InputError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (!file.endsWith('.wat') && !file.endsWith('.wast')) return new Uint8Array(raw);
  await loadWabt();
  try {
    return watToWasm(raw.toString('utf8'), file);
  } catch (e) {
    if (e instanceof WatError) throw new InputError(`${file}: ${e.message}`);
    throw e;
  }
}

/**
 * The engine config from `--config` and `--tier` (`tier` when neither names a tier: the
 * compile command defaults to the compiled tier).
 */
export function engineConfig(values: { config?: string; tier?: string }, tier?: Config['tier']): Config {
  let config = values.config === undefined ? DEFAULT_CONFIG : loadConfig(values.config);
  if (tier !== undefined && (values.config === undefined || !/"tier"/.test(values.config))) config = { ...config, tier };
  if (values.tier !== undefined) config = configFrom({ tier: values.tier }, config);
  return config;
}

/** True for a file that starts like an artifact (whatever its name). */
function isArtifactFile(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const head = Buffer.alloc(ARTIFACT_MAGIC.length);
    readSync(fd, head, 0, head.length, 0);
    return head.equals(ARTIFACT_MAGIC);
  } catch {
    return false; // loadBytes reports the unreadable file
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The codegen knobs an artifact was made with, as a config (exit 2 when unreadable). Reads only the header. */
function artifactConfig(file: string): Config {
  try {
    return configFrom(JSON.parse(readArtifactFileHeader(file, loadMemoryBackend().mapFile).knobs));
  } catch (e) {
    if (e instanceof ArtifactError) throw new InputError(`${file}: rejected artifact: ${e.message}`);
    throw new InputError(`${file}: rejected artifact: ${(e as Error).message}`);
  }
}

function loadArtifact(engine: Engine, file: string): Module {
  try {
    return Module.deserializeFile(engine, file);
  } catch (e) {
    if (e instanceof ArtifactError) throw new InputError(`${file}: rejected artifact: ${e.message}`);
    throw e;
  }
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    invoke: { type: 'string' }, tier: { type: 'string' }, config: { type: 'string' }, json: { type: 'string' },
  });
  const [file, ...args] = positionals;
  if (file === undefined) throw new UsageError('run needs a FILE');
  if (values.invoke === undefined) throw new UsageError('run needs --invoke NAME');
  const artifact = isArtifactFile(file);
  const given = values.config !== undefined || values.tier !== undefined;
  const engine = new Engine(artifact && !given ? artifactConfig(file) : engineConfig(values));
  const module = artifact ? loadArtifact(engine, file) : new Module(engine, await loadBytes(file));
  const store = new Store(engine);
  const linker = new Linker();
  defineSpectest(linker);
  const results: ReturnType<typeof jsonValue>[] = [];
  let trap: { kind: string; message: string; frames: { func: number; name?: string; offset?: number }[] } | undefined;
  try {
    const instance = linker.instantiate(store, module);
    const func = instance.getFunc(values.invoke);
    if (func === undefined) throw new UsageError(`no exported function named ${JSON.stringify(values.invoke)}`);
    const params = func.type.params;
    if (args.length !== params.length) throw new UsageError(`${values.invoke} takes ${params.length} arguments, got ${args.length}`);
    const raw = rawArray(args.length);
    args.forEach((a, i) => (raw[i] = parseArg(a, params[i])));
    const out = func.invoke(raw);
    out.forEach((v, i) => {
      results.push(jsonValue(v, func.type.results[i]));
      console.log(showRaw(v, valTypeName(func.type.results[i])));
    });
  } catch (e) {
    if (e instanceof LinkError) throw new InputError(`cannot instantiate ${file}: ${e.message}`);
    if (!(e instanceof Trap)) throw e;
    trap = { kind: kindName(e.kind), message: e.message, frames: e.frames.map((f) => ({ ...f })) };
    console.log(`trap: ${trap.kind}: ${trap.message}`);
    for (const f of trap.frames) {
      console.log(`  at func ${f.func}${f.name ? ` <${f.name}>` : ''}${f.offset !== undefined ? ` @ 0x${f.offset.toString(16)}` : ''}`);
    }
  }
  if (values.json) writeJson(values.json, trap ? { results, trap } : { results });
  return trap ? 1 : 0;
}
