import { IsNull } from 'typeorm';
import { hasRole } from '../../kernel/auth/identity';
import { RequestContext } from '../../kernel/context';
import { computeDeadline, profileForJurisdiction, ruleFor } from '../../kernel/calendar';
import { badInput, forbidden, notFound } from '../../kernel/errors';
import { levelId, levelLocalId } from '../../kernel/graphql/global-id';
import { checkUscc, isWithin } from '../../kernel/identifiers';
import { Decision, decide, DenyReason, GrantView } from '../../kernel/policy';
import { Agency } from '../agency/agency.entity';
import { DataResource, dataResources, policyOf } from '../records/enforcement';
import { Standing, standingOfAgency } from '../sharing/standing';
import { AgencySuspension } from '../sharing/suspension.entity';
import { ShareApplication } from '../sharing/application.entity';
import { resourceById } from '../catalog/loaders';

/** One item's decision as the live path would make it, with the rule it rests on and what would change it. */
export interface ItemExplanation {
  item: string;
  shareType: string;
  effect: Decision['effect'];
  reason: DenyReason | null;
  grantId: string | null;
  article: string;
  remedy: string | null;
}

export interface AccessExplanation {
  agencyUscc: string;
  resourceId: string;
  purpose: string | null;
  items: ItemExplanation[];
}

/** The explained agency, by the registry: its level and jurisdiction are what its own requests carry. */
async function registeredAgency(ctx: RequestContext, uscc: string): Promise<Agency> {
  const check = checkUscc(uscc);
  if (!check.valid) throw badInput('agency', `'${uscc}' is not a valid USCC: ${check.reason}`);
  const agency = await ctx.db.getRepository(Agency).findOneBy({ uscc });
  if (!agency) throw notFound(`agency: ${uscc} is not in the agency registry`, { field: 'agency' });
  return agency;
}

/** The agency about itself; an authority about agencies in its jurisdiction (004 art. 44, 50). */
function requireMayExplain(ctx: RequestContext, agency: Agency): void {
  const me = ctx.identity;
  if (me.agency === agency.uscc) return;
  if (hasRole(me, 'AUTHORITY_REVIEWER') && isWithin(agency.jurisdictionCode, me.jurisdiction)) return;
  throw forbidden(`explaining the access of ${agency.uscc}: only the agency itself or the authority over ${agency.jurisdictionCode} (AUTHORITY_REVIEWER) may ask`);
}

const ARTICLE: Record<DenyReason | 'ALLOW_UNCONDITIONAL' | 'ALLOW_GRANT', string> = {
  ALLOW_UNCONDITIONAL: '004 art. 21 (1)',
  ALLOW_GRANT: '004 art. 23',
  NOT_SHARED: '004 art. 21 (3)',
  NO_GRANT: '004 art. 21 (2), 23',
  GRANT_PENDING: '004 art. 23',
  GRANT_EXPIRED: '004 art. 23',
  GRANT_REVOKED: '004 art. 23, 50',
  OUTSIDE_GRANTED_ITEMS: '004 art. 23 (least authorisation)',
  AGENCY_SUSPENDED: '004 art. 50',
  PURPOSE_REQUIRED: '004 art. 20, 23',
  PURPOSE_MISMATCH: '004 art. 20, 23',
  VERIFICATION_BUDGET_EXHAUSTED: '004 art. 21, 23',
  NOT_OPEN: '004 art. 27 (1)',
  OPEN_APPLICATION_REQUIRED: '004 art. 28 ¶2',
  OPEN_SUSPENDED: '004 art. 28 ¶3',
  OUTSIDE_SHARE_SCOPE: '004 art. 10 ¶4',
  OPEN_GRANT_EXPIRED: '004 art. 28 ¶2',
};

const day = (date: Date) => date.toISOString().slice(0, 10);

/** What the remedies refer to besides the decision: where to apply, and when a pending reply is due. */
interface Circumstances {
  sourceDepartment: string;
  suspendedSince: Date | null;
  pendingReplyDue: string | null;
}

/** What would change a decision, in the words an agency acts on. */
function remedyFor(ctx: RequestContext, resource: DataResource, decision: Decision, grant: GrantView | undefined, { sourceDepartment, suspendedSince, pendingReplyDue }: Circumstances): string | null {
  const reply = () => {
    const rule = ruleFor(profileForJurisdiction(resource.jurisdictionCode), 'SHARE_REPLY');
    return `reply due within ${rule.workingDays} working days under the ${rule.profileId} profile (${rule.citation})`;
  };
  const grantRef = grant ? levelId(ctx.level, 'ShareGrant', grant.id) : null;
  switch (decision.reason) {
    case null:
      return null;
    case 'NOT_SHARED':
      return 'NOT_SHARED: only verification (核验、比对) is possible — ask whether a value matches the record (004 art. 21 (3))';
    case 'NO_GRANT':
      return `apply for a CONDITIONAL share to the source department ${sourceDepartment}; ${reply()}`;
    case 'GRANT_PENDING':
      return `application ${levelId(ctx.level, 'ShareApplication', grant!.id)} is under review by the source department ${sourceDepartment}; its reply is due on ${pendingReplyDue} (${reply()})`;
    case 'GRANT_EXPIRED':
      return `grant ${grantRef} ended on ${day(grant!.endsAt)}: apply again to the source department ${sourceDepartment}; ${reply()}`;
    case 'GRANT_REVOKED':
      return `grant ${grantRef} was revoked${grant?.revokedAt ? ` on ${day(grant.revokedAt)}` : ''}: apply again to the source department ${sourceDepartment} once the cause is corrected; ${reply()}`;
    case 'OUTSIDE_GRANTED_ITEMS':
      return `grant ${grantRef} names other items of this resource (least authorisation): apply for this item too; ${reply()}`;
    case 'PURPOSE_REQUIRED':
    case 'PURPOSE_MISMATCH':
      return `state the scenario grant ${grantRef} approved — «${grant!.scenario}» — or the grant's id, as purpose or in the x-data-purpose header`;
    case 'AGENCY_SUSPENDED':
      return `the agency's access is suspended${suspendedSince ? ` since ${day(suspendedSince)}` : ''} for misuse; the authority lifts the suspension once it has corrected (004 art. 50)`;
    case 'OUTSIDE_SHARE_SCOPE':
      return `the resource is shared only within its share scope ${JSON.stringify(resource.scope)}; no application can change that — the catalog's scope would have to`;
    default:
      return null;
  }
}

/**
 * 004 art. 21-23, 50 as a dry run: for each item, the decision the live path would make for `agencyUscc`
 * reading `resourceId` for `purpose` — the same `decide` over the same standing and catalog — with the
 * rule it rests on and what would change it. No value is read, no access is recorded.
 */
export async function explainAccess(ctx: RequestContext, agencyUscc: string, resourceGlobalId: string, items: readonly string[] | null, purpose: string | null): Promise<AccessExplanation> {
  const agency = await registeredAgency(ctx, agencyUscc);
  requireMayExplain(ctx, agency);
  const resourceId = levelLocalId(ctx.level, 'resource', resourceGlobalId, 'Resource', (owner) => `platform(level: ${owner}) { explainAccess }`);
  const resource = (await dataResources(ctx)).find((candidate) => candidate.id === resourceId);
  if (!resource) throw notFound(`resource: ${resourceGlobalId} is not a published resource with data on the ${ctx.level.toLowerCase()} platform`, { field: 'resource' });
  const codes = items ?? [...resource.items.keys()];
  codes.forEach((code, i) => {
    if (!resource.items.has(code)) throw badInput(`items[${i}]`, `${code} is not an item of ${resource.code}`);
  });
  const standing: Standing = await standingOfAgency(ctx, { agency: agency.uscc, level: agency.level, jurisdiction: agency.jurisdictionCode });
  const stated = purpose?.trim() || null;
  const decisions = codes.map((code) => ({ code, decision: decide(standing.requester, policyOf(resource, resource.items.get(code)!), standing.grants, 'READ', ctx.now, stated) }));
  const circumstances = await circumstancesOf(ctx, resource, agency.uscc, decisions.map((d) => d.decision));
  return {
    agencyUscc: agency.uscc,
    resourceId: resource.id,
    purpose: stated,
    items: decisions.map(({ code, decision }) => {
      const grant = standing.grants.find((g) => g.id === decision.grantId);
      const article = decision.effect === 'DENY' ? ARTICLE[decision.reason!] : decision.grantId ? ARTICLE.ALLOW_GRANT : ARTICLE.ALLOW_UNCONDITIONAL;
      return {
        item: code,
        shareType: decision.shareType,
        effect: decision.effect,
        reason: decision.reason,
        grantId: decision.grantId,
        article,
        remedy: remedyFor(ctx, resource, decision, grant, circumstances),
      };
    }),
  };
}

/** Read only when a decision refers to them: a suspension's start, a pending application's reply day. */
async function circumstancesOf(ctx: RequestContext, resource: DataResource, agency: string, decisions: Decision[]): Promise<Circumstances> {
  const reasons = new Set(decisions.map((d) => d.reason));
  const pendingId = decisions.find((d) => d.reason === 'GRANT_PENDING')?.grantId;
  const [row, suspension, pending] = await Promise.all([
    resourceById(ctx).load(resource.id),
    reasons.has('AGENCY_SUSPENDED') ? ctx.db.getRepository(AgencySuspension).findOne({ where: { agencyUscc: agency, liftedAt: IsNull() }, order: { suspendedAt: 'DESC' } }) : null,
    pendingId ? ctx.db.getRepository(ShareApplication).findOneBy({ id: pendingId }) : null,
  ]);
  return {
    sourceDepartment: row?.sourceDepartmentUscc ?? '',
    suspendedSince: suspension?.suspendedAt ?? null,
    pendingReplyDue: pending ? computeDeadline(ctx.calendar, 'SHARE_REPLY', resource.jurisdictionCode, pending.submittedAt).dueDay : null,
  };
}
