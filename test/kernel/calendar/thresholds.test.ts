import { addDays, beijingDay, endOfBeijingDay } from '../../../subgraphs/kernel/calendar/beijing-days';
import { computeDeadline, deadlineStatus, deadlineThresholds, WorkingCalendar } from '../../../subgraphs/kernel/calendar';

// Statistics count overdue steps in SQL by comparing a step's start with one instant per policy profile
// (kernel/calendar/thresholds.ts). That rests on a later start never falling due earlier; this checks the
// instants against each start day's own deadline, around National Day and on an ordinary week.

const startOf = (day: string) => new Date(endOfBeijingDay(day).getTime() + 1 - 86_400_000);

describe.each([
  ['Monday 30 November 2026', new Date('2026-11-30T02:00:00Z')],
  ['Friday 9 October 2026, after National Day', new Date('2026-10-09T02:00:00Z')],
  ['Saturday 5 December 2026', new Date('2026-12-05T09:00:00Z')],
])('on %s', (_, now) => {
  const calendar = new WorkingCalendar();
  it.each(['SHARE_REPLY', 'QUALITY_VERIFICATION', 'CATALOG_UPDATE'] as const)('%s: a start is before the instants exactly when its own deadline is overdue or due within 3 working days', (kind) => {
    for (const threshold of deadlineThresholds(calendar, kind, now, 3)) {
      const division = threshold.prefix.padEnd(6, '0');
      for (let back = 0; back <= 60; back++) {
        const start = startOf(addDays(beijingDay(now), -back));
        const status = deadlineStatus(calendar, computeDeadline(calendar, kind, division, start), now);
        expect({ back, overdue: start < threshold.overdueBefore }).toEqual({ back, overdue: status.overdue });
        expect({ back, soon: start < threshold.dueSoonBefore }).toEqual({ back, soon: status.overdue || status.remainingWorkingDays <= 3 });
      }
    }
  });
});

describe('computed once, until something it depends on changes', () => {
  it('gives the same answer again, and a new one once an arrangement is loaded', () => {
    const calendar = new WorkingCalendar();
    const now = new Date('2026-11-30T02:00:00Z');
    const first = deadlineThresholds(calendar, 'SHARE_REPLY', now, 3);
    expect(deadlineThresholds(calendar, 'SHARE_REPLY', now, 3)).toBe(first);
    // Setup: an arrangement that makes the week before a holiday week moves every limit counted across it.
    calendar.load({ year: 2026, holidays: ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'], workdays: [], source: 'test arrangement' });
    const after = deadlineThresholds(calendar, 'SHARE_REPLY', now, 3);
    expect(after).not.toBe(first);
    expect(after[0].overdueBefore.getTime()).toBeLessThan(first[0].overdueBefore.getTime());
  });
});
