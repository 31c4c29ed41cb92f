import { Args, Ctx, Directive, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { GraphQLResolveInfo } from 'graphql';
import { RequestContext } from '../../../kernel/context';
import { badInput, platformError } from '../../../kernel/errors';
import { decodeCursor, encodeCursor } from '../../../kernel/graphql/page-info';
import { subtreePrefix } from '../../../kernel/identifiers';
import { Level } from '../../../kernel/levels';
import { CatalogResourceInterface, ownResourceType, regionViewOf } from '../../catalog/graphql/types';
import { itemsOfResource } from '../../catalog/loaders';
import { CatalogResourceRow } from '../../catalog/resource.entity';
import { onlyReadableOrigins } from '../../reflow/audience';
import { readyToRelease, releaseItem, withPurpose } from '../enforcement';
import { recordSource } from '../sources';
import { ListSize } from '../../../kernel/graphql/list-size';
import { requireRecordPageSize } from './page-limit';
import { DataRecord, RecordField, RecordPage, RecordsArgs } from './record-page.types';

/** Generic record access for any catalog resource with data on its platform (issue 4 item 1). */
async function recordPage(ctx: RequestContext, resource: CatalogResourceRow, args: RecordsArgs): Promise<RecordPage> {
  requireRecordPageSize(args.first);
  if (!resource.dataTable) return { rows: [], totalCount: 0, nextCursor: null };
  const source = recordSource(resource.dataTable);
  const catalogItems = (await itemsOfResource(ctx).load(resource.id)).map((i) => i.code);
  const items = args.items ?? catalogItems;
  const unknown = items.filter((code) => !catalogItems.includes(code));
  if (unknown.length) throw badInput('items', `${unknown.join(', ')} ${unknown.length > 1 ? 'are not items' : 'is not an item'} of ${resource.code}`);

  const qb = onlyReadableOrigins(ctx, ctx.db.getRepository(source.entity).createQueryBuilder('r')
    .where('r.divisionCode LIKE :prefix', { prefix: `${subtreePrefix(resource.jurisdictionCode)}%` })
    .andWhere('r.deletedAt IS NULL'), 'r');
  if (args.keys?.length) qb.andWhere(`r.${source.key} IN (:...keys)`, { keys: args.keys });
  const totalCount = await qb.getCount();
  if (args.after) {
    const position = decodeCursor(args.after, 1);
    if (!position) throw badInput('after', 'not a cursor returned by records');
    qb.andWhere(`r.${source.key} > :after`, { after: position[0] });
  }
  const [rows] = await Promise.all([qb.orderBy(`r.${source.key}`, 'ASC').take(args.first + 1).getMany(), readyToRelease(ctx)]);
  const page = withPurpose(rows.slice(0, args.first) as any[], args.purpose);
  return {
    totalCount,
    nextCursor: rows.length > args.first ? encodeCursor([String(page[page.length - 1][source.key])]) : null,
    rows: page.map((row): DataRecord => ({
      key: String(row[source.key]),
      divisionCode: row.divisionCode,
      fields: items.map((item) => Object.assign(new RecordField(), { item, row, source })),
    })),
  };
}

@Resolver(() => RecordField)
export class RecordFieldResolver {
  @FieldResolver(() => String, { nullable: true })
  async value(@Root() field: RecordField, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<string | null> {
    const value = await releaseItem(ctx, info, field.source, field.row, field.item);
    return value === null || value === undefined ? null : String(value);
  }
}

/** `records` on the level's own resource type, and (region) on the interface and the views of lower levels. */
export function recordsFieldResolvers(level: Level): Function[] {
  @Resolver(() => ownResourceType(level))
  class OwnResourceRecords {
    @FieldResolver(() => RecordPage, { nullable: true, description: 'Records of this resource; each value passes field-level share enforcement' })
    @ListSize({ slicingArguments: ['first'], sizedFields: ['rows'] })
    records(@Root() resource: CatalogResourceRow, @Args() args: RecordsArgs, @Ctx() ctx: RequestContext) {
      return recordPage(ctx, resource, args);
    }
  }
  if (level !== 'REGION') return [OwnResourceRecords];

  @Resolver(() => CatalogResourceInterface)
  class InterfaceRecords {
    @FieldResolver(() => RecordPage, { nullable: true, description: "Records of this resource, answered by the owning level's platform" })
    @ListSize({ slicingArguments: ['first'], sizedFields: ['rows'] })
    records(@Args() _args: RecordsArgs): RecordPage {
      throw platformError('PLATFORM_ERROR', 'records are answered by the platform that owns the resource');
    }
  }
  const views = (['CITY', 'COUNTY'] as const).map((lower) => {
    @Resolver(() => regionViewOf(lower))
    class ViewRecords {
      @FieldResolver(() => RecordPage, { nullable: true })
      @Directive('@external')
      records(@Args() _args: RecordsArgs): RecordPage {
        throw platformError('PLATFORM_ERROR', `records of ${lower.toLowerCase()} resources are answered by the ${lower.toLowerCase()} platform`);
      }
    }
    return ViewRecords;
  });
  return [InterfaceRecords, OwnResourceRecords, ...views];
}
