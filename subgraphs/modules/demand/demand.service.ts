import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { hasRole } from '../../kernel/auth/identity';
import { beijingDay, computeDeadline } from '../../kernel/calendar';
import { parseDay } from '../../kernel/calendar/beijing-days';
import { RequestContext } from '../../kernel/context';
import { requireText } from '../../kernel/text';
import { badInput, conflict, forbidden, notFound } from '../../kernel/errors';
import { announcedDeadlineView, deadlineView, DeadlineView } from '../../kernel/graphql/deadline.type';
import { checkUscc } from '../../kernel/identifiers';
import { CatalogState } from '../catalog/enums';
import { CatalogResourceRow } from '../catalog/resource.entity';
import { DemandApplication } from './demand.entity';
import { DemandRefusalStep, DemandReviewDecision, DemandState } from './enums';
import { DemandDraft } from './drafts';
import { demandById, responsibilityOfDemand } from './loaders';
import { ResponsibilityEntry } from './responsibility.entity';
import { canSeeDemand, requireDemandStep } from './workflow';

function requireUscc(field: string, value: string): string {
  const check = checkUscc(value);
  if (!check.valid) throw badInput(field, `'${value}' is not a valid USCC: ${check.reason}`);
  return value;
}

export async function loadVisibleDemand(ctx: RequestContext, id: string, field = 'id'): Promise<DemandApplication> {
  const demand = await demandById(ctx).load(id);
  if (!demand || !canSeeDemand(ctx, demand)) throw notFound(`${field}: no demand ${id} on the ${ctx.level.toLowerCase()} platform that you may see`, { field });
  return demand;
}

/** 004 art. 24: an agency files its demand through the platform of its own level (本级公共数据平台). */
export async function submitDemand(ctx: RequestContext, input: DemandDraft): Promise<DemandApplication> {
  const me = ctx.identity;
  if (!(hasRole(me, 'AGENCY_USER') || hasRole(me, 'SOURCE_REVIEWER'))) throw forbidden('filing a demand requires role AGENCY_USER or SOURCE_REVIEWER');
  if (me.level !== ctx.level) {
    throw forbidden(`a ${me.level} agency files demands with the ${me.level.toLowerCase()} platform, not the ${ctx.level.toLowerCase()} one (004 art. 24)`);
  }
  const demand = Object.assign(new DemandApplication(), {
    id: randomUUID(),
    applicantUscc: me.agency,
    applicantUser: me.sub,
    applicantJurisdiction: me.jurisdiction,
    description: input.description.trim(),
    desiredItems: input.desiredItems.map((item) => item.trim()),
    scenario: input.scenario.trim(),
    purpose: input.purpose.trim(),
    legalBasis: input.legalBasis?.trim() || null,
    suggestedSourceUscc: input.suggestedSourceUscc ? requireUscc('input.suggestedSourceUscc', input.suggestedSourceUscc) : null,
    sourceDepartmentUscc: null,
    state: DemandState.SUBMITTED,
    submittedAt: ctx.now,
  });
  await ctx.db.getRepository(DemandApplication).insert(demand);
  recordDemandStep(ctx, demand, DemandState.SUBMITTED, null, null);
  return reread(ctx, demand.id);
}

/** The authority over the applicant approves (naming the source department) or refuses with a reason. */
export async function reviewDemand(
  ctx: RequestContext,
  id: string,
  decision: DemandReviewDecision,
  sourceDepartmentUscc: string | null,
  reason: string | null,
): Promise<DemandApplication> {
  const demand = await loadVisibleDemand(ctx, id);
  const reviewed = { reviewedAt: ctx.now, reviewedBy: ctx.identity.sub, reviewedByAgency: ctx.identity.agency };
  if (decision === DemandReviewDecision.REFUSE) {
    const state = requireDemandStep(ctx, 'refuse at review', demand);
    const refusalReason = requireText('reason', reason, 2000, 'refusing a demand requires a reason the applicant can act on (004 art. 24)');
    return moveDemand(ctx, demand, { state, ...reviewed, refusalStep: DemandRefusalStep.AUTHORITY_REVIEW, refusalReason });
  }
  const state = requireDemandStep(ctx, 'approve', demand);
  const source = sourceDepartmentUscc ?? demand.suggestedSourceUscc;
  if (!source) throw badInput('sourceDepartmentUscc', 'approving names the source department that is to confirm the demand (004 art. 24); the applicant suggested none');
  return moveDemand(ctx, demand, { state, ...reviewed, sourceDepartmentUscc: requireUscc('sourceDepartmentUscc', source) });
}

export interface Confirmation {
  itemName: string;
  resourceCode: string | null;
  /** YYYY-MM-DD: when data that needs processing can be shared (004 art. 24); else the 7-working-day limit applies. */
  dueDate: string | null;
  /** What processing the data needs: required when the announced day lies past the limit. */
  processingReason: string | null;
}

/** The source department confirms: the item goes onto its responsibility list (004 art. 24). */
export async function confirmDemand(ctx: RequestContext, id: string, confirmation: Confirmation): Promise<DemandApplication> {
  const demand = await loadVisibleDemand(ctx, id);
  const state = requireDemandStep(ctx, 'confirm', demand);
  const itemName = requireText('itemName', confirmation.itemName, 128, 'name the data item the department undertakes to share');
  const resourceCode = confirmation.resourceCode?.trim() || null;
  if (resourceCode && resourceCode.length > 40) throw badInput('resourceCode', `catalog codes have at most 40 characters, got ${resourceCode.length}`);
  const limit = computeDeadline(ctx.calendar, 'DEMAND_DELIVERY', demand.applicantJurisdiction, ctx.now);
  const announced = confirmation.dueDate ? requireFutureDay(ctx, 'dueDate', confirmation.dueDate) : null;
  const processingReason = confirmation.processingReason?.trim() || null;
  if (processingReason && processingReason.length > 1024) throw badInput('processingReason', `at most 1024 characters, got ${processingReason.length}`);
  // 004 art. 24: data shared as it is is delivered within 7 working days; data that needs processing by the day announced.
  if (announced && announced > limit.dueDay && !processingReason) {
    throw badInput('processingReason', `${announced} is past the ${limit.workingDays}-working-day limit (${limit.dueDay}): say what processing the data needs (004 art. 24)`, { rule: '004 art. 24' });
  }
  if (processingReason && !announced) throw badInput('dueDate', 'data that needs processing is delivered by a day the department announces (004 art. 24): give dueDate');
  const entry = Object.assign(new ResponsibilityEntry(), {
    id: randomUUID(),
    agencyUscc: demand.sourceDepartmentUscc!,
    demandId: demand.id,
    itemName,
    resourceCode,
    dueDate: announced ?? limit.dueDay,
    dueDateAnnounced: announced !== null,
    processingReason,
    jurisdictionCode: demand.applicantJurisdiction,
    confirmedAt: ctx.now,
    fulfilledAt: null,
    resourceId: null,
  });
  return moveDemand(ctx, demand, { state, answeredAt: ctx.now, answeredBy: ctx.identity.sub }, (m) => m.insert(ResponsibilityEntry, entry));
}

/**
 * When a responsibility-list entry is due, as of this request: the day announced, or 7 working days
 * from confirming counted with the calendar as it is now — a year's arrangement loaded since the
 * confirmation moves a provisional day to where it belongs.
 */
export function responsibilityDue(ctx: RequestContext, entry: ResponsibilityEntry): DeadlineView {
  return entry.dueDateAnnounced
    ? announcedDeadlineView(ctx, 'DEMAND_DELIVERY', '004 art. 24 (the day the source department announced)', entry.confirmedAt, entry.dueDate)
    : deadlineView(ctx, 'DEMAND_DELIVERY', entry.jurisdictionCode, entry.confirmedAt);
}

function requireFutureDay(ctx: RequestContext, field: string, day: string): string {
  if (!parseDay(day)) throw badInput(field, `'${day}' is not a real YYYY-MM-DD date`);
  const today = beijingDay(ctx.now);
  if (day < today) throw badInput(field, `${day} has passed (today is ${today} in Beijing)`);
  return day;
}

/** 004 art. 24: a source department that does not agree says why and on what legal basis. */
export async function refuseAsSourceDepartment(ctx: RequestContext, id: string, reason: string | null, legalBasis: string | null): Promise<DemandApplication> {
  const demand = await loadVisibleDemand(ctx, id);
  const state = requireDemandStep(ctx, 'refuse as source department', demand);
  const refusalReason = requireText('reason', reason, 2000, 'a source department that refuses a demand must say why (004 art. 24)');
  const refusalLegalBasis = requireText('legalBasis', legalBasis, 2000, 'a source department that refuses a demand must give the legal basis (004 art. 24)');
  return moveDemand(ctx, demand, {
    state,
    answeredAt: ctx.now,
    answeredBy: ctx.identity.sub,
    refusalStep: DemandRefusalStep.SOURCE_DEPARTMENT,
    refusalReason,
    refusalLegalBasis,
  });
}

/** The confirmed data is now a published resource of the department's catalog on this platform. */
export async function deliverDemand(ctx: RequestContext, id: string, resourceId: string): Promise<DemandApplication> {
  const demand = await loadVisibleDemand(ctx, id);
  const state = requireDemandStep(ctx, 'deliver', demand);
  const resource = await ctx.db.getRepository(CatalogResourceRow).findOneBy({ id: resourceId });
  if (!resource || resource.state !== CatalogState.PUBLISHED) {
    throw badInput('resourceId', `no published resource ${resourceId} in the catalog of the ${ctx.level.toLowerCase()} platform`);
  }
  const department = demand.sourceDepartmentUscc!;
  if (resource.sourceDepartmentUscc !== department && resource.providerUscc !== department) {
    throw badInput('resourceId', `resource ${resource.code} belongs to ${resource.sourceDepartmentUscc}, not to the source department ${department}`);
  }
  const entry = await responsibilityOfDemand(ctx).load(demand.id);
  if (entry?.resourceCode && entry.resourceCode !== resource.code) {
    throw badInput('resourceId', `the responsibility entry promised resource ${entry.resourceCode}, not ${resource.code}`);
  }
  return moveDemand(ctx, demand, { state, deliveredAt: ctx.now, deliveredBy: ctx.identity.sub, deliveredResourceId: resource.id }, (m) =>
    m.update(ResponsibilityEntry, { demandId: demand.id }, { fulfilledAt: ctx.now, resourceId: resource.id }),
  );
}

/** One step in one transaction, guarded on the state read before: a concurrent step makes it a CONFLICT. */
async function moveDemand(
  ctx: RequestContext,
  demand: DemandApplication,
  patch: Partial<DemandApplication>,
  alongside?: (m: EntityManager) => Promise<unknown>,
): Promise<DemandApplication> {
  await ctx.db.transaction(async (m) => {
    const result = await m.update(DemandApplication, { id: demand.id, state: demand.state }, patch);
    if (!result.affected) throw conflict(`demand ${demand.id} changed while this request ran; read it again`, { state: demand.state });
    await alongside?.(m);
  });
  recordDemandStep(ctx, demand, patch.state ?? demand.state, patch.refusalReason ?? null, patch.deliveredResourceId ?? null);
  responsibilityOfDemand(ctx).clear(demand.id);
  return reread(ctx, demand.id);
}

/** Each step of a demand is traceable like a data access (001 art. 25, 004 art. 44). */
function recordDemandStep(ctx: RequestContext, demand: DemandApplication, state: DemandState, reason: string | null, resourceId: string | null) {
  ctx.audit.event({
    action: `DEMAND_${state}`,
    resourceId,
    // A demand is for data not yet in a catalog: it concerns the applicant's jurisdiction, whose authority reviews it.
    resourceJurisdiction: demand.applicantJurisdiction,
    items: demand.desiredItems,
    effect: 'DONE',
    reason,
    grantId: null,
    purpose: demand.purpose,
    accessPath: 'ROOT',
    recordKeys: [demand.id],
    recordCount: 1,
  });
}

async function reread(ctx: RequestContext, id: string): Promise<DemandApplication> {
  demandById(ctx).clear(id);
  return ctx.db.getRepository(DemandApplication).findOneByOrFail({ id });
}
