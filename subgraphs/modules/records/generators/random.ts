/**
 * Seeded pseudo-random numbers for demo records (mulberry32: 32-bit state, fast, good enough for
 * test data — not for anything secret). Same seed, same sequence, on every machine.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  pick<T>(list: readonly T[]): T;
  /** One value, each with probability weight / (sum of weights). */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    weighted: (entries) => {
      let total = 0;
      for (const [, weight] of entries) total += weight;
      let target = next() * total;
      for (const [value, weight] of entries) {
        target -= weight;
        if (target < 0) return value;
      }
      // Only reached through floating-point rounding at the very top of the range.
      return entries[entries.length - 1][0];
    },
    chance: (p) => next() < p,
  };
}

/**
 * The random source of one row. Each row gets its own stream derived from (seed, row index), so a
 * row does not depend on how many rows came before it in the same call: generating rows 0-999 in
 * one call or as 0-499 and 500-999 gives the same rows.
 */
export function rowRandom(seed: number, index: number): Random {
  return seededRandom(mix32(mix32(seed) + index));
}

/** murmur3's finaliser: spreads every input bit over the whole 32-bit output. */
function mix32(value: number): number {
  let h = value | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Rows per call and starting index: whole numbers, not negative. */
export function checkRowRange(count: number, startIndex: number): void {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
  if (!Number.isSafeInteger(startIndex) || startIndex < 0) {
    throw new RangeError(`startIndex must be a whole number ≥ 0, got ${startIndex}`);
  }
}

/** Seed used when a caller gives none. */
export const DEFAULT_SEED = 2024;
