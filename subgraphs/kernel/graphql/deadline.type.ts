import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { computeDeadline, deadlineStatus, DeadlineKind, endOfBeijingDay } from '../calendar';
import { RequestContext } from '../context';

@ObjectType('Deadline', { description: 'A time limit in working days (工作日) under the policy profile of the jurisdiction' })
@Directive('@shareable')
export class DeadlineView {
  @Field({ description: 'Which limit, e.g. CATALOG_APPROVAL' })
  kind: string;

  @Field({ description: 'Policy profile that set the limit, e.g. INNER_MONGOLIA_2024; ANNOUNCED when the due day was announced' })
  profile: string;

  @Field({ description: 'Article the limit comes from' })
  citation: string;

  @Field(() => Int)
  workingDays: number;

  @Field()
  startedAt: Date;

  @Field({ description: 'Beijing day on which the limit runs out' })
  dueDay: string;

  @Field({ description: 'End of the due day (Beijing time) as an instant' })
  dueAt: Date;

  @Field(() => Int, { description: 'Working days left after today: the limit itself on the day it starts, 0 on the due day and after' })
  remainingWorkingDays: number;

  @Field()
  overdue: boolean;

  @Field({
    description: "The count crossed a year whose State Council holiday arrangement is not loaded: its statutory holidays are computed from the holiday regulation, its adjusted working days unknown, so the due day may move",
  })
  provisional: boolean;
}

/**
 * A deadline whose due day was announced rather than counted (004 art. 24: a source department tells
 * when data that needs processing can be shared), as of this request.
 */
export function announcedDeadlineView(ctx: RequestContext, kind: DeadlineKind, citation: string, startedAt: Date, dueDay: string): DeadlineView {
  const dueAt = endOfBeijingDay(dueDay);
  const status = deadlineStatus(ctx.calendar, { dueDay, dueAt, provisional: false }, ctx.now);
  return {
    kind,
    profile: 'ANNOUNCED',
    citation,
    workingDays: ctx.calendar.workingDaysAfter(startedAt, dueDay).days,
    startedAt,
    dueDay,
    dueAt,
    remainingWorkingDays: status.remainingWorkingDays,
    overdue: status.overdue,
    provisional: status.provisional,
  };
}

/** A deadline as of this request: computed from the current calendar, never stored. */
export function deadlineView(ctx: RequestContext, kind: DeadlineKind, jurisdictionCode: string, startedAt: Date): DeadlineView {
  const deadline = computeDeadline(ctx.calendar, kind, jurisdictionCode, startedAt);
  const status = deadlineStatus(ctx.calendar, deadline, ctx.now);
  return {
    kind,
    profile: deadline.profileId,
    citation: deadline.citation,
    workingDays: deadline.workingDays,
    startedAt,
    dueDay: deadline.dueDay,
    dueAt: deadline.dueAt,
    remainingWorkingDays: status.remainingWorkingDays,
    overdue: status.overdue,
    provisional: status.provisional,
  };
}
