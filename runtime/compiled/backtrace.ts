// Wasm backtraces for compiled code, computed the way a native runtime does from return
// addresses: V8's structured stack trace of the error gives each frame's script and
// line/column; the script's code image turns that position into a function (function table)
// and a wasm offset (address map). Also turns the errors that are really traps (V8 stack
// overflow, a guarded DataView access out of bounds) into Traps. Host errors pass unchanged.

import { Trap, TrapKind } from '../errors.js';
import { isStackOverflow } from '../exec/jsLimits.js';
import type { CodeImage } from './CodeImage.js';

type CallSite = NodeJS.CallSite;

const images = new Map<string, WeakRef<CodeImage>>();
const forget = new FinalizationRegistry<string>((filename) => {
  if (images.get(filename)?.deref() === undefined) images.delete(filename);
});

/**
 * Makes `image` known to backtraces by its script filename. Equal filenames mean equal bytes
 * and codegen knobs, hence the same text: either image resolves the other's frames.
 */
export function registerImage(image: CodeImage): void {
  images.set(image.filename, new WeakRef(image));
  forget.register(image, image.filename);
}

/** Compiled code runs with this stack trace limit, so a trap's trace holds every frame. */
const RAISED_LIMIT = Infinity;
/** The limit the embedder set: how many frames a formatted `.stack` shows. */
let userLimit = 10;

/** Raises Error.stackTraceLimit for a run of compiled code; returns the value to restore. */
export function raiseStackTraceLimit(): number {
  const saved = Error.stackTraceLimit;
  if (saved !== RAISED_LIMIT) userLimit = saved;
  Error.stackTraceLimit = RAISED_LIMIT;
  return saved;
}

function formatStack(err: Error, sites: readonly CallSite[]): string {
  let out = Error.prototype.toString.call(err);
  for (const s of sites.slice(0, userLimit)) out += `\n    at ${s}`;
  return out;
}

/** Call sites already read (reading formats `.stack`, which can happen only once). */
const siteCache = new WeakMap<object, readonly CallSite[]>();

/**
 * The V8 call sites captured when `e` was created, or undefined when its stack was already
 * formatted. Reading them formats `.stack`, as the embedder's own formatter would.
 */
function callSitesOf(e: object): readonly CallSite[] | undefined {
  const known = siteCache.get(e);
  if (known !== undefined) return known;
  let sites: CallSite[] | undefined;
  const prev = Error.prepareStackTrace;
  Error.prepareStackTrace = (err, cs) => {
    sites = cs;
    return prev !== undefined ? prev(err, cs) : formatStack(err, cs);
  };
  try {
    void (e as { stack?: unknown }).stack;
  } finally {
    Error.prepareStackTrace = prev;
  }
  if (sites !== undefined) siteCache.set(e, sites);
  return sites;
}

/** Per trap: its call sites and how far outer activations have read them. */
interface TraceState {
  readonly sites: readonly CallSite[];
  next: number;
}
const traces = new WeakMap<Trap, TraceState>();

/** A stack frame's position in a compiled script, when it is one. */
function locate(cs: CallSite): { image: CodeImage; pos: number } | undefined {
  const file = cs.getFileName();
  if (file === undefined || file === null) return undefined;
  const image = images.get(file)?.deref();
  if (image === undefined) return undefined;
  return { image, pos: image.position(cs.getLineNumber() ?? 0, cs.getColumnNumber() ?? 0) };
}

/**
 * Appends the frames of one activation of compiled code (up to its entry trampoline) to
 * `t.frames`, innermost first. Called at each boundary the trap leaves through, so nested
 * activations (wasm -> host -> wasm) each add their own frames in order.
 */
function addFrames(t: Trap, source: object): void {
  let state = traces.get(t);
  if (state === undefined) {
    state = { sites: callSitesOf(source) ?? [], next: 0 };
    traces.set(t, state);
  }
  const sites = state.sites;
  let i = state.next;
  for (; i < sites.length; i++) {
    const at = locate(sites[i]);
    if (at === undefined) continue;
    if (at.image.isEntry(at.pos)) {
      i++;
      break;
    }
    const range = at.image.funcAt(at.pos);
    if (range === undefined || range.interpreted) continue;
    // A prologue's depth check is the caller's call failing (as in the interpreter).
    if (t.frames.length === 0 && t.kind === TrapKind.CallStackExhausted && at.image.trapSiteAt(at.pos)?.role === 'prologueDepth') continue;
    t.frames.push(at.image.frame(range, at.pos));
  }
  state.next = i;
}

const DATAVIEW_OUT_OF_BOUNDS = 'Offset is outside the bounds of the DataView';

/** A RangeError thrown by a guarded memory access of compiled code (the "signal" of a guard page). */
function isGuardFault(e: RangeError): boolean {
  if (e.message !== DATAVIEW_OUT_OF_BOUNDS) return false;
  const sites = callSitesOf(e) ?? [];
  for (const cs of sites) {
    if (!cs.getFileName()) continue; // the DataView builtin itself
    const at = locate(cs);
    return at !== undefined && at.image.trapSiteAt(at.pos)?.role === 'guard';
  }
  return false;
}

function converted(kind: TrapKind, source: RangeError): Trap {
  const t = new Trap(kind);
  traces.set(t, { sites: callSitesOf(source) ?? [], next: 0 });
  return t;
}

/**
 * What an error leaving compiled code through `invoke` becomes: a Trap gets this
 * activation's frames; V8's stack overflow and guard faults become Traps with frames;
 * anything else is a host error and is returned as is.
 */
export function leaving(e: unknown): unknown {
  if (e instanceof Trap) {
    addFrames(e, e);
    return e;
  }
  if (e instanceof RangeError) {
    let t: Trap | undefined;
    if (isStackOverflow(e)) t = converted(TrapKind.CallStackExhausted, e);
    else if (isGuardFault(e)) t = converted(TrapKind.MemoryOutOfBounds, e);
    if (t !== undefined) {
      addFrames(t, e);
      return t;
    }
  }
  return e;
}
