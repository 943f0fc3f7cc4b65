// Parses a .wast spec script into commands (see ast.ts), lazily or all at once. Text modules
// are kept as exact source text, not parsed; binary and quote modules are assembled.
// Also parses Crucible's own assert_backtrace and assert_host_error (see ast.ts).
// Meta commands of the reference interpreter (script/input/output) are not supported.

import type { Action, Command, Const, Expected, ModuleDef, ModuleSource } from './ast.js';
import { Lexer, type Position, type Token } from './lexer.js';
import { parseConst, parseExpected } from './_internals/parseValues.js';
import { parseFrames } from './_internals/parseFrame.js';
import {
  closeForm,
  describe,
  expectAtom,
  expectOpen,
  expectString,
  lossyText,
  nextIn,
  peekIn,
  utf8Name,
} from './_internals/reader.js';

/** Parses a command's body after its keyword; consumes the command's `)`. */
type CommandParser = (lx: Lexer, open: Token, head: Token) => DistributiveOmit<Command, 'text'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function at(open: Token): { line: number; col: number; offset: number } {
  return { line: open.line, col: open.col, offset: open.offset };
}

/** After `(module`: `definition`? `$id`? then `binary` strings, `quote` strings, or fields. */
function parseModuleRest(lx: Lexer, open: Token): ModuleDef {
  let t = peekIn(lx, open);
  const definition = t.kind === 'atom' && t.text === 'definition' ? lx.next() : undefined;
  t = peekIn(lx, open);
  const name = t.kind === 'id' ? (lx.next(), t.name) : undefined;
  t = peekIn(lx, open);
  let source: ModuleSource;
  if (t.kind === 'atom' && (t.text === 'binary' || t.text === 'quote')) {
    lx.next();
    const parts: Uint8Array[] = [];
    for (let s = nextIn(lx, open); s.kind !== ')'; s = nextIn(lx, open)) {
      if (s.kind !== 'string') throw lx.errorAt(s, `expected a string in (module ${t.text} ...), found ${describe(s)}`);
      parts.push(s.bytes);
    }
    const bytes = concat(parts);
    source = t.text === 'binary' ? { form: 'binary', bytes } : quoteSource(bytes);
  } else {
    const end = lx.skipBalanced(open);
    let text = lx.source.slice(open.offset, end);
    if (definition) {
      const from = definition.offset - open.offset;
      text = text.slice(0, from) + ' '.repeat(definition.text.length) + text.slice(from + definition.text.length);
    }
    source = { form: 'text', text };
  }
  const def: ModuleDef = { ...at(open), source };
  if (name !== undefined) def.name = name;
  if (definition) def.isDefinition = true;
  return def;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let n = 0;
  for (const p of parts) {
    out.set(p, n);
    n += p.length;
  }
  return out;
}

const lossy = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Quote strings are usually module fields, but the reference interpreter also accepts one
 * whole `(module ...)` form; wrap only the former so `text` is always a single module.
 */
function quoteSource(bytes: Uint8Array): ModuleSource {
  const quoted = lossy.decode(bytes);
  let whole = false;
  try {
    const inner = new Lexer(quoted, '<quote>');
    whole = inner.next().kind === '(' && inner.next().text === 'module';
  } catch {
    // Deliberately malformed text (assert_malformed): wrapping is the faithful reading.
  }
  return { form: 'quote', quoted, text: whole ? quoted : `(module ${quoted}\n)` };
}

/** A `(module ...)` where an assertion expects one. */
function expectModule(lx: Lexer, open: Position): ModuleDef {
  const paren = expectOpen(lx, open, "a module '(module ...)'");
  const head = nextIn(lx, paren);
  if (head.kind !== 'atom' || head.text !== 'module') throw lx.errorAt(head, `expected 'module', found ${describe(head)}`);
  return parseModuleRest(lx, paren);
}

/** After `(invoke` or `(get`. */
function parseActionRest(lx: Lexer, open: Token, head: Token): Action {
  const t = peekIn(lx, open);
  const module = t.kind === 'id' ? (lx.next(), t.name) : undefined;
  const name = utf8Name(lx, expectString(lx, open, 'an export name'));
  const base = module === undefined ? { ...at(open), name } : { ...at(open), module, name };
  if (head.text === 'get') {
    closeForm(lx, open, 'get');
    return { kind: 'get', ...base };
  }
  const args: Const[] = [];
  for (let a = nextIn(lx, open); a.kind !== ')'; a = nextIn(lx, open)) {
    if (a.kind !== '(') throw lx.errorAt(a, `expected an argument such as (i32.const 0) or ')', found ${describe(a)}`);
    args.push(parseConst(lx, a));
  }
  return { kind: 'invoke', ...base, args };
}

const ACTIONS = new Set(['invoke', 'get']);

/** `(invoke ...)` or `(get ...)` where one is required. */
function expectAction(lx: Lexer, open: Position): Action {
  const paren = expectOpen(lx, open, "an action '(invoke ...)' or '(get ...)'");
  const head = nextIn(lx, paren);
  if (head.kind !== 'atom' || !ACTIONS.has(head.text)) throw lx.errorAt(head, `expected 'invoke' or 'get', found ${describe(head)}`);
  return parseActionRest(lx, paren, head);
}

function message(lx: Lexer, open: Position): string {
  return lossyText(expectString(lx, open, 'the expected failure message'));
}

/** `(assert_x (module ...) "message")` for the module-only assertions. */
function moduleAssertion<K extends 'assert_malformed' | 'assert_invalid' | 'assert_unlinkable' | 'assert_uninstantiable'>(
  kind: K,
): CommandParser {
  return (lx, open) => {
    const module = expectModule(lx, open);
    const msg = message(lx, open);
    closeForm(lx, open, `${kind} message`);
    return { kind, ...at(open), module, message: msg } as DistributiveOmit<Command, 'text'>;
  };
}

/** Top-level commands by keyword. */
const COMMANDS: ReadonlyMap<string, CommandParser> = new Map<string, CommandParser>([
  ['module', (lx, open) => ({ kind: 'module', ...parseModuleRest(lx, open) })],
  [
    'register',
    (lx, open) => {
      const as = utf8Name(lx, expectString(lx, open, 'a registration name'));
      const t = nextIn(lx, open);
      if (t.kind === 'id') closeForm(lx, open, 'register');
      else if (t.kind !== ')') throw lx.errorAt(t, `expected a module $name or ')', found ${describe(t)}`);
      return t.kind === 'id' ? { kind: 'register', ...at(open), as, name: t.name } : { kind: 'register', ...at(open), as };
    },
  ],
  ['invoke', parseActionRest],
  ['get', parseActionRest],
  [
    'assert_return',
    (lx, open) => {
      const action = expectAction(lx, open);
      const expected: Expected[] = [];
      for (let t = nextIn(lx, open); t.kind !== ')'; t = nextIn(lx, open)) {
        if (t.kind !== '(') throw lx.errorAt(t, `expected a result such as (i32.const 0) or ')', found ${describe(t)}`);
        expected.push(parseExpected(lx, t));
      }
      return { kind: 'assert_return', ...at(open), action, expected };
    },
  ],
  [
    'assert_trap',
    (lx, open) => {
      const paren = expectOpen(lx, open, "an action or a module");
      const head = nextIn(lx, paren);
      const isModule = head.kind === 'atom' && head.text === 'module';
      if (!isModule && (head.kind !== 'atom' || !ACTIONS.has(head.text))) {
        throw lx.errorAt(head, `expected 'invoke', 'get' or 'module', found ${describe(head)}`);
      }
      const target = isModule ? { module: parseModuleRest(lx, paren) } : { action: parseActionRest(lx, paren, head) };
      const msg = message(lx, open);
      closeForm(lx, open, 'assert_trap message');
      return { kind: 'assert_trap', ...at(open), ...target, message: msg };
    },
  ],
  [
    'assert_exhaustion',
    (lx, open) => {
      const action = expectAction(lx, open);
      const msg = message(lx, open);
      closeForm(lx, open, 'assert_exhaustion message');
      return { kind: 'assert_exhaustion', ...at(open), action, message: msg };
    },
  ],
  [
    'assert_backtrace',
    (lx, open) => {
      const action = expectAction(lx, open);
      const msg = message(lx, open);
      return { kind: 'assert_backtrace', ...at(open), action, message: msg, frames: parseFrames(lx, open) };
    },
  ],
  [
    'assert_host_error',
    (lx, open) => {
      const action = expectAction(lx, open);
      const msg = message(lx, open);
      closeForm(lx, open, 'assert_host_error message');
      return { kind: 'assert_host_error', ...at(open), action, message: msg };
    },
  ],
  ['assert_malformed', moduleAssertion('assert_malformed')],
  ['assert_invalid', moduleAssertion('assert_invalid')],
  ['assert_unlinkable', moduleAssertion('assert_unlinkable')],
  ['assert_uninstantiable', moduleAssertion('assert_uninstantiable')],
]);

/** Keywords that open a module field, for scripts that are one inline module. */
const MODULE_FIELDS = new Set(['type', 'import', 'func', 'table', 'memory', 'global', 'export', 'start', 'elem', 'data']);

/**
 * A script whose first form is a module field is, like in the reference interpreter, one
 * module written without `(module ...)`: the whole script. Its source text wraps the fields.
 */
function inlineModule(lx: Lexer, open: Token): Command {
  for (lx.skipBalanced(open); lx.peek().kind !== 'eof'; ) {
    const t = lx.next();
    if (t.kind !== '(') throw lx.errorAt(t, `expected a module field in an inline module, found ${describe(t)}`);
    lx.skipBalanced(t);
  }
  const { source, lastEnd } = lx;
  const text = source.slice(open.offset, lastEnd);
  return { kind: 'module', ...at(open), source: { form: 'text', text: `(module ${text}\n)` }, text };
}

/**
 * Parses commands one at a time, so a runner can execute the commands before a syntax
 * error (as the reference interpreter does) and stop there.
 *
 * @param source whole script text
 * @param file label for error messages
 * @throws WastSyntaxError (from the generator's `next`) at the first bad token
 */
export function* iterateScript(source: string, file: string): Generator<Command, void, undefined> {
  const lx = new Lexer(source, file);
  for (let open = lx.next(), first = true; open.kind !== 'eof'; open = lx.next(), first = false) {
    if (open.kind !== '(') throw lx.errorAt(open, `expected '(' to start a command, found ${describe(open)}`);
    const head = expectAtom(lx, open, 'a command keyword');
    const parse = COMMANDS.get(head.text);
    if (!parse && first && MODULE_FIELDS.has(head.text)) {
      yield inlineModule(lx, open);
      return;
    }
    if (!parse) throw lx.errorAt(head, `unknown command '${head.text}'`);
    const command = parse(lx, open, head);
    yield { ...command, text: source.slice(open.offset, lx.lastEnd) } as Command;
  }
}

/**
 * Parses a whole .wast script.
 *
 * @param source script text (decode the file as UTF-8 first)
 * @param file label for error messages, usually the path
 * @throws WastSyntaxError with file, line and column of the first problem
 */
export function parseScript(source: string, file: string): Command[] {
  return [...iterateScript(source, file)];
}
