import { randomUUID } from 'node:crypto';
import { isPublic, PUBLIC_REQUESTER } from '../../kernel/auth/caller';
import { hasRole } from '../../kernel/auth/identity';
import { RequestContext } from '../../kernel/context';
import { badInput, conflict, forbidden, notFound } from '../../kernel/errors';
import { levelLocalId } from '../../kernel/graphql/global-id';
import { requireText } from '../../kernel/text';
import { CatalogState, NotOpenGrounds, OpenType } from '../catalog/enums';
import { CatalogItem } from '../catalog/item.entity';
import { itemsOfResource, resourceById } from '../catalog/loaders';
import { ObjectionGround, ObjectionState, OpenObjection } from '../records/objection.entity';

export interface ObjectionDraft {
  resourceId: string;
  item: string;
  recordKey?: string | null;
  ground: ObjectionGround;
  statement: string;
  evidence: string;
  contact: string;
}

/** What the source department decides after verifying (004 art. 28 ¶3: 撤回数据、恢复开放、依法处理后开放). */
export enum ObjectionOutcome {
  WITHDRAW = 'WITHDRAW',
  REOPEN = 'REOPEN',
  REOPEN_MASKED = 'REOPEN_MASKED',
}

const STATE_AFTER: Record<ObjectionOutcome, ObjectionState> = {
  WITHDRAW: ObjectionState.WITHDRAWN,
  REOPEN: ObjectionState.REOPENED,
  REOPEN_MASKED: ObjectionState.REOPENED_MASKED,
};


/**
 * Files an objection to opened data of this platform: from this moment the public is refused it with
 * OPEN_SUSPENDED (004 art. 28 ¶3, 000 art. 27) — the objection table is a policy table, so the very
 * next read decides with it. Anyone may object, with or without a token; the contact is how the
 * source department reaches them, and the returned id is how they follow the outcome.
 */
export async function fileObjection(ctx: RequestContext, draft: ObjectionDraft): Promise<OpenObjection> {
  const resourceId = levelLocalId(ctx.level, 'input.resourceId', draft.resourceId, 'Resource', 'file{Level}OpenDataObjection');
  const resource = await resourceById(ctx).load(resourceId);
  if (!resource || resource.state !== CatalogState.PUBLISHED) throw notFound(`input.resourceId: no published resource ${draft.resourceId} on the ${ctx.level.toLowerCase()} platform`, { field: 'input.resourceId' });
  const item = (await itemsOfResource(ctx).load(resourceId)).find((candidate) => candidate.code === draft.item);
  if (!item) throw badInput('input.item', `${draft.item} is not an item of ${resource.code}`);
  if (item.openType === OpenType.NOT_OPEN) throw badInput('input.item', `${draft.item} of ${resource.code} is NOT_OPEN: nothing of it is opened to object to`);
  const recordKey = draft.recordKey === undefined || draft.recordKey === null ? null : draft.recordKey.trim();
  if (recordKey !== null && (recordKey.length === 0 || recordKey.length > 64)) throw badInput('input.recordKey', 'a record key is 1 to 64 characters; leave it out to object to the item in every record');
  const statement = requireText('input.statement', draft.statement, 2000, 'statement is required: 004 art. 28 ¶3 asks the objector for what is infringed');
  const evidence = requireText('input.evidence', draft.evidence, 4000, 'evidence is required: 004 art. 28 ¶3 asks the objector for evidence (证据材料)');
  const contact = requireText('input.contact', draft.contact, 128, 'contact is required: 004 art. 28 ¶3 asks the objector for a way to be told the outcome');
  const row = Object.assign(new OpenObjection(), {
    id: randomUUID(),
    resourceId,
    item: item.code,
    recordKey,
    ground: draft.ground,
    statement,
    evidence,
    objector: isPublic(ctx) ? PUBLIC_REQUESTER : ctx.identity.agency,
    contact,
    sourceDepartmentUscc: resource.sourceDepartmentUscc,
    jurisdictionCode: resource.jurisdictionCode,
    state: ObjectionState.SUSPENDED,
    filedAt: ctx.now,
    decidedAt: null,
    decisionReason: null,
    decidedBy: null,
  });
  await ctx.db.getRepository(OpenObjection).insert(row);
  ctx.audit.event({ action: 'OPEN_OBJECTION', resourceId, resourceJurisdiction: resource.jurisdictionCode, items: [item.code], effect: 'SUSPENDED', reason: draft.ground, grantId: null, purpose: null, accessPath: 'ROOT', recordKeys: recordKey ? [recordKey] : [], recordCount: recordKey ? 1 : 0 });
  return row;
}

/** An objection by its id: the receipt anyone who filed it holds. */
export async function objectionById(ctx: RequestContext, id: string, field = 'id'): Promise<OpenObjection> {
  const localId = levelLocalId(ctx.level, field, id, 'OpenDataObjection', 'decide{Level}OpenDataObjection');
  const row = await ctx.db.getRepository(OpenObjection).findOneBy({ id: localId });
  if (!row) throw notFound(`${field}: no objection ${id} on the ${ctx.level.toLowerCase()} platform`, { field });
  return row;
}

/**
 * The source department decides after verifying: the data is withdrawn (an objection to the item
 * makes the item NOT_OPEN on the objection's grounds; to one record, keeps that record closed),
 * reopened, or reopened masked. One transaction; reasons are told to the objector.
 */
export async function decideObjection(ctx: RequestContext, id: string, outcome: ObjectionOutcome, reason: string): Promise<OpenObjection> {
  const row = await objectionById(ctx, id);
  const me = ctx.identity;
  if (!hasRole(me, 'SOURCE_REVIEWER') || me.agency !== row.sourceDepartmentUscc) {
    throw forbidden(`only the source department ${row.sourceDepartmentUscc} (role SOURCE_REVIEWER) verifies and decides this objection (004 art. 28 ¶3)`);
  }
  if (row.state !== ObjectionState.SUSPENDED) throw conflict(`objection ${id} was decided already (${row.state})`);
  const decisionReason = requireText('reason', reason, 2000, 'state the result of the verification: the objector is told it');
  Object.assign(row, { state: STATE_AFTER[outcome], decidedAt: ctx.now, decidedBy: me.sub, decisionReason });
  await ctx.db.transaction(async (m) => {
    await m.getRepository(OpenObjection).update({ id: row.id, state: ObjectionState.SUSPENDED }, { state: row.state, decidedAt: row.decidedAt, decidedBy: row.decidedBy, decisionReason: row.decisionReason });
    if (outcome === ObjectionOutcome.WITHDRAW && row.recordKey === null) {
      await m.getRepository(CatalogItem).update({ resourceId: row.resourceId, code: row.item }, {
        openType: OpenType.NOT_OPEN,
        openGrounds: row.ground === ObjectionGround.TRADE_SECRET ? NotOpenGrounds.TRADE_SECRET : NotOpenGrounds.PERSONAL_PRIVACY,
        openConditions: null,
        openLegalBasis: `004 art. 28 ¶3: withdrawn after objection ${id}: ${row.decisionReason}`,
      });
    }
  });
  ctx.audit.event({ action: 'OPEN_OBJECTION_DECIDE', resourceId: row.resourceId, resourceJurisdiction: row.jurisdictionCode, items: [row.item], effect: row.state, reason: outcome, grantId: null, purpose: null, accessPath: 'ROOT', recordKeys: row.recordKey ? [row.recordKey] : [], recordCount: row.recordKey ? 1 : 0 });
  return row;
}
