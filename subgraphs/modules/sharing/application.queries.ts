import { SelectQueryBuilder } from 'typeorm';
import { RequestContext } from '../../kernel/context';
import { badInput } from '../../kernel/errors';
import { deadlineView, DeadlineView } from '../../kernel/graphql/deadline.type';
import { requireRole } from '../../kernel/graphql/guards';
import { ApplicationState, ShareApplication } from './application.entity';
import { ShareApplicationRole } from './enums';

/** 004 art. 23: the source department replies within the limit of the resource's jurisdiction, counted from submission. */
export const replyDeadlineOf = (ctx: RequestContext, application: ShareApplication): DeadlineView =>
  deadlineView(ctx, 'SHARE_REPLY', application.resourceJurisdiction, application.submittedAt);

/** The caller's agency's own applications, or those addressed to its department (alias `a`). */
export function applicationsOf(ctx: RequestContext, role: ShareApplicationRole, state: ApplicationState | null | undefined): SelectQueryBuilder<ShareApplication> {
  const query = ctx.db.getRepository(ShareApplication).createQueryBuilder('a');
  if (role === ShareApplicationRole.APPLICANT) query.where('a.applicantUscc = :me', { me: ctx.identity.agency });
  else query.where('a.sourceDepartmentUscc = :me', { me: ctx.identity.agency });
  if (state) query.andWhere('a.state = :state', { state });
  return query;
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
