import { Random } from './random';

/** Dates as whole days since 1970-01-01 (UTC), printed as YYYY-MM-DD. */
const MS_PER_DAY = 86_400_000;

export function dayOf(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) / MS_PER_DAY;
}

export function isoDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * The generated records describe the world as of this day, not as of the clock, so that the same
 * seed gives the same rows whenever it runs: ages are taken on it and no date lies after it.
 */
export const AS_OF = '2024-12-31';

export function randomDateBetween(random: Random, fromIso: string, toIso: string): string {
  return isoDate(random.int(dayOf(fromIso), dayOf(toIso)));
}

/** The same calendar date `years` later (29 February falls on 1 March in common years). */
export function addYears(isoDate: string, years: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date.toISOString().slice(0, 10);
}

/** Full years of age on `onIso`. */
export function ageOn(birthIso: string, onIso: string): number {
  const years = Number(onIso.slice(0, 4)) - Number(birthIso.slice(0, 4));
  return onIso.slice(5) < birthIso.slice(5) ? years - 1 : years;
}

export function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}
