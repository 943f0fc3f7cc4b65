// The interpreter's loop (run.ts `run`) must stay small enough for V8 to optimize it: TurboFan
// skips any function whose bytecode is longer than --max-optimized-bytecode-size (60 KiB in Node
// 20), and the interpreter would then run unoptimized, many times slower, with no error
// anywhere. Each generated pair case adds ~160 bytes, so this is what bounds the pair table
// (pairs.ts). The size is read from V8 itself (--print-bytecode) in a child process without
// coverage (block counters would make the bytecode longer than it is in use).

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'node:child_process';

const TEST_INSTANCE = new URL('./_internals/testInstance.js', import.meta.url).href;

test("the interpreter loop is under V8's size limit for optimizing a function", () => {
  const options = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8', maxBuffer: 16 << 20 });
  const limit = Number(/--max-optimized-bytecode-size=(\d+)/.exec(options)?.[1]);
  assert.ok(limit > 0, 'the limit is listed by node --v8-options');
  const script = `import { testInstance } from ${JSON.stringify(TEST_INSTANCE)};
    testInstance('(module (func (export "f") (result i32) (i32.const 1)))').call('f');`;
  const env = { ...process.env };
  delete env.NODE_V8_COVERAGE;
  const out = execFileSync(process.execPath, ['--print-bytecode', '--print-bytecode-filter=run', '--input-type=module', '-e', script], {
    encoding: 'utf8', env, maxBuffer: 256 << 20,
  });
  const sizes = [...out.matchAll(/Bytecode length: (\d+)/g)].map((m) => Number(m[1]));
  const size = Math.max(0, ...sizes);
  assert.ok(size > 10000, `run's bytecode was found (lengths seen: ${sizes.join(', ')})`);
  assert.ok(size < limit, `run's bytecode is ${size} bytes, over V8's ${limit}: fewer generated cases (pairs.ts)`);
});

test.run();
