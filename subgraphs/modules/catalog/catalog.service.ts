import { createHash, randomUUID } from 'node:crypto';
import { EntityManager, In, Not } from 'typeorm';
import { hasRole } from '../../kernel/auth/identity';
import { RequestContext } from '../../kernel/context';
import { badInput, conflict, forbidden, notFound } from '../../kernel/errors';
import { requireDivision } from '../../kernel/divisions';
import { checkUscc, isWithin } from '../../kernel/identifiers';
import type { ShareScope } from '../../kernel/policy';
import { CatalogState, mostPermissive, OPEN_ORDER, SHARE_ORDER } from './enums';
import { ItemDraft, ResourceDraft } from './drafts';
import { CatalogItem } from './item.entity';
import { resourceById } from './loaders';
import { CatalogResourceRow } from './resource.entity';
import { reportToIndex } from './index-report';
import { checkItemList } from './share-rules';
import { CatalogTransition } from './transition.entity';
import { Actor, CatalogAction, requireStep } from './workflow';

/** Deterministic UUID-shaped id from a name, so demo resources have the same id at every level. */
export function stableId(name: string): string {
  const h = createHash('sha1').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function itemRows(resourceId: string, items: readonly ItemDraft[]): CatalogItem[] {
  return items.map((item, position) =>
    Object.assign(new CatalogItem(), {
      ...item,
      id: stableId(`${resourceId}/${item.code}`),
      resourceId,
      position,
      description: item.description ?? '',
      shareConditions: item.shareConditions ?? null,
      shareReason: item.shareReason ?? null,
      legalBasis: item.legalBasis ?? null,
      openGrounds: item.openGrounds ?? null,
      openLegalBasis: item.openLegalBasis ?? null,
      openConditions: item.openConditions ?? null,
      maskRule: item.maskRule ?? null,
      maskedDeliveryOnly: item.maskedDeliveryOnly ?? false,
    }),
  );
}

export function derivedShareType(items: readonly CatalogItem[]) {
  return mostPermissive(SHARE_ORDER, items.map((i) => i.shareType));
}

export function derivedOpenType(items: readonly CatalogItem[]) {
  return mostPermissive(OPEN_ORDER, items.map((i) => i.openType));
}

/** FORBIDDEN unless the caller may act as `actor` on this resource. */
export function requireActor(ctx: RequestContext, actor: Actor, action: string, row: CatalogResourceRow): void {
  const me = ctx.identity;
  if (actor === 'PROVIDER') {
    if (me.agency !== row.providerUscc || !(hasRole(me, 'AGENCY_USER') || hasRole(me, 'SOURCE_REVIEWER'))) {
      throw forbidden(`${action}: only users of the providing agency ${row.providerUscc} may do this`);
    }
    return;
  }
  if (!hasRole(me, 'AUTHORITY_REVIEWER') || me.jurisdiction !== row.jurisdictionCode) {
    throw forbidden(`${action}: only the public data authority of ${row.jurisdictionCode} (role AUTHORITY_REVIEWER) may do this (004 art. 10)`);
  }
}

/** Published versions are public to every agency; work in progress only to its provider and the authorities above it. */
export function canSee(ctx: RequestContext, row: CatalogResourceRow): boolean {
  if (row.state === CatalogState.PUBLISHED || row.state === CatalogState.SUPERSEDED) return true;
  const me = ctx.identity;
  return me.agency === row.providerUscc || (hasRole(me, 'AUTHORITY_REVIEWER') && isWithin(row.jurisdictionCode, me.jurisdiction));
}

export async function loadVisible(ctx: RequestContext, id: string, field = 'id'): Promise<CatalogResourceRow> {
  const row = await resourceById(ctx).load(id);
  if (!row || !canSee(ctx, row)) throw notFound(`${field}: no catalog resource ${id} on the ${ctx.level.toLowerCase()} platform`, { field });
  return row;
}

function checkDepartments(input: ResourceDraft) {
  for (const field of ['sourceDepartmentUscc', 'collectingDepartmentUscc', 'approvingDepartmentUscc'] as const) {
    const value = input[field];
    if (!value) continue;
    const check = checkUscc(value);
    if (!check.valid) throw badInput(`input.${field}`, `'${value}' is not a valid USCC: ${check.reason}`);
  }
}

/** A share scope names real divisions and agencies, or it would silently shut everyone out. */
function checkShareScope(scope: ShareScope | null | undefined): ShareScope | null {
  if (!scope) return null;
  const { levels, jurisdictionCode, agencies } = scope;
  if (!levels && !jurisdictionCode && !agencies) throw badInput('input.shareScope', 'a share scope states levels, a jurisdiction or agencies; leave it out to share with every agency');
  if (jurisdictionCode) requireDivision(jurisdictionCode, 'input.shareScope.jurisdictionCode');
  agencies?.forEach((uscc, i) => {
    const check = checkUscc(uscc);
    if (!check.valid) throw badInput(`input.shareScope.agencies[${i}]`, `'${uscc}' is not a valid USCC: ${check.reason}`);
  });
  return { levels: levels ? [...new Set(levels)] : null, jurisdictionCode: jurisdictionCode ?? null, agencies: agencies ? [...new Set(agencies)] : null };
}

const transition = (m: EntityManager, ctx: RequestContext, resourceId: string, fromState: CatalogState | null, toState: CatalogState, reason: string | null) =>
  m.insert(CatalogTransition, { resourceId, fromState, toState, actor: ctx.identity.sub, actorAgency: ctx.identity.agency, reason, at: ctx.now });

/** 004 art. 10: an agency compiles its own catalog on the platform of its own level. */
export async function createResource(ctx: RequestContext, input: ResourceDraft): Promise<CatalogResourceRow> {
  const me = ctx.identity;
  if (!(hasRole(me, 'AGENCY_USER') || hasRole(me, 'SOURCE_REVIEWER'))) throw forbidden('creating a catalog resource requires role AGENCY_USER or SOURCE_REVIEWER');
  if (me.level !== ctx.level) {
    throw forbidden(`a ${me.level} agency compiles its catalog on the ${me.level.toLowerCase()} platform, not the ${ctx.level.toLowerCase()} one (004 art. 10)`);
  }
  checkDepartments(input);
  checkItemList(input.items);
  const shareScope = checkShareScope(input.shareScope);
  const id = randomUUID();
  const row = Object.assign(new CatalogResourceRow(), {
    id,
    lineageId: id,
    version: 1,
    code: input.code ?? `${me.jurisdiction}-${id.slice(0, 8).toUpperCase()}`,
    name: input.name,
    summary: input.summary,
    dataForm: input.dataForm,
    format: input.format,
    updateFrequency: input.updateFrequency,
    basicDatabase: input.basicDatabase ?? null,
    shareScope,
    dataTable: null,
    providerUscc: me.agency,
    sourceDepartmentUscc: input.sourceDepartmentUscc ?? me.agency,
    collectingDepartmentUscc: input.collectingDepartmentUscc ?? null,
    approvingDepartmentUscc: input.approvingDepartmentUscc ?? null,
    jurisdictionCode: me.jurisdiction,
    level: ctx.level,
    state: CatalogState.DRAFT,
    revisionTrigger: null,
    revisionTriggeredAt: null,
    submittedAt: null,
    publishedAt: null,
  });
  await ctx.db.transaction(async (m) => {
    if (await m.existsBy(CatalogResourceRow, { code: row.code })) throw badInput('input.code', `catalog code ${row.code} is already used`);
    await m.insert(CatalogResourceRow, row);
    await m.insert(CatalogItem, itemRows(id, input.items));
    await transition(m, ctx, id, null, CatalogState.DRAFT, null);
  });
  return (await m2row(ctx, id))!;
}

/** Replace a draft's description and items (only DRAFT or RETURNED versions change). */
export async function updateResource(ctx: RequestContext, id: string, input: ResourceDraft): Promise<CatalogResourceRow> {
  const row = await loadVisible(ctx, id);
  requireActor(ctx, 'PROVIDER', 'edit', row);
  requireStep('edit', id, row.state);
  checkDepartments(input);
  checkItemList(input.items);
  const shareScope = checkShareScope(input.shareScope);
  if (input.code && input.code !== row.code) throw badInput('input.code', 'a resource keeps its catalog code across edits and versions');
  await ctx.db.transaction(async (m) => {
    await m.update(CatalogResourceRow, { id }, {
      name: input.name,
      summary: input.summary,
      dataForm: input.dataForm,
      format: input.format,
      updateFrequency: input.updateFrequency,
      basicDatabase: input.basicDatabase ?? null,
      shareScope,
      sourceDepartmentUscc: input.sourceDepartmentUscc ?? row.providerUscc,
      collectingDepartmentUscc: input.collectingDepartmentUscc ?? null,
      approvingDepartmentUscc: input.approvingDepartmentUscc ?? null,
    });
    await m.delete(CatalogItem, { resourceId: id });
    await m.insert(CatalogItem, itemRows(id, input.items));
  });
  return (await m2row(ctx, id))!;
}

/** Submit, approve, return or publish one version; every move is recorded with who, when and why. */
export async function moveResource(ctx: RequestContext, action: Exclude<CatalogAction, 'edit' | 'revise'>, id: string, reason: string | null): Promise<CatalogResourceRow> {
  const row = await loadVisible(ctx, id);
  const step = requireStep(action, id, row.state);
  requireActor(ctx, step.actor, action, row);
  if (action === 'return' && !reason?.trim()) throw badInput('reason', 'returning a resource requires a reason the agency can act on');
  const to = step.to!;
  await ctx.db.transaction(async (m) => {
    // Guarded on the state read above: a concurrent move makes this update match nothing.
    const patch: Partial<CatalogResourceRow> = { state: to };
    if (to === CatalogState.SUBMITTED) patch.submittedAt = ctx.now;
    if (to === CatalogState.PUBLISHED) patch.publishedAt = ctx.now;
    const result = await m.update(CatalogResourceRow, { id, state: row.state }, patch);
    if (!result.affected) throw conflict(`resource ${id} changed while this request ran; read it again`, { field: 'id' });
    await transition(m, ctx, id, row.state, to, reason);
    if (to === CatalogState.PUBLISHED) {
      const older = await m.findBy(CatalogResourceRow, { lineageId: row.lineageId, state: CatalogState.PUBLISHED, id: Not(id) });
      for (const old of older) {
        await m.update(CatalogResourceRow, { id: old.id }, { state: CatalogState.SUPERSEDED });
        await transition(m, ctx, old.id, CatalogState.PUBLISHED, CatalogState.SUPERSEDED, `superseded by version ${row.version}`);
      }
    }
  });
  const updated = (await m2row(ctx, id))!;
  if (to === CatalogState.PUBLISHED) await reportToIndex(ctx, [updated]);
  return updated;
}

/** A change after publication starts a new draft version; the published one stays until it is replaced. */
export async function reviseResource(ctx: RequestContext, id: string, trigger: string, triggeredAt: Date | null): Promise<CatalogResourceRow> {
  const row = await loadVisible(ctx, id);
  requireActor(ctx, 'PROVIDER', 'revise', row);
  requireStep('revise', id, row.state);
  if (!trigger.trim()) throw badInput('trigger', 'say what changed: the legal basis or the agency duties (004 art. 11)');
  if (triggeredAt && triggeredAt.getTime() > ctx.now.getTime()) throw badInput('triggeredAt', 'the change cannot lie in the future');
  const versions = await ctx.db.getRepository(CatalogResourceRow).findBy({ lineageId: row.lineageId });
  if (versions.some((v) => [CatalogState.DRAFT, CatalogState.SUBMITTED, CatalogState.APPROVED, CatalogState.RETURNED].includes(v.state))) {
    throw conflict(`resource ${row.code} already has a version in progress; finish or publish it first`, { field: 'id' });
  }
  const newId = randomUUID();
  const items = await ctx.db.getRepository(CatalogItem).find({ where: { resourceId: id }, order: { position: 'ASC' } });
  await ctx.db.transaction(async (m) => {
    await m.insert(CatalogResourceRow, {
      ...row,
      id: newId,
      version: Math.max(...versions.map((v) => v.version)) + 1,
      state: CatalogState.DRAFT,
      revisionTrigger: trigger.trim(),
      revisionTriggeredAt: triggeredAt ?? ctx.now,
      submittedAt: null,
      publishedAt: null,
      createdAt: undefined,
      updatedAt: undefined,
    });
    await m.insert(CatalogItem, itemRows(newId, items));
    await transition(m, ctx, newId, null, CatalogState.DRAFT, `revision of version ${row.version}: ${trigger.trim()}`);
  });
  return (await m2row(ctx, newId))!;
}

/** Re-reads a row after a write (the request's loader may hold the old one). */
async function m2row(ctx: RequestContext, id: string) {
  resourceById(ctx).clear(id);
  return ctx.db.getRepository(CatalogResourceRow).findOneBy({ id });
}

export async function publishedRows(ctx: RequestContext, jurisdictionCode: string): Promise<CatalogResourceRow[]> {
  return ctx.db.getRepository(CatalogResourceRow).findBy({ jurisdictionCode, state: In([CatalogState.PUBLISHED, CatalogState.SUPERSEDED]) });
}
