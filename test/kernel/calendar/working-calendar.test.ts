import { spawnSync } from 'child_process';
import * as path from 'path';
import { isWorkday } from 'chinese-days';
import { WorkingCalendar, readArrangementFile } from '../../../subgraphs/kernel/calendar';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const FIXTURE_2027 = path.join(__dirname, 'fixtures', 'arrangement-2027.json');

/** A Beijing wall-clock time as an instant. */
const beijing = (local: string) => new Date(`${local}+08:00`);

// Deadlines count working days (工作日) under the statutory holiday calendar, 调休 included (004 art. 11, 23).
describe('2026 Mid-Autumn and National Day, as chinese-days knows them', () => {
  const calendar = new WorkingCalendar();

  it('marks 25-27 Sep and 1-7 Oct 2026 off and the adjusted Sunday 20 Sep and Saturday 10 Oct as working', () => {
    const days: Record<string, boolean> = {
      '2026-09-18': true, // Friday
      '2026-09-19': false, // ordinary Saturday
      '2026-09-20': true, // Sunday, adjusted working day for National Day
      '2026-09-24': true,
      '2026-09-25': false, // Mid-Autumn, a Friday
      '2026-09-27': false,
      '2026-09-30': true,
      '2026-10-01': false,
      '2026-10-07': false, // a Wednesday inside the National Day break
      '2026-10-08': true,
      '2026-10-10': true, // Saturday, adjusted working day
      '2026-10-11': false,
    };
    for (const [day, working] of Object.entries(days)) expect([day, calendar.isWorkingDay(day)]).toEqual([day, working]);
  });

  it('counts from the day after submission, so an approval due in 5 working days runs past the break', () => {
    // Tuesday 29 Sep: 30 Sep (1), break, 8 Oct (2), 9 Oct (3), Saturday 10 Oct (4), Monday 12 Oct (5).
    const due = calendar.addWorkingDays(beijing('2026-09-29T10:00:00'), 5);
    expect(due).toEqual({ day: '2026-10-12', dueAt: new Date('2026-10-12T15:59:59.999Z'), provisional: false });
  });

  it('counts the adjusted working Sunday 20 Sep 2026', () => {
    // Saturday 19 Sep: Sunday 20 (1), 21, 22, 23, Thursday 24 (5) — before Mid-Autumn on Friday 25.
    expect(calendar.addWorkingDays(beijing('2026-09-19T09:00:00'), 5).day).toBe('2026-09-24');
  });

  it('never counts the start day, even when it is a working day', () => {
    expect(calendar.addWorkingDays(beijing('2026-03-04T08:00:00'), 1).day).toBe('2026-03-05');
  });

  it('refuses a count below one working day', () => {
    expect(() => calendar.addWorkingDays(beijing('2026-03-04T08:00:00'), 0)).toThrow(/^n: /);
  });
});

describe('Beijing days do not depend on the machine time zone', () => {
  const calendar = new WorkingCalendar();

  it('takes 23:30 Beijing (15:30 UTC) as that Beijing day and 00:30 as the next', () => {
    expect(calendar.beijingDay(new Date('2026-09-29T15:30:00Z'))).toBe('2026-09-29');
    expect(calendar.addWorkingDays(new Date('2026-09-29T15:30:00Z'), 5).day).toBe('2026-10-12');
    expect(calendar.addWorkingDays(new Date('2026-09-29T16:30:00Z'), 5).day).toBe('2026-10-13');
  });

  it('gives the same answers in a process west of Greenwich, where the package functions shift holidays a day', () => {
    const probe = `
      const { WorkingCalendar } = require('./subgraphs/kernel/calendar');
      const calendar = new WorkingCalendar();
      process.stdout.write(JSON.stringify({
        utcOffsetMinutes: -new Date(2026, 8, 30).getTimezoneOffset(),
        working: ['2026-09-30', '2026-10-01', '2026-10-07', '2026-09-20'].map((day) => calendar.isWorkingDay(day)),
        due: calendar.addWorkingDays(new Date('2026-09-29T15:30:00Z'), 5).day,
      }));`;
    const child = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', probe], {
      cwd: REPO_ROOT,
      env: { ...process.env, TZ: 'America/New_York' },
      encoding: 'utf8',
    });
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout)).toEqual({ utcOffsetMinutes: -240, working: [true, false, false, true], due: '2026-10-12' });
  });
});

// Where the package's functions are right (the process at or east of UTC), the table read here agrees with them.
const eastOfGreenwich = new Date(2026, 0, 1).getTimezoneOffset() <= 0;
(eastOfGreenwich ? describe : describe.skip)('agreement with the chinese-days functions', () => {
  it('matches isWorkday for every day from 2004 to 2026', () => {
    const calendar = new WorkingCalendar();
    const disagreements: string[] = [];
    for (let day = new Date(2004, 0, 1); day.getFullYear() <= 2026; day.setDate(day.getDate() + 1)) {
      const text = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
      if (calendar.isWorkingDay(text) !== isWorkday(day)) disagreements.push(text);
    }
    expect(disagreements).toEqual([]);
  });
});

describe('years the package does not know', () => {
  const startedMonday = beijing('2026-12-28T10:00:00');

  it('knows 2026 but not 2027, and takes the statutory holidays of the holiday regulation there', () => {
    const calendar = new WorkingCalendar();
    expect(calendar.covers(2026)).toBe(true);
    expect(calendar.covers(2027)).toBe(false);
    expect(calendar.isWorkingDay('2027-01-01')).toBe(false); // New Year's Day, a Friday
    expect(calendar.isWorkingDay('2027-02-05')).toBe(false); // 除夕 (Spring Festival 2027: 6 February)
    expect(calendar.isWorkingDay('2027-02-09')).toBe(true); // 正月初四: the adjusted days need the notice
    expect(calendar.isWorkingDay('2027-01-04')).toBe(true);
  });

  it('flags a count running into 2027 as provisional, skipping its statutory holidays', () => {
    // 29, 30, 31 Dec, then Monday 4 and Tuesday 5 Jan: 1 January is New Year's Day.
    expect(new WorkingCalendar().addWorkingDays(startedMonday, 5)).toMatchObject({ day: '2027-01-05', provisional: true });
  });

  it('is no longer provisional, and follows the loaded arrangement, once a 2027 arrangement is loaded from a file', () => {
    const calendar = new WorkingCalendar();
    calendar.load(readArrangementFile(FIXTURE_2027));
    expect(calendar.loadedYears()).toEqual([2027]);
    expect(calendar.covers(2027)).toBe(true);
    expect(calendar.addWorkingDays(startedMonday, 5)).toMatchObject({ day: '2027-01-05', provisional: false });
    expect(calendar.isWorkingDay('2027-02-14')).toBe(true); // loaded adjusted working Sunday
    expect(calendar.isWorkingDay('2027-02-12')).toBe(false); // loaded holiday on a Friday
  });

  it('lets a loaded arrangement replace the package for a year it knows', () => {
    const calendar = new WorkingCalendar();
    calendar.load({ year: 2026, holidays: ['2026-03-04'], workdays: [], source: 'test: a local correction' });
    expect(calendar.isWorkingDay('2026-03-04')).toBe(false);
    expect(calendar.isWorkingDay('2026-10-01')).toBe(true); // the package's National Day no longer applies
  });
});

describe('working days left after today', () => {
  const calendar = new WorkingCalendar();

  it('does not count today: on 29 September, 8, 9, Saturday 10 and 12 October are left before the due day of 12 October', () => {
    expect(calendar.workingDaysAfter(beijing('2026-09-29T18:00:00'), '2026-10-12')).toEqual({ days: 5, provisional: false });
  });

  it('counts the days after a holiday the same way', () => {
    // 8, 9, Saturday 10 (adjusted), 12 Oct.
    expect(calendar.workingDaysAfter(beijing('2026-10-07T09:00:00'), '2026-10-12').days).toBe(4);
  });

  it('is 0 on the due day and after it', () => {
    expect(calendar.workingDaysAfter(beijing('2026-10-12T09:00:00'), '2026-10-12')).toEqual({ days: 0, provisional: false });
    expect(calendar.workingDaysAfter(beijing('2026-10-13T00:00:00'), '2026-10-12')).toEqual({ days: 0, provisional: false });
  });

  it('is provisional when the days counted reach into a year without an arrangement', () => {
    // 31 Dec, then 4 Jan (1 January is New Year's Day).
    expect(calendar.workingDaysAfter(beijing('2026-12-30T09:00:00'), '2027-01-04')).toEqual({ days: 2, provisional: true });
  });
});
