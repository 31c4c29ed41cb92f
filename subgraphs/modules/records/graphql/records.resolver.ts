import { Args, Ctx, FieldResolver, ID, Info, Resolver, Root } from 'type-graphql';
import { GraphQLResolveInfo } from 'graphql';
import { isPublic } from '../../../kernel/auth/caller';
import { RequestContext } from '../../../kernel/context';
import { OpenType } from '../../catalog/enums';
import { badInput } from '../../../kernel/errors';
import { Connection, sqlPage, withNodes } from '../../../kernel/graphql/connection';
import { ConnectionSize } from '../../../kernel/graphql/list-size';
import { subtreePrefix } from '../../../kernel/identifiers';
import { CatalogResource } from '../../catalog/graphql/types';
import { itemsOfResource } from '../../catalog/loaders';
import { CatalogResourceRow } from '../../catalog/resource.entity';
import { standingOf } from '../../sharing/standing';
import { accessPathOf, agencySuspended, lookUpKeys, readyToRelease, releaseItem, releaseKey, withPurpose } from '../enforcement';
import { onlyReadableOrigins } from '../origins';
import { recordSource } from '../sources';
import { DEFAULT_RECORD_PAGE, recordPageLimits } from './record-cursors';
import { DataRecord, DataRecordConnection, RecordField, RecordsArgs } from './record-page.types';

const isSuspended = async (ctx: RequestContext) => !ctx.config.enforcementBypass && (await standingOf(ctx)).requester.suspended;

const empty = (): Connection<DataRecord> => ({ edges: [], nodes: [], totalCount: 0, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } });

/**
 * Generic record access for any catalog resource with data on its platform: every value, the key
 * included, released by its own decision; nothing at all for a suspended agency (004 art. 50).
 */
async function recordPage(ctx: RequestContext, info: GraphQLResolveInfo, resource: CatalogResourceRow, args: RecordsArgs): Promise<Connection<DataRecord>> {
  if (!resource.dataTable) return empty();
  const source = recordSource(resource.dataTable);
  const resourceItems = await itemsOfResource(ctx).load(resource.id);
  const catalogItems = resourceItems.map((i) => i.code);
  // Unasked, the public gets the items opened to it unconditionally (004 art. 28); named, any item is decided and refused at its path.
  const items = args.items ?? (isPublic(ctx) ? resourceItems.filter((i) => i.openType === OpenType.UNCONDITIONAL_OPEN).map((i) => i.code) : catalogItems);
  const unknown = items.filter((code) => !catalogItems.includes(code));
  if (unknown.length) throw badInput('items', `${unknown.join(', ')} ${unknown.length > 1 ? 'are not items' : 'is not an item'} of ${resource.code}`);

  const qb = onlyReadableOrigins(ctx, ctx.db.getRepository(source.entity).createQueryBuilder('r')
    .where('r.divisionCode LIKE :prefix', { prefix: `${subtreePrefix(resource.jurisdictionCode)}%` })
    .andWhere('r.deletedAt IS NULL'), 'r');
  if (args.keys?.length) qb.andWhere(`r.${source.key} IN (:...keys)`, { keys: args.keys });
  const [page] = await Promise.all([sqlPage(qb, [{ expression: `r.${source.key}`, direction: 'ASC', value: (row: any) => String(row[source.key]) }], args, recordPageLimits(ctx)), readyToRelease(ctx)]);
  if (await isSuspended(ctx)) throw agencySuspended(ctx);
  const rows = withPurpose(page.nodes as any[], args.purpose);
  // Keys the caller named are echoed back; the lookup of which of them exist is recorded.
  if (args.keys?.length) await lookUpKeys(ctx, source, args.keys, rows, args.purpose ?? null, accessPathOf(info));
  const records = rows.map((row): DataRecord => Object.assign(new DataRecord(), { row, source, divisionCode: row.divisionCode, fields: items.map((item) => Object.assign(new RecordField(), { item, row, source, resourceId: resource.id })) }));
  return withNodes(page, records);
}

@Resolver(() => DataRecord)
export class DataRecordKeyResolver {
  @FieldResolver(() => ID, { nullable: true, description: 'The record key: its catalog item, released like any other (null with SHARE_DENIED when it is not shared with the caller)' })
  key(@Root() record: DataRecord, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): unknown {
    return releaseKey(ctx, info, record.source, record.row);
  }
}

@Resolver(() => RecordField)
export class RecordFieldResolver {
  @FieldResolver(() => String, { nullable: true })
  async value(@Root() field: RecordField, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<string | null> {
    const value = await releaseItem(ctx, info, field.source, field.row, field.item);
    return value === null || value === undefined ? null : String(value);
  }
}

/** `records` of every catalog resource, answered by the platform that owns it. */
@Resolver(() => CatalogResource)
export class CatalogResourceRecords {
  @FieldResolver(() => DataRecordConnection, { nullable: true, description: "Records of this resource, from the owning level's platform; each value passes field-level share enforcement" })
  @ConnectionSize(DEFAULT_RECORD_PAGE)
  records(@Root() resource: CatalogResourceRow, @Args() args: RecordsArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return recordPage(ctx, info, resource, args);
  }
}
