import * as path from 'path';
import {
  DEFAULT_PROFILE_ASSIGNMENTS,
  ProfileAssignments,
  WorkingCalendar,
  computeDeadline,
  deadlineStatus,
  readArrangementFile,
} from '../../../subgraphs/kernel/calendar';

const beijing = (local: string) => new Date(`${local}+08:00`);

describe('computing a deadline for a jurisdiction', () => {
  const calendar = new WorkingCalendar();

  it('dates a Hohhot catalog approval submitted before National Day 2026 after the break (004 art. 11)', () => {
    const startedAt = beijing('2026-09-29T10:00:00');
    expect(computeDeadline(calendar, 'CATALOG_APPROVAL', '150100', startedAt)).toEqual({
      kind: 'CATALOG_APPROVAL',
      profileId: 'INNER_MONGOLIA_2024',
      citation: '004 art. 11',
      workingDays: 5,
      startedAt,
      dueDay: '2026-10-12',
      dueAt: new Date('2026-10-12T15:59:59.999Z'),
      provisional: false,
    });
  });

  it('gives the same due day for 23:30 Beijing, i.e. 15:30 UTC the same date', () => {
    const late = computeDeadline(calendar, 'CATALOG_APPROVAL', '150100', new Date('2026-09-29T15:30:00Z'));
    expect(late.dueDay).toBe('2026-10-12');
  });

  it('gives Hulunbuir 10 working days for a conditional share reply (001 art. 24), Hohhot 5 (004 art. 23), Anhui 7 (002 art. 25)', () => {
    const startedAt = beijing('2026-03-04T09:00:00');
    const anhuiAssigned = new ProfileAssignments({ ...DEFAULT_PROFILE_ASSIGNMENTS, '34': 'ANHUI_2021' });
    const hulunbuir = computeDeadline(calendar, 'SHARE_REPLY', '150702', startedAt);
    const hohhot = computeDeadline(calendar, 'SHARE_REPLY', '150102', startedAt);
    const anhui = computeDeadline(calendar, 'SHARE_REPLY', '340100', startedAt, anhuiAssigned);
    expect([hulunbuir.workingDays, hulunbuir.citation, hulunbuir.dueDay]).toEqual([10, '001 art. 24', '2026-03-18']);
    expect([hohhot.workingDays, hohhot.citation, hohhot.dueDay]).toEqual([5, '004 art. 23', '2026-03-11']);
    expect([anhui.workingDays, anhui.citation, anhui.dueDay]).toEqual([7, '002 art. 25', '2026-03-13']);
  });

  it('flags a deadline running into 2027 as provisional until the year is loaded, New Year\'s Day off either way', () => {
    const startedAt = beijing('2026-12-28T10:00:00');
    expect(computeDeadline(calendar, 'SHARE_REPLY', '150100', startedAt)).toMatchObject({ dueDay: '2027-01-05', provisional: true });

    const withArrangement = new WorkingCalendar();
    withArrangement.load(readArrangementFile(path.join(__dirname, 'fixtures', 'arrangement-2027.json')));
    // 29, 30, 31 Dec; 1-3 Jan 2027 off in the loaded arrangement; 4 and 5 Jan.
    expect(computeDeadline(withArrangement, 'SHARE_REPLY', '150100', startedAt)).toMatchObject({
      dueDay: '2027-01-05',
      provisional: false,
    });
  });
});

describe('the status of a running deadline', () => {
  const calendar = new WorkingCalendar();
  // Hohhot share reply started Wednesday 4 Mar 2026: 5, 6, 9, 10, 11 Mar — due Wednesday 11 Mar (004 art. 23).
  const deadline = computeDeadline(calendar, 'SHARE_REPLY', '150100', beijing('2026-03-04T09:00:00'));

  it('has the due day', () => {
    expect(deadline.dueDay).toBe('2026-03-11');
  });

  it.each<[string, string, number, boolean]>([
    ['the day it starts', '2026-03-04T09:00:00', 5, false],
    ['the day before the due day', '2026-03-10T09:00:00', 1, false],
    ['the morning of the due day', '2026-03-11T09:00:00', 0, false],
    ['the last millisecond of the due day', '2026-03-11T23:59:59.999', 0, false],
    ['the first moment after the due day', '2026-03-12T00:00:00', 0, true],
    ['the day after', '2026-03-12T09:00:00', 0, true],
  ])('on %s: %i working days left, overdue %s', (_when, local, remainingWorkingDays, overdue) => {
    expect(deadlineStatus(calendar, deadline, beijing(local))).toEqual({ remainingWorkingDays, overdue, provisional: false });
  });

  it('stays provisional when the deadline was computed across a year without an arrangement', () => {
    const provisional = computeDeadline(calendar, 'SHARE_REPLY', '150100', beijing('2026-12-28T10:00:00'));
    expect(deadlineStatus(calendar, provisional, beijing('2026-12-29T09:00:00'))).toEqual({
      remainingWorkingDays: 4, // 30, 31 Dec, 4 and 5 Jan: 1 Jan is New Year's Day
      overdue: false,
      provisional: true,
    });
  });
});
