import { RequestContext } from '../../kernel/context';
import { badInput, conflict } from '../../kernel/errors';
import { findArrived, reloadUpward, requireAuthorityOf, requireWaiting } from './access';
import { UpwardApplicationRow } from './application.entity';
import { recordStep, UpwardAction } from './audit';
import { UpwardReview, UpwardStepKind, UpwardStepState } from './enums';
import { fileAtHolder } from './holder.service';
import { handToAuthority, handToHolder } from './platform-calls';
import { authorityHopAt, Hop, hopAfter, routeOf } from './route';

export interface ReviewArgs {
  decision: UpwardReview;
  reason?: string | null;
  legalBasis?: string | null;
}

const given = (text: string | null | undefined): text is string => typeof text === 'string' && text.trim().length > 0;

/** 004 art. 23: a refusal gives the reasons and its legal basis, and the requester sees both. */
function refusal(args: ReviewArgs): Partial<UpwardApplicationRow> {
  if (!given(args.reason)) throw badInput('reason', 'a refusal must give the reasons (004 art. 23)', { rule: '004 art. 23' });
  if (!given(args.legalBasis)) throw badInput('legalBasis', 'a refusal must cite its legal basis (004 art. 23)', { rule: '004 art. 23' });
  return { stepState: UpwardStepState.REFUSED, stepReason: args.reason.trim(), stepLegalBasis: args.legalBasis.trim() };
}

/** Passing on goes where the route says: the authority one level up (FORWARD) or the holder (ROUTE). */
async function passOn(ctx: RequestContext, row: UpwardApplicationRow, next: Hop, args: ReviewArgs): Promise<Partial<UpwardApplicationRow>> {
  const expected = next.kind === UpwardStepKind.HOLDER ? UpwardReview.ROUTE : UpwardReview.FORWARD;
  if (args.decision !== expected) {
    const where = next.kind === UpwardStepKind.HOLDER ? `held by ${next.jurisdictionCode}, so it is routed to its data source department` : `not held here, so it is forwarded to the ${next.level} authority`;
    throw badInput('decision', `${row.resourceCode} is ${where}: use ${expected} (004 art. 25)`);
  }
  if (given(args.legalBasis)) throw badInput('legalBasis', 'a legal basis is cited for a refusal; passing an application on needs none');
  if (next.kind === UpwardStepKind.AUTHORITY) await handToAuthority(ctx, next.level, row);
  else if (next.level === ctx.level) await fileAtHolder(ctx, row);
  else await handToHolder(ctx, next.level, row.id);
  const state = expected === UpwardReview.ROUTE ? UpwardStepState.ROUTED : UpwardStepState.FORWARDED;
  return { stepState: state, stepReason: given(args.reason) ? args.reason.trim() : null, stepLegalBasis: null };
}

const AUDIT_ACTION: Record<UpwardReview, UpwardAction> = { FORWARD: 'UPWARD_FORWARD', ROUTE: 'UPWARD_ROUTE', REFUSE: 'UPWARD_REFUSE' };

/**
 * The authority of this level's step forwards, routes or refuses (004 art. 25, 000 art. 23). The next
 * level is told first, acting with this authority's token; only then is this step closed, so a failed
 * hand-over leaves the step WAITING and the review can be repeated.
 */
export async function reviewUpwardApplication(ctx: RequestContext, id: string, args: ReviewArgs): Promise<UpwardApplicationRow> {
  const action = 'reviewing an upward application';
  const row = await findArrived(ctx, id, action);
  const route = routeOf(row);
  const here = authorityHopAt(route, ctx.level)!;
  requireAuthorityOf(ctx, here, action);
  requireWaiting(ctx, row, action);
  const patch = args.decision === UpwardReview.REFUSE ? refusal(args) : await passOn(ctx, row, hopAfter(route, here)!, args);
  const result = await ctx.db.getRepository(UpwardApplicationRow).update(
    { id, stepState: UpwardStepState.WAITING },
    { ...patch, stepActorSub: ctx.identity.sub, stepActorAgency: ctx.identity.agency, stepDecidedAt: ctx.now },
  );
  if (!result.affected) throw conflict(`${action}: upward application ${id} was reviewed or withdrawn while this request ran`);
  recordStep(ctx, AUDIT_ACTION[args.decision], row, { reason: patch.stepReason });
  return reloadUpward(ctx, id);
}
