import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { RequestContext } from '../../kernel/context';
import { byKeys, groupByKeys } from '../../kernel/loaders';
import { Agency } from './agency.entity';

export const agencyByUscc = (ctx: RequestContext) =>
  ctx.loaders.get('agency.byUscc', () =>
    new DataLoader<string, Agency | null>(async (ids) =>
      byKeys(ids, await ctx.db.getRepository(Agency).findBy({ uscc: In([...ids]) }), (a) => a.uscc)));

export const agenciesOfJurisdiction = (ctx: RequestContext) =>
  ctx.loaders.get('agency.byJurisdiction', () =>
    new DataLoader<string, Agency[]>(async (codes) =>
      groupByKeys(codes, await ctx.db.getRepository(Agency).find({ where: { jurisdictionCode: In([...codes]) }, order: { uscc: 'ASC' } }), (a) => a.jurisdictionCode)));
