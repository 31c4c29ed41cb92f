import { execFileSync } from 'node:child_process';
import path from 'node:path';
import packageTable from 'chinese-days/dist/chinese-days.json';
import { computeDeadline, deadlineStatus, WorkingCalendar } from '../../../subgraphs/kernel/calendar';
import { statutoryHolidays } from '../../../subgraphs/kernel/calendar/statutory-holidays';

const beijing = (local: string) => new Date(`${local}+08:00`);

// The national holiday regulation (全国年节及纪念日放假办法, 2024 revision) fixes the statutory holidays;
// the State Council's annual notice adds only the adjusted weekends. Years without a notice get the
// former computed from the lunar calendar, flagged provisional (issue 12).
describe('statutory holidays computed from the holiday regulation', () => {
  it.each([2025, 2026])('are all days off in the State Council arrangement of %i the package carries', (year) => {
    const holidays = new Set(Object.keys(packageTable.holidays));
    expect(statutoryHolidays(year).filter((day) => !holidays.has(day))).toEqual([]);
    expect(statutoryHolidays(year)).toHaveLength(13);
  });

  it('give 2027 its New Year\'s Day, Spring Festival from 除夕, Qingming, Labour Day, Dragon Boat, Mid-Autumn and National Day', () => {
    expect(statutoryHolidays(2027)).toEqual([
      '2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-04-05',
      '2027-05-01', '2027-05-02', '2027-06-09', '2027-09-15', '2027-10-01', '2027-10-02', '2027-10-03',
    ]);
  });

  it('count one day off when Mid-Autumn falls within National Day (2028)', () => {
    expect(statutoryHolidays(2028).filter((day) => day.startsWith('2028-10'))).toEqual(['2028-10-01', '2028-10-02', '2028-10-03']);
  });

  it('are the same days whatever the machine\'s time zone', () => {
    const script = `console.log(JSON.stringify(require(${JSON.stringify(path.join(__dirname, '../../../subgraphs/kernel/calendar/statutory-holidays'))}).statutoryHolidays(2027)))`;
    for (const zone of ['America/New_York', 'Pacific/Auckland', 'UTC']) {
      const out = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], { env: { ...process.env, TZ: zone } }).toString();
      expect({ zone, days: JSON.parse(out) }).toEqual({ zone, days: statutoryHolidays(2027) });
    }
  });
});

describe('1 January 2027 before any 2027 notice is loaded', () => {
  it('is not a working day, and a deadline across it is provisional', () => {
    const calendar = new WorkingCalendar();
    expect(calendar.isWorkingDay('2027-01-01')).toBe(false);
    const deadline = computeDeadline(calendar, 'SHARE_REPLY', '150100', beijing('2026-12-30T09:00:00'));
    // 31 Dec, then 4, 5, 6, 7 Jan.
    expect(deadline).toMatchObject({ dueDay: '2027-01-07', provisional: true });
  });
});

// 004 art. 23: a reply within 5 working days. On the day the limit starts there are 5 left, whatever
// kind of day it is; on the due day 0, and overdue only once it is over.
describe('remaining working days on the day a limit starts, whatever the day', () => {
  const calendar = new WorkingCalendar();
  it.each([
    ['a Monday', '2026-03-02T10:00:00', '2026-03-09'],
    ['a Saturday', '2026-03-07T10:00:00', '2026-03-13'],
    ['an adjusted working Sunday', '2026-09-20T10:00:00', '2026-09-28'],
    ['a holiday (National Day)', '2026-10-01T10:00:00', '2026-10-13'],
  ])('started on %s: 5 left, due %s', (_kind, start, dueDay) => {
    const deadline = computeDeadline(calendar, 'SHARE_REPLY', '150100', beijing(start));
    expect(deadline.dueDay).toBe(dueDay);
    expect(deadlineStatus(calendar, deadline, beijing(start))).toEqual({ remainingWorkingDays: 5, overdue: false, provisional: false });
    expect(deadlineStatus(calendar, deadline, beijing(`${dueDay}T17:00:00`))).toEqual({ remainingWorkingDays: 0, overdue: false, provisional: false });
  });
});
