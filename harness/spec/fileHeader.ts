// The header of a project .wast file: leading `;; knobs: {...}`, `;; store: {...}` and
// `;; requires: {...}` comment lines, parsed strictly (unknown keys are input errors at
// file:line:col), and how a runner applies them. Other comment lines are prose and ignored.

import { WastSyntaxError } from '../wast/errors.js';
import { ConfigError } from '../../runtime/errors.js';
import { checkKnob } from '../../runtime/config/loadConfig.js';
import type { Config, KnobName } from '../../runtime/config/knobs.js';
import type { Store } from '../../runtime/api/Store.js';

/**
 * Store settings, applied when the runner creates its store and again just before every
 * instantiation, so each module of a file starts with the same budget.
 */
export interface StoreSettings {
  /** Remaining fuel (needs the consumeFuel knob). */
  fuel?: number;
  /** Epoch deadline in ticks from now (needs the epochInterruption knob); 0 = already due. */
  epochDeadline?: number;
}

/** What a file's header asks for. Every part is empty when the file has no header. */
export interface FileHeader {
  /** Knobs overlaid on every config the file runs under. */
  knobs: Partial<Config>;
  /** Store settings (see {@link StoreSettings}). */
  store: StoreSettings;
  /** Knob values the file needs: under a config that differs, the whole file is skipped. */
  requires: Partial<Config>;
}

/** The header of a file that has none. */
export const NO_HEADER: FileHeader = Object.freeze({ knobs: {}, store: {}, requires: {} });

/** Where a directive's JSON sits, for error positions. */
interface Site {
  file: string;
  line: number;
  col: number;
}

const fail = (at: Site, reason: string): WastSyntaxError => new WastSyntaxError(at.file, at.line, at.col, reason);

function knobValues(value: Record<string, unknown>, at: Site, what: string): Partial<Config> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    // The tier is the run's choice (--tier); a file that needs one tier says so in `requires`.
    if (what === 'knobs' && k === 'tier') throw fail(at, 'knobs: "tier" cannot be set by a file; use requires: {"tier": ...} to restrict it');
    try {
      out[k] = checkKnob(k, v);
    } catch (e) {
      if (e instanceof ConfigError) throw fail(at, `${what}: ${e.message}`);
      throw e;
    }
  }
  return out as Partial<Config>;
}

const STORE_KEYS: readonly (keyof StoreSettings)[] = ['fuel', 'epochDeadline'];

function storeValues(value: Record<string, unknown>, at: Site): StoreSettings {
  const out: StoreSettings = {};
  for (const [k, v] of Object.entries(value)) {
    if (!(STORE_KEYS as readonly string[]).includes(k)) throw fail(at, `store: unknown key "${k}" (known: ${STORE_KEYS.join(', ')})`);
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw fail(at, `store: ${k} takes a whole number >= 0, got ${JSON.stringify(v)}`);
    out[k as keyof StoreSettings] = v;
  }
  return out;
}

/** The header directives, by name: how each turns its JSON object into its part. */
const DIRECTIVES = {
  knobs: (v: Record<string, unknown>, at: Site) => knobValues(v, at, 'knobs'),
  store: storeValues,
  requires: (v: Record<string, unknown>, at: Site) => knobValues(v, at, 'requires'),
} as const;
type Directive = keyof typeof DIRECTIVES;
const isDirective = (w: string): w is Directive => Object.hasOwn(DIRECTIVES, w);

/** `;; word: {` - a directive line (known or not); anything else in a comment is prose. */
const DIRECTIVE_LINE = /^(\s*;;\s*)([A-Za-z_][A-Za-z0-9_]*)(\s*:\s*)(\{.*)$/;
/** A known directive written after the header, where it would be silently ignored. */
const LATE_DIRECTIVE = /^\s*;;\s*(knobs|store|requires)\s*:/;

/**
 * Parses the header: the lines before the first that is neither blank nor a `;;` comment.
 *
 * @param source the whole .wast text
 * @param file label for error messages
 * @throws WastSyntaxError (`file:line:col: reason`) for an unknown directive or key, bad
 *   JSON or value, a repeated directive, a store setting whose knob is not on, or a
 *   directive placed after the header
 */
export function parseFileHeader(source: string, file: string): FileHeader {
  const lines = source.split('\n');
  const header: FileHeader = { knobs: {}, store: {}, requires: {} };
  const seen = new Map<Directive, Site>();
  let i = 0;
  for (; i < lines.length; i++) {
    const text = lines[i].replace(/\r$/, '');
    const trimmed = text.trimStart();
    if (trimmed !== '' && !trimmed.startsWith(';;')) break;
    const m = DIRECTIVE_LINE.exec(text);
    if (m === null) continue;
    const [, lead, word, sep, json] = m;
    const at: Site = { file, line: i + 1, col: lead.length + 1 };
    if (!isDirective(word)) throw fail(at, `unknown header directive "${word}" (known: ${Object.keys(DIRECTIVES).join(', ')})`);
    if (seen.has(word)) throw fail(at, `header directive "${word}" given twice (first at line ${seen.get(word)!.line})`);
    seen.set(word, at);
    const jsonAt: Site = { ...at, col: lead.length + word.length + sep.length + 1 };
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch (e) {
      throw fail(jsonAt, `${word}: not valid JSON: ${(e as Error).message}`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw fail(jsonAt, `${word}: expected a JSON object`);
    (header as unknown as Record<Directive, unknown>)[word] = DIRECTIVES[word](value as Record<string, unknown>, jsonAt);
  }
  for (; i < lines.length; i++) {
    const m = LATE_DIRECTIVE.exec(lines[i]);
    if (m !== null) throw fail({ file, line: i + 1, col: lines[i].indexOf(';;') + 1 }, `header directive "${m[1]}" after the first command: move it to the top of the file`);
  }
  checkStoreNeeds(header, seen.get('store'));
  return header;
}

/** Store settings only take effect with their knob on: say so at parse time, not mid-run. */
function checkStoreNeeds(h: FileHeader, at: Site | undefined): void {
  const needs: [keyof StoreSettings, KnobName][] = [['fuel', 'consumeFuel'], ['epochDeadline', 'epochInterruption']];
  for (const [setting, knob] of needs) {
    if (h.store[setting] !== undefined && h.knobs[knob] !== true && h.requires[knob] !== true) {
      throw fail(at!, `store: ${setting} needs the ${knob} knob: add knobs: {"${knob}": true}`);
    }
  }
}

/** `config` with the header's knobs overlaid. */
export function headerConfig(config: Config, header: FileHeader): Config {
  return { ...config, ...header.knobs };
}

/** Why `config` (already overlaid) cannot run the file, or undefined when it can. */
export function unmetRequirement(config: Config, header: FileHeader): string | undefined {
  const unmet = Object.entries(header.requires).filter(([k, v]) => config[k as KnobName] !== v);
  if (unmet.length === 0) return undefined;
  return 'requires ' + unmet.map(([k, v]) => `${k}=${JSON.stringify(v)} (config has ${JSON.stringify(config[k as KnobName])})`).join(', ');
}

/**
 * The store settings a run under `config` (already overlaid) applies: the header's, plus
 * unlimited fuel (2^53 - 1) when the config charges fuel but the file sets none - so a config
 * matrix can turn fuel on for every file (fuel-charging code still runs) without every call
 * trapping at once. Epoch interruption needs no such default: a new store's deadline is never.
 */
export function storeSettingsFor(config: Config, header: FileHeader): StoreSettings {
  if (config.consumeFuel && header.store.fuel === undefined) return { ...header.store, fuel: Number.MAX_SAFE_INTEGER };
  return header.store;
}

/** Applies store settings to `store` (whose engine has the header's knobs). */
export function applyStoreSettings(store: Store, settings: StoreSettings): void {
  if (settings.fuel !== undefined) store.setFuel(settings.fuel);
  if (settings.epochDeadline !== undefined) store.setEpochDeadline(settings.epochDeadline);
}
