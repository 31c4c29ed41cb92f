import { LoadFigures } from './report';

/**
 * The order in which sides are loaded, round by round: forwards, then backwards, and so on (A B, B A,
 * A B … for two), so that each side is as often early as late and drift on a shared machine hits
 * every side alike. Returns indexes of the sides.
 */
export function interleaving(rounds: number, sides = 2): number[] {
  const forwards = Array.from({ length: sides }, (_, i) => i);
  const backwards = [...forwards].reverse();
  return Array.from({ length: rounds }, (_, round) => (round % 2 === 0 ? forwards : backwards)).flat();
}

/** One side's rounds as one figure: mean rate and latencies (rounds are equally long), summed counts. */
export function combineRounds(rounds: LoadFigures[]): LoadFigures {
  if (rounds.length === 0) throw new Error('no rounds to combine');
  const mean = (pick: (f: LoadFigures) => number) => rounds.reduce((sum, f) => sum + pick(f), 0) / rounds.length;
  return {
    rps: mean((f) => f.rps),
    p50Ms: mean((f) => f.p50Ms),
    p99Ms: mean((f) => f.p99Ms),
    requests: rounds.reduce((sum, f) => sum + f.requests, 0),
    failures: rounds.reduce((sum, f) => sum + f.failures, 0),
  };
}
