// Decodes the `name` custom section (module name, function names, local names) on first
// request and caches the result per module. Names are a debugging aid and custom sections
// never make a module invalid, so a malformed name section just yields what decoded before it.

import { CompileError } from '../errors.js';
import type { CustomSection, ModuleInfo, NameMap } from '../types.js';
import { Reader } from './Reader.js';

const cache = new WeakMap<ModuleInfo, NameMap>();

const MODULE_NAME = 0;
const FUNCTION_NAMES = 1;
const LOCAL_NAMES = 2;

/** The names in `m`'s first `name` custom section (empty maps when there is none). */
export function moduleNames(m: ModuleInfo): NameMap {
  let names = cache.get(m);
  if (names === undefined) {
    const section = m.customs.find((c) => c.name === 'name');
    names = section === undefined ? { funcs: new Map(), locals: new Map() } : decodeNames(section);
    cache.set(m, names);
  }
  return names;
}

function decodeNames(section: CustomSection): NameMap {
  let module: string | undefined;
  const funcs = new Map<number, string>();
  const locals = new Map<number, Map<number, string>>();
  const r = new Reader(section.bytes);
  try {
    while (!r.atEnd()) {
      const id = r.u8();
      const size = r.count();
      const end = r.pos + size;
      r.end = end;
      if (id === MODULE_NAME) module = r.name();
      else if (id === FUNCTION_NAMES) readNameMap(r, funcs);
      else if (id === LOCAL_NAMES) {
        const n = r.count();
        for (let i = 0; i < n; i++) {
          const f = r.u32();
          const map = locals.get(f) ?? new Map<number, string>();
          locals.set(f, map);
          readNameMap(r, map);
        }
      }
      r.pos = end;
      r.end = section.bytes.length;
    }
  } catch (e) {
    if (!(e instanceof CompileError)) throw e;
  }
  return module === undefined ? { funcs, locals } : { module, funcs, locals };
}

/** A vec of (index, name) pairs, added to `into` as they decode. */
function readNameMap(r: Reader, into: Map<number, string>): void {
  const n = r.count(2);
  for (let i = 0; i < n; i++) {
    const index = r.u32();
    into.set(index, r.name());
  }
}
