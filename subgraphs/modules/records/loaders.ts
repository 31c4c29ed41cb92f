import DataLoader from 'dataloader';
import { In, IsNull } from 'typeorm';
import { RequestContext } from '../../kernel/context';
import { byKeys } from '../../kernel/loaders';
import { RecordSource } from './sources';

/** Live (not deleted) records of one table by key, batched per request. */
export const recordByKey = (ctx: RequestContext, source: RecordSource) =>
  ctx.loaders.get(`records.byKey:${source.table}`, () =>
    new DataLoader<string, any>(async (keys) =>
      byKeys(keys, await ctx.db.getRepository(source.entity).findBy({ [source.key]: In([...keys]), deletedAt: IsNull() } as never), (row: any) => row[source.key])));
