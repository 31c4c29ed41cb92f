import { RequestContext } from '../../../kernel/context';
import { badInput } from '../../../kernel/errors';
import { DIGEST_BUCKETS, DigestSummary, hashedProperties, rowHash, ScopeDigest, walkByKey } from '../digest';
import { deliveredValue, deliveryPlan } from './delivery';
import { scopedRows, subscriptionForPull } from './scope';

export interface SourceDigest extends DigestSummary {
  rows: { key: string; hash: string }[];
}

/**
 * What the target of a subscription should hold now: count and digest of the live rows of the
 * scope, each hashed as this pull would deliver it. Values never leave, only hashes — a comparison
 * (比对, 004 art. 21), recorded as such.
 */
export async function sourceDigest(ctx: RequestContext, subscriptionId: string, buckets: readonly number[]): Promise<SourceDigest> {
  buckets.forEach((bucket, i) => {
    if (!Number.isInteger(bucket) || bucket < 0 || bucket >= DIGEST_BUCKETS) throw badInput(`buckets[${i}]`, `must be between 0 and ${DIGEST_BUCKETS - 1}`);
  });
  const subscription = await subscriptionForPull(ctx, subscriptionId, 'reconciling a reflow subscription');
  const plan = await deliveryPlan(ctx, subscription);
  const delivered = new Map(plan.delivered.map((d) => [d.property, d]));
  const properties = hashedProperties(plan.source);
  const digest = new ScopeDigest();
  await walkByKey(() => scopedRows(ctx.db, plan.source, subscription).andWhere('r.deletedAt IS NULL'), plan.source.key, (row) => {
    const values = properties.map((p) => (delivered.has(p) ? deliveredValue(delivered.get(p)!, row[p]) : null));
    digest.add(String(row[plan.source.key]), rowHash(String(row[plan.source.key]), row.divisionCode, values));
  });
  const summary = digest.summary();
  ctx.audit.event({
    action: 'REFLOW_VERIFY',
    resourceId: plan.resource.id,
    resourceJurisdiction: plan.resource.jurisdictionCode,
    items: plan.delivered.map((d) => d.item),
    effect: 'DONE',
    reason: null,
    grantId: null,
    purpose: `reconciliation of reflow ${subscription.id}`,
    accessPath: 'ROOT',
    recordKeys: [],
    recordCount: summary.count,
  });
  return { ...summary, rows: [...digest.rowsIn(buckets)].map(([key, hash]) => ({ key, hash })) };
}
