import { RequestContext } from '../../kernel/context';
import { badInput } from '../../kernel/errors';
import { deadlineView, DeadlineView } from '../../kernel/graphql/deadline.type';
import { requireRole } from '../../kernel/graphql/guards';
import { ApplicationState, ShareApplication } from './application.entity';
import { ShareApplicationRole } from './enums';

const MAX_LIST = 200;

/** 004 art. 23: the source department replies within the limit of the resource's jurisdiction, counted from submission. */
export const replyDeadlineOf = (ctx: RequestContext, application: ShareApplication): DeadlineView =>
  deadlineView(ctx, 'SHARE_REPLY', application.resourceJurisdiction, application.submittedAt);

/** The caller's agency's own applications, or those addressed to its department; newest first. */
export function applicationsOf(ctx: RequestContext, role: ShareApplicationRole, state: ApplicationState | undefined, first: number): Promise<ShareApplication[]> {
  if (first < 1 || first > MAX_LIST) throw badInput('first', `must be between 1 and ${MAX_LIST}`);
  const party = role === ShareApplicationRole.APPLICANT ? { applicantUscc: ctx.identity.agency } : { sourceDepartmentUscc: ctx.identity.agency };
  return ctx.db.getRepository(ShareApplication).find({
    where: { ...party, ...(state ? { state } : {}) },
    order: { submittedAt: 'DESC', id: 'ASC' },
    take: first,
  });
}

/**
 * The reminder list (004 art. 23: the platform "reminds before the deadline"): applications waiting
 * on the caller's department whose reply is due within `withinWorkingDays` or overdue, most urgent first.
 */
export async function applicationsDue(ctx: RequestContext, withinWorkingDays: number): Promise<ShareApplication[]> {
  const me = requireRole(ctx, 'the reply reminder list', 'SOURCE_REVIEWER');
  if (withinWorkingDays < 0) throw badInput('withinWorkingDays', 'must be 0 (overdue only) or more');
  const pending = await ctx.db.getRepository(ShareApplication).findBy({ sourceDepartmentUscc: me.agency, state: ApplicationState.PENDING });
  return pending
    .map((application) => ({ application, deadline: replyDeadlineOf(ctx, application) }))
    .filter(({ deadline }) => deadline.overdue || deadline.remainingWorkingDays <= withinWorkingDays)
    .sort((a, b) => a.deadline.dueAt.getTime() - b.deadline.dueAt.getTime() || a.application.submittedAt.getTime() - b.application.submittedAt.getTime())
    .map(({ application }) => application);
}
