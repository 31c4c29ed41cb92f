import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Resolver } from 'type-graphql';
import { RequestContext } from '../../../kernel/context';
import { requireDivision } from '../../../kernel/divisions';
import { deadlineView } from '../../../kernel/graphql/deadline.type';
import { asDate, Connection, ConnectionArgs, sqlPage } from '../../../kernel/graphql/connection';
import { authoritySubtreePattern, requireRole } from '../../../kernel/graphql/guards';
import { ConnectionSize, ListSize } from '../../../kernel/graphql/list-size';
import { subtreePrefix } from '../../../kernel/identifiers';
import { Platform } from '../../platform/platform.type';
import { CatalogState } from '../enums';
import { CatalogResourceRow } from '../resource.entity';
import { CatalogResource, CatalogResourceConnection } from './types';

@ArgsType()
class ResourcesArgs extends ConnectionArgs {
  @Field(() => CatalogState, { nullable: true }) state?: CatalogState;
  @Field(() => ID, { nullable: true, description: 'This division and every division below it' }) jurisdictionCode?: string;
}

const PAGE = { defaultSize: 50, maxSize: 200 };

/** A platform's own catalog: every version the caller may see, and the reviews waiting on its authority. */
@Resolver(() => Platform)
export class PlatformCatalog {
  @ConnectionSize(PAGE.defaultSize)
  @FieldResolver(() => CatalogResourceConnection, { nullable: true, description: "The platform's resources the caller may see, most recently changed first" })
  resources(@Args() args: ResourcesArgs, @Ctx() ctx: RequestContext): Promise<Connection<CatalogResourceRow>> {
    const query = ctx.db.getRepository(CatalogResourceRow).createQueryBuilder('r');
    if (args.state) query.andWhere('r.state = :state', { state: args.state });
    if (args.jurisdictionCode) query.andWhere('r.jurisdictionCode LIKE :prefix', { prefix: `${subtreePrefix(requireDivision(args.jurisdictionCode, 'jurisdictionCode').code)}%` });
    const me = ctx.identity;
    // Work in progress is visible to its provider and to the authorities above it; published versions to all.
    const authorityPrefix = authoritySubtreePattern(me);
    query.andWhere('(r.state IN (:...open) OR r.providerUscc = :me OR r.jurisdictionCode LIKE :authorityPrefix)', {
      open: [CatalogState.PUBLISHED, CatalogState.SUPERSEDED],
      me: me.agency,
      authorityPrefix,
    });
    return sqlPage(query, [
      { expression: 'r.updatedAt', direction: 'DESC', value: (r) => r.updatedAt.toISOString(), parse: asDate },
      { expression: 'r.id', direction: 'ASC', value: (r) => r.id },
    ], args, PAGE);
  }

  @ListSize({ assumedSize: 100 })
  @FieldResolver(() => [CatalogResource], { nullable: true, description: "Submitted resources waiting on the caller's authority, most urgent first (004 art. 11)" })
  async pendingCatalogReviews(@Ctx() ctx: RequestContext, @Arg('dueWithinWorkingDays', () => Int, { nullable: true }) dueWithin?: number): Promise<CatalogResourceRow[]> {
    const me = requireRole(ctx, 'reviewing catalog submissions', 'AUTHORITY_REVIEWER');
    const rows = await ctx.db.getRepository(CatalogResourceRow).findBy({ state: CatalogState.SUBMITTED, jurisdictionCode: me.jurisdiction });
    const withDeadline = rows.map((row) => ({ row, deadline: deadlineView(ctx, 'CATALOG_APPROVAL', row.jurisdictionCode, row.submittedAt ?? row.updatedAt) }));
    return withDeadline
      .filter(({ deadline }) => dueWithin == null || deadline.overdue || deadline.remainingWorkingDays <= dueWithin)
      .sort((a, b) => a.deadline.dueAt.getTime() - b.deadline.dueAt.getTime())
      .map(({ row }) => row);
  }
}
