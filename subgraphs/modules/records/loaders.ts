import DataLoader from 'dataloader';
import { In, IsNull } from 'typeorm';
import { RequestContext } from '../../kernel/context';
import { byKeys } from '../../kernel/loaders';
import { readableRows } from './origins';
import { RecordSource } from './sources';

/** Live (not deleted) records of one table by key that the requester may read, batched per request. */
export const recordByKey = (ctx: RequestContext, source: RecordSource) =>
  ctx.loaders.get(`records.byKey:${source.table}`, () =>
    new DataLoader<string, any>(async (keys) => {
      const rows = await ctx.db.getRepository(source.entity).findBy({ [source.key]: In([...keys]), deletedAt: IsNull() } as never);
      return byKeys(keys, await readableRows(ctx, rows), (row: any) => row[source.key]);
    }));
