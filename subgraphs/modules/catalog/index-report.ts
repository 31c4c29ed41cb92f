import { In, Not } from 'typeorm';
import { RequestContext } from '../../kernel/context';
import { DataSource, EntityManager } from 'typeorm';
import { callPlatform } from '../../kernel/service-client';
import { CatalogState, UpperReviewState } from './enums';
import { CatalogIndexEntry } from './index-entry.entity';
import { CatalogItem } from './item.entity';
import { CatalogResourceRow } from './resource.entity';
import { mostPermissive, OPEN_ORDER, SHARE_ORDER } from './enums';

/** The summary of a published version that the region's integrated catalog keeps (004 art. 10). */
export function indexEntryFor(row: CatalogResourceRow, items: readonly CatalogItem[]): CatalogIndexEntry {
  return Object.assign(new CatalogIndexEntry(), {
    id: row.id,
    lineageId: row.lineageId,
    version: row.version,
    code: row.code,
    name: row.name,
    summary: row.summary,
    level: row.level,
    jurisdictionCode: row.jurisdictionCode,
    providerUscc: row.providerUscc,
    format: row.format,
    shareType: mostPermissive(SHARE_ORDER, items.map((i) => i.shareType))!,
    openType: mostPermissive(OPEN_ORDER, items.map((i) => i.openType))!,
    indexState: row.state === CatalogState.SUPERSEDED ? CatalogState.SUPERSEDED : CatalogState.PUBLISHED,
    searchText: [row.name, row.summary, ...items.map((i) => i.name)].join(' '),
    publishedAt: row.publishedAt ?? row.updatedAt,
  });
}

/**
 * Upserts entries into the region's index; a newly published version that needs no more review
 * supersedes the lineage's others. One still under the upper level's review leaves the approved
 * version listed until it is approved itself (upper-review.ts).
 */
export async function upsertIndexEntries(db: DataSource, entries: CatalogIndexEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.transaction(async (m) => {
    await m.upsert(CatalogIndexEntry, entries, ['id']);
    for (const entry of entries.filter((e) => e.indexState === CatalogState.PUBLISHED && (e.upperReview ?? UpperReviewState.APPROVED) === UpperReviewState.APPROVED)) {
      await supersedeOthers(m, entry);
    }
  });
}

/** The lineage's other listed versions give way to `entry`. */
export const supersedeOthers = (m: EntityManager, entry: Pick<CatalogIndexEntry, 'id' | 'lineageId'>) =>
  m.update(CatalogIndexEntry, { lineageId: entry.lineageId, id: Not(entry.id), indexState: CatalogState.PUBLISHED }, { indexState: CatalogState.SUPERSEDED });

const REGISTER = `mutation Register($entries: [CatalogIndexInput!]!) { registerCatalogEntries(entries: $entries) }`;

/**
 * A city or county authority's publication is reported up to the region's integrated catalog
 * through the region's API, on behalf of the same authority; the region's own goes straight in.
 */
export async function reportToIndex(ctx: RequestContext, rows: CatalogResourceRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const items = await ctx.db.getRepository(CatalogItem).find({ where: { resourceId: In(rows.map((r) => r.id)) } });
  const entries = rows.map((row) => indexEntryFor(row, items.filter((i) => i.resourceId === row.id)));
  if (ctx.level === 'REGION') {
    await upsertIndexEntries(ctx.db, entries);
    return entries.length;
  }
  const variables = { entries: entries.map((entry) => ({ ...entry, publishedAt: entry.publishedAt.toISOString() })) };
  const data = await callPlatform<{ registerCatalogEntries: number }>(ctx.config, 'REGION', { query: REGISTER, variables, authorization: ctx.authorization, requestId: ctx.requestId });
  return data.registerCatalogEntries;
}
