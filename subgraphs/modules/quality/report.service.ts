import { randomUUID } from 'node:crypto';
import { isPublic, partyOf, PUBLIC_REQUESTER } from '../../kernel/auth/caller';
import { hasRole } from '../../kernel/auth/identity';
import { RequestContext } from '../../kernel/context';
import { badInput, conflict, forbidden, notFound } from '../../kernel/errors';
import { levelLocalId } from '../../kernel/graphql/global-id';
import { optionalText, requireText } from '../../kernel/text';
import { isWithin, subtreePrefix } from '../../kernel/identifiers';
import { CatalogState, ItemDataType, OpenType } from '../catalog/enums';
import { CatalogItem } from '../catalog/item.entity';
import { itemsOfResource, resourceById } from '../catalog/loaders';
import { CatalogResourceRow } from '../catalog/resource.entity';
import { RecordSource, recordSource } from '../records/sources';
import { QualityIssue, QualityReport, QualityReportState } from './report.entity';

export interface QualityReportDraft {
  resourceId: string;
  recordKey: string;
  item: string;
  issue: QualityIssue;
  statement: string;
  suggestedValue?: string | null;
  contact?: string | null;
}

export enum QualityOutcome {
  CORRECT = 'CORRECT',
  REJECT = 'REJECT',
}


/** The record a report is about: a row of this platform's own (a received copy is corrected at its source). */
async function recordOf(ctx: RequestContext, resource: CatalogResourceRow, key: string): Promise<{ source: RecordSource; row: any }> {
  const source = recordSource(resource.dataTable!);
  const row: any = await ctx.db.getRepository(source.entity).findOneBy({ [source.key]: key } as object);
  if (!row || row.deletedAt || !String(row.divisionCode).startsWith(subtreePrefix(resource.jurisdictionCode))) {
    throw notFound(`input.recordKey: ${resource.code} has no record ${key}`, { field: 'input.recordKey' });
  }
  if (row.originPlatform) {
    throw badInput('input.recordKey', `record ${key} here is a copy reflowed from the ${String(row.originPlatform).toLowerCase()} platform: report it there, where its providing agency corrects it and the correction flows down`);
  }
  return { source, row };
}

/**
 * 004 art. 45: a data user reports that an item of a record is wrong or missing; from this moment every
 * reader sees the value marked "under verification". Agencies report on any item; the public on opened
 * items, leaving a contact unless it is a registered person or organisation.
 */
export async function fileQualityReport(ctx: RequestContext, draft: QualityReportDraft): Promise<QualityReport> {
  const resourceId = levelLocalId(ctx.level, 'input.resourceId', draft.resourceId, 'Resource', 'report{Level}DataQuality');
  const resource = await resourceById(ctx).load(resourceId);
  if (!resource || resource.state !== CatalogState.PUBLISHED || !resource.dataTable) {
    throw notFound(`input.resourceId: no published resource with records ${draft.resourceId} on the ${ctx.level.toLowerCase()} platform`, { field: 'input.resourceId' });
  }
  const item = (await itemsOfResource(ctx).load(resourceId)).find((candidate) => candidate.code === draft.item);
  if (!item) throw badInput('input.item', `${draft.item} is not an item of ${resource.code}`);
  const anonymous = isPublic(ctx) && !partyOf(ctx);
  if (isPublic(ctx) && item.openType === OpenType.NOT_OPEN) throw badInput('input.item', `${item.code} of ${resource.code} is NOT_OPEN: the public reports on opened data; an agency using it can report`);
  const statement = requireText('input.statement', draft.statement, 2000, 'statement is required: say what is wrong or missing (004 art. 45)');
  const suggestedValue = optionalText('input.suggestedValue', draft.suggestedValue, 2000);
  const contact = anonymous
    ? requireText('input.contact', draft.contact, 128, 'contact is required: without a token the providing agency answers through a contact')
    : optionalText('input.contact', draft.contact, 128);
  const recordKey = draft.recordKey.trim();
  await recordOf(ctx, resource, recordKey);

  const report = Object.assign(new QualityReport(), {
    id: randomUUID(),
    resourceId,
    recordKey,
    item: item.code,
    issue: draft.issue,
    statement,
    suggestedValue,
    reporter: isPublic(ctx) ? PUBLIC_REQUESTER : ctx.identity.agency,
    reporterParty: partyOf(ctx)?.id ?? null,
    contact,
    providerUscc: resource.providerUscc,
    jurisdictionCode: resource.jurisdictionCode,
    state: QualityReportState.UNDER_VERIFICATION,
    filedAt: ctx.now,
    extendedAt: null,
    extensionReason: null,
    answeredAt: null,
    answeredBy: null,
    answer: null,
    correctedValue: null,
  });
  await ctx.db.transaction(async (m) => {
    const open = await m.findOneBy(QualityReport, { resourceId, recordKey, item: item.code, state: QualityReportState.UNDER_VERIFICATION });
    if (open) throw conflict(`${item.code} of record ${recordKey} is under verification already (report ${open.id}); follow that one`, { reportId: open.id });
    await m.insert(QualityReport, report);
  });
  record(ctx, 'QUALITY_REPORT', report, 'FILED');
  return report;
}

/** Who sees a report: its reporter, the providing agency, the authorities over its jurisdiction. */
export function maySeeReport(ctx: RequestContext, report: QualityReport): boolean {
  const party = partyOf(ctx);
  if (party) return report.reporterParty === party.id;
  if (isPublic(ctx)) return report.reporter === PUBLIC_REQUESTER && report.reporterParty === null;
  const me = ctx.identity;
  return me.agency === report.reporter || me.agency === report.providerUscc || (hasRole(me, 'AUTHORITY_REVIEWER') && isWithin(report.jurisdictionCode, me.jurisdiction));
}

/** A report by its id: the anonymous reporter's receipt, and how the others find it. */
export async function qualityReportById(ctx: RequestContext, id: string, field = 'id'): Promise<QualityReport> {
  const localId = levelLocalId(ctx.level, field, id, 'DataQualityReport', 'qualityReport');
  const report = await ctx.db.getRepository(QualityReport).findOneBy({ id: localId });
  if (!report || !maySeeReport(ctx, report)) throw notFound(`${field}: no quality report ${id} on the ${ctx.level.toLowerCase()} platform`, { field });
  return report;
}

async function providersReport(ctx: RequestContext, id: string, action: string, role?: 'SOURCE_REVIEWER'): Promise<QualityReport> {
  const report = await qualityReportById(ctx, id);
  const me = ctx.identity;
  const allowed = role ? hasRole(me, role) : hasRole(me, 'AGENCY_USER') || hasRole(me, 'SOURCE_REVIEWER');
  if (me.agency !== report.providerUscc || !allowed) throw forbidden(`${action}: only the providing agency ${report.providerUscc}${role ? ` (role ${role})` : ''} does this (004 art. 45)`);
  if (report.state !== QualityReportState.UNDER_VERIFICATION) throw conflict(`quality report ${id} was answered already (${report.state})`, { state: report.state });
  return report;
}

/** Anhui 002 art. 26: the limit may be extended once, by the providing department, with its reason. */
export async function extendQualityReport(ctx: RequestContext, id: string, reason: string): Promise<QualityReport> {
  const report = await providersReport(ctx, id, 'extending the verification', 'SOURCE_REVIEWER');
  if (report.extendedAt) throw conflict(`quality report ${id} was extended already, on ${report.extendedAt.toISOString()}: a limit is extended once (002 art. 26)`);
  const why = requireText('reason', reason, 2000, 'reason is required: say why verification needs longer (002 art. 26)');
  const patch = { extendedAt: ctx.now, extensionReason: why };
  await ctx.db.getRepository(QualityReport).update({ id: report.id, state: QualityReportState.UNDER_VERIFICATION }, patch);
  record(ctx, 'QUALITY_EXTEND', Object.assign(report, patch), 'EXTENDED');
  return report;
}

/** A corrected value as the record column holds it, checked against the item's data type and the column's size. */
function correctionValue(ctx: RequestContext, source: RecordSource, item: CatalogItem, value: string): string | number | boolean {
  const property = source.columns[item.code];
  const length = ctx.db.getMetadata(source.entity).findColumnWithPropertyName(property)?.length;
  if (length && value.length > Number(length)) throw badInput('correctedValue', `${item.code} holds at most ${length} characters`);
  const fail = (what: string) => badInput('correctedValue', `${item.code} is ${item.dataType}: '${value}' is not ${what}`);
  switch (item.dataType) {
    case ItemDataType.INTEGER:
      if (!/^-?\d{1,15}$/.test(value)) throw fail('an integer');
      return Number(value);
    case ItemDataType.DECIMAL:
      if (!/^-?\d{1,15}(\.\d{1,6})?$/.test(value)) throw fail('a decimal number');
      return value;
    case ItemDataType.DATE:
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) throw fail('a date (YYYY-MM-DD)');
      return value;
    case ItemDataType.BOOLEAN:
      if (value !== 'true' && value !== 'false') throw fail('true or false');
      return value === 'true';
    default:
      return value;
  }
}

/**
 * The providing agency answers after verifying (004 art. 45: 标注、核实、处理、反馈): it corrects the
 * value — in the record, in the same transaction, stamped as a change so that the next incremental
 * reflow carries it to every copy — or rejects the report; either way with its reasons.
 */
export async function answerQualityReport(ctx: RequestContext, id: string, outcome: QualityOutcome, correctedValue: string | null, reason: string): Promise<QualityReport> {
  const report = await providersReport(ctx, id, 'answering a quality report');
  const answer = requireText('reason', reason, 2000, 'reason is required: the reporter is told what verification found (004 art. 45)');
  const patch: Partial<QualityReport> = { answeredAt: ctx.now, answeredBy: ctx.identity.sub, answer, state: outcome === QualityOutcome.CORRECT ? QualityReportState.CORRECTED : QualityReportState.REJECTED };
  const resource = (await resourceById(ctx).load(report.resourceId))!;
  await ctx.db.transaction(async (m) => {
    if (outcome === QualityOutcome.CORRECT) {
      const item = (await itemsOfResource(ctx).load(report.resourceId)).find((candidate) => candidate.code === report.item)!;
      const { source, row } = await recordOf(ctx, resource, report.recordKey);
      if (item.code === source.keyItem) throw badInput('outcome', `${item.code} is the record's key: a wrong key is corrected by registering the record again`);
      const value = correctionValue(ctx, source, item, requireText('correctedValue', correctedValue, 2000, 'correctedValue is required: a correction states the value now held'));
      patch.correctedValue = String(value);
      // Stamped after the row's last change even when the platform's clock is behind it: reflow pulls by this stamp.
      const updatedAt = new Date(Math.max(ctx.now.getTime(), row.updatedAt.getTime() + 1));
      await m.getRepository(source.entity).update({ [source.key]: report.recordKey } as object, { [source.columns[item.code]]: value, updatedAt } as object);
    }
    const result = await m.update(QualityReport, { id: report.id, state: QualityReportState.UNDER_VERIFICATION }, patch);
    if (!result.affected) throw conflict(`quality report ${id} changed while this request ran; read it again`);
  });
  Object.assign(report, patch);
  record(ctx, 'QUALITY_ANSWER', report, report.state);
  return report;
}

/** Every step in the audit trail (004 art. 44): the effect is the step's outcome. */
function record(ctx: RequestContext, action: string, report: QualityReport, effect: string): void {
  ctx.audit.event({ action, resourceId: report.resourceId, resourceJurisdiction: report.jurisdictionCode, items: [report.item], effect, reason: report.issue, grantId: null, purpose: null, accessPath: 'ROOT', recordKeys: [report.recordKey], recordCount: 1 });
}
