import { GraphQLError, GraphQLResolveInfo } from 'graphql';
import { IsNull, Not } from 'typeorm';
import { AccessPath } from '../../kernel/audit/collector';
import { RequestContext } from '../../kernel/context';
import { platformError } from '../../kernel/errors';
import { subtreePrefix } from '../../kernel/identifiers';
import { Decision, decide, ItemPolicy, maskedDelivery, maskRuleFor, Purpose } from '../../kernel/policy';
import { CatalogState } from '../catalog/enums';
import { CatalogItem } from '../catalog/item.entity';
import { itemsOfResource } from '../catalog/loaders';
import { CatalogResourceRow } from '../catalog/resource.entity';
import { standingOf } from '../sharing/standing';
import { RecordSource } from './sources';

/** A published catalog resource whose data this platform holds, with its items by code. */
export interface DataResource {
  id: string;
  code: string;
  table: string;
  prefix: string;
  items: Map<string, CatalogItem>;
}

/** Published resources with data on this platform, read once per request (two statements). */
export function dataResources(ctx: RequestContext): Promise<DataResource[]> {
  return ctx.loaders.once('records.dataResources', async () => {
    const rows = await ctx.db.getRepository(CatalogResourceRow).findBy({ state: CatalogState.PUBLISHED, dataTable: Not(IsNull()) });
    const items = await itemsOfResource(ctx).loadMany(rows.map((r) => r.id));
    return rows.map((row, i) => ({
      id: row.id,
      code: row.code,
      table: row.dataTable!,
      prefix: subtreePrefix(row.jurisdictionCode),
      items: new Map((items[i] as CatalogItem[]).map((item) => [item.code, item])),
    }));
  });
}

/** The resource a record belongs to: the most specific published resource of its table covering its division. */
export async function resourceFor(ctx: RequestContext, source: RecordSource, divisionCode: string): Promise<DataResource | null> {
  let best: DataResource | null = null;
  for (const resource of await dataResources(ctx)) {
    if (resource.table === source.table && divisionCode.startsWith(resource.prefix) && (!best || resource.prefix.length > best.prefix.length)) best = resource;
  }
  return best;
}

export const policyOf = (resource: Pick<DataResource, 'id'>, item: CatalogItem): ItemPolicy => ({
  resourceId: resource.id,
  itemCode: item.code,
  shareType: item.shareType,
  maskRule: item.maskRule,
  maskedDeliveryOnly: item.maskedDeliveryOnly,
});

/** One decision per (resource, item, purpose) per request: the policy does not depend on the row. */
export function decisionFor(ctx: RequestContext, resource: DataResource, item: CatalogItem, purpose: Purpose): Promise<Decision> {
  return ctx.loaders.once(`records.decision:${resource.id}:${item.code}:${purpose}`, async () => {
    const standing = await standingOf(ctx);
    return decide(standing.requester, policyOf(resource, item), standing.grants, purpose, ctx.now);
  });
}

export function accessPathOf(info: GraphQLResolveInfo): AccessPath {
  let path = info.path;
  while (path.prev) path = path.prev;
  return path.key === '_entities' ? 'ENTITIES' : 'ROOT';
}

export function shareDenied(resource: DataResource | null, itemCode: string, decision: Decision | null, agency: string): GraphQLError {
  const reason = decision?.reason ?? 'NOT_IN_CATALOG';
  const where = resource ? `${itemCode} of ${resource.code}` : itemCode;
  return platformError('SHARE_DENIED', `${where} (${decision?.shareType ?? 'not in a published catalog resource'}) is not shared with ${agency}: ${reason}`, {
    item: itemCode,
    shareType: decision?.shareType ?? null,
    reason,
    resourceId: resource?.id ?? null,
    grantId: decision?.grantId ?? null,
  });
}

/** Purposes stated on root queries, attached to the rows they return so nested fields can record them. */
const statedPurpose = new WeakMap<object, string>();
export const withPurpose = <T extends object>(rows: T[], purpose: string | undefined | null): T[] => {
  if (purpose) for (const row of rows) statedPurpose.set(row, purpose);
  return rows;
};

/**
 * Field-level enforcement, the one path every data value takes out of this platform: decide for
 * this requester and item (004 art. 21-23, 50), record the access (001 art. 25), then release the
 * value, release it masked (004 art. 22), or refuse with SHARE_DENIED at this field's path.
 */
export async function releaseItem(ctx: RequestContext, info: GraphQLResolveInfo, source: RecordSource, row: any, itemCode: string): Promise<unknown> {
  const value = row[source.columns[itemCode]];
  if (ctx.config.enforcementBypass) return value;
  const resource = await resourceFor(ctx, source, row.divisionCode);
  const item = resource?.items.get(itemCode);
  const key = String(row[source.key]);
  const purpose = statedPurpose.get(row) ?? null;
  if (!resource || !item) {
    ctx.audit.access(resource?.id ?? `table:${source.table}`, itemCode, { effect: 'DENY', reason: 'NOT_SHARED', grantId: null, shareType: 'NOT_SHARED' }, key, purpose, accessPathOf(info));
    throw shareDenied(resource, itemCode, null, ctx.identity.agency);
  }
  const decision = await decisionFor(ctx, resource, item, 'READ');
  ctx.audit.access(resource.id, itemCode, decision, key, purpose, accessPathOf(info));
  if (decision.effect === 'DENY') throw shareDenied(resource, itemCode, decision, ctx.identity.agency);
  if (decision.effect === 'ALLOW_MASKED') return maskedDelivery(maskRuleFor(policyOf(resource, item)), value);
  return value;
}

