// A small deterministic random generator (mulberry32) for demo data, generated test data and benchmarks: the same
// seed gives the same sequence on every machine, so a demo or a benchmark run can be reproduced. Not for secrets
// (tokens, codes and keys use node:crypto).

/** Numbers in [0, 1) from a 32-bit seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
