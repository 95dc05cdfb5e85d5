// The p-th percentile by the nearest-rank method: the smallest value with at least p % of the values at or below it.
// One definition for every figure the benches and the simulators print (lags, latencies, waits). NaN when empty.

/** `values` need not be sorted; pass `{ sorted: true }` to skip the copy and sort when they are. */
export function percentile(values: readonly number[], p: number, opts: { sorted?: boolean } = {}): number {
  if (values.length === 0) return Number.NaN;
  const s = opts.sorted ? values : [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}
