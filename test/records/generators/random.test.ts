import { seededRandom } from '../../../subgraphs/modules/records/generators';
import { rowRandoms } from '../../../subgraphs/modules/records/generators/random';

const draws = (seed: number, n = 50) => {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => random.next());
};

describe('seeded random numbers', () => {
  it('repeat the same sequence for the same seed and a different one for another seed', () => {
    expect(draws(42)).toEqual(draws(42));
    expect(draws(42)).not.toEqual(draws(43));
  });

  it('stay in [0, 1) and int(min, max) reaches both ends and nothing beyond', () => {
    const random = seededRandom(1);
    const ints = new Set<number>();
    for (let i = 0; i < 10_000; i++) {
      const x = random.next();
      expect(x >= 0 && x < 1).toBe(true);
      ints.add(random.int(3, 7));
    }
    expect([...ints].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('weighted() follows the weights and never returns a zero-weight value', () => {
    const random = seededRandom(7);
    const counts = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 20_000; i++) counts[random.weighted([['a', 3], ['b', 1], ['never', 0]] as const)]++;
    expect(counts.never).toBe(0);
    expect(counts.a / 20_000).toBeGreaterThan(0.72);
    expect(counts.a / 20_000).toBeLessThan(0.78);
  });

  it('chance(0) is never true, chance(1) always, and pick() only returns list members', () => {
    const random = seededRandom(9);
    for (let i = 0; i < 1000; i++) {
      expect(random.chance(0)).toBe(false);
      expect(random.chance(1)).toBe(true);
      expect(['x', 'y']).toContain(random.pick(['x', 'y']));
    }
  });

  it('give every row its own stream, and rows of different kinds unrelated streams', () => {
    const persons = rowRandoms(5, 'persons');
    expect(persons(0).next()).toBe(rowRandoms(5, 'persons')(0).next());
    const firstDraws = (randomFor: (index: number) => { next(): number }) => Array.from({ length: 1000 }, (_, index) => randomFor(index).next());
    const personDraws = firstDraws(persons);
    expect(new Set(personDraws).size).toBe(1000);
    const creditDraws = firstDraws(rowRandoms(5, 'credit records'));
    expect(creditDraws.filter((x, index) => x === personDraws[index])).toEqual([]);
  });
});
