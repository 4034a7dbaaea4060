// A small seeded PRNG (mulberry32), so randomized tests fail the same way every run.
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  /** An integer in [lo, hi). */
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo));
  return { next, int };
}
