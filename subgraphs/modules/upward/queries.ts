import { In, SelectQueryBuilder } from 'typeorm';
import { hasRole } from '../../kernel/auth/identity';
import { RequestContext } from '../../kernel/context';
import { badInput, forbidden } from '../../kernel/errors';
import { deadlineView, DeadlineView } from '../../kernel/graphql/deadline.type';
import { requireRole } from '../../kernel/graphql/guards';
import { ApplicationState, ShareApplication } from '../sharing/application.entity';
import { replyDeadlineOf } from '../sharing/application.queries';
import { UpwardApplicationRow } from './application.entity';
import { UpwardStepState } from './enums';

/** The caller's agency's own upward applications filed on this platform (alias `u`). */
export function ownApplications(ctx: RequestContext): SelectQueryBuilder<UpwardApplicationRow> {
  const me = requireRole(ctx, 'listing own upward applications', 'AGENCY_USER');
  return ctx.db.getRepository(UpwardApplicationRow).createQueryBuilder('u').where('u.requesterUscc = :me AND u.requesterLevel = :level', { me: me.agency, level: ctx.level });
}

interface Waiting {
  row: UpwardApplicationRow;
  deadline: DeadlineView;
}

/** Authority steps of this level waiting on the caller's jurisdiction. */
async function waitingOnAuthority(ctx: RequestContext): Promise<Waiting[]> {
  const rows = await ctx.db.getRepository(UpwardApplicationRow).findBy({ stepJurisdiction: ctx.identity.jurisdiction, stepState: UpwardStepState.WAITING });
  return rows.map((row) => ({ row, deadline: deadlineView(ctx, 'UPWARD_STEP', row.stepJurisdiction, row.stepReceivedAt) }));
}

/** Upward applications routed to the caller's department and not yet decided. */
async function waitingOnHolder(ctx: RequestContext): Promise<Waiting[]> {
  const pending = await ctx.db.getRepository(ShareApplication).findBy({ sourceDepartmentUscc: ctx.identity.agency, state: ApplicationState.PENDING });
  const rows = pending.length ? await ctx.db.getRepository(UpwardApplicationRow).findBy({ id: In(pending.map((share) => share.id)) }) : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return pending.filter((share) => byId.has(share.id)).map((share) => ({ row: byId.get(share.id)!, deadline: replyDeadlineOf(ctx, share) }));
}

/**
 * Supervision (督办, 004 art. 49 names overdue reviews): what waits on the caller — as this level's
 * authority, or as a data source department holding the data — due within N working days or overdue
 * (all of it when N is not given), most urgent first.
 */
export async function waitingOnCaller(ctx: RequestContext, dueWithinWorkingDays: number | undefined): Promise<UpwardApplicationRow[]> {
  const me = ctx.identity;
  const asAuthority = hasRole(me, 'AUTHORITY_REVIEWER') && me.level === ctx.level;
  const asHolder = hasRole(me, 'SOURCE_REVIEWER') && me.level === ctx.level;
  if (!asAuthority && !asHolder) {
    throw forbidden(`the upward applications waiting on the ${ctx.level.toLowerCase()} platform are listed for its authority (AUTHORITY_REVIEWER) or a data source department (SOURCE_REVIEWER) of that level`);
  }
  if (dueWithinWorkingDays !== undefined && dueWithinWorkingDays < 0) throw badInput('dueWithinWorkingDays', 'must be 0 (overdue or due today) or more');
  const waiting = [...(asAuthority ? await waitingOnAuthority(ctx) : []), ...(asHolder ? await waitingOnHolder(ctx) : [])];
  return waiting
    .filter(({ deadline }) => dueWithinWorkingDays === undefined || deadline.overdue || deadline.remainingWorkingDays <= dueWithinWorkingDays)
    .sort((a, b) => a.deadline.dueAt.getTime() - b.deadline.dueAt.getTime() || a.deadline.startedAt.getTime() - b.deadline.startedAt.getTime())
    .map(({ row }) => row);
}
