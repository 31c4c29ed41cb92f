import { Arg, Ctx, ID, Int, Resolver } from 'type-graphql';
import { RequestContext } from '../../../kernel/context';
import { requireDivision } from '../../../kernel/divisions';
import { forbidden } from '../../../kernel/errors';
import { levelLocalId } from '../../../kernel/graphql/global-id';
import { requireRole } from '../../../kernel/graphql/guards';
import { LevelMutation } from '../../../kernel/graphql/ownership';
import { isWithin } from '../../../kernel/identifiers';
import { createResource, moveResource, publishedRows, reviseResource, updateResource } from '../catalog.service';
import { ReviewDecision } from '../enums';
import { reportToIndex } from '../index-report';
import { CatalogResourceInput } from './inputs';
import { CatalogResource } from './types';

/** The resource an `id` argument names, held by this level (else: which level's mutation acts on it). */
const resourceId = (ctx: RequestContext, id: string, pattern: string) => levelLocalId(ctx.level, 'id', id, 'Resource', pattern);

/**
 * The catalog workflow of each level's own resources (004 art. 10-11): an agency drafts and submits,
 * the authority of the same jurisdiction approves or returns, the agency publishes (reported to the
 * integrated catalog) and revises when its legal basis changes. Each level serves these under its name.
 */
@Resolver()
export class CatalogMutations {
  @LevelMutation(() => CatalogResource, { pattern: 'create{Level}Resource', description: 'An agency drafts a catalog resource of its own (004 art. 10)' })
  create(@Arg('input') input: CatalogResourceInput, @Ctx() ctx: RequestContext) {
    return createResource(ctx, input);
  }

  @LevelMutation(() => CatalogResource, { pattern: 'update{Level}Resource', description: 'Edit a DRAFT or RETURNED version' })
  update(@Arg('id', () => ID) id: string, @Arg('input') input: CatalogResourceInput, @Ctx() ctx: RequestContext) {
    return updateResource(ctx, resourceId(ctx, id, 'update{Level}Resource'), input);
  }

  @LevelMutation(() => CatalogResource, { pattern: 'submit{Level}Resource', description: 'Submit to the authority of the same jurisdiction (004 art. 10)' })
  submit(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return moveResource(ctx, 'submit', resourceId(ctx, id, 'submit{Level}Resource'), null);
  }

  @LevelMutation(() => CatalogResource, { pattern: 'review{Level}Resource', description: 'The authority approves or returns a submission (a return needs a reason)' })
  review(
    @Arg('id', () => ID) id: string,
    @Arg('decision', () => ReviewDecision) decision: ReviewDecision,
    @Ctx() ctx: RequestContext,
    @Arg('reason', () => String, { nullable: true }) reason?: string,
  ) {
    return moveResource(ctx, decision === ReviewDecision.APPROVE ? 'approve' : 'return', resourceId(ctx, id, 'review{Level}Resource'), reason ?? null);
  }

  @LevelMutation(() => CatalogResource, { pattern: 'publish{Level}Resource', description: 'Publish an approved version; it supersedes the previous one and is reported to the integrated catalog' })
  publish(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return moveResource(ctx, 'publish', resourceId(ctx, id, 'publish{Level}Resource'), null);
  }

  @LevelMutation(() => CatalogResource, { pattern: 'revise{Level}Resource', description: 'Start a new version of a published resource after its legal basis or duties changed (004 art. 11)' })
  revise(
    @Arg('id', () => ID) id: string,
    @Arg('trigger') trigger: string,
    @Ctx() ctx: RequestContext,
    @Arg('triggeredAt', () => Date, { nullable: true }) triggeredAt?: Date,
  ) {
    return reviseResource(ctx, resourceId(ctx, id, 'revise{Level}Resource'), trigger, triggeredAt ?? null);
  }

  @LevelMutation(() => Int, { pattern: 'report{Level}Catalog', description: "The authority reports its jurisdiction's published catalog to the integrated catalog again (004 art. 10)" })
  async report(@Ctx() ctx: RequestContext, @Arg('jurisdictionCode', () => ID, { nullable: true }) jurisdictionCode?: string) {
    const me = requireRole(ctx, 'reporting the catalog', 'AUTHORITY_REVIEWER');
    const code = jurisdictionCode ?? me.jurisdiction;
    requireDivision(code, 'jurisdictionCode');
    if (!isWithin(code, me.jurisdiction)) throw forbidden(`the authority of ${me.jurisdiction} cannot report the catalog of ${code}`);
    return reportToIndex(ctx, await publishedRows(ctx, code));
  }
}
