import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { RequestContext } from '../../kernel/context';
import { byKeys } from '../../kernel/loaders';
import { DemandApplication } from './demand.entity';
import { ResponsibilityEntry } from './responsibility.entity';

export const demandById = (ctx: RequestContext) =>
  ctx.loaders.get('demand.byId', () =>
    new DataLoader<string, DemandApplication | null>(async (ids) =>
      byKeys(ids, await ctx.db.getRepository(DemandApplication).findBy({ id: In([...ids]) }), (d) => d.id)));

export const responsibilityOfDemand = (ctx: RequestContext) =>
  ctx.loaders.get('demand.responsibilityOfDemand', () =>
    new DataLoader<string, ResponsibilityEntry | null>(async (ids) =>
      byKeys(ids, await ctx.db.getRepository(ResponsibilityEntry).findBy({ demandId: In([...ids]) }), (e) => e.demandId)));
