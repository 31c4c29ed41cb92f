import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { RequestContext } from '../../kernel/context';
import { byKeys, groupByKeys } from '../../kernel/loaders';
import { Jurisdiction } from './jurisdiction.entity';

export const jurisdictionByCode = (ctx: RequestContext) =>
  ctx.loaders.get('jurisdiction.byCode', () =>
    new DataLoader<string, Jurisdiction | null>(async (codes) =>
      byKeys(codes, await ctx.db.getRepository(Jurisdiction).findBy({ code: In([...codes]) }), (j) => j.code)));

export const jurisdictionChildren = (ctx: RequestContext) =>
  ctx.loaders.get('jurisdiction.children', () =>
    new DataLoader<string, Jurisdiction[]>(async (parents) =>
      groupByKeys(parents, await ctx.db.getRepository(Jurisdiction).find({ where: { parentCode: In([...parents]) }, order: { code: 'ASC' } }), (j) => j.parentCode!)));
