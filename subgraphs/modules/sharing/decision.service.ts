import { randomUUID } from 'node:crypto';
import { recordShareStep } from './audit';
import { RequestContext } from '../../kernel/context';
import { badInput, conflict } from '../../kernel/errors';
import { ShareMode } from '../catalog/enums';
import { findApplication, reloadApplication, requireSourceReviewer, requireState } from './access';
import { ApplicationState, ShareApplication } from './application.entity';
import { checkEndDate } from './application.service';
import { ShareDecision } from './enums';
import { GrantStatus, ShareGrant } from './grant.entity';

export interface DecisionArgs {
  decision: ShareDecision;
  approvedItems?: string[] | null;
  endDate?: Date | null;
  reason?: string | null;
  legalBasis?: string | null;
}

const given = (text: string | null | undefined): text is string => typeof text === 'string' && text.trim().length > 0;

/** 004 art. 23: whatever is refused — the application or some of its items — carries reasons and a legal basis. */
function requireGrounds(args: DecisionArgs, what: string): { refusalReason: string; refusalLegalBasis: string } {
  if (!given(args.reason)) throw badInput('reason', `${what} must give the reasons (004 art. 23)`, { rule: '004 art. 23' });
  if (!given(args.legalBasis)) throw badInput('legalBasis', `${what} must cite its legal basis (004 art. 21, 23)`, { rule: '004 art. 23' });
  return { refusalReason: args.reason.trim(), refusalLegalBasis: args.legalBasis.trim() };
}

/** A full approval refuses nothing, so grounds given with it would be recorded for nothing. */
function noGrounds(args: DecisionArgs): { refusalReason: null; refusalLegalBasis: null } {
  if (given(args.reason) || given(args.legalBasis)) {
    throw badInput(given(args.reason) ? 'reason' : 'legalBasis', 'a full approval refuses nothing; reasons and a legal basis explain refused items');
  }
  return { refusalReason: null, refusalLegalBasis: null };
}

/** Least authorisation (最小授权, 004 art. 23): all or fewer of the requested items, never others. */
function approvedItemsOf(requested: readonly string[], approved: readonly string[] | null | undefined): string[] {
  if (approved === null || approved === undefined) return [...requested];
  if (approved.length === 0) throw badInput('approvedItems', 'approving no item is a refusal: use decision REFUSE with reasons and a legal basis (004 art. 23)');
  const seen = new Set<string>();
  approved.forEach((code, index) => {
    if (!requested.includes(code)) {
      throw badInput(`approvedItems[${index}]`, `${code} was not applied for; an approval grants at most the requested items (最小授权, 004 art. 23)`, { item: code, rule: '004 art. 23' });
    }
    if (seen.has(code)) throw badInput(`approvedItems[${index}]`, `item ${code} is listed twice`, { item: code });
    seen.add(code);
  });
  return [...approved];
}

function approval(ctx: RequestContext, application: ShareApplication, args: DecisionArgs): { patch: Partial<ShareApplication>; grant: ShareGrant } {
  const requested: string[] = JSON.parse(application.requestedItemsJson);
  const approved = approvedItemsOf(requested, args.approvedItems);
  const leftOut = requested.filter((code) => !approved.includes(code));
  const grounds = leftOut.length ? requireGrounds(args, `leaving out ${leftOut.join(', ')}`) : noGrounds(args);
  const endsAt = args.endDate ?? application.requestedEndDate;
  if (endsAt.getTime() > application.requestedEndDate.getTime()) {
    throw badInput('endDate', `${endsAt.toISOString()} is after the requested end date ${application.requestedEndDate.toISOString()}; an approval may shorten the use, not extend it (004 art. 23)`);
  }
  checkEndDate('endDate', endsAt, ctx.now);
  const grant = Object.assign(new ShareGrant(), {
    id: randomUUID(),
    applicationId: application.id,
    agencyUscc: application.applicantUscc,
    resourceId: application.resourceId,
    itemCodesJson: JSON.stringify(approved),
    scenario: application.scenario,
    mode: application.shareMode,
    endsAt,
    status: GrantStatus.APPROVED,
    revokedAt: null,
    revokeReason: null,
  });
  // Interface and masked access work as soon as the grant exists; a file still has to be sent.
  const delivery = application.shareMode === ShareMode.FILE ? { deliveredAt: null, deliveredBy: null } : { deliveredAt: ctx.now, deliveredBy: ctx.identity.sub };
  return { patch: { state: ApplicationState.APPROVED, approvedItemsJson: grant.itemCodesJson, grantId: grant.id, ...delivery, ...grounds }, grant };
}

function refusal(args: DecisionArgs): Partial<ShareApplication> {
  if (args.approvedItems) throw badInput('approvedItems', 'a refusal approves no items; leave approvedItems out');
  if (args.endDate) throw badInput('endDate', 'a refusal fixes no end date; leave endDate out');
  return { state: ApplicationState.REFUSED, ...requireGrounds(args, 'a refusal') };
}

/** The source department approves (creating the grant) or refuses a pending application, in one transaction. */
export async function decideApplication(ctx: RequestContext, id: string, args: DecisionArgs): Promise<ShareApplication> {
  const application = await findApplication(ctx, id);
  requireSourceReviewer(ctx, application, 'deciding a share application');
  requireState(application, ApplicationState.PENDING, 'deciding');
  const approved = args.decision === ShareDecision.APPROVE ? approval(ctx, application, args) : null;
  const patch = { ...(approved?.patch ?? refusal(args)), decidedBy: ctx.identity.sub, decidedAt: ctx.now };
  await ctx.db.transaction(async (m) => {
    // Guarded on PENDING: a concurrent decision or withdrawal makes this match nothing.
    const result = await m.update(ShareApplication, { id, state: ApplicationState.PENDING }, patch);
    if (!result.affected) throw conflict(`deciding: application ${id} was decided or withdrawn while this request ran`);
    if (approved) await m.insert(ShareGrant, approved.grant);
  });
  recordShareStep(ctx, approved ? 'SHARE_APPROVE' : 'SHARE_REFUSE', application, {
    items: approved ? approved.grant.itemCodes : undefined,
    reason: args.reason ?? null,
    grantId: approved?.grant.id ?? null,
  });
  return reloadApplication(ctx, id);
}
