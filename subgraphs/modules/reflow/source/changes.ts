import { RequestContext } from '../../../kernel/context';
import { badInput } from '../../../kernel/errors';
import { MAX_REFLOW_PAGE_SIZE } from '../../../kernel/config';
import { plainRows } from '../../../kernel/db/plain-rows';
import { RecordDeparture } from '../../records/departure.entity';
import { RecordSource, recordSource } from '../../records/sources';
import { itemsDropped } from '../shape';
import { ReflowSubscription } from '../subscription.entity';
import { deliveredValue, DeliveryPlan, deliveryPlan } from './delivery';
import { scopedRows, subscriptionForPull } from './scope';

/** A page of changes as the wire carries it; see encodeRow for a row. */
export interface ChangePage {
  shape: string;
  columns: string[];
  rows: unknown[][];
  hasMore: boolean;
  /** Where the page ends: the next page starts strictly after it. Null when the page is empty. */
  last: ChangePosition | null;
  /** Counted only when the caller selects it (first page of a run, for its progress bar). */
  countRemaining: () => Promise<number>;
}

export interface ChangePosition {
  updatedAt: Date;
  key: string;
}

/**
 * A change in pull order: a row of the scope as it is now, or a row that left the scope (a
 * departure, which has no row and is always a deletion).
 */
type Change = { key: string; divisionCode: string; updatedAt: Date; deletedAt: Date | null; row: Record<string, unknown> | null };

/**
 * A live row is [key, divisionCode, updatedAt, null, ...delivered values in `columns` order]; a
 * tombstone (deleted at the source, or moved out of the scope) is [key, divisionCode, updatedAt,
 * deletedAt] and carries no data.
 */
function encodeRow(plan: DeliveryPlan, change: Change): unknown[] {
  const head = [change.key, change.divisionCode, change.updatedAt.toISOString()];
  if (change.deletedAt) return [...head, change.deletedAt.toISOString()];
  return [...head, null, ...plan.delivered.map((d) => deliveredValue(d, change.row?.[d.property]))];
}

const horizonOf = (ctx: RequestContext) => new Date(ctx.now.getTime() - ctx.config.reflow.settleMs);

/**
 * Rows strictly after `after` in (updatedAt, key) order, as two index range scans run side by side
 * — the rest of the rows stamped `after.updatedAt`, and later stamps — rather than one OR that the
 * planner may not turn into a range. Rows stamped within the settle window are left for later
 * (config.ts). Only the subscribed columns are read, as plain rows: a page is encoded once and sent,
 * never used as entities.
 */
async function changedRows(ctx: RequestContext, source: RecordSource, subscription: ReflowSubscription, after: ChangePosition | null, limit: number): Promise<Change[]> {
  const key = `r.${source.key}`;
  const subscribed = subscription.items.flatMap((item) => (source.columns[item] ? [`r.${source.columns[item]}`] : []));
  const columns = [...new Set([key, 'r.divisionCode', 'r.updatedAt', 'r.deletedAt', ...subscribed])];
  const page = () => scopedRows(ctx.db, source, subscription).select(columns).andWhere('r.updatedAt <= :horizon', { horizon: horizonOf(ctx) }).limit(limit + 1);
  const later = page().orderBy('r.updatedAt', 'ASC').addOrderBy(key, 'ASC');
  if (after) later.andWhere('r.updatedAt > :stamp', { stamp: after.updatedAt });
  const [sameStamp, rest] = await Promise.all([
    after ? plainRows(page().andWhere('r.updatedAt = :stamp', { stamp: after.updatedAt }).andWhere(`${key} > :key`, { key: after.key }).orderBy(key, 'ASC')) : [],
    plainRows(later),
  ]);
  return [...sameStamp, ...rest].map((row) => ({ key: String(row[source.key]), divisionCode: row.divisionCode as string, updatedAt: row.updatedAt as Date, deletedAt: (row.deletedAt as Date | null) ?? null, row }));
}

/**
 * Rows that moved from a division inside the scope to one outside it (record_departure, kept by a
 * trigger): for this subscriber they are deletions. Never those that came from the target itself.
 */
function departuresFrom(ctx: RequestContext, source: RecordSource, subscription: ReflowSubscription, after: ChangePosition | null) {
  const query = ctx.db
    .getRepository(RecordDeparture)
    .createQueryBuilder('d')
    .where('d.tableName = :table', { table: source.table })
    .andWhere('d.fromDivision LIKE :scope AND d.toDivision NOT LIKE :scope', { scope: `${subscription.scopePrefix}%` })
    .andWhere('(d.originPlatform IS NULL OR d.originPlatform <> :target)', { target: subscription.targetLevel });
  if (after) query.andWhere('(d.departedAt > :stamp OR (d.departedAt = :stamp AND d.recordKey > :key))', { stamp: after.updatedAt, key: after.key });
  return query;
}

async function departures(ctx: RequestContext, source: RecordSource, subscription: ReflowSubscription, after: ChangePosition | null, limit: number): Promise<Change[]> {
  const rows = await departuresFrom(ctx, source, subscription, after)
    .andWhere('d.departedAt <= :horizon', { horizon: horizonOf(ctx) })
    .orderBy('d.departedAt', 'ASC')
    .addOrderBy('d.recordKey', 'ASC')
    .limit(limit + 1)
    .getMany();
  return rows.map((d) => ({ key: d.recordKey, divisionCode: d.fromDivision, updatedAt: d.departedAt, deletedAt: d.departedAt, row: null }));
}

/** Pull order. Record keys are upper-case letters and digits, which every collation orders as this does. */
const inPullOrder = (a: Change, b: Change) => a.updatedAt.getTime() - b.updatedAt.getTime() || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

async function countAfter(ctx: RequestContext, source: RecordSource, subscription: ReflowSubscription, after: ChangePosition | null): Promise<number> {
  const rows = scopedRows(ctx.db, source, subscription);
  if (after) rows.andWhere(`(r.updatedAt > :stamp OR (r.updatedAt = :stamp AND r.${source.key} > :key))`, { stamp: after.updatedAt, key: after.key });
  const [live, departed] = await Promise.all([rows.getCount(), departuresFrom(ctx, source, subscription, after).getCount()]);
  return live + departed;
}

/** Every value that leaves is recorded at the source, one record per decision (001 art. 25, 004 art. 44). */
function audit(ctx: RequestContext, plan: DeliveryPlan, subscription: ReflowSubscription, changes: Change[]) {
  const purpose = `reflow ${subscription.id}: ${subscription.purpose}`.slice(0, 512);
  const keys = changes.filter((change) => !change.deletedAt).map((change) => change.key);
  for (const { item, decision } of [...plan.delivered, ...plan.withheld]) ctx.audit.accessMany(plan.resource, item, decision, keys, purpose, 'ROOT', 'REFLOW');
}

/**
 * The receiver holds rows in `heldShape`; when this pull delivers less (a grant ended, an item's share
 * type tightened), the source records that the subscriber must drop the rest — the receiver records
 * its purge on its side (004 art. 19-20, 23).
 */
function auditDropped(ctx: RequestContext, plan: DeliveryPlan, subscription: ReflowSubscription, heldShape: string | null) {
  const dropped = itemsDropped(heldShape, plan.shape);
  if (dropped.length === 0) return;
  const why = dropped.map((item) => `${item}: ${plan.withheld.find((w) => w.item === item)?.decision.reason ?? 'delivered masked otherwise'}`);
  ctx.audit.event({
    action: 'REFLOW_PURGE',
    resourceId: plan.resource.id,
    resourceJurisdiction: plan.resource.jurisdictionCode,
    items: [...dropped].sort(),
    effect: 'REQUIRED',
    reason: `the subscriber may no longer hold what it received of ${why.join('; ')}`.slice(0, 1024),
    grantId: null,
    purpose: `reflow ${subscription.id}: ${subscription.purpose}`.slice(0, 512),
    accessPath: 'ROOT',
    recordKeys: [],
    recordCount: 0,
  });
}

export async function changesPage(ctx: RequestContext, subscriptionId: string, after: Partial<ChangePosition>, limit: number, heldShape: string | null = null): Promise<ChangePage> {
  if (limit < 1 || limit > MAX_REFLOW_PAGE_SIZE) throw badInput('limit', `must be between 1 and ${MAX_REFLOW_PAGE_SIZE}`);
  if (Boolean(after.updatedAt) !== Boolean(after.key)) throw badInput('afterKey', 'afterUpdatedAt and afterKey go together: both (a watermark) or neither (from the start)');
  const position = after.updatedAt && after.key ? { updatedAt: after.updatedAt, key: after.key } : null;
  const subscription = await subscriptionForPull(ctx, subscriptionId, 'pulling reflow changes');
  const source = recordSource(subscription.dataTable);
  // What may flow, which rows changed and which left the scope do not depend on each other: all are read at once.
  const [plan, rows, departed] = await Promise.all([
    deliveryPlan(ctx, subscription),
    changedRows(ctx, source, subscription, position, limit),
    departures(ctx, source, subscription, position, limit),
  ]);
  const changes = [...rows, ...departed].sort(inPullOrder);
  const page = changes.slice(0, limit);
  audit(ctx, plan, subscription, page);
  auditDropped(ctx, plan, subscription, heldShape);
  return {
    shape: plan.shape,
    columns: plan.delivered.map((d) => d.item),
    rows: page.map((change) => encodeRow(plan, change)),
    hasMore: changes.length > limit,
    last: page.length ? { updatedAt: page[page.length - 1].updatedAt, key: page[page.length - 1].key } : null,
    countRemaining: () => countAfter(ctx, plan.source, subscription, position),
  };
}
