import { Args, ArgsType, Ctx, Directive, Field, FieldResolver, ID, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../../kernel/context';
import { requireDivision } from '../../../kernel/divisions';
import { badInput } from '../../../kernel/errors';
import { Connection, ConnectionArgs, sqlPage, withNodes } from '../../../kernel/graphql/connection';
import { ConnectionSize, ListSize } from '../../../kernel/graphql/list-size';
import { PageInfo } from '../../../kernel/graphql/page-info';
import { subtreePrefix } from '../../../kernel/identifiers';
import { CatalogState, OpenType } from '../../catalog/enums';
import { CatalogResource } from '../../catalog/graphql/types';
import { CatalogItem } from '../../catalog/item.entity';
import { resourceById } from '../../catalog/loaders';
import { CatalogResourceRow } from '../../catalog/resource.entity';
import { Platform } from '../../platform/platform.type';

/*
 * The open-data negative list (负面清单, 001 art. 30 ¶2): every published item that is not opened, or
 * opened only on application, with its grounds, legal basis or conditions (004 art. 27), published to
 * the public through the platform. The open catalog leaves NOT_OPEN items out; this is where the
 * public learns that they exist and why they are closed.
 */

@ObjectType('OpenNegativeListEntry', { description: 'An item on the open-data negative list: NOT_OPEN (with grounds and legal basis) or CONDITIONAL_OPEN (with conditions) (001 art. 30 ¶2)' })
@Directive('@shareable')
class NegativeListEntry {
  @Field(() => CatalogResource) resource: unknown;
  @Field(() => CatalogItem, { description: 'The item, with its open type, grounds, legal basis or conditions' }) item: CatalogItem;
}

@ObjectType('OpenNegativeListEdge')
@Directive('@shareable')
class NegativeListEdge {
  @Field() cursor: string;
  @Field(() => NegativeListEntry) node: NegativeListEntry;
}

@ObjectType('OpenNegativeListConnection')
@Directive('@shareable')
class NegativeListConnection {
  @ListSize({ assumedSize: 200 }) @Field(() => [NegativeListEdge]) edges: NegativeListEdge[];
  @ListSize({ assumedSize: 200 }) @Field(() => [NegativeListEntry]) nodes: NegativeListEntry[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}

@ArgsType()
class NegativeListArgs extends ConnectionArgs {
  @Field(() => OpenType, { nullable: true, description: 'NOT_OPEN or CONDITIONAL_OPEN (both when left out)' }) openType?: OpenType;
  @Field(() => ID, { nullable: true, description: 'This division and every division below it' }) jurisdictionCode?: string;
}

const PAGE = { defaultSize: 50, maxSize: 200 };
const ON_THE_LIST = [OpenType.NOT_OPEN, OpenType.CONDITIONAL_OPEN];

/** The list hangs off each level's platform: `platform(level: CITY) { openNegativeList { … } }`. */
@Resolver(() => Platform)
export class PlatformNegativeList {
  @ConnectionSize(PAGE.defaultSize)
  @FieldResolver(() => NegativeListConnection, { nullable: true, description: "The platform's open-data negative list (001 art. 30 ¶2), resource by resource, items in catalog order" })
  async openNegativeList(@Args() args: NegativeListArgs, @Ctx() ctx: RequestContext): Promise<Connection<NegativeListEntry>> {
    if (args.openType === OpenType.UNCONDITIONAL_OPEN) throw badInput('openType', 'UNCONDITIONAL_OPEN items are opened to everyone: the negative list holds NOT_OPEN and CONDITIONAL_OPEN items');
    const qb = ctx.db.getRepository(CatalogItem).createQueryBuilder('i')
      .innerJoin(CatalogResourceRow, 'r', 'r.id = i.resourceId')
      .where('r.state = :published', { published: CatalogState.PUBLISHED })
      .andWhere('i.openType IN (:...types)', { types: args.openType ? [args.openType] : ON_THE_LIST });
    if (args.jurisdictionCode) qb.andWhere('r.jurisdictionCode LIKE :prefix', { prefix: `${subtreePrefix(requireDivision(args.jurisdictionCode, 'jurisdictionCode').code)}%` });
    const page = await sqlPage(qb, [
      { expression: 'i.resourceId', direction: 'ASC', value: (i) => i.resourceId },
      { expression: 'i.position', direction: 'ASC', value: (i) => String(i.position), parse: Number },
    ], args, PAGE);
    const entries = page.nodes.map((item) => ({ item, resource: item.resourceId }) as unknown as NegativeListEntry);
    return withNodes(page, entries);
  }
}

@Resolver(() => NegativeListEntry)
export class NegativeListEntryFields {
  @FieldResolver(() => CatalogResource)
  resource(@Root() entry: { resource: string }, @Ctx() ctx: RequestContext) {
    return resourceById(ctx).load(entry.resource);
  }
}
