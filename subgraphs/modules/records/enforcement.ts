import { GraphQLError, GraphQLResolveInfo } from 'graphql';
import { In, IsNull, Not } from 'typeorm';
import { AccessPath } from '../../kernel/audit/collector';
import { RequestContext } from '../../kernel/context';
import { platformError } from '../../kernel/errors';
import { groupByKeys } from '../../kernel/loaders';
import { subtreePrefix } from '../../kernel/identifiers';
import { Decision, decide, ItemPolicy, maskedDelivery, maskRuleFor, Purpose } from '../../kernel/policy';
import { CatalogState } from '../catalog/enums';
import { CatalogItem } from '../catalog/item.entity';
import { CatalogResourceRow } from '../catalog/resource.entity';
import { Standing, standingOf } from '../sharing/standing';
import { RecordSource } from './sources';

/** A published catalog resource whose data this platform holds, with its items by code. */
export interface DataResource {
  id: string;
  code: string;
  jurisdictionCode: string;
  table: string;
  prefix: string;
  items: Map<string, CatalogItem>;
}

/**
 * Published resources with data on this platform, with their items: two statements when the catalog
 * changed since they were last read (kernel PolicySnapshots), otherwise kept; once per request.
 */
export function dataResources(ctx: RequestContext): Promise<DataResource[]> {
  return ctx.loaders.once('records.dataResources', () => ctx.snapshots.get(ctx, 'records.dataResources', () => loadDataResources(ctx)));
}

async function loadDataResources(ctx: RequestContext): Promise<DataResource[]> {
  const rows = await ctx.db.getRepository(CatalogResourceRow).findBy({ state: CatalogState.PUBLISHED, dataTable: Not(IsNull()) });
  const items = await ctx.db.getRepository(CatalogItem).findBy({ resourceId: In(rows.map((r) => r.id)) });
  const itemsByResource = groupByKeys(rows.map((r) => r.id), items, (item) => item.resourceId);
  return rows.map((row, i) => ({
    id: row.id,
    code: row.code,
    jurisdictionCode: row.jurisdictionCode,
    table: row.dataTable!,
    prefix: subtreePrefix(row.jurisdictionCode),
    items: new Map(itemsByResource[i].map((item) => [item.code, item])),
  }));
}

/** The resource a record belongs to: the most specific published resource of its table covering its division. */
function resourceAmong(resources: readonly DataResource[], source: RecordSource, divisionCode: string): DataResource | null {
  let best: DataResource | null = null;
  for (const resource of resources) {
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

/** What every decision of one request is made from, loaded once before the first field is released. */
interface DecisionInputs {
  resources: DataResource[];
  standing: Standing;
  /** One decision per (item of a resource, purpose): the policy does not depend on the row. */
  decisions: Map<Purpose, Map<CatalogItem, Decision>>;
  /** What the fields of one record share: its resource, key, stated purpose and access path. */
  records: Map<object, RecordRelease>;
}

interface RecordRelease {
  resource: DataResource | null;
  key: string;
  purpose: string | null;
  accessPath: AccessPath;
}

const loadedInputs = new WeakMap<RequestContext, DecisionInputs>();

function decisionInputs(ctx: RequestContext): Promise<DecisionInputs> {
  return ctx.loaders.once('records.decisionInputs', async () => {
    const [resources, standing] = await Promise.all([dataResources(ctx), standingOf(ctx)]);
    const inputs: DecisionInputs = { resources, standing, decisions: new Map(), records: new Map() };
    loadedInputs.set(ctx, inputs);
    return inputs;
  });
}

/**
 * Loads what this request's decisions are made from. Root resolvers call it while they read their
 * rows, so that every field of the page is decided on the synchronous path; a field released before
 * it has finished waits for it instead.
 */
export function readyToRelease(ctx: RequestContext): Promise<unknown> {
  return ctx.config.enforcementBypass ? Promise.resolve() : decisionInputs(ctx);
}

function decideWith(ctx: RequestContext, inputs: DecisionInputs, resource: DataResource, item: CatalogItem, purpose: Purpose): Decision {
  let byItem = inputs.decisions.get(purpose);
  if (!byItem) inputs.decisions.set(purpose, (byItem = new Map()));
  let decision = byItem.get(item);
  if (!decision) {
    decision = decide(inputs.standing.requester, policyOf(resource, item), inputs.standing.grants, purpose, ctx.now);
    byItem.set(item, decision);
  }
  return decision;
}

export async function decisionFor(ctx: RequestContext, resource: DataResource, item: CatalogItem, purpose: Purpose): Promise<Decision> {
  return decideWith(ctx, await decisionInputs(ctx), resource, item, purpose);
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
export function releaseItem(ctx: RequestContext, info: GraphQLResolveInfo, source: RecordSource, row: any, itemCode: string): unknown {
  const value = row[source.columns[itemCode]];
  if (ctx.config.enforcementBypass) return value;
  // Decided synchronously once the request's inputs are loaded: a page of records has thousands of
  // fields, and a promise per field would cost more than the decision.
  const inputs = loadedInputs.get(ctx);
  if (!inputs) return decisionInputs(ctx).then(() => releaseItem(ctx, info, source, row, itemCode));
  let record = inputs.records.get(row);
  if (!record) {
    record = { resource: resourceAmong(inputs.resources, source, row.divisionCode), key: String(row[source.key]), purpose: statedPurpose.get(row) ?? null, accessPath: accessPathOf(info) };
    inputs.records.set(row, record);
  }
  const { resource, key, purpose, accessPath } = record;
  const item = resource?.items.get(itemCode);
  if (!resource || !item) {
    ctx.audit.access(resource ?? { id: `table:${source.table}`, jurisdictionCode: null }, itemCode, { effect: 'DENY', reason: 'NOT_SHARED', grantId: null, shareType: 'NOT_SHARED' }, key, purpose, accessPath);
    throw shareDenied(resource, itemCode, null, ctx.identity.agency);
  }
  const decision = decideWith(ctx, inputs, resource, item, 'READ');
  ctx.audit.access(resource, itemCode, decision, key, purpose, accessPath);
  if (decision.effect === 'DENY') throw shareDenied(resource, itemCode, decision, ctx.identity.agency);
  if (decision.effect === 'ALLOW_MASKED') return maskedDelivery(maskRuleFor(policyOf(resource, item)), value);
  return value;
}
