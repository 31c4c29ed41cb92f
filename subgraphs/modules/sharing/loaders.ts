import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { RequestContext } from '../../kernel/context';
import { byKeys } from '../../kernel/loaders';
import { ShareApplication } from './application.entity';
import { ShareGrant } from './grant.entity';

export const applicationById = (ctx: RequestContext) =>
  ctx.loaders.get('sharing.applicationById', () =>
    new DataLoader<string, ShareApplication | null>(async (ids) =>
      byKeys(ids, await ctx.db.getRepository(ShareApplication).findBy({ id: In([...ids]) }), (a) => a.id)));

export const grantById = (ctx: RequestContext) =>
  ctx.loaders.get('sharing.grantById', () =>
    new DataLoader<string, ShareGrant | null>(async (ids) =>
      byKeys(ids, await ctx.db.getRepository(ShareGrant).findBy({ id: In([...ids]) }), (g) => g.id)));
