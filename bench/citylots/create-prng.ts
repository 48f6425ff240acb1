/** A seeded random source whose every draw is the same on any conforming JavaScript engine. */
export interface Prng {
  /** Uniform in [0, 1), 53 random bits. */
  next(): number;
  /** Uniform integer in [0, n). */
  below(n: number): number;
  /** Uniform in [low, high). */
  between(low: number, high: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
}

/**
 * xoshiro128** (Blackman and Vigna), its four state words filled from the seed by a 32-bit
 * multiply-xorshift mixer. Only 32-bit integer operations and exact double arithmetic are used
 * (no Math.log or Math.sin, whose last bits may differ between engines), so the same seed yields
 * the same sequence everywhere.
 */
export function createPrng(seed: number): Prng {
  let mix = seed >>> 0;
  const seedWord = (): number => {
    mix = (mix + 0x6d2b79f5) >>> 0;
    let z = mix;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return (z ^ (z >>> 14)) >>> 0;
  };
  let s0 = seedWord();
  let s1 = seedWord();
  let s2 = seedWord();
  let s3 = seedWord();
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1; // the all-zero state is a fixed point

  const word = (): number => {
    const product = Math.imul(s1, 5);
    const result = Math.imul((product << 7) | (product >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  };

  const next = (): number => ((word() >>> 5) * 0x4000000 + (word() >>> 6)) / 0x20000000000000;
  return {
    next,
    below: (n) => Math.floor(next() * n),
    between: (low, high) => low + next() * (high - low),
    chance: (p) => next() < p,
  };
}
