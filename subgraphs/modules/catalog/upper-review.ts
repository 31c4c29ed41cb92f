import { In } from 'typeorm';
import { RequestContext } from '../../kernel/context';
import { requireDivision } from '../../kernel/divisions';
import { badInput, conflict, forbidden, notFound } from '../../kernel/errors';
import { asDate, Connection, ConnectionArgs, isoOf, sqlPage } from '../../kernel/graphql/connection';
import { localIdOf } from '../../kernel/graphql/global-id';
import { requireRole } from '../../kernel/graphql/guards';
import { subtreePrefix } from '../../kernel/identifiers';
import { CatalogState, ReviewDecision, UpperReviewState } from './enums';
import { CatalogIndexEntry } from './index-entry.entity';
import { supersedeOthers } from './index-report';

/*
 * 004 art. 10 ¶2: a league's or city's, a banner's or county's authority compiles its level's catalog
 * and reports it to the authority one level up, which reviews it. The region's integrated index holds
 * every report; a reported version is listed in the catalog as approved only once that review passed,
 * and until then the lineage's approved version stays listed.
 */

/** The authority that reviews a report from `jurisdictionCode`: the division one level up. */
export function reviewerOf(jurisdictionCode: string): string {
  const parent = requireDivision(jurisdictionCode, 'jurisdictionCode').parentCode;
  if (!parent) throw new Error(`division ${jurisdictionCode} has no level above it to report to`);
  return parent;
}

/**
 * Reported entries as the index records them: a version reported for the first time waits for the
 * review one level up; a version reported again (its state changed) keeps the review it has.
 */
export async function asReported(ctx: RequestContext, entries: CatalogIndexEntry[]): Promise<CatalogIndexEntry[]> {
  const known = new Map((await ctx.db.getRepository(CatalogIndexEntry).findBy({ id: In(entries.map((e) => e.id)) })).map((e) => [e.id, e]));
  return entries.map((entry) => {
    const before = known.get(entry.id);
    return Object.assign(entry, {
      upperReview: before?.upperReview ?? UpperReviewState.PENDING,
      reviewerJurisdiction: reviewerOf(entry.jurisdictionCode),
      reportedAt: before?.reportedAt ?? ctx.now,
      reviewedAt: before?.reviewedAt ?? null,
      reviewedBy: before?.reviewedBy ?? null,
      reviewReason: before?.reviewReason ?? null,
    });
  });
}

export async function reportById(ctx: RequestContext, id: string, field = 'id'): Promise<CatalogIndexEntry> {
  const entry = await ctx.db.getRepository(CatalogIndexEntry).findOneBy({ id: localIdOf(field, id, ['CatalogReport']) });
  if (!entry || entry.reviewerJurisdiction === null) throw notFound(`${field}: no reported catalog ${id}`, { field });
  return entry;
}

/**
 * The reviewing authority approves the report — it is listed in the integrated catalog and replaces
 * the lineage's previous version — or returns it with reasons the reporting authority can act on.
 */
export async function reviewReport(ctx: RequestContext, id: string, decision: ReviewDecision, reason: string | null): Promise<CatalogIndexEntry> {
  const me = requireRole(ctx, 'reviewing a reported catalog (004 art. 10 ¶2)', 'AUTHORITY_REVIEWER');
  const entry = await reportById(ctx, id);
  if (me.jurisdiction !== entry.reviewerJurisdiction) {
    throw forbidden(`the catalog of ${entry.jurisdictionCode} is reported to the authority of ${entry.reviewerJurisdiction}, one level up (004 art. 10 ¶2), not to ${me.jurisdiction}`);
  }
  if (entry.upperReview !== UpperReviewState.PENDING) throw conflict(`reported catalog ${id} was reviewed already (${entry.upperReview})`, { state: entry.upperReview });
  const why = reason?.trim() || null;
  if (decision === ReviewDecision.RETURN && !why) throw badInput('reason', 'returning a reported catalog requires reasons the reporting authority can act on');
  if (why && why.length > 2000) throw badInput('reason', 'at most 2000 characters');
  const state = decision === ReviewDecision.APPROVE ? UpperReviewState.APPROVED : UpperReviewState.RETURNED;
  await ctx.db.transaction(async (m) => {
    const result = await m.update(CatalogIndexEntry, { id: entry.id, upperReview: UpperReviewState.PENDING }, { upperReview: state, reviewedAt: ctx.now, reviewedBy: me.sub, reviewReason: why });
    if (!result.affected) throw conflict(`reported catalog ${id} changed while this request ran; read it again`);
    if (state === UpperReviewState.APPROVED && entry.indexState === CatalogState.PUBLISHED) await supersedeOthers(m, entry);
  });
  ctx.audit.event({ action: 'CATALOG_UPPER_REVIEW', resourceId: entry.id, resourceJurisdiction: entry.jurisdictionCode, items: [], effect: state, reason: why, grantId: null, purpose: null, accessPath: 'ROOT', recordKeys: [], recordCount: 0 });
  return Object.assign(entry, { upperReview: state, reviewedAt: ctx.now, reviewedBy: me.sub, reviewReason: why });
}

const PAGE = { defaultSize: 20, maxSize: 200 };

/**
 * Reports an authority sees: those it reviews, and those of its own jurisdiction and below (how its
 * own reports and its counties' stand); the region's authority sees every report. Oldest first.
 */
export function reportsFor(ctx: RequestContext, state: UpperReviewState | undefined, args: ConnectionArgs): Promise<Connection<CatalogIndexEntry>> {
  const me = requireRole(ctx, 'listing reported catalogs (004 art. 10 ¶2)', 'AUTHORITY_REVIEWER');
  const qb = ctx.db.getRepository(CatalogIndexEntry).createQueryBuilder('e').where('e.reviewerJurisdiction IS NOT NULL');
  if (me.level !== 'REGION') {
    qb.andWhere('(e.reviewerJurisdiction = :me OR e.jurisdictionCode LIKE :subtree)', { me: me.jurisdiction, subtree: `${subtreePrefix(me.jurisdiction)}%` });
  }
  if (state) qb.andWhere('e.upperReview = :state', { state });
  return sqlPage(qb, [
    { expression: 'e.reportedAt', direction: 'ASC', value: (e) => isoOf(e.reportedAt), parse: asDate },
    { expression: 'e.id', direction: 'ASC', value: (e) => e.id },
  ], args, PAGE);
}
