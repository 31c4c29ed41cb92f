import { Random } from './random';

/** Dates as whole days since 1970-01-01 (UTC), printed as YYYY-MM-DD. */
const MS_PER_DAY = 86_400_000;
const { floor } = Math; // see random.ts: global lookups are slow under jest

export function dayOf(isoDate: string): number {
  return Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) / MS_PER_DAY;
}

/** Civil date from a day number by arithmetic (H. Hinnant's algorithm): Date objects are too slow for 10⁵ rows. */
export function isoDate(day: number): string {
  const shifted = day + 719_468; // days since 0000-03-01: counting years from March puts each leap day last
  const era = floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = floor((dayOfEra - floor(dayOfEra / 1460) + floor(dayOfEra / 36_524) - floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + floor(yearOfEra / 4) - floor(yearOfEra / 100));
  const monthFromMarch = floor((5 * dayOfYear + 2) / 153);
  const dayOfMonth = dayOfYear - floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${month < 10 ? '0' : ''}${month}-${dayOfMonth < 10 ? '0' : ''}${dayOfMonth}`;
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
  const year = Number(isoDate.slice(0, 4)) + years;
  const monthDay = isoDate.slice(5);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return monthDay === '02-29' && !leap ? `${year}-03-01` : `${year}-${monthDay}`;
}

/** Full years of age on `onIso`. */
export function ageOn(birthIso: string, onIso: string): number {
  const years = Number(onIso.slice(0, 4)) - Number(birthIso.slice(0, 4));
  return onIso.slice(5) < birthIso.slice(5) ? years - 1 : years;
}

export function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}
