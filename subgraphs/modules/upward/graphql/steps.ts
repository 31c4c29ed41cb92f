import { computeDeadline, DeadlineKind } from '../../../kernel/calendar';
import { RequestContext } from '../../../kernel/context';
import { deadlineView, DeadlineView } from '../../../kernel/graphql/deadline.type';
import { PlatformLevel } from '../../../kernel/graphql/enums';
import { ApplicationState, ShareApplication } from '../../sharing/application.entity';
import { applicationById } from '../../sharing/loaders';
import { UpwardApplicationRow } from '../application.entity';
import { UpwardStepKind, UpwardStepState } from '../enums';
import { UpwardStepView } from './step.type';

type Timing = Pick<UpwardStepView, 'dueDay' | 'deadline' | 'overdue'>;

/** An open step shows its running limit; a closed one its due day and whether it closed late. */
function timing(ctx: RequestContext, kind: DeadlineKind, jurisdictionCode: string, receivedAt: Date, closedAt: Date | null): Timing {
  if (!closedAt) {
    const running: DeadlineView = deadlineView(ctx, kind, jurisdictionCode, receivedAt);
    return { dueDay: running.dueDay, deadline: running, overdue: running.overdue };
  }
  const limit = computeDeadline(ctx.calendar, kind, jurisdictionCode, receivedAt);
  return { dueDay: limit.dueDay, deadline: null, overdue: closedAt.getTime() > limit.dueAt.getTime() };
}

/**
 * 004 art. 25 sets no limit of its own; each authority's step gets the UPWARD_STEP limit of its
 * jurisdiction's policy profile, counted from when the application reached it.
 */
export function authorityStepOf(ctx: RequestContext, row: UpwardApplicationRow): UpwardStepView {
  const closedAt = row.stepState === UpwardStepState.WAITING ? null : row.stepDecidedAt ?? row.withdrawnAt;
  return {
    kind: UpwardStepKind.AUTHORITY,
    level: ctx.level as PlatformLevel,
    jurisdictionCode: row.stepJurisdiction,
    state: row.stepState,
    actor: row.stepActorSub ? { sub: row.stepActorSub, agencyUscc: row.stepActorAgency! } : null,
    reason: row.stepReason,
    legalBasis: row.stepLegalBasis,
    receivedAt: row.stepReceivedAt,
    decidedAt: row.stepDecidedAt,
    ...timing(ctx, 'UPWARD_STEP', row.stepJurisdiction, row.stepReceivedAt, closedAt),
    approvedItems: null,
    grantId: null,
  };
}

const HOLDER_STATE: Record<ApplicationState, UpwardStepState> = {
  PENDING: UpwardStepState.WAITING,
  APPROVED: UpwardStepState.APPROVED,
  REFUSED: UpwardStepState.REFUSED,
  WITHDRAWN: UpwardStepState.WITHDRAWN,
};

/**
 * The holder's step is the share application its platform keeps under the application's id, so the
 * decision, the grant and the reply limit (004 art. 23; Hulunbuir's 10 days, 001 art. 24) are the
 * sharing module's own.
 */
export function holderStepFrom(ctx: RequestContext, share: ShareApplication): UpwardStepView {
  const closedAt = share.decidedAt ?? share.withdrawnAt;
  return {
    kind: UpwardStepKind.HOLDER,
    level: ctx.level as PlatformLevel,
    jurisdictionCode: share.resourceJurisdiction,
    state: HOLDER_STATE[share.state],
    actor: share.decidedBy ? { sub: share.decidedBy, agencyUscc: share.sourceDepartmentUscc } : null,
    reason: share.refusalReason,
    legalBasis: share.refusalLegalBasis,
    receivedAt: share.submittedAt,
    decidedAt: share.decidedAt,
    ...timing(ctx, 'SHARE_REPLY', share.resourceJurisdiction, share.submittedAt, closedAt),
    approvedItems: share.approvedItemsJson ? JSON.parse(share.approvedItemsJson) : null,
    grantId: share.grantId,
  };
}

/** Null unless this level holds the data and the application has been routed to its department. */
export async function holderStepOf(ctx: RequestContext, row: UpwardApplicationRow): Promise<UpwardStepView | null> {
  if (row.resourceLevel !== ctx.level) return null;
  const share = await applicationById(ctx).load(row.id);
  return share ? holderStepFrom(ctx, share) : null;
}
