import { Arg, Args, ArgsType, Ctx, Directive, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { SelectQueryBuilder } from 'typeorm';
import { isPublic } from '../../../kernel/auth/caller';
import { hasRole } from '../../../kernel/auth/identity';
import { RequestContext } from '../../../kernel/context';
import { requireDivision } from '../../../kernel/divisions';
import { badInput, forbidden } from '../../../kernel/errors';
import { PlatformLevel } from '../../../kernel/graphql/enums';
import { Connection, ConnectionArgs, PageStatements, sqlPage, withNodes } from '../../../kernel/graphql/connection';
import { keptResult } from '../../../kernel/db/kept-rows';
import { decodeGlobalId } from '../../../kernel/graphql/global-id';
import { levelType } from '../../../kernel/levels';
import { checkUscc, isWithin, levelOfDivisionCode, subtreePrefix } from '../../../kernel/identifiers';
import { CatalogState, OpenType, ShareType, UpperReviewState } from '../enums';
import { asReported } from '../upper-review';
import { CatalogIndexEntry } from '../index-entry.entity';
import { upsertIndexEntries } from '../index-report';
import { indexEntryById, resourceById } from '../loaders';
import { CatalogResourceConnection } from './types';
import { ConnectionSize, ListSize } from '../../../kernel/graphql/list-size';

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

  @Field({ nullable: true, description: 'The data format, as the facets count it (e.g. CSV)' })
  format?: string;

  @Field({ nullable: true, description: 'Words in the name, summary or item names' })
  text?: string;

  @Field({ defaultValue: false, description: 'Include versions replaced by a newer publication' })
  includeSuperseded: boolean;

  @Field(() => UpperReviewState, {
    defaultValue: UpperReviewState.APPROVED,
    description: "Lower levels' versions by the review one level up (004 art. 10 ¶2): APPROVED, the catalog as published; PENDING or RETURNED only for authorities, within their jurisdiction",
  })
  upperReview: UpperReviewState;
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
  @Field() format: string;
  @Field(() => ShareType) shareType: ShareType;
  @Field(() => OpenType) openType: OpenType;
  @Field(() => CatalogState) indexState: CatalogState;
  @Field() searchText: string;
  @Field() publishedAt: Date;
}

const PAGE = { defaultSize: 20, maxSize: 200 };
const OPENED = [OpenType.UNCONDITIONAL_OPEN, OpenType.CONDITIONAL_OPEN];
/** Search words: a name or a phrase, not a document (and a bounded LIKE pattern for the engine). */
const MAX_SEARCH_TEXT = 100;

/** The index rows a filter selects, as this caller may see them: the catalog's page and its facets count the same rows. */
function filteredIndex(ctx: RequestContext, filter: CatalogFilter | undefined): SelectQueryBuilder<CatalogIndexEntry> {
  const qb = ctx.db.getRepository(CatalogIndexEntry).createQueryBuilder('e');
  if (!filter?.includeSuperseded) qb.andWhere('e.indexState = :published', { published: CatalogState.PUBLISHED });
  const upperReview = filter?.upperReview ?? UpperReviewState.APPROVED;
  qb.andWhere('e.upperReview = :upperReview', { upperReview });
  // Versions not (yet) approved one level up are work in progress: only authorities see them, and only their own subtree's.
  if (upperReview !== UpperReviewState.APPROVED) {
    const me = ctx.identity;
    if (!hasRole(me, 'AUTHORITY_REVIEWER')) throw forbidden(`filter.upperReview: versions ${upperReview} in the review one level up are listed only for authorities (AUTHORITY_REVIEWER)`);
    if (me.level !== 'REGION') qb.andWhere('(e.jurisdictionCode LIKE :mine OR e.reviewerJurisdiction = :reviewer)', { mine: `${subtreePrefix(me.jurisdiction)}%`, reviewer: me.jurisdiction });
  }
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
  // The public's catalog is the open catalog: resources with an item it may have or apply for (004 art. 26-28).
  if (isPublic(ctx)) qb.andWhere('e.openType IN (:...opened)', { opened: OPENED });
  const text = filter?.text?.trim();
  if (text && text.length > MAX_SEARCH_TEXT) throw badInput('filter.text', `search words are at most ${MAX_SEARCH_TEXT} characters`);
  // An explicit escape character: SQLite has none by default, so a backslash would not escape % and _ there.
  if (text) qb.andWhere("e.searchText LIKE :text ESCAPE '!'", { text: `%${text.replace(/[%_!]/g, '!$&')}%` });
  return qb;
}

@ObjectType({ description: 'How many catalog resources have one value of a facet' })
class FacetCount {
  @Field() value: string;
  @Field(() => Int) count: number;
}

@ObjectType({ description: 'Counts of the resources a catalog filter selects, by facet — as a data portal shows beside its search results' })
class CatalogFacets {
  @Field(() => Int) totalCount: number;
  @ListSize({ assumedSize: 3 }) @Field(() => [FacetCount]) level: FacetCount[];
  @ListSize({ assumedSize: 200 }) @Field(() => [FacetCount], { description: 'By providing department (USCC): the themes of a government catalog are its departments' }) provider: FacetCount[];
  @ListSize({ assumedSize: 3 }) @Field(() => [FacetCount]) openType: FacetCount[];
  @ListSize({ assumedSize: 3 }) @Field(() => [FacetCount]) shareType: FacetCount[];
  @ListSize({ assumedSize: 30 }) @Field(() => [FacetCount]) format: FacetCount[];
  /** The filter every facet counts over. */
  filter: CatalogFilter | undefined;
}

/**
 * The index is a policy table at the region (its triggers move the policy generation), so a query
 * takes the catalog's statements from results kept between requests until the index changes.
 */
const keptIndexStatements = (ctx: RequestContext): PageStatements<CatalogIndexEntry> => ({
  count: (query) => keptResult(ctx, 'catalog.index.count', query, () => query.getCount()),
  rows: (query) => keptResult(ctx, 'catalog.index.rows', query, () => query.getMany()),
});

/** One GROUP BY over the filtered rows, largest first. */
async function facet(ctx: RequestContext, filter: CatalogFilter | undefined, column: 'level' | 'providerUscc' | 'openType' | 'shareType' | 'format'): Promise<FacetCount[]> {
  const query = filteredIndex(ctx, filter)
    .select(`e.${column}`, 'value')
    .addSelect('COUNT(*)', 'count')
    .groupBy(`e.${column}`)
    .orderBy('count', 'DESC')
    .addOrderBy('value', 'ASC');
  const rows = await keptResult(ctx, 'catalog.index.facet', query, () => query.getRawMany<{ value: string; count: string | number }>());
  return rows.map((row) => ({ value: row.value, count: Number(row.count) }));
}

/** Each facet is counted when it is asked for, one statement each (the public is refused share types at their path). */
@Resolver(() => CatalogFacets)
export class CatalogFacetFields {
  @FieldResolver(() => Int)
  totalCount(@Root() facets: CatalogFacets, @Ctx() ctx: RequestContext) {
    const query = filteredIndex(ctx, facets.filter);
    return keptResult(ctx, 'catalog.index.count', query, () => query.getCount());
  }

  @FieldResolver(() => [FacetCount])
  level(@Root() facets: CatalogFacets, @Ctx() ctx: RequestContext) {
    return facet(ctx, facets.filter, 'level');
  }

  @FieldResolver(() => [FacetCount])
  provider(@Root() facets: CatalogFacets, @Ctx() ctx: RequestContext) {
    return facet(ctx, facets.filter, 'providerUscc');
  }

  @FieldResolver(() => [FacetCount])
  openType(@Root() facets: CatalogFacets, @Ctx() ctx: RequestContext) {
    return facet(ctx, facets.filter, 'openType');
  }

  @FieldResolver(() => [FacetCount])
  shareType(@Root() facets: CatalogFacets, @Ctx() ctx: RequestContext) {
    return facet(ctx, facets.filter, 'shareType');
  }

  @FieldResolver(() => [FacetCount])
  format(@Root() facets: CatalogFacets, @Ctx() ctx: RequestContext) {
    return facet(ctx, facets.filter, 'format');
  }
}

@ArgsType()
class CatalogArgs extends ConnectionArgs {
  @Field(() => CatalogFilter, { nullable: true }) filter?: CatalogFilter;
}

/**
 * The integrated three-level catalog (004 art. 10): the region lists every level's published
 * resources from its index; each node's items and state come from the platform that owns it.
 * The catalog is open to every agency — its data is not; without a token, its open part is.
 */
@Resolver()
export class IntegratedCatalogResolver {
  @Query(() => CatalogResourceConnection, { description: 'The integrated catalog of all three levels, in catalog-code order' })
  @ConnectionSize(PAGE.defaultSize)
  async catalog(@Args() args: CatalogArgs, @Ctx() ctx: RequestContext): Promise<Connection<unknown>> {
    const qb = filteredIndex(ctx, args.filter);
    const page = await sqlPage(qb, [
      { expression: 'e.code', direction: 'ASC', value: (e) => e.code },
      { expression: 'e.id', direction: 'ASC', value: (e) => e.id },
    ], args, PAGE, keptIndexStatements(ctx));
    // The region's own resources are answered in full here; the others by their own platform.
    const nodes = await Promise.all(page.nodes.map(async (e) => (e.level === 'REGION' ? ((await resourceById(ctx).load(e.id)) ?? e) : e)));
    return withNodes(page, nodes);
  }

  @Query(() => CatalogFacets, { description: 'Facet counts of the integrated catalog for a filter (by level, department, open type, share type, format), to ask beside `catalog` in one operation' })
  catalogFacets(@Arg('filter', () => CatalogFilter, { nullable: true }) filter: CatalogFilter | undefined, @Ctx() ctx: RequestContext): CatalogFacets {
    // A filter that is wrong is refused here, once, rather than at every facet.
    filteredIndex(ctx, filter ?? undefined);
    return Object.assign(new CatalogFacets(), { filter: filter ?? undefined });
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
    // What the region records of a report is its own: the review one level up starts here (004 art. 10 ¶2).
    await upsertIndexEntries(ctx.db, await asReported(ctx, entries.map((e) => Object.assign(new CatalogIndexEntry(), e))));
    return entries.length;
  }
}

/**
 * A catalog resource of any level by global id, as the integrated catalog knows it: the summary from
 * the index (the region's own from its catalog). Only for resolving the interface itself: a concrete
 * lower-level resource is answered by its owner (the region's copy is provided through `catalog`).
 */
async function indexedResource(reference: { id: string }, ctx: RequestContext): Promise<object | null> {
  const decoded = decodeGlobalId(reference.id);
  if (!decoded) return null;
  const entry = await indexEntryById(ctx).load(decoded.localId);
  if (!entry || levelType(entry.level, 'Resource') !== decoded.typeName) return null;
  return entry.level === 'REGION' ? resourceById(ctx).load(entry.id) : entry;
}

export const indexedResourceReferences = {
  CatalogResource: { __resolveReference: indexedResource },
};
