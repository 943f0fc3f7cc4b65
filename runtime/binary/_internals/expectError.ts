// Test support: asserts that a call throws a CompileError of a given kind whose message starts
// with the expected text (the testsuite's prefix rule).

import * as assert from 'uvu/assert';
import { CompileError, type CompileErrorKind } from '../../errors.js';

/** Runs `f`, requiring a CompileError of `kind` whose message starts with `prefix`; returns it. */
export function expectError(f: () => unknown, kind: CompileErrorKind, prefix: string): CompileError {
  try {
    f();
  } catch (e) {
    if (!(e instanceof CompileError)) throw e;
    assert.ok(e.message.startsWith(prefix), `expected "${prefix}", got "${e.message}"`);
    assert.is(e.kind, kind, `kind of "${e.message}"`);
    return e;
  }
  return assert.unreachable(`expected ${kind} "${prefix}"`) as never;
}
