import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { computeDeadline, deadlineStatus, DeadlineKind } from '../calendar';
import { RequestContext } from '../context';

@ObjectType('Deadline', { description: 'A time limit in working days (工作日) under the policy profile of the jurisdiction' })
@Directive('@shareable')
export class DeadlineView {
  @Field({ description: 'Which limit, e.g. CATALOG_APPROVAL' })
  kind: string;

  @Field({ description: 'Policy profile that set the limit, e.g. INNER_MONGOLIA_2024' })
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

  @Field(() => Int, { description: 'Working days left, today included; 0 once overdue' })
  remainingWorkingDays: number;

  @Field()
  overdue: boolean;

  @Field({ description: 'The count crossed a year with no holiday arrangement loaded: the due day may be wrong' })
  calendarUncertain: boolean;
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
    calendarUncertain: status.calendarUncertain,
  };
}
