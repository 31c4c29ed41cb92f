import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../../kernel/context';
import { deadlineView, DeadlineView } from '../../../kernel/graphql/deadline.type';
import { PlatformLevel } from '../../../kernel/graphql/enums';
import { Connection, ConnectionArgs } from '../../../kernel/graphql/connection';
import { globalId } from '../../../kernel/graphql/global-id';
import { ConnectionSize, ListSize } from '../../../kernel/graphql/list-size';
import { PageInfo } from '../../../kernel/graphql/page-info';
import type { Level } from '../../../kernel/levels';
import { CatalogState, ReviewDecision, UpperReviewState } from '../enums';
import { CatalogIndexEntry } from '../index-entry.entity';
import { resourceById } from '../loaders';
import { reportsFor, reviewReport } from '../upper-review';
import { CatalogResource } from './types';

@ObjectType('CatalogReport', { description: "A city's or county's published catalog version as reported to the authority one level up for review (004 art. 10 ¶2)" })
class CatalogReport {
  @Field(() => ID) id: string;
  @Field(() => CatalogResource, { description: 'The reported version' }) resource: unknown;
  @Field(() => PlatformLevel) level: Level;
  @Field(() => ID, { description: 'Division of the reporting authority' }) jurisdictionCode: string;
  @Field(() => ID, { description: 'Division of the reviewing authority, one level up' }) reviewerJurisdiction: string;
  @Field() reportedAt: Date;
  @Field(() => UpperReviewState) state: UpperReviewState;
  @Field(() => CatalogState, { description: 'PUBLISHED, or SUPERSEDED once a newer version was approved' }) indexState: CatalogState;
  @Field(() => Date, { nullable: true }) reviewedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Why it was returned, or what the approval notes' }) reviewReason: string | null;
}

@ObjectType()
class CatalogReportEdge {
  @Field() cursor: string;
  @Field(() => CatalogReport) node: unknown;
}

@ObjectType()
class CatalogReportConnection {
  @ListSize({ assumedSize: 200 }) @Field(() => [CatalogReportEdge]) edges: unknown[];
  @ListSize({ assumedSize: 200 }) @Field(() => [CatalogReport]) nodes: unknown[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}

@ArgsType()
class CatalogReportsArgs extends ConnectionArgs {
  @Field(() => UpperReviewState, { nullable: true, description: 'Only reports in this state (all when left out)' })
  state?: UpperReviewState;
}

const asReport = (entry: CatalogIndexEntry) => Object.assign(entry, { state: entry.upperReview });

/** Upper-level review of reported catalogs (004 art. 10 ¶2), held by the region with its integrated index. */
@Resolver(() => CatalogReport)
export class CatalogReportResolver {
  @Query(() => CatalogReportConnection, { description: "Reported catalogs an authority reviews, and its own jurisdiction's reports, oldest first (AUTHORITY_REVIEWER)" })
  @ConnectionSize(20)
  async catalogReports(@Args() args: CatalogReportsArgs, @Ctx() ctx: RequestContext): Promise<Connection<unknown>> {
    const page = await reportsFor(ctx, args.state, args);
    page.nodes.forEach(asReport);
    return page;
  }

  @Mutation(() => CatalogReport, { description: 'The authority one level up approves a reported catalog version (it is listed in the integrated catalog) or returns it with reasons (004 art. 10 ¶2)' })
  async reviewCatalogReport(
    @Arg('id', () => ID) id: string,
    @Arg('decision', () => ReviewDecision) decision: ReviewDecision,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return asReport(await reviewReport(ctx, id, decision, reason ?? null));
  }

  @FieldResolver(() => ID)
  id(@Root() entry: CatalogIndexEntry) {
    return globalId('CatalogReport', entry.id);
  }

  @FieldResolver(() => CatalogResource)
  async resource(@Root() entry: CatalogIndexEntry, @Ctx() ctx: RequestContext) {
    return entry.level === 'REGION' ? ((await resourceById(ctx).load(entry.id)) ?? entry) : entry;
  }

  @FieldResolver(() => DeadlineView, { nullable: true, description: 'While PENDING: when the reviewing authority must decide, under its policy profile' })
  reviewDeadline(@Root() entry: CatalogIndexEntry, @Ctx() ctx: RequestContext) {
    return entry.upperReview === UpperReviewState.PENDING && entry.reportedAt && entry.reviewerJurisdiction ? deadlineView(ctx, 'CATALOG_REPORT', entry.reviewerJurisdiction, entry.reportedAt) : null;
  }
}
