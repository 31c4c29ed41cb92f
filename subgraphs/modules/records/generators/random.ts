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

// Module-level aliases: inside a vm context (jest runs tests in one) every lookup of a global such
// as Math is ~100× slower than in plain node, and these run millions of times per benchmark.
const { floor, imul } = Math;

export function seededRandom(seed: number): Random {
  return new Mulberry32(seed);
}

// A class rather than closures: benchmarks create one per row, hundreds of thousands of times.
class Mulberry32 implements Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = imul(this.state ^ (this.state >>> 15), this.state | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + floor(this.next() * (max - min + 1));
  }

  pick<T>(list: readonly T[]): T {
    return list[floor(this.next() * list.length)];
  }

  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (let i = 0; i < entries.length; i++) total += entries[i][1];
    let target = this.next() * total;
    for (let i = 0; i < entries.length; i++) {
      target -= entries[i][1];
      if (target < 0) return entries[i][0];
    }
    // Only reached through floating-point rounding at the very top of the range.
    return entries[entries.length - 1][0];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

/**
 * The random source of each row of one kind of record. A row gets its own stream derived from
 * (seed, kind, row index), so it does not depend on how many rows came before it in the same call
 * (rows 0-999 in one call or as 0-499 and 500-999 are the same rows), and rows of different kinds
 * with the same seed and index — a legal person and its credit record — draw unrelated numbers.
 */
export function rowRandoms(seed: number, kind: string): (index: number) => Random {
  let base = mix32(seed);
  for (let i = 0; i < kind.length; i++) base = mix32(base ^ kind.charCodeAt(i));
  return (index) => seededRandom(mix32(base + index));
}

/** murmur3's finaliser: spreads every input bit over the whole 32-bit output. */
function mix32(value: number): number {
  let h = value | 0;
  h = imul(h ^ (h >>> 16), 0x85ebca6b);
  h = imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Log-uniform in [min, max]: many small values, few large ones (capital, land areas). */
export function logUniform(random: Random, min: number, max: number): number {
  return min * (max / min) ** random.next();
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
