// Timing for benchmarks: repeat a function until a time budget is spent, several rounds,
// and keep the best round (least disturbed by the machine).

/** Seconds per call of `fn`, best of `rounds` rounds of at least `minMs` each. */
export function secondsPerCall(fn: () => void, minMs = 300, rounds = 3): number {
  fn(); // warm up
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    let calls = 0;
    const start = performance.now();
    let elapsed = 0;
    do {
      fn();
      calls++;
      elapsed = performance.now() - start;
    } while (elapsed < minMs);
    best = Math.min(best, elapsed / 1000 / calls);
  }
  return best;
}

/** One benchmark result line. */
export interface BenchRow {
  bench: string;
  case: string;
  metric: string;
  value: number;
  unit: string;
  /** Our figure divided by the baseline's, where there is one ("x slower" when > 1). */
  ratio?: number;
  baseline?: string;
  note?: string;
}
