// moduleNames: decoding the `name` section written by wabt and by hand, caching, and keeping
// whatever decoded before a malformed part.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import wabtInit from 'wabt';
import { decodeModule } from './decodeModule.js';
import { moduleNames } from './names.js';
import { bytes, mod, SEC, section, str, vec } from './_internals/wasmBytes.js';

const wabt = await wabtInit();

const nameSection = (...subsections: number[][]) => section(SEC.custom, str('name'), ...subsections);
const sub = (id: number, ...content: number[]) => section(id, content);

test('names written by wabt', () => {
  const m = wabt.parseWat('t.wat', `(module $mod
    (func $first (param $a i32) (local $b f32))
    (func)
    (func $third (local i32) (local $z i64)))`, {});
  const bin = m.toBinary({ write_debug_names: true }).buffer;
  m.destroy();
  const names = moduleNames(decodeModule(bin));
  assert.is(names.module, 'mod');
  assert.equal([...names.funcs], [[0, 'first'], [2, 'third']]);
  assert.equal([...(names.locals.get(0) ?? [])], [[0, 'a'], [1, 'b']]);
  assert.equal([...(names.locals.get(2) ?? [])], [[1, 'z']]);
});

test('no name section: empty maps, and the result is cached', () => {
  const m = decodeModule(mod());
  const names = moduleNames(m);
  assert.is(names.module, undefined);
  assert.is(names.funcs.size + names.locals.size, 0);
  assert.is(moduleNames(m), names);
});

test('hand-built subsections, unknown ones skipped', () => {
  const m = decodeModule(mod(nameSection(
    sub(0, ...str('\u00fcber')),
    sub(1, ...vec([[0, ...str('f0')], [5, ...str('f5')]])),
    sub(7, 1, 2, 3),
    sub(2, ...vec([[5, ...vec([[0, ...str('x')], [3, ...str('y')]])]])),
  )));
  const names = moduleNames(m);
  assert.is(names.module, '\u00fcber');
  assert.equal([...names.funcs], [[0, 'f0'], [5, 'f5']]);
  assert.equal([...(names.locals.get(5) ?? [])], [[0, 'x'], [3, 'y']]);
});

test('a malformed name section keeps what decoded before the damage', () => {
  const m = decodeModule(mod(nameSection(
    sub(0, ...str('ok')),
    sub(1, ...vec([[0, ...str('good')], [1, 2, 0xc0, 0x80]])),
  )));
  const names = moduleNames(m);
  assert.is(names.module, 'ok');
  assert.equal([...names.funcs], [[0, 'good']]);
  const truncated = decodeModule(mod(nameSection(bytes(1, 0x7f, 2))));
  assert.is(moduleNames(truncated).funcs.size, 0);
});

test('only the first name section counts', () => {
  const m = decodeModule(mod(nameSection(sub(0, ...str('one'))), nameSection(sub(0, ...str('two')))));
  assert.is(moduleNames(m).module, 'one');
});

test.run();
