// `npm run gen:pairs`: rewrites the generated pair cases in run.ts from the table in pairs.ts
// (then `npm run build`). pairs.test.ts fails while the checked-in cases are stale.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../../writeFileAtomic.js';
import { withPairCases } from './pairs.js';

const path = fileURLToPath(new URL('../../../../runtime/interp/_internals/run.ts', import.meta.url));
const before = readFileSync(path, 'utf8');
const after = withPairCases(before);
if (after === before) console.log('run.ts: pair cases up to date');
else {
  writeFileAtomic(path, after);
  console.log('run.ts: pair cases rewritten; run `npm run build`');
}
