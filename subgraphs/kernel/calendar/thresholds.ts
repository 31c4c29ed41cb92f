import { addDays, beijingDay, endOfBeijingDay } from './beijing-days';
import { computeDeadline, deadlineStatus } from './deadlines';
import { defaultProfileAssignments, DeadlineKind, ProfileAssignments } from './policy-profiles';
import { WorkingCalendar } from './working-calendar';

/**
 * A deadline counts from the Beijing day a procedure started, and a later start never falls due
 * earlier. So "overdue now" is "started before some instant", and so is "due within N working days":
 * each is one comparison a database can make on the start column, per policy profile. This finds
 * those instants for the profile of each division prefix (how statistics count overdue steps in SQL).
 */
export interface DeadlineThreshold {
  /** Division-code prefix the profile is assigned to, longest first; the last one is the widest. */
  prefix: string;
  /** A step that started before this instant is overdue now. */
  overdueBefore: Date;
  /** A step that started before this instant (and is not overdue) is due within the asked working days. */
  dueSoonBefore: Date;
}

/** How far back a start day is searched: longer than any limit with its holidays. */
const SEARCH_DAYS = 120;

const startOfBeijingDay = (day: string) => new Date(endOfBeijingDay(day).getTime() + 1 - 24 * 60 * 60 * 1000);

/** The first start day (from the past towards today) for which `holds` no longer does: its first instant. */
function firstStartWhereNot(today: string, holds: (startDay: string) => boolean): Date {
  let first = addDays(today, 1);
  for (let back = 0; back <= SEARCH_DAYS; back++) {
    const day = addDays(today, -back);
    if (holds(day)) break;
    first = day;
  }
  return startOfBeijingDay(first);
}

/**
 * The thresholds depend only on today's Beijing day (a due day ends at midnight), the limit, the
 * calendar's arrangements and the profile assignments: they are computed once per such combination,
 * not once per request (a statistics request asks for a dozen kinds, each some thousand calendar steps).
 */
const computed = new WeakMap<WorkingCalendar, Map<string, DeadlineThreshold[]>>();
const MAX_KEPT = 256;

export function deadlineThresholds(calendar: WorkingCalendar, kind: DeadlineKind, now: Date, dueWithinWorkingDays: number, assignments: ProfileAssignments = defaultProfileAssignments): DeadlineThreshold[] {
  const today = beijingDay(now);
  const key = `${calendar.version}|${today}|${kind}|${dueWithinWorkingDays}|${JSON.stringify(assignments.entries())}`;
  let kept = computed.get(calendar);
  if (!kept) computed.set(calendar, (kept = new Map()));
  const hit = kept.get(key);
  if (hit) return hit;
  const thresholds = thresholdsOn(calendar, kind, today, now, dueWithinWorkingDays, assignments);
  if (kept.size >= MAX_KEPT) kept.clear();
  kept.set(key, thresholds);
  return thresholds;
}

function thresholdsOn(calendar: WorkingCalendar, kind: DeadlineKind, today: string, now: Date, dueWithinWorkingDays: number, assignments: ProfileAssignments): DeadlineThreshold[] {
  return assignments.entries().map(([prefix]) => {
    const statusOf = (startDay: string) => deadlineStatus(calendar, computeDeadline(calendar, kind, prefix.padEnd(6, '0'), startOfBeijingDay(startDay), assignments), now);
    return {
      prefix,
      overdueBefore: firstStartWhereNot(today, (day) => statusOf(day).overdue),
      dueSoonBefore: firstStartWhereNot(today, (day) => {
        const status = statusOf(day);
        return status.overdue || status.remainingWorkingDays <= dueWithinWorkingDays;
      }),
    };
  });
}
