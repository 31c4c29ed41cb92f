import { randomUUID } from 'node:crypto';
import { partyOf } from '../../kernel/auth/caller';
import { hasRole, RegisteredParty } from '../../kernel/auth/identity';
import { RequestContext } from '../../kernel/context';
import { badInput, conflict, forbidden, notFound, unauthenticated } from '../../kernel/errors';
import { levelLocalId } from '../../kernel/graphql/global-id';
import { isWithin } from '../../kernel/identifiers';
import { requireText } from '../../kernel/text';
import { CatalogState, OpenType } from '../catalog/enums';
import { itemsOfResource, resourceById } from '../catalog/loaders';
import { OpenApplication, OpenApplicationState, OpenDeliveryMethod } from '../records/open-application.entity';

export interface OpenApplicationDraft {
  resourceId: string;
  items: string[];
  scenario: string;
  deliveryMethod: OpenDeliveryMethod;
  usageEndsAt: Date;
  securityMeasures: string;
}

/** A usage period longer than this is applied for again. */
const MAX_USAGE_YEARS = 1;

/** The registered person or organisation asking; the anonymous public and agencies are told what would do. */
function requireParty(ctx: RequestContext, action: string): RegisteredParty {
  const party = partyOf(ctx);
  if (party) return party;
  if (ctx.caller.kind === 'PUBLIC') throw unauthenticated(`${action} needs the token of a registered person or organisation (004 art. 28 ¶2); register with the public data authority`);
  throw forbidden(`${action} is for persons and organisations (004 art. 28 ¶2); an agency applies for shared data instead (004 art. 23)`);
}

/**
 * 004 art. 28 ¶2, 000 art. 26: a registered person or organisation applies for CONDITIONAL_OPEN items
 * of a published resource, stating the scenario, the items (data scope), the delivery method, the usage
 * period and its security measures. Nothing is written unless every statement holds.
 */
export async function applyForOpenData(ctx: RequestContext, draft: OpenApplicationDraft): Promise<OpenApplication> {
  const party = requireParty(ctx, 'applying for conditionally open data');
  const resourceId = levelLocalId(ctx.level, 'input.resourceId', draft.resourceId, 'Resource', 'apply{Level}OpenData');
  const resource = await resourceById(ctx).load(resourceId);
  if (!resource || resource.state !== CatalogState.PUBLISHED) throw notFound(`input.resourceId: no published resource ${draft.resourceId} on the ${ctx.level.toLowerCase()} platform`, { field: 'input.resourceId' });
  const items = new Map((await itemsOfResource(ctx).load(resourceId)).map((item) => [item.code, item]));
  if (draft.items.length === 0) throw badInput('input.items', 'name the CONDITIONAL_OPEN items the scenario needs (数据需求范围)');
  const seen = new Set<string>();
  draft.items.forEach((code, i) => {
    const field = `input.items[${i}]`;
    const item = items.get(code);
    if (seen.has(code)) throw badInput(field, `${code} is listed twice`);
    seen.add(code);
    if (!item) throw badInput(field, `${resource.code} has no item '${code}'`);
    if (item.openType === OpenType.UNCONDITIONAL_OPEN) throw badInput(field, `${code} is UNCONDITIONAL_OPEN: anyone obtains it directly, no application is needed (004 art. 28 ¶1)`);
    if (item.openType === OpenType.NOT_OPEN) throw badInput(field, `${code} is NOT_OPEN (${item.openGrounds ?? 'not opened'}): it is not opened on application (004 art. 27 (1))`);
  });
  const scenario = requireText('input.scenario', draft.scenario, 2000, 'scenario is required: 004 art. 28 ¶2 asks for the concrete application scenario (具体应用场景)');
  const securityMeasures = requireText('input.securityMeasures', draft.securityMeasures, 4000, 'securityMeasures is required: 004 art. 28 ¶2 asks for the security measures (安全保障措施)');
  const ends = draft.usageEndsAt;
  if (!(ends instanceof Date) || Number.isNaN(ends.getTime()) || ends.getTime() <= ctx.now.getTime()) throw badInput('input.usageEndsAt', 'the usage period (数据使用时限) must end in the future');
  const latest = new Date(ctx.now);
  latest.setUTCFullYear(latest.getUTCFullYear() + MAX_USAGE_YEARS);
  if (ends.getTime() > latest.getTime()) throw badInput('input.usageEndsAt', `a usage period ends within ${MAX_USAGE_YEARS} year (by ${latest.toISOString()}); apply again to continue`);

  const row = Object.assign(new OpenApplication(), {
    id: randomUUID(),
    partyId: party.id,
    partyKind: party.kind,
    resourceId,
    items: [...seen],
    scenario,
    deliveryMethod: draft.deliveryMethod,
    usageEndsAt: ends,
    securityMeasures,
    sourceDepartmentUscc: resource.sourceDepartmentUscc,
    jurisdictionCode: resource.jurisdictionCode,
    state: OpenApplicationState.AUTHORITY_REVIEW,
    submittedAt: ctx.now,
    reviewedAt: null,
    reviewedBy: null,
    decidedAt: null,
    decidedBy: null,
    approvedUse: null,
    refusalReason: null,
    refusalLegalBasis: null,
  });
  await ctx.db.getRepository(OpenApplication).insert(row);
  recordStep(ctx, 'OPEN_APPLY', row, null);
  return row;
}

export async function openApplicationById(ctx: RequestContext, id: string, field = 'id'): Promise<OpenApplication> {
  const localId = levelLocalId(ctx.level, field, id, 'OpenDataApplication', 'openDataApplication');
  const row = await ctx.db.getRepository(OpenApplication).findOneBy({ id: localId });
  if (!row || !maySee(ctx, row)) throw notFound(`${field}: no application ${id} on the ${ctx.level.toLowerCase()} platform`, { field });
  return row;
}

/** The applicant, the authorities over the resource's jurisdiction and its source department see an application. */
export function maySee(ctx: RequestContext, row: OpenApplication): boolean {
  const party = partyOf(ctx);
  if (party) return party.id === row.partyId;
  if (ctx.caller.kind === 'PUBLIC') return false;
  const me = ctx.identity;
  return (hasRole(me, 'AUTHORITY_REVIEWER') && isWithin(row.jurisdictionCode, me.jurisdiction)) || me.agency === row.sourceDepartmentUscc;
}

export enum NormativeReview {
  PASS = 'PASS',
  REFUSE = 'REFUSE',
}

export enum OpenDecision {
  APPROVE = 'APPROVE',
  REFUSE = 'REFUSE',
}

/** A refusal states reasons and the legal basis (004 art. 28 ¶2). */
function refusal(reason: string | null | undefined, legalBasis: string | null | undefined) {
  return {
    refusalReason: requireText('reason', reason, 2000, 'reason is required: a refusal states its reasons (004 art. 28 ¶2)'),
    refusalLegalBasis: requireText('legalBasis', legalBasis, 2000, 'legalBasis is required: a refusal states the law or regulation it rests on (004 art. 28 ¶2)'),
  };
}

async function move(ctx: RequestContext, row: OpenApplication, from: OpenApplicationState, patch: Partial<OpenApplication>): Promise<OpenApplication> {
  const result = await ctx.db.getRepository(OpenApplication).update({ id: row.id, state: from }, patch);
  if (!result.affected) throw conflict(`application ${row.id} changed while this request ran; read it again`);
  return Object.assign(row, patch);
}

/** 000 art. 26: the public data authority of the resource's jurisdiction reviews the application for form and norms first. */
export async function reviewOpenApplication(ctx: RequestContext, id: string, review: NormativeReview, reason: string | null, legalBasis: string | null): Promise<OpenApplication> {
  const row = await openApplicationById(ctx, id);
  const me = ctx.identity;
  if (!hasRole(me, 'AUTHORITY_REVIEWER') || me.level !== ctx.level || !isWithin(row.jurisdictionCode, me.jurisdiction)) {
    throw forbidden(`the public data authority over ${row.jurisdictionCode} (role AUTHORITY_REVIEWER) reviews this application first (000 art. 26)`);
  }
  if (row.state !== OpenApplicationState.AUTHORITY_REVIEW) throw conflict(`application ${id} is ${row.state}: its normative review is done`, { state: row.state });
  const done = { reviewedAt: ctx.now, reviewedBy: me.sub };
  const patch = review === NormativeReview.PASS
    ? { ...done, state: OpenApplicationState.SOURCE_DECISION }
    : { ...done, ...refusal(reason, legalBasis), state: OpenApplicationState.REFUSED };
  const moved = await move(ctx, row, OpenApplicationState.AUTHORITY_REVIEW, patch);
  recordStep(ctx, 'OPEN_APPLICATION_REVIEW', moved, review);
  return moved;
}

/**
 * 004 art. 28 ¶2: the source department agrees — and states the use and scope of use — or refuses with
 * reasons and the legal basis. An approval is the grant: the applied-for items, until the usage period ends.
 */
export async function decideOpenApplication(ctx: RequestContext, id: string, decision: OpenDecision, approvedUse: string | null, reason: string | null, legalBasis: string | null): Promise<OpenApplication> {
  const row = await openApplicationById(ctx, id);
  const me = ctx.identity;
  if (!hasRole(me, 'SOURCE_REVIEWER') || me.agency !== row.sourceDepartmentUscc) {
    throw forbidden(`only the source department ${row.sourceDepartmentUscc} (role SOURCE_REVIEWER) decides this application (004 art. 28 ¶2)`);
  }
  if (row.state !== OpenApplicationState.SOURCE_DECISION) {
    throw conflict(`application ${id} is ${row.state}: ${row.state === OpenApplicationState.AUTHORITY_REVIEW ? 'the authority reviews it first (000 art. 26)' : 'it was decided already'}`, { state: row.state });
  }
  const done = { decidedAt: ctx.now, decidedBy: me.sub };
  const patch = decision === OpenDecision.APPROVE
    ? { ...done, approvedUse: requireText('approvedUse', approvedUse, 2000, 'approvedUse is required: an approval states the use and scope of use of the data (004 art. 28 ¶2)'), state: OpenApplicationState.APPROVED }
    : { ...done, ...refusal(reason, legalBasis), state: OpenApplicationState.REFUSED };
  const moved = await move(ctx, row, OpenApplicationState.SOURCE_DECISION, patch);
  recordStep(ctx, 'OPEN_APPLICATION_DECIDE', moved, decision);
  return moved;
}

function recordStep(ctx: RequestContext, action: string, row: OpenApplication, outcome: string | null): void {
  ctx.audit.event({ action, resourceId: row.resourceId, resourceJurisdiction: row.jurisdictionCode, items: row.items, effect: row.state, reason: outcome, grantId: row.id, purpose: row.scenario.slice(0, 200), accessPath: 'ROOT', recordKeys: [], recordCount: 0 });
}
