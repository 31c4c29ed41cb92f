import { Args, Ctx, Directive, FieldResolver, ID, Info, Resolver, Root } from 'type-graphql';
import { GraphQLResolveInfo } from 'graphql';
import { RequestContext } from '../../../kernel/context';
import { badInput, platformError } from '../../../kernel/errors';
import { openCursor, sealCursor } from '../../../kernel/graphql/page-info';
import { subtreePrefix } from '../../../kernel/identifiers';
import { Level } from '../../../kernel/levels';
import { CatalogResourceInterface, ownResourceType, regionViewOf } from '../../catalog/graphql/types';
import { itemsOfResource } from '../../catalog/loaders';
import { CatalogResourceRow } from '../../catalog/resource.entity';
import { onlyReadableOrigins } from '../origins';
import { accessPathOf, agencySuspended, lookUpKeys, readyToRelease, releaseItem, releaseKey, withPurpose } from '../enforcement';
import { standingOf } from '../../sharing/standing';
import { recordSource } from '../sources';
import { ListSize } from '../../../kernel/graphql/list-size';
import { requireRecordPageSize } from './page-limit';
import { DataRecord, RecordField, RecordPage, RecordsArgs } from './record-page.types';

const isSuspended = async (ctx: RequestContext) => !ctx.config.enforcementBypass && (await standingOf(ctx)).requester.suspended;

/**
 * Generic record access for any catalog resource with data on its platform: every value, the key
 * included, released by its own decision; nothing at all for a suspended agency (004 art. 50).
 */
async function recordPage(ctx: RequestContext, info: GraphQLResolveInfo, resource: CatalogResourceRow, args: RecordsArgs): Promise<RecordPage> {
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
    const position = openCursor(ctx.config.gatewaySigningSecret, args.after, 1);
    if (!position) throw badInput('after', 'not a cursor returned by records');
    qb.andWhere(`r.${source.key} > :after`, { after: position[0] });
  }
  const [rows] = await Promise.all([qb.orderBy(`r.${source.key}`, 'ASC').take(args.first + 1).getMany(), readyToRelease(ctx)]);
  if (await isSuspended(ctx)) throw agencySuspended(ctx);
  const page = withPurpose(rows.slice(0, args.first) as any[], args.purpose);
  // Keys the caller named are echoed back; the lookup of which of them exist is recorded.
  if (args.keys?.length) await lookUpKeys(ctx, source, args.keys, page, args.purpose ?? null, accessPathOf(info));
  return {
    totalCount,
    // Sealed: the cursor stands at a key the caller may not be given.
    nextCursor: rows.length > args.first ? sealCursor(ctx.config.gatewaySigningSecret, [String(page[page.length - 1][source.key])]) : null,
    rows: page.map((row): DataRecord => Object.assign(new DataRecord(), { row, source, divisionCode: row.divisionCode, fields: items.map((item) => Object.assign(new RecordField(), { item, row, source })) })),
  };
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

/** `records` on the level's own resource type, and (region) on the interface and the views of lower levels. */
export function recordsFieldResolvers(level: Level): Function[] {
  @Resolver(() => ownResourceType(level))
  class OwnResourceRecords {
    @FieldResolver(() => RecordPage, { nullable: true, description: 'Records of this resource; each value passes field-level share enforcement' })
    @ListSize({ slicingArguments: ['first'], sizedFields: ['rows'] })
    records(@Root() resource: CatalogResourceRow, @Args() args: RecordsArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
      return recordPage(ctx, info, resource, args);
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
