import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { RequestContext } from '../../kernel/context';
import { groupByKeys, rowsByKey } from '../../kernel/loaders';
import { keptRowsLoader } from '../../kernel/db/kept-rows';
import { Agency } from './agency.entity';

/** The registry is a policy table: a query takes agencies from the platform's kept rows. */
export const agencyByUscc = (ctx: RequestContext) =>
  keptRowsLoader<Agency | null>(ctx, 'agency.byUscc', async (ids) => rowsByKey(await ctx.db.getRepository(Agency).findBy({ uscc: In([...ids]) }), (a) => a.uscc), null);

export const agenciesOfJurisdiction = (ctx: RequestContext) =>
  ctx.loaders.get('agency.byJurisdiction', () =>
    new DataLoader<string, Agency[]>(async (codes) =>
      groupByKeys(codes, await ctx.db.getRepository(Agency).find({ where: { jurisdictionCode: In([...codes]) }, order: { uscc: 'ASC' } }), (a) => a.jurisdictionCode)));
