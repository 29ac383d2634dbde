/**
 * A tiny seeded PRNG (mulberry32). The data set must be identical for the same seed on every run
 * and machine, which `Math.random` cannot give.
 */
export interface Prng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, maxExclusive). */
  int(maxExclusive: number): number;
  /** A uniformly random unsigned 64-bit value, for IDs above 2^53. */
  uint64(): bigint;
}

export function createPrng(seed: number): Prng {
  let state = seed >>> 0;
  const nextUint32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = (): number => nextUint32() / 4294967296;
  return {
    next,
    int: (maxExclusive) => Math.floor(next() * maxExclusive),
    uint64: () => (BigInt(nextUint32()) << 32n) | BigInt(nextUint32()),
  };
}

/** Derives an independent stream from a seed, so picking records to update never shifts the data set. */
export function deriveSeed(seed: number, stream: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(stream, 0xc2b2ae35)) >>> 0;
}
