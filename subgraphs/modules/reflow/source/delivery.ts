import type { AuditedResource } from '../../../kernel/audit/collector';
import { RequestContext } from '../../../kernel/context';
import { platformError } from '../../../kernel/errors';
import { Decision, decideMany, maskedDelivery, maskRuleFor, ShareScope } from '../../../kernel/policy';
import { CatalogState } from '../../catalog/enums';
import { CatalogItem } from '../../catalog/item.entity';
import { itemsOfResource } from '../../catalog/loaders';
import { CatalogResourceRow } from '../../catalog/resource.entity';
import { policyOf } from '../../records/enforcement';
import { RecordSource, recordSource } from '../../records/sources';
import { standingOf } from '../../sharing/standing';
import { ReflowDirection } from '../enums';
import { shapeOf } from '../shape';
import { ReflowSubscription } from '../subscription.entity';

/** One item a pull delivers: the column it comes from, and whether it goes masked. */
export interface DeliveredItem {
  item: string;
  property: string;
  decision: Decision;
  /** Set when the item is delivered desensitised (004 art. 22). */
  maskRule: string | null;
}

export interface DeliveryPlan {
  /** The published version pulled from, as the audit trail names it. */
  resource: AuditedResource;
  source: RecordSource;
  delivered: DeliveredItem[];
  /** Subscribed items that do not flow now, with why (NOT_SHARED, no grant, ...). */
  withheld: { item: string; decision: Decision }[];
  /** The delivered items and their masking; the receiver pulls everything again when it changes. */
  shape: string;
}

const AGGREGATED: Omit<Decision, 'shareType'> = { effect: 'ALLOW', reason: null, grantId: null };

/** The published version of the subscribed resource's lineage: the catalog may have been revised since approval. */
async function publishedVersion(ctx: RequestContext, subscription: ReflowSubscription): Promise<CatalogResourceRow> {
  const versions = ctx.db.getRepository(CatalogResourceRow).createQueryBuilder('v');
  const lineage = versions.subQuery().select('a.lineageId').from(CatalogResourceRow, 'a').where('a.id = :applied').getQuery();
  const current = await versions.where(`v.lineageId = ${lineage}`, { applied: subscription.resourceId }).andWhere('v.state = :published', { published: CatalogState.PUBLISHED }).getOne();
  if (!current) throw platformError('NOT_FOUND', `resource ${subscription.resourceCode} has no published version on the ${ctx.level.toLowerCase()} platform any more`);
  return current;
}

/**
 * Which subscribed items flow in this pull, decided now for the subscriber with its current standing:
 * reflow follows the share rules like any request (UNCONDITIONAL raw, CONDITIONAL only under a grant,
 * masked when the grant or item says so, NOT_SHARED never; nothing while suspended, 004 art. 21-23,
 * 50). Aggregation of a basic database is unconditional (004 art. 18): every subscribed item, raw.
 * The record key and division code always travel; they identify and scope the row.
 */
export async function deliveryPlan(ctx: RequestContext, subscription: ReflowSubscription): Promise<DeliveryPlan> {
  // The subscriber's standing is read while the catalog is: both are needed, neither depends on the other.
  const [resource] = await Promise.all([publishedVersion(ctx, subscription), subscription.direction === ReflowDirection.REFLOW ? standingOf(ctx) : null]);
  const source = recordSource(subscription.dataTable);
  const items = new Map((await itemsOfResource(ctx).load(resource.id)).map((item) => [item.code, item]));
  const subscribed = subscription.items.map((code) => items.get(code)).filter((item): item is CatalogItem => Boolean(item));
  const decisions = await decisionsFor(ctx, subscription, resource, subscribed);

  const delivered: DeliveredItem[] = [];
  const withheld: DeliveryPlan['withheld'] = [];
  for (const item of subscribed) {
    const property = source.columns[item.code];
    if (!property || property === source.key || property === 'divisionCode') continue;
    const decision = decisions.get(item.code)!;
    if (decision.effect === 'DENY') withheld.push({ item: item.code, decision });
    else delivered.push({ item: item.code, property, decision, maskRule: decision.effect === 'ALLOW_MASKED' ? maskRuleFor(item) : null });
  }
  return { resource: { id: resource.id, jurisdictionCode: resource.jurisdictionCode }, source, delivered, withheld, shape: shapeOf(delivered) };
}

async function decisionsFor(ctx: RequestContext, subscription: ReflowSubscription, resource: { id: string; shareScope: ShareScope | null }, items: CatalogItem[]): Promise<Map<string, Decision>> {
  if (subscription.direction === ReflowDirection.AGGREGATION) {
    return new Map(items.map((item) => [item.code, { ...AGGREGATED, shareType: item.shareType }]));
  }
  const standing = await standingOf(ctx);
  if (standing.requester.suspended) {
    throw platformError('AGENCY_SUSPENDED', `agency ${subscription.subscriberUscc}: access to the ${ctx.level.toLowerCase()} platform's data is suspended until it corrects (004 art. 50); nothing flows meanwhile`);
  }
  // Reflowed copies serve the subscription's purpose: CONDITIONAL items flow under a grant approved for it (004 art. 20, 23).
  return decideMany(standing.requester, items.map((item) => policyOf({ id: resource.id, scope: resource.shareScope }, item)), standing.grants, 'READ', ctx.now, subscription.purpose);
}

/** A stored value as this plan delivers it. */
export const deliveredValue = (item: DeliveredItem, value: unknown): unknown => (item.maskRule ? maskedDelivery(item.maskRule, value) : value);
