import { RequestContext } from '../../../kernel/context';
import { badInput } from '../../../kernel/errors';
import { MAX_REFLOW_PAGE_SIZE } from '../../../kernel/config';
import { RecordSource, recordSource } from '../../records/sources';
import { ReflowSubscription } from '../subscription.entity';
import { deliveredValue, DeliveryPlan, deliveryPlan } from './delivery';
import { scopedRows, subscriptionForPull } from './scope';

/** A page of changes as the wire carries it; see encodeRow for a row. */
export interface ChangePage {
  shape: string;
  columns: string[];
  rows: unknown[][];
  hasMore: boolean;
  /** Counted only when the caller selects it (first page of a run, for its progress bar). */
  countRemaining: () => Promise<number>;
}

export interface ChangePosition {
  updatedAt: Date;
  key: string;
}

/**
 * A live row is [key, divisionCode, updatedAt, null, ...delivered values in `columns` order]; a
 * tombstone (deleted at the source) is [key, divisionCode, updatedAt, deletedAt] and carries no data.
 */
function encodeRow(plan: DeliveryPlan, row: any): unknown[] {
  const head = [String(row[plan.source.key]), row.divisionCode, row.updatedAt.toISOString()];
  if (row.deletedAt) return [...head, row.deletedAt.toISOString()];
  return [...head, null, ...plan.delivered.map((d) => deliveredValue(d, row[d.property]))];
}

/**
 * Rows strictly after `after` in (updatedAt, key) order, as two index range scans run side by side
 * — the rest of the rows stamped `after.updatedAt`, and later stamps — rather than one OR that the
 * planner may not turn into a range. Rows stamped within the settle window are left for later
 * (config.ts). Only the subscribed columns are read.
 */
async function changedRows(ctx: RequestContext, source: RecordSource, subscription: ReflowSubscription, after: ChangePosition | null, limit: number) {
  const horizon = new Date(ctx.now.getTime() - ctx.config.reflow.settleMs);
  const key = `r.${source.key}`;
  const subscribed = subscription.items.flatMap((item) => (source.columns[item] ? [`r.${source.columns[item]}`] : []));
  const columns = [...new Set([key, 'r.divisionCode', 'r.updatedAt', 'r.deletedAt', ...subscribed])];
  const page = () => scopedRows(ctx.db, source, subscription).select(columns).andWhere('r.updatedAt <= :horizon', { horizon }).limit(limit + 1);
  const later = page().orderBy('r.updatedAt', 'ASC').addOrderBy(key, 'ASC');
  if (after) later.andWhere('r.updatedAt > :stamp', { stamp: after.updatedAt });
  const [sameStamp, rest] = await Promise.all([
    after ? page().andWhere('r.updatedAt = :stamp', { stamp: after.updatedAt }).andWhere(`${key} > :key`, { key: after.key }).orderBy(key, 'ASC').getMany() : [],
    later.getMany(),
  ]);
  return [...sameStamp, ...rest];
}

function countAfter(ctx: RequestContext, source: RecordSource, subscription: ReflowSubscription, after: ChangePosition | null): Promise<number> {
  const query = scopedRows(ctx.db, source, subscription);
  if (after) query.andWhere(`(r.updatedAt > :stamp OR (r.updatedAt = :stamp AND r.${source.key} > :key))`, { stamp: after.updatedAt, key: after.key });
  return query.getCount();
}

/** Every value that leaves is recorded at the source, one record per decision (001 art. 25, 004 art. 44). */
function audit(ctx: RequestContext, plan: DeliveryPlan, subscription: ReflowSubscription, rows: any[]) {
  const purpose = `reflow ${subscription.id}: ${subscription.purpose}`.slice(0, 512);
  const keys = rows.filter((row) => !row.deletedAt).map((row) => String(row[plan.source.key]));
  for (const { item, decision } of [...plan.delivered, ...plan.withheld]) ctx.audit.accessMany(plan.resource, item, decision, keys, purpose, 'ROOT', 'REFLOW');
}

export async function changesPage(ctx: RequestContext, subscriptionId: string, after: Partial<ChangePosition>, limit: number): Promise<ChangePage> {
  if (limit < 1 || limit > MAX_REFLOW_PAGE_SIZE) throw badInput('limit', `must be between 1 and ${MAX_REFLOW_PAGE_SIZE}`);
  if (Boolean(after.updatedAt) !== Boolean(after.key)) throw badInput('afterKey', 'afterUpdatedAt and afterKey go together: both (a watermark) or neither (from the start)');
  const position = after.updatedAt && after.key ? { updatedAt: after.updatedAt, key: after.key } : null;
  const subscription = await subscriptionForPull(ctx, subscriptionId, 'pulling reflow changes');
  const source = recordSource(subscription.dataTable);
  // What may flow and which rows changed do not depend on each other: both are read at once.
  const [plan, rows] = await Promise.all([deliveryPlan(ctx, subscription), changedRows(ctx, source, subscription, position, limit)]);
  const page = rows.slice(0, limit);
  audit(ctx, plan, subscription, page);
  return {
    shape: plan.shape,
    columns: plan.delivered.map((d) => d.item),
    rows: page.map((row) => encodeRow(plan, row)),
    hasMore: rows.length > limit,
    countRemaining: () => countAfter(ctx, plan.source, subscription, position),
  };
}
