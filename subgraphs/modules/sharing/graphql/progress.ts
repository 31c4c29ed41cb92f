import { computeDeadline, DeadlineKind } from '../../../kernel/calendar';
import { RequestContext } from '../../../kernel/context';
import { ApplicationState, ShareApplication } from '../application.entity';
import { ShareApplicationStepKind } from '../enums';
import { ShareApplicationStep } from './types';

/*
 * 004 art. 23: the source department replies within its limit from submission and delivers within
 * its limit from approval; the platform shows the progress. Limits follow the policy profile of the
 * RESOURCE's jurisdiction (Hulunbuir's data: 10 working days to reply, 001 art. 24).
 */

function step(kind: ShareApplicationStepKind, at: Date | null, by: string | null, due: { dueDay: string; dueAt: Date } | null): ShareApplicationStep {
  return {
    step: kind,
    done: at !== null,
    at,
    by,
    dueDay: due?.dueDay ?? null,
    onTime: at && due ? at.getTime() <= due.dueAt.getTime() : null,
  };
}

const limit = (ctx: RequestContext, kind: DeadlineKind, application: ShareApplication, startedAt: Date) =>
  computeDeadline(ctx.calendar, kind, application.resourceJurisdiction, startedAt);

/** Submitted → decided (or withdrawn) → delivered, each with when, who, and its due day. */
export function progressOf(ctx: RequestContext, application: ShareApplication): ShareApplicationStep[] {
  const steps = [step(ShareApplicationStepKind.SUBMITTED, application.submittedAt, application.applicantUser, null)];
  if (application.state === ApplicationState.WITHDRAWN) {
    steps.push(step(ShareApplicationStepKind.WITHDRAWN, application.withdrawnAt, application.withdrawnBy, null));
    return steps;
  }
  const reply = limit(ctx, 'SHARE_REPLY', application, application.submittedAt);
  steps.push(step(ShareApplicationStepKind.DECIDED, application.decidedAt, application.decidedBy, reply));
  if (application.state === ApplicationState.APPROVED && application.decidedAt) {
    const delivery = limit(ctx, 'SHARE_DELIVERY', application, application.decidedAt);
    steps.push(step(ShareApplicationStepKind.DELIVERED, application.deliveredAt, application.deliveredBy, delivery));
  }
  return steps;
}
