import { Arg, Ctx, Directive, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { hasRole } from '../../../kernel/auth/identity';
import { RequestContext } from '../../../kernel/context';
import { requireDivision } from '../../../kernel/divisions';
import { badInput, forbidden } from '../../../kernel/errors';
import { deadlineView, DeadlineView } from '../../../kernel/graphql/deadline.type';
import { requireRole } from '../../../kernel/graphql/guards';
import { isWithin, subtreePrefix } from '../../../kernel/identifiers';
import { Level } from '../../../kernel/levels';
import { canSee, createResource, derivedOpenType, derivedShareType, loadVisible, moveResource, publishedRows, reviseResource, updateResource } from '../catalog.service';
import { CatalogState, OpenType, ReviewDecision, ShareType } from '../enums';
import { reportToIndex } from '../index-report';
import { CatalogItem } from '../item.entity';
import { itemsOfResource, resourceById, transitionsOfResource, versionsOfLineage } from '../loaders';
import { CatalogResourceRow } from '../resource.entity';
import { CatalogTransition } from '../transition.entity';
import { CatalogResourceInput } from './inputs';
import { levelName } from '../../../kernel/graphql/level-names';
import { registryTypes } from './references';
import { ownResourceType } from './types';
import { ListSize } from '../../../kernel/graphql/list-size';

const MAX_LIST = 200;

/**
 * Everything a level's platform does with its own catalog: the resource type's fields, the review
 * workflow (004 art. 10-11) and the queue of reviews with their working-day deadlines. Written once,
 * mounted by each level with that level's names (createCityResource, cityPendingCatalogReviews, ...).
 */
export function catalogLevelResolvers(level: Level): Function[] {
  const Own = ownResourceType(level);
  const registry = registryTypes(level);
  const name = (pattern: string) => levelName(level, pattern);

  @Resolver(() => Own)
  class OwnResourceFields {
    @ListSize({ assumedSize: 50 })
    @FieldResolver(() => [CatalogItem], { nullable: true })
    items(@Root() r: CatalogResourceRow, @Ctx() ctx: RequestContext) {
      return itemsOfResource(ctx).load(r.id);
    }

    @FieldResolver(() => CatalogState, { nullable: true })
    state(@Root() r: CatalogResourceRow) {
      return r.state;
    }

    @FieldResolver(() => ShareType, { description: 'Share type of the most shareable item' })
    @Directive('@shareable')
    async shareType(@Root() r: CatalogResourceRow, @Ctx() ctx: RequestContext) {
      return derivedShareType(await itemsOfResource(ctx).load(r.id));
    }

    @FieldResolver(() => OpenType, { description: 'Open type of the most open item' })
    @Directive('@shareable')
    async openType(@Root() r: CatalogResourceRow, @Ctx() ctx: RequestContext) {
      return derivedOpenType(await itemsOfResource(ctx).load(r.id));
    }

    @FieldResolver(() => registry.JurisdictionType)
    @Directive('@shareable')
    jurisdiction(@Root() r: CatalogResourceRow, @Ctx() ctx: RequestContext) {
      return registry.jurisdiction(ctx, r.jurisdictionCode);
    }

    @FieldResolver(() => registry.AgencyType, { description: 'The providing agency' })
    @Directive('@shareable')
    provider(@Root() r: CatalogResourceRow, @Ctx() ctx: RequestContext) {
      return registry.agency(ctx, r.providerUscc);
    }

    @ListSize({ assumedSize: 20 })
    @FieldResolver(() => [CatalogTransition], { description: 'Every workflow step of this version: who, when, why' })
    transitions(@Root() r: CatalogResourceRow, @Ctx() ctx: RequestContext) {
      return transitionsOfResource(ctx).load(r.id);
    }

    @FieldResolver(() => DeadlineView, { nullable: true, description: 'While SUBMITTED: when the authority must decide (004 art. 11)' })
    review(@Root() r: CatalogResourceRow, @Ctx() ctx: RequestContext) {
      return r.state === CatalogState.SUBMITTED && r.submittedAt ? deadlineView(ctx, 'CATALOG_APPROVAL', r.jurisdictionCode, r.submittedAt) : null;
    }

    @FieldResolver(() => DeadlineView, { nullable: true, description: 'For a revision not yet submitted: when the agency must have updated its catalog (004 art. 11)' })
    updateDeadline(@Root() r: CatalogResourceRow, @Ctx() ctx: RequestContext) {
      const pending = r.state === CatalogState.DRAFT || r.state === CatalogState.RETURNED;
      return pending && r.revisionTriggeredAt ? deadlineView(ctx, 'CATALOG_UPDATE', r.jurisdictionCode, r.revisionTriggeredAt) : null;
    }

    @ListSize({ assumedSize: 10 })
    @FieldResolver(() => [Own], { description: 'All versions of this resource the caller may see, oldest first' })
    async versions(@Root() r: CatalogResourceRow, @Ctx() ctx: RequestContext) {
      return (await versionsOfLineage(ctx).load(r.lineageId)).filter((v) => canSee(ctx, v));
    }
  }

  @Resolver()
  class LevelCatalogOperations {
    @Query(() => Own, { name: name('{level}Resource'), description: `A resource version of the ${level.toLowerCase()} platform` })
    resource(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
      return loadVisible(ctx, id);
    }

    @ListSize({ slicingArguments: ['first'] })
    @Query(() => [Own], { name: name('{level}Resources'), description: 'Resources of this platform the caller may see, newest first' })
    async resources(
      @Ctx() ctx: RequestContext,
      @Arg('state', () => CatalogState, { nullable: true }) state?: CatalogState,
      @Arg('jurisdictionCode', () => ID, { nullable: true }) jurisdictionCode?: string,
      @Arg('first', () => Int, { defaultValue: 50 }) first: number = 50,
    ) {
      if (first < 1 || first > MAX_LIST) throw badInput('first', `must be between 1 and ${MAX_LIST}`);
      const qb = ctx.db.getRepository(CatalogResourceRow).createQueryBuilder('r').orderBy('r.updatedAt', 'DESC').addOrderBy('r.id', 'ASC').take(first);
      if (state) qb.andWhere('r.state = :state', { state });
      if (jurisdictionCode) {
        requireDivision(jurisdictionCode, 'jurisdictionCode');
        qb.andWhere('r.jurisdictionCode LIKE :prefix', { prefix: `${subtreePrefix(jurisdictionCode)}%` });
      }
      const me = ctx.identity;
      // Work in progress is visible to its provider and to the authorities above it; published versions to all.
      const authorityPrefix = hasRole(me, 'AUTHORITY_REVIEWER') ? `${subtreePrefix(me.jurisdiction)}%` : '-';
      qb.andWhere('(r.state IN (:...open) OR r.providerUscc = :me OR r.jurisdictionCode LIKE :authorityPrefix)', {
        open: [CatalogState.PUBLISHED, CatalogState.SUPERSEDED],
        me: me.agency,
        authorityPrefix,
      });
      return qb.getMany();
    }

    @ListSize({ assumedSize: 100 })
    @Query(() => [Own], { name: name('{level}PendingCatalogReviews'), description: "Submitted resources waiting on the caller's authority, most urgent first" })
    async pendingReviews(
      @Ctx() ctx: RequestContext,
      @Arg('dueWithinWorkingDays', () => Int, { nullable: true }) dueWithin?: number,
    ) {
      const me = requireRole(ctx, 'reviewing catalog submissions', 'AUTHORITY_REVIEWER');
      const rows = await ctx.db.getRepository(CatalogResourceRow).findBy({ state: CatalogState.SUBMITTED, jurisdictionCode: me.jurisdiction });
      const withDeadline = rows.map((row) => ({ row, deadline: deadlineView(ctx, 'CATALOG_APPROVAL', row.jurisdictionCode, row.submittedAt ?? row.updatedAt) }));
      return withDeadline
        .filter(({ deadline }) => dueWithin === undefined || deadline.overdue || deadline.remainingWorkingDays <= dueWithin)
        .sort((a, b) => a.deadline.dueAt.getTime() - b.deadline.dueAt.getTime())
        .map(({ row }) => row);
    }

    @Mutation(() => Own, { name: name('create{Level}Resource'), description: 'An agency drafts a catalog resource of its own (004 art. 10)' })
    create(@Arg('input') input: CatalogResourceInput, @Ctx() ctx: RequestContext) {
      return createResource(ctx, input);
    }

    @Mutation(() => Own, { name: name('update{Level}Resource'), description: 'Edit a DRAFT or RETURNED version' })
    update(@Arg('id', () => ID) id: string, @Arg('input') input: CatalogResourceInput, @Ctx() ctx: RequestContext) {
      return updateResource(ctx, id, input);
    }

    @Mutation(() => Own, { name: name('submit{Level}Resource'), description: 'Submit to the authority of the same jurisdiction (004 art. 10)' })
    submit(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
      return moveResource(ctx, 'submit', id, null);
    }

    @Mutation(() => Own, { name: name('review{Level}Resource'), description: 'The authority approves or returns a submission (a return needs a reason)' })
    review(
      @Arg('id', () => ID) id: string,
      @Arg('decision', () => ReviewDecision) decision: ReviewDecision,
      @Ctx() ctx: RequestContext,
      @Arg('reason', () => String, { nullable: true }) reason?: string,
    ) {
      return moveResource(ctx, decision === ReviewDecision.APPROVE ? 'approve' : 'return', id, reason ?? null);
    }

    @Mutation(() => Own, { name: name('publish{Level}Resource'), description: 'Publish an approved version; it supersedes the previous one and is reported to the integrated catalog' })
    publish(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
      return moveResource(ctx, 'publish', id, null);
    }

    @Mutation(() => Own, { name: name('revise{Level}Resource'), description: 'Start a new version of a published resource after its legal basis or duties changed (004 art. 11)' })
    revise(
      @Arg('id', () => ID) id: string,
      @Arg('trigger') trigger: string,
      @Ctx() ctx: RequestContext,
      @Arg('triggeredAt', () => Date, { nullable: true }) triggeredAt?: Date,
    ) {
      return reviseResource(ctx, id, trigger, triggeredAt ?? null);
    }

    @Mutation(() => Int, { name: name('report{Level}Catalog'), description: "The authority reports its jurisdiction's published catalog to the integrated catalog again (004 art. 10)" })
    async report(@Ctx() ctx: RequestContext, @Arg('jurisdictionCode', () => ID, { nullable: true }) jurisdictionCode?: string) {
      const me = requireRole(ctx, 'reporting the catalog', 'AUTHORITY_REVIEWER');
      const code = jurisdictionCode ?? me.jurisdiction;
      requireDivision(code, 'jurisdictionCode');
      if (!isWithin(code, me.jurisdiction)) throw forbidden(`the authority of ${me.jurisdiction} cannot report the catalog of ${code}`);
      return reportToIndex(ctx, await publishedRows(ctx, code));
    }
  }

  return [OwnResourceFields, LevelCatalogOperations];
}

/** Entity reference: the gateway asks the owning level for a resource by id; unseen work in progress resolves to null. */
export function ownResourceReference(level: Level) {
  return {
    [`${levelName(level, '{Level}')}Resource`]: {
      __resolveReference: async (ref: { id: string }, ctx: RequestContext) => {
        const row = await resourceById(ctx).load(ref.id);
        return row && canSee(ctx, row) ? row : null;
      },
    },
  };
}
