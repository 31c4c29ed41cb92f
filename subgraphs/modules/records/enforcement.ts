import { GraphQLError, GraphQLResolveInfo } from 'graphql';
import { In, IsNull, Not } from 'typeorm';
import { AccessPath, AuditedResource } from '../../kernel/audit/collector';
import { isPublic, partyOf } from '../../kernel/auth/caller';
import { RequestContext } from '../../kernel/context';
import { levelId } from '../../kernel/graphql/global-id';
import { levelOfType } from '../../kernel/levels';
import { platformError } from '../../kernel/errors';
import { groupByKeys } from '../../kernel/loaders';
import { subtreePrefix } from '../../kernel/identifiers';
import { Decision, decide, decideOpen, DenyReason, ItemPolicy, maskedDelivery, maskRuleFor, ObjectionEffect, OpenItemPolicy, Purpose, ShareScope } from '../../kernel/policy';
import { CatalogState } from '../catalog/enums';
import { CatalogItem } from '../catalog/item.entity';
import { CatalogResourceRow } from '../catalog/resource.entity';
import { Standing, standingOf } from '../sharing/standing';
import { Origin, originsOf } from './origins';
import { RecordSource } from './sources';
import { itemKey, openStandingOf, OpenStanding, recordItemKey, strongest } from './open-standing';

/** A published catalog resource whose data this platform holds, with its items by code. */
export interface DataResource {
  id: string;
  code: string;
  jurisdictionCode: string;
  table: string;
  prefix: string;
  /** 共享范围 (004 art. 10 ¶4): every item of the resource is shared only within it. */
  scope: ShareScope | null;
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
    scope: row.shareScope,
    items: new Map(itemsByResource[i].map((item) => [item.code, item])),
  }));
}

/** The resource a record belongs to: the most specific published resource of its table covering its division. */
export function resourceAmong(resources: readonly DataResource[], source: RecordSource, divisionCode: string): DataResource | null {
  let best: DataResource | null = null;
  for (const resource of resources) {
    if (resource.table === source.table && divisionCode.startsWith(resource.prefix) && (!best || resource.prefix.length > best.prefix.length)) best = resource;
  }
  return best;
}

export const policyOf = (resource: Pick<DataResource, 'id' | 'scope'>, item: CatalogItem): ItemPolicy => ({
  resourceId: resource.id,
  scope: resource.scope,
  itemCode: item.code,
  shareType: item.shareType,
  maskRule: item.maskRule,
  maskedDeliveryOnly: item.maskedDeliveryOnly,
});

/** What every decision of one request is made from, loaded once before the first field is released. */
interface DecisionInputs {
  resources: DataResource[];
  standing: Standing;
  /** Where this platform's received rows came from, and which items their source delivered. */
  origins: ReadonlyMap<string, Origin>;
  /** One decision per (item of a resource, purpose, stated purpose): the policy does not depend on the row. */
  decisions: Map<string, Map<CatalogItem, Decision>>;
  /** What the fields of one record share: its resource, key, stated purpose and access path. */
  records: Map<object, RecordRelease>;
  /** For a public caller: the objections that limit opening (null for an agency, whom they do not concern). */
  open: OpenStanding | null;
}

interface RecordRelease {
  resource: DataResource | null;
  key: string;
  purpose: string | null;
  accessPath: AccessPath;
  origin: Origin | null;
}

const loadedInputs = new WeakMap<RequestContext, DecisionInputs>();

function decisionInputs(ctx: RequestContext): Promise<DecisionInputs> {
  return ctx.loaders.once('records.decisionInputs', async () => {
    const [resources, standing, origins, open] = await Promise.all([dataResources(ctx), standingOf(ctx), originsOf(ctx), isPublic(ctx) ? openStandingOf(ctx) : null]);
    const inputs: DecisionInputs = { resources, standing, origins, decisions: new Map(), records: new Map(), open };
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

const openPolicyOf = (resource: Pick<DataResource, 'id' | 'scope'>, item: CatalogItem, objection: ObjectionEffect | null): OpenItemPolicy => ({
  ...policyOf(resource, item),
  openType: item.openType,
  objection,
});

/**
 * The decision for one item — of one record when the caller is the public, since an objection may
 * concern a single record (004 art. 28 ¶3). Agencies' decisions do not depend on the row.
 */
function decideWith(ctx: RequestContext, inputs: DecisionInputs, resource: DataResource, item: CatalogItem, purpose: Purpose, statedPurpose: string | null, recordKey?: string): Decision {
  if (inputs.open) {
    const onRecord = recordKey === undefined || inputs.open.byRecord.size === 0 ? undefined : inputs.open.byRecord.get(recordItemKey(resource.id, item.code, recordKey));
    const objection = strongest(inputs.open.byItem.get(itemKey(resource.id, item.code)), onRecord) ?? null;
    return decideOpen(openPolicyOf(resource, item, objection), purpose, ctx.now, inputs.open.grants);
  }
  const cacheKey = `${purpose}\u0000${statedPurpose ?? ''}`;
  let byItem = inputs.decisions.get(cacheKey);
  if (!byItem) inputs.decisions.set(cacheKey, (byItem = new Map()));
  let decision = byItem.get(item);
  if (!decision) {
    decision = decide(inputs.standing.requester, policyOf(resource, item), inputs.standing.grants, purpose, ctx.now, statedPurpose);
    byItem.set(item, decision);
  }
  return decision;
}

export async function decisionFor(ctx: RequestContext, resource: DataResource, item: CatalogItem, purpose: Purpose, statedPurpose: string | null): Promise<Decision> {
  return decideWith(ctx, await decisionInputs(ctx), resource, item, purpose, statedPurpose);
}

export function accessPathOf(info: GraphQLResolveInfo): AccessPath {
  let path = info.path;
  while (path.prev) path = path.prev;
  return path.key === '_entities' ? 'ENTITIES' : 'ROOT';
}

/** The ids a refusal names, as the client knows them (global ids of this platform's resource and grant). */
const idsOf = (ctx: RequestContext, resource: Pick<DataResource, 'id'> | null, grantId: string | null) => ({
  resourceId: resource ? levelId(ctx.level, 'Resource', resource.id) : null,
  grantId: grantId ? levelId(ctx.level, 'ShareGrant', grantId) : null,
});

export function shareDenied(ctx: RequestContext, resource: DataResource | null, itemCode: string, decision: Decision | null): GraphQLError {
  if (isPublic(ctx)) return notOpened(ctx, resource, itemCode, decision);
  const reason = decision?.reason ?? 'NOT_IN_CATALOG';
  const where = resource ? `${itemCode} of ${resource.code}` : itemCode;
  const ids = idsOf(ctx, resource, decision?.grantId ?? null);
  const hint =
    reason === 'PURPOSE_REQUIRED' || reason === 'PURPOSE_MISMATCH'
      ? `; state the scenario grant ${ids.grantId} approved (or its id) as purpose, or in the x-data-purpose header (004 art. 20, 23)`
      : '';
  return platformError('SHARE_DENIED', `${where} (${decision?.shareType ?? 'not in a published catalog resource'}) is not shared with ${ctx.identity.agency}: ${reason}${hint}`, {
    item: itemCode,
    shareType: decision?.shareType ?? null,
    reason,
    ...ids,
  });
}

const NOT_OPENED_BECAUSE: Partial<Record<DenyReason | 'NOT_IN_CATALOG', string>> = {
  NOT_OPEN: 'is not open to the public (004 art. 27 (1))',
  OPEN_APPLICATION_REQUIRED: 'is opened only on an approved application (CONDITIONAL_OPEN, 004 art. 28 ¶2)',
  OPEN_GRANT_EXPIRED: 'was opened to this applicant for a usage period that has ended (004 art. 28 ¶2): apply again',
};

/**
 * What the public is told of an item it may not have: OPEN_SUSPENDED while an objection is being
 * verified; otherwise UNAUTHENTICATED for the anonymous public (a token would be needed: an agency's,
 * or a registered applicant's with an approved application) and FORBIDDEN for a registered person or
 * organisation, who is known and still may not have it.
 */
function notOpened(ctx: RequestContext, resource: DataResource | null, itemCode: string, decision: Decision | null): GraphQLError {
  const reason = decision?.reason ?? 'NOT_IN_CATALOG';
  const where = resource ? `${itemCode} of ${resource.code}` : itemCode;
  const applicationId = decision?.grantId ? levelId(ctx.level, 'OpenDataApplication', decision.grantId) : null;
  const extensions = { item: itemCode, reason, resourceId: idsOf(ctx, resource, null).resourceId, ...(applicationId ? { applicationId } : {}) };
  if (reason === 'OPEN_SUSPENDED') {
    return platformError('OPEN_SUSPENDED', `${where}: opening is suspended while an objection is verified by its source department (004 art. 28 ¶3)`, extensions);
  }
  const because = NOT_OPENED_BECAUSE[reason] ?? 'is not in a published catalog resource';
  const party = partyOf(ctx);
  if (party) return platformError('FORBIDDEN', `${where} ${because}; ${party.kind.toLowerCase()} ${party.id} holds no approved application for it`, extensions);
  return platformError('UNAUTHENTICATED', `${where} ${because}; without a token only unconditionally open data is served`, extensions);
}

/** 004 art. 50: a suspended agency gets nothing from this platform — no value, no key, no count. */
export function agencySuspended(ctx: RequestContext): GraphQLError {
  return platformError('AGENCY_SUSPENDED', `agency ${ctx.identity.agency}: access to the ${ctx.level.toLowerCase()} platform's data is suspended until it corrects (004 art. 50)`, { reason: 'AGENCY_SUSPENDED' });
}

/** Purposes stated on root queries, attached to the rows they return so nested fields can record them. */
const statedPurpose = new WeakMap<object, string>();
export const withPurpose = <T extends object>(rows: T[], purpose: string | undefined | null): T[] => {
  if (purpose) for (const row of rows) statedPurpose.set(row, purpose);
  return rows;
};

/** Rows whose key the requester supplied itself (a lookup by key): their key is an echo, not a release. */
const echoedKeys = new WeakSet<object>();

function releaseOf(ctx: RequestContext, inputs: DecisionInputs, info: GraphQLResolveInfo, source: RecordSource, row: any): RecordRelease {
  let record = inputs.records.get(row);
  if (!record) {
    record = {
      resource: resourceAmong(inputs.resources, source, row.divisionCode),
      key: String(row[source.key]),
      purpose: statedPurpose.get(row) ?? ctx.statedPurpose,
      accessPath: accessPathOf(info),
      origin: row.originSubscription ? (inputs.origins.get(row.originSubscription) ?? null) : null,
    };
    inputs.records.set(row, record);
  }
  return record;
}

const notInCatalog: Decision = { effect: 'DENY', reason: 'NOT_SHARED', grantId: null, shareType: 'NOT_SHARED' };
/** Records of no published resource are audited against their table; one object per table, so their keys group. */
const tables = new Map<string, AuditedResource>();
const tableOf = (source: RecordSource): AuditedResource => {
  let table = tables.get(source.table);
  if (!table) tables.set(source.table, (table = { id: `table:${source.table}`, jurisdictionCode: null }));
  return table;
};

/**
 * A received row whose source withheld the item (NOT_SHARED there, no grant, masked-only…) holds no
 * value for it: the reader is told so, and by which subscription, rather than given a bare null.
 */
function withheldAtSource(ctx: RequestContext, record: RecordRelease, itemCode: string): GraphQLError {
  const origin = record.origin!;
  const subscriptionId = levelId(origin.sourceLevel, 'ReflowSubscription', origin.subscriptionId);
  return platformError(
    'SHARE_DENIED',
    `${itemCode} of record ${record.key} was withheld by the ${origin.sourceLevel.toLowerCase()} platform that delivered it (subscription ${subscriptionId}): this platform does not hold it`,
    { item: itemCode, reason: 'WITHHELD_AT_SOURCE', subscriptionId, sourceLevel: origin.sourceLevel, resourceId: idsOf(ctx, record.resource, null).resourceId },
  );
}

/**
 * Field-level enforcement, the one path every data value takes out of this platform: decide for
 * this requester and item (004 art. 21-23, 50) and the purpose the read states, record the access
 * (001 art. 25), then release the value, release it masked (004 art. 22), or refuse with SHARE_DENIED
 * at this field's path — also when the value was never delivered here (withheld at its source).
 */
export function releaseItem(ctx: RequestContext, info: GraphQLResolveInfo, source: RecordSource, row: any, itemCode: string): unknown {
  const value = row[source.columns[itemCode]];
  if (ctx.config.enforcementBypass) return value;
  // Decided synchronously once the request's inputs are loaded: a page of records has thousands of
  // fields, and a promise per field would cost more than the decision.
  const inputs = loadedInputs.get(ctx);
  if (!inputs) return decisionInputs(ctx).then(() => releaseItem(ctx, info, source, row, itemCode));
  const record = releaseOf(ctx, inputs, info, source, row);
  const { resource, key, purpose, accessPath } = record;
  const item = resource?.items.get(itemCode);
  if (!resource || !item) {
    ctx.audit.access(resource ?? tableOf(source), itemCode, notInCatalog, key, purpose, accessPath);
    throw shareDenied(ctx, resource, itemCode, null);
  }
  const decision = decideWith(ctx, inputs, resource, item, 'READ', purpose, key);
  ctx.audit.access(resource, itemCode, decision, key, purpose, accessPath);
  if (decision.effect === 'DENY') throw shareDenied(ctx, resource, itemCode, decision);
  if (record.origin?.heldItems && itemCode !== source.keyItem && !record.origin.heldItems.has(itemCode)) throw withheldAtSource(ctx, record, itemCode);
  if (decision.effect === 'ALLOW_MASKED') return maskedDelivery(maskRuleFor(policyOf(resource, item)), value);
  return value;
}

/**
 * A record's key is a catalog item like any other (id_number is one): releasing it is deciding it and
 * recording it. A key the requester supplied itself (a lookup) is only echoed; the lookup is recorded.
 */
export function releaseKey(ctx: RequestContext, info: GraphQLResolveInfo, source: RecordSource, row: any): unknown {
  if (echoedKeys.has(row)) return row[source.key];
  // Another level's record here is only a reference: its key came from the caller or from a record of
  // this level whose own key was released (a county roll's person), and the owning level decides the rest.
  const owner = levelOfType(info.parentType.name);
  if (owner !== null && owner !== ctx.level) return row[source.key];
  return releaseItem(ctx, info, source, row, source.keyItem);
}

/**
 * Typed record lists hand out keys as entity identities, which can be neither null nor masked: the
 * page is served only when the key item is released in the clear for every row's resource; otherwise
 * it is refused at its root, and `records` of the resource releases each item by its own decision.
 * Nothing at all for a suspended agency, not even how many rows there are.
 */
export async function requireKeysReleasable(ctx: RequestContext, source: RecordSource, rows: readonly any[], statedPurposeOfPage: string | null): Promise<void> {
  if (ctx.config.enforcementBypass) return;
  const inputs = await decisionInputs(ctx);
  if (inputs.standing.requester.suspended) throw agencySuspended(ctx);
  const resources = new Set(rows.map((row) => resourceAmong(inputs.resources, source, row.divisionCode)));
  for (const resource of resources) {
    const item = resource?.items.get(source.keyItem);
    if (!resource || !item) throw shareDenied(ctx, resource, source.keyItem, null);
    const decision = decideWith(ctx, inputs, resource, item, 'READ', statedPurposeOfPage ?? ctx.statedPurpose);
    if (decision.effect === 'DENY') throw shareDenied(ctx, resource, source.keyItem, decision);
    if (decision.effect === 'ALLOW_MASKED') {
      throw platformError('SHARE_DENIED', `${source.keyItem} of ${resource.code} is released to ${ctx.identity.agency} only masked, and a masked key cannot identify a record: read them through records of the resource`, {
        item: source.keyItem,
        reason: 'KEY_MASKED',
        ...idsOf(ctx, resource, decision.grantId),
      });
    }
  }
}

/**
 * A lookup by keys the requester supplied (`regionPerson(idNumber:)`, `records(keys:)`, an entity
 * reference): refused outright to a suspended agency, else recorded as a LOOKUP of those keys — which
 * exist is itself information — and the keys of the rows found are echoes from then on.
 */
export async function lookUpKeys<T extends object>(ctx: RequestContext, source: RecordSource, keys: readonly string[], rows: readonly T[], statedPurposeOfLookup: string | null, accessPath: AccessPath): Promise<void> {
  if (ctx.config.enforcementBypass) return;
  const inputs = await decisionInputs(ctx);
  if (inputs.standing.requester.suspended) throw agencySuspended(ctx);
  const found = new Map(rows.map((row: any) => [String(row[source.key]), resourceAmong(inputs.resources, source, row.divisionCode)]));
  const byResource = new Map<AuditedResource, string[]>();
  for (const key of keys) {
    const resource = found.get(key) ?? tableOf(source);
    byResource.set(resource, [...(byResource.get(resource) ?? []), key]);
  }
  const looked: Decision = { effect: 'ALLOW', reason: null, grantId: null, shareType: 'UNCONDITIONAL' };
  for (const [resource, resourceKeys] of byResource) {
    ctx.audit.accessMany(resource, source.keyItem, looked, resourceKeys, statedPurposeOfLookup ?? ctx.statedPurpose, accessPath, 'LOOKUP');
  }
  for (const row of rows) echoedKeys.add(row);
}
