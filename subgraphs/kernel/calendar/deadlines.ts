import { DeadlineKind, ProfileAssignments, defaultProfileAssignments, ruleFor } from './policy-profiles';
import { WorkingCalendar } from './working-calendar';

/** A time limit fixed when a procedure starts: which rule, where it comes from, and when it runs out. */
export interface Deadline {
  kind: DeadlineKind;
  /** The profile that actually set the rule (a fallback's id when the jurisdiction's own profile is silent). */
  profileId: string;
  citation: string;
  workingDays: number;
  startedAt: Date;
  /** Beijing day on which the limit runs out, YYYY-MM-DD. */
  dueDay: string;
  /** The last millisecond of dueDay in Beijing. */
  dueAt: Date;
  /** The count crossed a year without a published arrangement: statutory holidays computed, adjusted days unknown. */
  provisional: boolean;
}

export function computeDeadline(
  calendar: WorkingCalendar,
  kind: DeadlineKind,
  jurisdictionCode: string,
  startedAt: Date,
  assignments: ProfileAssignments = defaultProfileAssignments,
): Deadline {
  const rule = ruleFor(assignments.profileFor(jurisdictionCode), kind);
  const due = calendar.addWorkingDays(startedAt, rule.workingDays);
  return {
    kind,
    profileId: rule.profileId,
    citation: rule.citation,
    workingDays: rule.workingDays,
    startedAt,
    dueDay: due.day,
    dueAt: due.dueAt,
    provisional: due.provisional,
  };
}

export interface DeadlineStatus {
  /** Working days left after today: the limit itself on the day it starts, 0 on the due day and after. */
  remainingWorkingDays: number;
  /** The due day is over. */
  overdue: boolean;
  provisional: boolean;
}

/**
 * The remaining count uses the calendar as it is now; a deadline computed across a year without an
 * arrangement stays provisional (its due day may move) until it is computed again.
 */
export function deadlineStatus(calendar: WorkingCalendar, deadline: Pick<Deadline, 'dueDay' | 'dueAt' | 'provisional'>, now: Date): DeadlineStatus {
  const remaining = calendar.workingDaysAfter(now, deadline.dueDay);
  return {
    remainingWorkingDays: remaining.days,
    overdue: now.getTime() > deadline.dueAt.getTime(),
    provisional: deadline.provisional || remaining.provisional,
  };
}
