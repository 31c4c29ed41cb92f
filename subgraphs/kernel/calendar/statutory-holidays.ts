import { getSolarDateFromLunar, getSolarTermDate } from 'chinese-days';
import { addDays } from './beijing-days';

/*
 * The statutory holidays themselves are fixed by the national holiday regulation (全国年节及纪念日放假
 * 办法, as revised in 2024 and in force from 1 January 2025): New Year's Day (1 January); Spring
 * Festival (除夕 and 正月初一 to 初三, four days); Qingming (the day of the solar term); Labour Day
 * (1 and 2 May); Dragon Boat (五月初五); Mid-Autumn (八月十五); National Day (1 to 3 October). Only the
 * adjusted weekends (调休) and the make-up days need the State Council's annual notice. So a year whose
 * notice is not loaded yet still has its statutory holidays — computed from the lunar calendar of the
 * chinese-days package — and a deadline across it is flagged provisional rather than counted as if
 * 1 January were an ordinary Friday.
 */

/**
 * The package's lunar conversion reads and writes dates through the process's local time; handed a
 * local midnight it answers the right day in any time zone (a YYYY-MM-DD string would be parsed as UTC).
 */
function solarOfLunar(year: number, month: number, day: number): string {
  return getSolarDateFromLunar(new Date(year, month - 1, day) as unknown as string).date;
}

/**
 * The package's solar-term day goes through a UTC midnight formatted in local time: west of Greenwich
 * that is the evening before, so the day is moved back where it belongs.
 */
function qingming(year: number): string {
  const day = getSolarTermDate(year, 4, 'pure_brightness');
  const westOfGreenwich = new Date(Date.UTC(year, 3, 5)).getDate() !== 5;
  return westOfGreenwich ? addDays(day, 1) : day;
}

export const HOLIDAY_REGULATION = '全国年节及纪念日放假办法 (2024 revision, in force 2025-01-01)';

/** The statutory holidays of a year (2025 or later) under the holiday regulation, YYYY-MM-DD, in date order. */
export function statutoryHolidays(year: number): string[] {
  if (year < 2025) throw new Error(`year: the 2024 revision of the holiday regulation applies from 2025, not ${year}`);
  const springFestival = solarOfLunar(year, 1, 1);
  const days = [
    `${year}-01-01`,
    addDays(springFestival, -1),
    springFestival,
    addDays(springFestival, 1),
    addDays(springFestival, 2),
    qingming(year),
    `${year}-05-01`,
    `${year}-05-02`,
    solarOfLunar(year, 5, 5),
    solarOfLunar(year, 8, 15),
    `${year}-10-01`,
    `${year}-10-02`,
    `${year}-10-03`,
  ];
  // Mid-Autumn may fall within National Day (2028): one day off, not two.
  return [...new Set(days)].sort();
}
