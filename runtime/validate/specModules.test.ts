// Every assert_invalid module of the 2.0 testsuite must be rejected by decode + module-field
// validation + body validation as 'invalid' with the expected message as a prefix; every module
// the suite runs must pass, and every binary assert_malformed one be 'malformed'. The .wast
// extraction here is deliberately tiny (balanced parens, string literals); it is not a parser.

import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CompileError } from '../errors.js';
import { decodeModule } from '../binary/decodeModule.js';
import { validateModuleFields } from '../binary/validateModule.js';
import { loadWabt, watToWasm } from '../../harness/wat/watToWasm.js';
import { validateCode } from './validateModule.js';

const SUITE = '/work/shared/testsuite/wasm-2.0/';

type Expect = 'valid' | 'invalid' | 'malformed';

interface Case {
  readonly where: string;
  readonly expect: Expect;
  readonly module: string;
  /** The expected message (prefix), for invalid and malformed modules. */
  readonly message: string;
}

/** Index just past the s-expression opening at `i`, skipping strings and comments. */
function closeParen(s: string, i: number): number {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    const c = s[j];
    if (c === '"') {
      for (j++; s[j] !== '"'; j++) if (s[j] === '\\') j++;
    } else if (c === ';' && s[j + 1] === ';') {
      while (j < s.length && s[j] !== '\n') j++;
    } else if (c === '(' && s[j + 1] === ';') {
      j = blockCommentEnd(s, j) - 1;
    } else if (c === '(') {
      depth++;
    } else if (c === ')' && --depth === 0) {
      return j + 1;
    }
  }
  throw new Error(`unbalanced s-expression at ${i}`);
}

/** Index just past the (possibly nested) block comment opening at `i`. */
function blockCommentEnd(s: string, i: number): number {
  let nest = 0;
  for (let j = i; j < s.length; j++) {
    if (s[j] === '(' && s[j + 1] === ';') { nest++; j++; } else if (s[j] === ';' && s[j + 1] === ')') {
      j++;
      if (--nest === 0) return j + 1;
    }
  }
  throw new Error(`unterminated block comment at ${i}`);
}

// Which top-level commands hold a module, and what the suite expects of it. Text modules of
// assert_malformed are text-format errors, not ours.
const COMMANDS: readonly [RegExp, Expect][] = [
  [/^\(module\b/, 'valid'],
  [/^\((?:assert_trap|assert_unlinkable|assert_uninstantiable)\s+\(module\b/, 'valid'],
  [/^\(assert_invalid\s+\(module\b/, 'invalid'],
  [/^\(assert_malformed\s+\(module(?:\s+\$\S+)?\s+binary\b/, 'malformed'],
];

function extractCases(): Case[] {
  const cases: Case[] = [];
  for (const file of readdirSync(SUITE).filter((f) => f.endsWith('.wast')).sort()) {
    const s = readFileSync(SUITE + file, 'utf8');
    let line = 1;
    let lineAt = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s[i];
      if (c === ';' && s[i + 1] === ';') {
        while (i < s.length && s[i] !== '\n') i++;
        i--;
        continue;
      }
      if (c === '(' && s[i + 1] === ';') {
        i = blockCommentEnd(s, i) - 1;
        continue;
      }
      if (c !== '(') continue;
      const end = closeParen(s, i);
      const form = s.slice(i, end);
      for (; lineAt < i; lineAt++) if (s[lineAt] === '\n') line++;
      const kind = COMMANDS.find(([re]) => re.test(form))?.[1];
      if (kind !== undefined) {
        const modStart = form.indexOf('(module');
        const modEnd = closeParen(form, modStart);
        const message = /"((?:[^"\\]|\\.)*)"\s*\)$/.exec(form.slice(modEnd));
        cases.push({ where: `${file}:${line}`, expect: kind, module: form.slice(modStart, modEnd), message: kind === 'valid' ? '' : message?.[1] ?? '' });
      }
      i = end - 1;
    }
  }
  return cases;
}

/** The string literals of a `(module binary|quote ...)` as bytes, with .wast escapes. */
function literalBytes(text: string): Uint8Array {
  const out: number[] = [];
  const enc = new TextEncoder();
  for (const m of text.matchAll(/;;[^\n]*|"((?:[^"\\]|\\.)*)"/g)) {
    const lit = m[1];
    if (lit === undefined) continue; // a line comment, possibly holding a commented-out literal
    for (let k = 0; k < lit.length; k++) {
      const c = lit[k];
      if (c !== '\\') {
        out.push(...enc.encode(c));
        continue;
      }
      const e = lit[++k];
      if (/[0-9a-fA-F]/.test(e)) {
        out.push(parseInt(lit.slice(k, k + 2), 16));
        k++;
      } else if (e === 'u') {
        const close = lit.indexOf('}', k);
        out.push(...enc.encode(String.fromCodePoint(parseInt(lit.slice(k + 2, close), 16))));
        k = close;
      } else {
        out.push(({ n: 10, t: 9, r: 13 } as Record<string, number>)[e] ?? e.charCodeAt(0));
      }
    }
  }
  return new Uint8Array(out);
}


/**
 * Cases whose encoding is not the module the suite means, by `file:line`, with the reason.
 * Empty since watToWasm encodes `select (result)` as the text means (harness/wat/).
 */
const EXPECTED_FAILURES: Readonly<Record<string, string>> = {};

function encode(module: string): Uint8Array {
  const head = /^\(module(?:\s+\$\S+)?\s+(binary|quote)\b/.exec(module);
  if (head?.[1] === 'binary') return literalBytes(module);
  const text = head?.[1] === 'quote' ? `(module ${new TextDecoder().decode(literalBytes(module))})` : module;
  return watToWasm(text); // watToWasm adds the data count section wabt leaves out
}

/** What our decode + validation says of `bytes`: 'valid', or the error's kind and message. */
function verdict(bytes: Uint8Array): { kind: Expect; message: string } {
  try {
    const m = decodeModule(bytes);
    validateModuleFields(m);
    validateCode(m);
    return { kind: 'valid', message: '' };
  } catch (e) {
    if (!(e instanceof CompileError)) throw e;
    return { kind: e.kind, message: e.message };
  }
}

await loadWabt();
const cases = extractCases();

for (const expect of ['invalid', 'valid', 'malformed'] as const) {
  test(`every ${expect} module of the 2.0 suite gets the expected verdict`, () => {
    const mine = cases.filter((c) => c.expect === expect);
    let passed = 0;
    const wabtRejected: string[] = [];
    const failures: string[] = [];
    const expectedFailures: string[] = [];
    for (const c of mine) {
      let bytes: Uint8Array;
      try {
        bytes = encode(c.module);
      } catch {
        wabtRejected.push(c.where);
        continue;
      }
      const got = verdict(bytes);
      if (got.kind === expect && got.message.startsWith(c.message)) {
        passed++;
        continue;
      }
      if (EXPECTED_FAILURES[c.where] !== undefined) expectedFailures.push(c.where);
      else failures.push(`${c.where}: expected ${expect} "${c.message}", got ${got.kind} "${got.message}"`);
    }
    console.log(`${expect}: ${mine.length} modules, ${passed} as expected, ${wabtRejected.length} wabt-rejected, ` +
      `${expectedFailures.length} expected failures, ${failures.length} failed`);
    if (wabtRejected.length > 0) console.log(`  wabt-rejected: ${wabtRejected.join(' ')}`);
    assert.ok(mine.length > 500, 'extraction found the suite');
    assert.equal(failures, []);
    // An expected failure that starts passing must be taken off the list.
    const listed = Object.keys(EXPECTED_FAILURES).filter((w) => mine.some((c) => c.where === w));
    assert.equal(expectedFailures.sort(), listed.sort(), 'expected failures changed');
  });
}

test.run();
