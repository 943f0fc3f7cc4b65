// Turns user input (a JSON object, JSON text, a file path, or CLI flag strings) into a full,
// checked Config. Unknown keys and out-of-range values are ConfigErrors, never ignored.

import { readFileSync } from 'node:fs';
import { ConfigError } from '../errors.js';
import { DEFAULT_CONFIG, KNOBS, type Config, type Knob, type KnobName } from './knobs.js';

/** Checks one knob value, returning it typed. */
export function checkKnob(name: string, value: unknown): unknown {
  const knob = (KNOBS as Record<string, Knob>)[name];
  if (knob === undefined) throw new ConfigError(`unknown knob "${name}" (see \`crucible knobs\`)`);
  switch (knob.kind) {
    case 'bool':
      if (typeof value !== 'boolean') throw new ConfigError(`knob ${name} takes true or false, got ${JSON.stringify(value)}`);
      return value;
    case 'int':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < knob.min || value > knob.max) {
        throw new ConfigError(`knob ${name} takes a whole number from ${knob.min} to ${knob.max}, got ${JSON.stringify(value)}`);
      }
      return value;
    case 'enum':
      if (typeof value !== 'string' || !knob.values.includes(value)) {
        throw new ConfigError(`knob ${name} takes one of ${knob.values.join(', ')}, got ${JSON.stringify(value)}`);
      }
      return value;
  }
}

/** Overlays a partial config object on `base`, rejecting unknown keys and bad values. */
export function configFrom(partial: unknown, base: Config = DEFAULT_CONFIG): Config {
  if (typeof partial !== 'object' || partial === null || Array.isArray(partial)) {
    throw new ConfigError('a config must be a JSON object of knob values');
  }
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(partial)) out[k] = checkKnob(k, v);
  return out as Config;
}

/** Parses `--config` input: inline JSON (starts with `{`) or a path to a JSON file. */
export function loadConfig(spec: string, base: Config = DEFAULT_CONFIG): Config {
  let text = spec;
  if (!spec.trimStart().startsWith('{')) {
    try {
      text = readFileSync(spec, 'utf8');
    } catch (e) {
      throw new ConfigError(`cannot read config file ${spec}: ${(e as Error).message}`);
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`config is not valid JSON: ${(e as Error).message}`);
  }
  return configFrom(parsed, base);
}

/** Parses a knob's value from a CLI flag string. */
export function parseKnobFlag(name: KnobName, text: string): unknown {
  const knob: Knob = KNOBS[name];
  if (knob.kind === 'bool') {
    if (text === 'true' || text === '') return true;
    if (text === 'false') return false;
    throw new ConfigError(`--${kebab(name)} takes true or false, got ${JSON.stringify(text)}`);
  }
  if (knob.kind === 'int') {
    if (!/^-?\d+$/.test(text)) throw new ConfigError(`--${kebab(name)} takes a whole number, got ${JSON.stringify(text)}`);
    return checkKnob(name, Number(text));
  }
  return checkKnob(name, text);
}

/** camelCase knob name to its kebab-case flag. */
export function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
}
