import { Arg, Ctx, Directive, ID, Int, Resolver } from 'type-graphql';
import { RequestContext } from '../../../kernel/context';
import { levelLocalId } from '../../../kernel/graphql/global-id';
import { LevelMutation, LevelQuery } from '../../../kernel/graphql/ownership';
import { ReflowApplication } from '../application.entity';
import { applyForReflow, decideReflow } from '../application.service';
import { cancelSubscription } from '../cancellation';
import { ReflowDecision } from '../enums';
import { changesPage } from '../source/changes';
import { sourceDigest } from '../source/checksum';
import { ReflowApplicationInput } from './inputs';
import { ReflowCancellation, ReflowChangePage, ReflowDigest } from './types';

/** A platform as the holder of data: applications, decisions, cancellations, and the pulls it serves. */
@Resolver()
export class ReflowSourceOperations {
  @LevelMutation(() => ReflowApplication, {
    pattern: 'apply{Level}Reflow',
    description: "An authority applies for this platform's data: one level below for reflow (000 art. 16), one level above for aggregation of a basic database (004 art. 18, approved at once); resourceId is the resource's id",
  })
  apply(@Arg('input') input: ReflowApplicationInput, @Ctx() ctx: RequestContext) {
    return applyForReflow(ctx, { ...input, resourceId: levelLocalId(ctx.level, 'input.resourceId', input.resourceId, 'Resource', 'apply{Level}Reflow') });
  }

  @LevelMutation(() => ReflowApplication, { pattern: 'decide{Level}Reflow', description: "This level's authority over the resource approves (creating the subscription) or refuses with reasons" })
  decide(
    @Arg('id', () => ID) id: string,
    @Arg('decision', () => ReflowDecision) decision: ReflowDecision,
    @Ctx() ctx: RequestContext,
    @Arg('reason', () => String, { nullable: true, description: 'Required to refuse' }) reason?: string,
  ) {
    return decideReflow(ctx, levelLocalId(ctx.level, 'id', id, 'ReflowApplication', 'decide{Level}Reflow'), decision, reason);
  }

  @LevelMutation(() => ReflowCancellation, {
    pattern: 'cancel{Level}ReflowSubscription',
    description: "The subscriber's authority or this level's authority over the data ends a subscription, with reasons: nothing flows any more, and the receiving platform keeps none of its values",
  })
  cancel(@Arg('id', () => ID) id: string, @Arg('reason') reason: string, @Ctx() ctx: RequestContext) {
    return cancelSubscription(ctx, levelLocalId(ctx.level, 'id', id, 'ReflowSubscription', 'cancel{Level}ReflowSubscription'), reason);
  }

  @LevelQuery(() => ReflowChangePage, { pattern: '{level}ReflowChanges', description: 'Platform-internal (SERVICE): rows of a subscription changed after a watermark, with the items the subscriber may hold' })
  @Directive('@inaccessible')
  changes(
    @Arg('subscriptionId', () => ID) subscriptionId: string,
    @Arg('limit', () => Int) limit: number,
    @Ctx() ctx: RequestContext,
    @Arg('afterUpdatedAt', () => Date, { nullable: true }) afterUpdatedAt?: Date,
    @Arg('afterKey', () => String, { nullable: true }) afterKey?: string,
    @Arg('heldShape', () => String, { nullable: true, description: 'The shape the receiver holds rows in; what it may no longer hold is recorded as to be purged' }) heldShape?: string,
  ) {
    return changesPage(ctx, subscriptionId, { updatedAt: afterUpdatedAt, key: afterKey }, limit, heldShape ?? null);
  }

  @LevelQuery(() => ReflowDigest, { pattern: '{level}ReflowChecksum', description: 'Platform-internal (SERVICE): count and checksum of a subscription scope, row hashes for the buckets asked' })
  @Directive('@inaccessible')
  checksum(@Arg('subscriptionId', () => ID) subscriptionId: string, @Ctx() ctx: RequestContext, @Arg('buckets', () => [Int], { defaultValue: [] }) buckets: number[] = []) {
    return sourceDigest(ctx, subscriptionId, buckets);
  }
}
