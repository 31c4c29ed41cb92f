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
  /** The count crossed a year whose holiday arrangement is unknown, so weekdays stood in for working days. */
  calendarUncertain: boolean;
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
    calendarUncertain: due.uncertain,
  };
}

export interface DeadlineStatus {
  /** Working days left, today included when it is one; 0 once the due day has passed. */
  remainingWorkingDays: number;
  overdue: boolean;
  calendarUncertain: boolean;
}

/**
 * The remaining count uses the calendar as it is now; a deadline computed across an unknown year stays
 * flagged (its due day may be wrong) until it is computed again.
 */
export function deadlineStatus(calendar: WorkingCalendar, deadline: Deadline, now: Date): DeadlineStatus {
  const remaining = calendar.workingDaysUntil(now, deadline.dueDay);
  return {
    remainingWorkingDays: remaining.days,
    overdue: now.getTime() > deadline.dueAt.getTime(),
    calendarUncertain: deadline.calendarUncertain || remaining.uncertain,
  };
}
