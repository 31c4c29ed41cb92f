/**
 * Calendar days as the platforms see them: a day is a date in Beijing (UTC+8, no daylight saving
 * since 1991), written YYYY-MM-DD. All arithmetic runs on UTC fields so that the machine's time
 * zone never changes a result.
 */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export interface DayParts {
  year: number;
  month: number;
  date: number;
}

/** The parts of a YYYY-MM-DD day, or undefined when it is malformed or not a real date (2027-02-30). */
export function parseDay(day: string): DayParts | undefined {
  const match = typeof day === 'string' ? DAY_PATTERN.exec(day) : null;
  if (!match) return undefined;
  const [year, month, date] = match.slice(1).map(Number);
  const probe = new Date(Date.UTC(year, month - 1, date));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== date) return undefined;
  return { year, month, date };
}

export function requireDay(day: string): DayParts {
  const parts = parseDay(day);
  if (!parts) throw new Error(`'${day}' is not a real YYYY-MM-DD date`);
  return parts;
}

/** Midnight UTC of the day: a stable handle for day arithmetic, not the instant the day starts in Beijing. */
function utcMidnight(day: string): Date {
  const { year, month, date } = requireDay(day);
  return new Date(Date.UTC(year, month - 1, date));
}

export function addDays(day: string, count: number): string {
  return new Date(utcMidnight(day).getTime() + count * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday ... 6 = Saturday. */
function weekdayOf(day: string): number {
  return utcMidnight(day).getUTCDay();
}

export function weekdayName(day: string): string {
  return WEEKDAY_NAMES[weekdayOf(day)];
}

export function isWeekend(day: string): boolean {
  const weekday = weekdayOf(day);
  return weekday === 0 || weekday === 6;
}

export function beijingDay(instant: Date): string {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) throw new Error(`'${instant}' is not a valid instant`);
  return new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last millisecond of the Beijing day, as an instant (23:59:59.999 +08:00). */
export function endOfBeijingDay(day: string): Date {
  return new Date(utcMidnight(day).getTime() + DAY_MS - BEIJING_OFFSET_MS - 1);
}
