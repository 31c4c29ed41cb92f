import { randomUUID } from 'node:crypto';
import { IsNull } from 'typeorm';
import { RequestContext } from '../../kernel/context';
import { levelId } from '../../kernel/graphql/global-id';
import { requireDivision } from '../../kernel/divisions';
import { badInput, conflict, forbidden, notFound } from '../../kernel/errors';
import { requireRole } from '../../kernel/graphql/guards';
import { isWithin, subtreePrefix } from '../../kernel/identifiers';
import { Level, parentLevel } from '../../kernel/levels';
import { loadVisible } from '../catalog/catalog.service';
import { CatalogState, ShareType } from '../catalog/enums';
import { CatalogItem } from '../catalog/item.entity';
import { itemsOfResource } from '../catalog/loaders';
import { ReflowApplication } from './application.entity';
import { ReflowApplicationState, ReflowDecision, ReflowDirection, ReflowFrequency } from './enums';
import { ReflowApplicationDraft } from './drafts';
import { registerAtTarget } from './registration';
import { ReflowSubscription, subscriptionIdFor } from './subscription.entity';

const MAX_INTERVAL_MINUTES = 7 * 24 * 60;
/** As long as the audit trail keeps a stated reason. */
const MAX_REASON_LENGTH = 1024;
export const AGGREGATION_RULE = 'unconditional: aggregation of a basic database (004 art. 18)';

/** Reflow is applied for by the authority one level below the data; aggregation by the one above. */
function directionFor(platform: Level, applicant: Level): ReflowDirection | null {
  if (parentLevel(applicant) === platform) return ReflowDirection.REFLOW;
  if (parentLevel(platform) === applicant) return ReflowDirection.AGGREGATION;
  return null;
}

/** The narrower of two division prefixes when one lies within the other; null when they do not meet. */
const narrower = (a: string, b: string) => (a.startsWith(b) ? a : b.startsWith(a) ? b : null);

function checkItems(resourceCode: string, codes: readonly string[], items: readonly CatalogItem[], direction: ReflowDirection): void {
  const byCode = new Map(items.map((item) => [item.code, item]));
  codes.forEach((code, index) => {
    const field = `input.items[${index}]`;
    if (codes.indexOf(code) !== index) throw badInput(field, `item ${code} is listed twice`, { item: code });
    const item = byCode.get(code);
    if (!item) throw badInput(field, `resource ${resourceCode} has no item '${code}'`, { item: code });
    if (direction === ReflowDirection.REFLOW && item.shareType === ShareType.NOT_SHARED) {
      throw badInput(field, `${code} is NOT_SHARED: it never flows to another platform, it is only verified or compared (004 art. 21)`, { item: code, rule: '004 art. 21' });
    }
  });
}

function checkFrequency(input: ReflowApplicationDraft): number | null {
  const interval = input.intervalMinutes ?? null;
  if (input.frequency === ReflowFrequency.ONE_OFF) {
    if (interval !== null) throw badInput('input.intervalMinutes', 'a ONE_OFF reflow runs once; leave intervalMinutes out');
    return null;
  }
  if (interval === null || !Number.isInteger(interval) || interval < 1 || interval > MAX_INTERVAL_MINUTES) {
    throw badInput('input.intervalMinutes', `an INCREMENTAL reflow needs intervalMinutes between 1 and ${MAX_INTERVAL_MINUTES}`);
  }
  return interval;
}

/** One table's rows reach one target through at most one live subscription: two would overwrite each other's rows. */
async function checkNoOverlap(ctx: RequestContext, table: string, target: Level, scopePrefix: string): Promise<void> {
  const existing = await ctx.db.getRepository(ReflowSubscription).findBy({ sourceLevel: ctx.level, targetLevel: target, dataTable: table, cancelledAt: IsNull() });
  const overlapping = existing.find((s) => narrower(s.scopePrefix, scopePrefix) !== null);
  if (overlapping) {
    throw conflict(`input.scopeDivisionCode: subscription ${overlapping.id} of ${overlapping.subscriberUscc} already delivers ${table} rows of ${overlapping.scopePrefix}… to the ${target.toLowerCase()} platform`, { subscriptionId: overlapping.id });
  }
}

/** 000 art. 16: a city applies to the region through its authority (a county to its city alike); 004 art. 18: aggregation. */
export async function applyForReflow(ctx: RequestContext, input: ReflowApplicationDraft): Promise<ReflowApplication> {
  const me = requireRole(ctx, 'applying for reflow or aggregation', 'AUTHORITY_REVIEWER');
  const direction = directionFor(ctx.level, me.level);
  if (!direction) {
    throw forbidden(`the ${ctx.level.toLowerCase()} platform's data reflows to the authority one level below and is aggregated by the one above; a ${me.level.toLowerCase()} authority applies elsewhere`);
  }
  const resource = await loadVisible(ctx, input.resourceId, 'input.resourceId');
  if (resource.state !== CatalogState.PUBLISHED || !resource.dataTable) {
    throw badInput('input.resourceId', `resource ${resource.code} version ${resource.version} is ${resource.state}${resource.dataTable ? '' : ' and has no data on this platform'}; apply for a published resource with data`);
  }
  if (direction === ReflowDirection.AGGREGATION) {
    if (!resource.basicDatabase) throw badInput('input.resourceId', `${resource.code} is not a basic database: aggregation collects basic databases (004 art. 18); apply for sharing instead`, { rule: '004 art. 18' });
    if (!isWithin(resource.jurisdictionCode, me.jurisdiction)) throw forbidden(`the authority of ${me.jurisdiction} aggregates its own jurisdiction, not ${resource.jurisdictionCode}`);
  }
  checkItems(resource.code, input.items, await itemsOfResource(ctx).load(resource.id), direction);
  const intervalMinutes = checkFrequency(input);

  const scope = requireDivision(input.scopeDivisionCode ?? me.jurisdiction, 'input.scopeDivisionCode').code;
  if (!isWithin(scope, me.jurisdiction)) throw badInput('input.scopeDivisionCode', `${scope} is outside the applicant's jurisdiction ${me.jurisdiction}; rows outside it cannot be requested`);
  const scopePrefix = narrower(subtreePrefix(scope), subtreePrefix(resource.jurisdictionCode));
  if (!scopePrefix) throw badInput('input.scopeDivisionCode', `${scope} does not meet the jurisdiction ${resource.jurisdictionCode} of ${resource.code}`);
  const application = Object.assign(new ReflowApplication(), {
    id: randomUUID(),
    direction,
    resourceId: resource.id,
    resourceCode: resource.code,
    resourceJurisdiction: resource.jurisdictionCode,
    dataTable: resource.dataTable,
    requestedItemsJson: JSON.stringify(input.items),
    purpose: input.purpose.trim(),
    scopeDivisionCode: scope,
    scopePrefix,
    frequency: input.frequency,
    intervalMinutes,
    applicantUscc: me.agency,
    applicantLevel: me.level,
    applicantJurisdiction: me.jurisdiction,
    applicantUser: me.sub,
    state: ReflowApplicationState.PENDING,
    submittedAt: ctx.now,
    decidedBy: null,
    decidedAt: null,
    refusalReason: null,
    subscriptionId: null,
  });
  await checkNoOverlap(ctx, resource.dataTable, me.level, scopePrefix);
  const pending = await ctx.db.getRepository(ReflowApplication).findOneBy({ applicantUscc: me.agency, resourceId: resource.id, state: ReflowApplicationState.PENDING });
  if (pending) throw conflict(`input.resourceId: application ${levelId(ctx.level, 'ReflowApplication', pending.id)} for ${resource.code} is already under review`, { applicationId: levelId(ctx.level, 'ReflowApplication', pending.id) });
  if (direction === ReflowDirection.AGGREGATION) {
    const approved = await approve(ctx, application, AGGREGATION_RULE, true);
    audited(ctx, approved, 'REFLOW_APPLY');
    audited(ctx, approved, 'REFLOW_APPROVE');
    return approved;
  }
  await ctx.db.getRepository(ReflowApplication).insert(application);
  audited(ctx, application, 'REFLOW_APPLY');
  return application;
}

/** The authority of the resource's jurisdiction at this level approves, or refuses with reasons (REFLOW_REPLY limit). */
export async function decideReflow(ctx: RequestContext, id: string, decision: ReflowDecision, reason: string | null | undefined): Promise<ReflowApplication> {
  const application = await ctx.db.getRepository(ReflowApplication).findOneBy({ id });
  if (!application) throw notFound(`id: no reflow application ${id} on the ${ctx.level.toLowerCase()} platform`, { field: 'id' });
  const me = requireRole(ctx, 'deciding a reflow application', 'AUTHORITY_REVIEWER');
  if (me.level !== ctx.level || !isWithin(application.resourceJurisdiction, me.jurisdiction)) {
    throw forbidden(`deciding: only the ${ctx.level.toLowerCase()} authority over ${application.resourceJurisdiction} decides this application`);
  }
  if (application.state !== ReflowApplicationState.PENDING) throw conflict(`deciding: application ${id} is ${application.state}, not PENDING`, { state: application.state });
  const grounds = reason?.trim() ?? '';
  if (decision === ReflowDecision.APPROVE) {
    if (grounds) throw badInput('reason', 'an approval refuses nothing; reasons explain a refusal');
    const approved = await approve(ctx, application, me.sub, false);
    audited(ctx, approved, 'REFLOW_APPROVE');
    return approved;
  }
  if (!grounds) throw badInput('reason', 'a refusal must give its reasons (000 art. 16, 004 art. 23)');
  if (grounds.length > MAX_REASON_LENGTH) throw badInput('reason', `at most ${MAX_REASON_LENGTH} characters`);
  const refused = { state: ReflowApplicationState.REFUSED, refusalReason: grounds, decidedBy: me.sub, decidedAt: ctx.now };
  const result = await ctx.db.getRepository(ReflowApplication).update({ id, state: ReflowApplicationState.PENDING }, refused);
  if (!result.affected) throw conflict(`deciding: application ${id} was decided while this request ran`);
  audited(ctx, Object.assign(application, refused), 'REFLOW_REFUSE');
  return application;
}

/**
 * The target learns of the subscription first (a failure leaves this platform unchanged and the
 * decision can be repeated: the subscription id follows from the application), then the approval
 * and the subscription are recorded here in one transaction.
 */
async function approve(ctx: RequestContext, application: ReflowApplication, decidedBy: string, isNew: boolean): Promise<ReflowApplication> {
  // Another application for overlapping rows may have been approved since this one was submitted.
  await checkNoOverlap(ctx, application.dataTable, application.applicantLevel, application.scopePrefix);
  const subscription = Object.assign(new ReflowSubscription(), {
    id: subscriptionIdFor(application.id, application.applicantLevel),
    applicationId: application.id,
    direction: application.direction,
    sourceLevel: ctx.level,
    targetLevel: application.applicantLevel,
    resourceId: application.resourceId,
    resourceCode: application.resourceCode,
    dataTable: application.dataTable,
    scopeDivisionCode: application.scopeDivisionCode,
    scopePrefix: application.scopePrefix,
    itemsJson: application.requestedItemsJson,
    subscriberUscc: application.applicantUscc,
    subscriberJurisdiction: application.applicantJurisdiction,
    purpose: application.purpose,
    frequency: application.frequency,
    intervalMinutes: application.intervalMinutes,
    createdAt: ctx.now,
  });
  await registerAtTarget(ctx, subscription);
  const approved = { state: ReflowApplicationState.APPROVED, decidedBy, decidedAt: ctx.now, subscriptionId: subscription.id };
  await ctx.db.transaction(async (m) => {
    if (isNew) await m.insert(ReflowApplication, { ...application, ...approved });
    else if (!(await m.update(ReflowApplication, { id: application.id, state: ReflowApplicationState.PENDING }, approved)).affected) {
      throw conflict(`deciding: application ${application.id} was decided while this request ran`);
    }
    await m.save(subscription);
  });
  return Object.assign(application, approved);
}

/** Each step of an application in the trail (001 art. 25). */
function audited(ctx: RequestContext, application: ReflowApplication, action: string): void {
  ctx.audit.event({
    action,
    resourceId: application.resourceId,
    resourceJurisdiction: application.resourceJurisdiction,
    items: application.requestedItems,
    effect: 'DONE',
    reason: application.refusalReason,
    grantId: null,
    purpose: application.purpose.slice(0, 512),
    accessPath: 'ROOT',
    recordKeys: [application.id],
    recordCount: 1,
  });
}
