import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { RequestContext } from '../../kernel/context';
import { byKeys, groupByKeys, rowGroups, rowsByKey } from '../../kernel/loaders';
import { keptRowsLoader } from '../../kernel/db/kept-rows';
import { CatalogIndexEntry } from './index-entry.entity';
import { CatalogItem } from './item.entity';
import { CatalogResourceRow } from './resource.entity';
import { CatalogTransition } from './transition.entity';

/** Resources and their items are policy tables: a query takes them from the platform's kept rows. */
export const resourceById = (ctx: RequestContext) =>
  keptRowsLoader<CatalogResourceRow | null>(ctx, 'catalog.resourceById', async (ids) => rowsByKey(await ctx.db.getRepository(CatalogResourceRow).findBy({ id: In([...ids]) }), (r) => r.id), null);

export const itemsOfResource = (ctx: RequestContext) =>
  keptRowsLoader<CatalogItem[]>(
    ctx,
    'catalog.itemsOfResource',
    async (ids) => rowGroups(await ctx.db.getRepository(CatalogItem).find({ where: { resourceId: In([...ids]) }, order: { position: 'ASC' } }), (i) => i.resourceId),
    [],
  );

export const transitionsOfResource = (ctx: RequestContext) =>
  ctx.loaders.get('catalog.transitionsOfResource', () =>
    new DataLoader<string, CatalogTransition[]>(async (ids) =>
      groupByKeys(ids, await ctx.db.getRepository(CatalogTransition).find({ where: { resourceId: In([...ids]) }, order: { id: 'ASC' } }), (t) => t.resourceId)));

export const versionsOfLineage = (ctx: RequestContext) =>
  ctx.loaders.get('catalog.versionsOfLineage', () =>
    new DataLoader<string, CatalogResourceRow[]>(async (ids) =>
      groupByKeys(ids, await ctx.db.getRepository(CatalogResourceRow).find({ where: { lineageId: In([...ids]) }, order: { version: 'ASC' } }), (r) => r.lineageId)));

export const indexEntryById = (ctx: RequestContext) =>
  ctx.loaders.get('catalog.indexEntryById', () =>
    new DataLoader<string, CatalogIndexEntry | null>(async (ids) =>
      byKeys(ids, await ctx.db.getRepository(CatalogIndexEntry).findBy({ id: In([...ids]) }), (e) => e.id)));
