import { Arg, Ctx, Directive, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { hasRole } from '../../../kernel/auth/identity';
import { RequestContext } from '../../../kernel/context';
import { requireDivision } from '../../../kernel/divisions';
import { badInput, forbidden } from '../../../kernel/errors';
import { PlatformLevel } from '../../../kernel/graphql/enums';
import { decodeCursor, encodeCursor, PageInfo } from '../../../kernel/graphql/page-info';
import { checkUscc, isWithin, levelOfDivisionCode, subtreePrefix } from '../../../kernel/identifiers';
import { Agency } from '../../agency/agency.entity';
import { agencyByUscc } from '../../agency/agency.loaders';
import { Jurisdiction } from '../../jurisdiction/jurisdiction.entity';
import { jurisdictionByCode } from '../../jurisdiction/jurisdiction.loaders';
import { CatalogState, OpenType, ShareType } from '../enums';
import { CatalogIndexEntry } from '../index-entry.entity';
import { upsertIndexEntries } from '../index-report';
import { resourceById } from '../loaders';
import { CatalogResourceInterface, regionViewOf } from './types';
import { ListSize } from '../../../kernel/graphql/list-size';

@InputType({ description: 'Filters of the integrated catalog; all given filters apply' })
class CatalogFilter {
  @Field(() => PlatformLevel, { nullable: true })
  level?: PlatformLevel;

  @Field(() => ID, { nullable: true, description: 'This division and every division below it' })
  jurisdictionCode?: string;

  @Field(() => ID, { nullable: true })
  providerUscc?: string;

  @Field(() => ShareType, { nullable: true, description: "The resource's share type (its most shareable item's)" })
  shareType?: ShareType;

  @Field(() => OpenType, { nullable: true })
  openType?: OpenType;

  @Field({ nullable: true, description: 'Words in the name, summary or item names' })
  text?: string;

  @Field({ defaultValue: false, description: 'Include versions replaced by a newer publication' })
  includeSuperseded: boolean;
}

@ObjectType()
class CatalogEdge {
  @Field() cursor: string;
  @Field(() => CatalogResourceInterface) node: unknown;
}

@ObjectType({ description: 'A page of the integrated three-level catalog (Relay cursor connection)' })
class CatalogConnection {
  @ListSize({ assumedSize: 200 })
  @Field(() => [CatalogEdge]) edges: CatalogEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int, { description: 'Resources matching the filter, all pages' }) totalCount: number;
}

@InputType({ description: 'A published resource version as its level reports it to the integrated catalog' })
@Directive('@inaccessible')
class CatalogIndexInput {
  @Field(() => ID) id: string;
  @Field(() => ID) lineageId: string;
  @Field(() => Int) version: number;
  @Field() code: string;
  @Field() name: string;
  @Field() summary: string;
  @Field(() => PlatformLevel) level: PlatformLevel;
  @Field(() => ID) jurisdictionCode: string;
  @Field(() => ID) providerUscc: string;
  @Field(() => ShareType) shareType: ShareType;
  @Field(() => OpenType) openType: OpenType;
  @Field(() => CatalogState) indexState: CatalogState;
  @Field() searchText: string;
  @Field() publishedAt: Date;
}

const MAX_PAGE = 200;
/** Search words: a name or a phrase, not a document (and a bounded LIKE pattern for the engine). */
const MAX_SEARCH_TEXT = 100;
const cursorOf = (e: { code: string; id: string }) => encodeCursor([e.code, e.id]);

/**
 * The integrated three-level catalog (004 art. 10): the region lists every level's published
 * resources from its index; each node's items and state come from the platform that owns it.
 * The catalog is public to every authenticated agency — its data is not.
 */
@Resolver()
export class IntegratedCatalogResolver {
  @Query(() => CatalogConnection, { description: 'The integrated catalog of all three levels, in catalog-code order' })
  @ListSize({ slicingArguments: ['first'], sizedFields: ['edges'] })
  async catalog(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => CatalogFilter, { nullable: true }) filter?: CatalogFilter,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number = 20,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<CatalogConnection> {
    if (first < 1 || first > MAX_PAGE) throw badInput('first', `must be between 1 and ${MAX_PAGE}`);
    const qb = ctx.db.getRepository(CatalogIndexEntry).createQueryBuilder('e');
    if (!filter?.includeSuperseded) qb.andWhere('e.indexState = :published', { published: CatalogState.PUBLISHED });
    if (filter?.level) qb.andWhere('e.level = :level', { level: filter.level });
    if (filter?.jurisdictionCode) {
      requireDivision(filter.jurisdictionCode, 'filter.jurisdictionCode');
      qb.andWhere('e.jurisdictionCode LIKE :prefix', { prefix: `${subtreePrefix(filter.jurisdictionCode)}%` });
    }
    if (filter?.providerUscc) {
      const check = checkUscc(filter.providerUscc);
      if (!check.valid) throw badInput('filter.providerUscc', `'${filter.providerUscc}' is not a valid USCC: ${check.reason}`);
      qb.andWhere('e.providerUscc = :provider', { provider: filter.providerUscc });
    }
    if (filter?.shareType) qb.andWhere('e.shareType = :shareType', { shareType: filter.shareType });
    if (filter?.openType) qb.andWhere('e.openType = :openType', { openType: filter.openType });
    const text = filter?.text?.trim();
    if (text && text.length > MAX_SEARCH_TEXT) throw badInput('filter.text', `search words are at most ${MAX_SEARCH_TEXT} characters`);
    // An explicit escape character: SQLite has none by default, so a backslash would not escape % and _ there.
    if (text) qb.andWhere("e.searchText LIKE :text ESCAPE '!'", { text: `%${text.replace(/[%_!]/g, '!$&')}%` });
    const totalCount = await qb.getCount();
    if (after) {
      const position = decodeCursor(after, 2);
      if (!position) throw badInput('after', 'not a cursor returned by this catalog');
      const [code, id] = position;
      qb.andWhere('(e.code > :code OR (e.code = :code AND e.id > :id))', { code, id });
    }
    const page = await qb.orderBy('e.code', 'ASC').addOrderBy('e.id', 'ASC').take(first + 1).getMany();
    const hasNextPage = page.length > first;
    const entries = page.slice(0, first);
    // The region's own resources are answered in full here; the others by their own platform.
    const nodes = await Promise.all(entries.map((e) => (e.level === 'REGION' ? resourceById(ctx).load(e.id) : e)));
    const edges = entries.map((e, i) => ({ cursor: cursorOf(e), node: nodes[i] ?? e }));
    return {
      edges,
      totalCount,
      pageInfo: { hasNextPage, hasPreviousPage: Boolean(after), startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  @Mutation(() => Int, { description: 'Platform-internal: a lower level reports published versions (not part of the public API)' })
  @Directive('@inaccessible')
  async registerCatalogEntries(@Arg('entries', () => [CatalogIndexInput]) entries: CatalogIndexInput[], @Ctx() ctx: RequestContext): Promise<number> {
    const me = ctx.identity;
    if (!hasRole(me, 'AUTHORITY_REVIEWER') || me.level === 'REGION') throw forbidden('only a city or county authority reports its catalog to the region');
    entries.forEach((entry, i) => {
      if (!isWithin(entry.jurisdictionCode, me.jurisdiction) || levelOfDivisionCode(entry.jurisdictionCode) !== me.level || entry.level !== me.level) {
        throw forbidden(`entries[${i}]: the authority of ${me.jurisdiction} cannot report ${entry.level} resources of ${entry.jurisdictionCode}`);
      }
    });
    await upsertIndexEntries(ctx.db, entries.map((e) => Object.assign(new CatalogIndexEntry(), e)));
    return entries.length;
  }
}

/** The region's answers for a lower level's resource: registry fields from its own tables. */
export function regionViewResolvers(): Function[] {
  return (['CITY', 'COUNTY'] as const).map((level) => {
    @Resolver(() => regionViewOf(level))
    class RegionViewFields {
      @FieldResolver(() => Jurisdiction)
      @Directive('@shareable')
      jurisdiction(@Root() e: CatalogIndexEntry, @Ctx() ctx: RequestContext) {
        return jurisdictionByCode(ctx).load(e.jurisdictionCode);
      }

      @FieldResolver(() => Agency, { description: 'The providing agency' })
      @Directive('@shareable')
      provider(@Root() e: CatalogIndexEntry, @Ctx() ctx: RequestContext) {
        return agencyByUscc(ctx).load(e.providerUscc);
      }
    }
    return RegionViewFields;
  });
}

export const regionCatalogReferences = {
  CatalogResource: {
    __resolveReference: async (ref: { id: string }, ctx: RequestContext) => {
      const entry = await indexEntryOrRow(ctx, ref.id);
      return entry;
    },
  },
  CityResource: { __resolveReference: (ref: { id: string }, ctx: RequestContext) => indexEntryOrRow(ctx, ref.id) },
  CountyResource: { __resolveReference: (ref: { id: string }, ctx: RequestContext) => indexEntryOrRow(ctx, ref.id) },
};

async function indexEntryOrRow(ctx: RequestContext, id: string) {
  const { indexEntryById } = await import('../loaders');
  const entry = await indexEntryById(ctx).load(id);
  if (!entry) return null;
  return entry.level === 'REGION' ? resourceById(ctx).load(id) : entry;
}
