// No string from the module reaches the generated JS: export, import and name-section names
// made to break out of strings, comments and templates leave the text untouched (it is pure
// ASCII without a trace of them) while exports, imports and backtrace names still work.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { catchTrap, hostFunc, setup, watToBytes } from './_internals/testing.js';

const HOSTILE = [
  'q"uote', "ap'os", 'back\\slash', 'end*/comment', 'new\nline', 'ls\u2028ps\u2029', 'tmpl${1}`', '</script>',
  '\u0000nul', ')); throw 1; ((', 'fn0', 'l0', '$tUnreachable',
];

function leb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}
const utf8 = (s: string): number[] => [...new TextEncoder().encode(s)];
const name = (s: string): number[] => [...leb(utf8(s).length), ...utf8(s)];

/** A `name` custom section: module name and function names. */
function nameSection(moduleName: string, funcNames: string[]): number[] {
  const mod = name(moduleName);
  const funcs = [...leb(funcNames.length), ...funcNames.flatMap((n, i) => [...leb(i), ...name(n)])];
  const payload = [...name('name'), 0, ...leb(mod.length), ...mod, 1, ...leb(funcs.length), ...funcs];
  return [0, ...leb(payload.length), ...payload];
}

const watString = (s: string): string => [...utf8(s)].map((b) => '\\' + b.toString(16).padStart(2, '0')).join('');

test('hostile names never reach the script, and everything still works', () => {
  const exports = HOSTILE.map((n, i) => `(func (export "${watString(n)}") (result i32) (i32.const ${i}))`).join('\n');
  const imports = HOSTILE.map((n) => `(import "${watString(n)}" "${watString(n)}" (func))`).join('\n');
  const base = watToBytes(`(module ${imports} ${exports} (func (export "trap") unreachable))`);
  const funcNames = [...HOSTILE, ...HOSTILE, HOSTILE.join('|')];
  const bytes = new Uint8Array([...base, ...nameSection(HOSTILE.join(''), funcNames)]);
  const noop = hostFunc([], [], () => []);
  const s = setup(bytes, {}, Object.fromEntries(HOSTILE.map((n) => [`${n}.${n}`, noop])));
  const text = s.image.text;
  assert.ok(/^[\x20-\x7e\n]*$/.test(text), 'printable ASCII and newlines only');
  for (const n of HOSTILE) {
    if (n === 'fn0' || n === 'l0' || n === '$tUnreachable') continue; // our own vocabulary, by design
    assert.not.ok(text.includes(n), JSON.stringify(n));
  }
  HOSTILE.forEach((n, i) => assert.equal(s.call(n), [i], JSON.stringify(n)));
  const t = catchTrap(() => s.call('trap'));
  assert.equal(t.frames, [{ func: 2 * HOSTILE.length, name: HOSTILE.join('|'), offset: t.frames[0].offset }]);
});

test('a hostile name in a backtrace is reported exactly, on both tiers', () => {
  const base = watToBytes('(module (func (export "f") (param i32) (result i32) (i32.div_u (i32.const 1) (local.get 0))))');
  const weird = 'a"b\\c*/d\ne\u2028f${g}';
  const bytes = new Uint8Array([...base, ...nameSection('m', [weird])]);
  for (const tier of ['compiled', 'interp'] as const) {
    const t = catchTrap(() => setup(bytes, { tier }).call('f', 0));
    assert.is(t.frames[0].name, weird, tier);
  }
});

test.run();
