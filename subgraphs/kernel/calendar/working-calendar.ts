import { readFileSync } from 'fs';
import packageTable from 'chinese-days/dist/chinese-days.json';
import { addDays, beijingDay, endOfBeijingDay, isWeekend, parseDay, requireDay, weekdayName } from './beijing-days';
import { statutoryHolidays } from './statutory-holidays';

/**
 * Working days (工作日) under the Chinese statutory holiday calendar, adjusted working weekends (调休)
 * included. The chinese-days package knows the State Council arrangements it was released with; an
 * operator loads later years (the notice is published each November) as a YearArrangement.
 */
export interface YearArrangement {
  year: number;
  /** Days off, YYYY-MM-DD; a statutory holiday that falls on a weekend may be listed too. */
  holidays: string[];
  /** Saturdays or Sundays that are working days (调休), YYYY-MM-DD. */
  workdays: string[];
  /** Where the arrangement comes from, e.g. the State Council notice. */
  source: string;
}

const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

/** Checks an arrangement from outside (a file, a mutation); the message names the offending field. */
export function validateArrangement(input: unknown): YearArrangement {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new Error('arrangement: expected an object with year, holidays, workdays and source');
  }
  const { year, holidays, workdays, source } = input as Record<string, unknown>;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new Error(`year: must be a whole year from ${FIRST_YEAR} to ${LAST_YEAR}, got ${JSON.stringify(year)}`);
  }
  if (typeof source !== 'string' || source.trim() === '') {
    throw new Error('source: must say where the arrangement comes from, e.g. the State Council notice');
  }
  const holidayList = checkDaysOfYear('holidays', holidays, year);
  const workdayList = checkDaysOfYear('workdays', workdays, year);
  const holidaySet = new Set(holidayList);
  workdayList.forEach((day, index) => {
    if (!isWeekend(day)) {
      throw new Error(`workdays[${index}]: ${day} is a ${weekdayName(day)}; an adjusted working day must be a Saturday or Sunday`);
    }
    if (holidaySet.has(day)) throw new Error(`workdays[${index}]: ${day} is also listed in holidays`);
  });
  return { year, holidays: holidayList, workdays: workdayList, source };
}

function checkDaysOfYear(field: string, value: unknown, year: number): string[] {
  if (!Array.isArray(value)) throw new Error(`${field}: must be an array of YYYY-MM-DD dates`);
  return value.map((day: unknown, index) => {
    const parts = typeof day === 'string' ? parseDay(day) : undefined;
    if (!parts) throw new Error(`${field}[${index}]: ${JSON.stringify(day)} is not a real YYYY-MM-DD date`);
    if (parts.year !== year) throw new Error(`${field}[${index}]: ${day} is not in year ${year}`);
    return day as string;
  });
}

/** Reads and validates an arrangement JSON file; errors start with the file's path. */
export function readArrangementFile(path: string): YearArrangement {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new Error(`${path}: not a readable JSON file (${(cause as Error).message})`, { cause });
  }
  try {
    return validateArrangement(parsed);
  } catch (cause) {
    throw new Error(`${path}: ${(cause as Error).message}`, { cause });
  }
}

interface DayTable {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

/**
 * chinese-days' statutory table, read from the JSON file the package ships (and documents for non-JS
 * use) rather than through its functions: those build and query the table with local-time getters, so
 * in a process west of Greenwich every holiday moves a day (seen with 1.5.7 under TZ=America/New_York).
 * The file's keys are plain YYYY-MM-DD dates, the same whatever the machine's time zone.
 */
const PACKAGE_TABLE: DayTable = {
  holidays: new Set(Object.keys(packageTable.holidays)),
  workdays: new Set(Object.keys(packageTable.workdays)),
};

/**
 * The package has no "which years do you know" call. Every published arrangement has at least New
 * Year's Day off, so a year is known exactly when the table has a holiday in it: 2004-2026 in 1.5.7,
 * and not 2027, where the package would silently answer with plain weekdays.
 */
const PACKAGE_YEARS: ReadonlySet<number> = new Set([...PACKAGE_TABLE.holidays].map((day) => Number(day.slice(0, 4))));

export interface WorkingDayTarget {
  day: string;
  /** The last millisecond of `day` in Beijing. */
  dueAt: Date;
  /**
   * Some day counted lies in a year whose State Council arrangement neither the package nor a loaded
   * file gives: its statutory holidays were computed from the holiday regulation, its adjusted
   * working days are unknown, so the day may still move when the arrangement is loaded.
   */
  provisional: boolean;
}

const NO_DAYS: ReadonlySet<string> = new Set();
/** Years without an arrangement get their statutory holidays computed once. */
const statutoryTables = new Map<number, DayTable>();

function statutoryTable(year: number): DayTable | undefined {
  if (year < 2025) return undefined;
  let table = statutoryTables.get(year);
  if (!table) statutoryTables.set(year, (table = { holidays: new Set(statutoryHolidays(year)), workdays: NO_DAYS }));
  return table;
}

export class WorkingCalendar {
  private readonly loaded = new Map<number, DayTable>();
  private loads = 0;

  /** A loaded year replaces the package's data for that year entirely; loading a year again replaces it. */
  load(arrangement: YearArrangement): void {
    const valid = validateArrangement(arrangement);
    this.loaded.set(valid.year, { holidays: new Set(valid.holidays), workdays: new Set(valid.workdays) });
    this.loads++;
  }

  /** Moves on whenever an arrangement is loaded: what was computed from the calendar before may have changed. */
  get version(): number {
    return this.loads;
  }

  loadedYears(): number[] {
    return [...this.loaded.keys()].sort((a, b) => a - b);
  }

  covers(year: number): boolean {
    return this.tableFor(year) !== undefined;
  }

  /**
   * In a year no arrangement covers, the statutory holidays of the regulation are days off and every
   * other weekday is a working day; callers learn that through `provisional`.
   */
  isWorkingDay(day: string): boolean {
    const year = requireDay(day).year;
    const table = this.tableFor(year) ?? statutoryTable(year);
    if (table?.holidays.has(day)) return false;
    return Boolean(table?.workdays.has(day)) || !isWeekend(day);
  }

  private tableFor(year: number): DayTable | undefined {
    return this.loaded.get(year) ?? (PACKAGE_YEARS.has(year) ? PACKAGE_TABLE : undefined);
  }

  beijingDay(instant: Date): string {
    return beijingDay(instant);
  }

  /** The n-th working day after the Beijing day of `start`; the start day itself never counts. */
  addWorkingDays(start: Date, n: number): WorkingDayTarget {
    if (!Number.isInteger(n) || n < 1) throw new Error(`n: must be a whole number of working days of at least 1, got ${n}`);
    let day = beijingDay(start);
    let provisional = false;
    for (let counted = 0; counted < n; ) {
      day = addDays(day, 1);
      provisional ||= !this.covers(requireDay(day).year);
      if (this.isWorkingDay(day)) counted++;
    }
    return { day, dueAt: endOfBeijingDay(day), provisional };
  }

  /**
   * Working days left after today, through dueDay: on the day a limit of n working days starts there
   * are n left, whatever kind of day it is; 0 on the due day itself and after it.
   */
  workingDaysAfter(now: Date, dueDay: string): { days: number; provisional: boolean } {
    requireDay(dueDay);
    let days = 0;
    let provisional = false;
    // YYYY-MM-DD strings of four-digit years compare in date order.
    for (let day = addDays(beijingDay(now), 1); day <= dueDay; day = addDays(day, 1)) {
      provisional ||= !this.covers(requireDay(day).year);
      if (this.isWorkingDay(day)) days++;
    }
    return { days, provisional };
  }
}
