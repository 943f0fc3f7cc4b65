// A large valid module for throughput benchmarks: many functions of straight-line integer and
// float arithmetic, nested blocks, loops and branches, memory traffic and calls.

import { ModuleBuilder, sleb, uleb } from '../../wasm/ModuleBuilder.js';

const I32 = 0x7f, F64 = 0x7c;

function body(seed: number, funcs: number, targetBytes: number): number[] {
  let x = seed >>> 0;
  const rnd = (n: number) => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return (x >>> 8) % n;
  };
  const out: number[] = [];
  while (out.length < targetBytes) {
    switch (rnd(6)) {
      case 0: // local0 = local0 * k + local1
        out.push(0x20, 0, 0x41, ...sleb(rnd(1000) - 500), 0x6c, 0x20, 1, 0x6a, 0x21, 0);
        break;
      case 1: // f64 local2 = local2 * 1.5 + f64(local0)
        out.push(0x20, 2, 0x44, 0, 0, 0, 0, 0, 0, 0xf8, 0x3f, 0xa2, 0x20, 0, 0xb7, 0xa0, 0x22, 2, 0x1a);
        break;
      case 2: // block { local0 ; br_if 0 ; local1 = local1 ^ local0 }
        out.push(0x02, 0x40, 0x20, 0, 0x0d, 0, 0x20, 1, 0x20, 0, 0x73, 0x21, 1, 0x0b);
        break;
      case 3: // store then load memory at (local0 & 0xfff0)
        out.push(0x20, 0, 0x41, ...sleb(0xfff0), 0x71, 0x20, 1, 0x36, 2, 0);
        out.push(0x20, 1, 0x41, ...sleb(0xfff0), 0x71, 0x28, 2, 4, 0x20, 0, 0x6a, 0x21, 0);
        break;
      case 4: // loop with counter in local3
        out.push(0x41, 8, 0x21, 3, 0x03, 0x40, 0x20, 3, 0x41, 1, 0x6b, 0x22, 3, 0x0d, 0, 0x0b);
        break;
      case 5: // call a lower-numbered function (keeps the call graph acyclic)
        if (seed > 0) out.push(0x20, 0, 0x20, 1, 0x10, ...uleb(rnd(Math.min(seed, funcs))), 0x20, 0, 0x6a, 0x21, 0);
        break;
    }
  }
  out.push(0x20, 0);
  return out;
}

/** A module with about `codeBytes` bytes of code across `funcs` functions. */
export function bigModule(codeBytes: number, funcs = 200): Uint8Array {
  const b = new ModuleBuilder();
  const t = b.type([I32, I32], [I32]);
  b.memory(1);
  const per = Math.ceil(codeBytes / funcs);
  for (let i = 0; i < funcs; i++) b.func(t, [[1, F64], [1, I32]], body(i, funcs, per));
  b.export('f0', 0, 0);
  return b.build();
}
