import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { RequestContext } from '../../kernel/context';
import { groupByKeys, rowsByKey } from '../../kernel/loaders';
import { keptRowsLoader } from '../../kernel/db/kept-rows';
import { Jurisdiction } from './jurisdiction.entity';

/** The registry is a policy table: a query takes jurisdictions from the platform's kept rows. */
export const jurisdictionByCode = (ctx: RequestContext) =>
  keptRowsLoader<Jurisdiction | null>(ctx, 'jurisdiction.byCode', async (codes) => rowsByKey(await ctx.db.getRepository(Jurisdiction).findBy({ code: In([...codes]) }), (j) => j.code), null);

export const jurisdictionChildren = (ctx: RequestContext) =>
  ctx.loaders.get('jurisdiction.children', () =>
    new DataLoader<string, Jurisdiction[]>(async (parents) =>
      groupByKeys(parents, await ctx.db.getRepository(Jurisdiction).find({ where: { parentCode: In([...parents]) }, order: { code: 'ASC' } }), (j) => j.parentCode!)));
