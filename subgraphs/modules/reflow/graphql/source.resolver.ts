import { Arg, Ctx, Directive, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../../../kernel/context';
import { levelName } from '../../../kernel/graphql/level-names';
import { Level } from '../../../kernel/levels';
import { ReflowApplication } from '../application.entity';
import { applyForReflow, decideReflow } from '../application.service';
import { ReflowApplicationState, ReflowDecision } from '../enums';
import { visibleApplication, visibleApplications } from '../queries';
import { changesPage } from '../source/changes';
import { sourceDigest } from '../source/checksum';
import { ReflowApplicationInput } from './inputs';
import { ReflowCancellation, ReflowChangePage, ReflowDigest } from './types';
import { cancelSubscription } from '../cancellation';
import { ListSize } from '../../../kernel/graphql/list-size';

/** Root fields of a platform as the holder of data: applications, decisions, and the pulls it serves. */
export function reflowSourceResolver(level: Level): Function {
  const name = (pattern: string) => levelName(level, pattern);

  @Resolver()
  class ReflowSourceOperations {
    @Mutation(() => ReflowApplication, {
      name: name('apply{Level}Reflow'),
      description: "An authority applies for this platform's data: one level below for reflow (000 art. 16), one level above for aggregation of a basic database (004 art. 18, approved at once)",
    })
    apply(@Arg('input') input: ReflowApplicationInput, @Ctx() ctx: RequestContext) {
      return applyForReflow(ctx, input);
    }

    @Mutation(() => ReflowApplication, { name: name('decide{Level}Reflow'), description: "This level's authority over the resource approves (creating the subscription) or refuses with reasons" })
    decide(
      @Arg('id', () => ID) id: string,
      @Arg('decision', () => ReflowDecision) decision: ReflowDecision,
      @Ctx() ctx: RequestContext,
      @Arg('reason', () => String, { nullable: true, description: 'Required to refuse' }) reason?: string,
    ) {
      return decideReflow(ctx, id, decision, reason);
    }

    @Mutation(() => ReflowCancellation, {
      name: name('cancel{Level}ReflowSubscription'),
      description: "The subscriber's authority or this level's authority over the data ends a subscription, with reasons: nothing flows any more, and the receiving platform keeps none of its values",
    })
    cancel(@Arg('id', () => ID) id: string, @Arg('reason') reason: string, @Ctx() ctx: RequestContext) {
      return cancelSubscription(ctx, id, reason);
    }

    @Query(() => ReflowApplication, { name: name('{level}ReflowApplication'), description: 'Visible to the applicant and to the deciding authority' })
    application(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
      return visibleApplication(ctx, id);
    }

    @ListSize({ slicingArguments: ['first'] })
    @Query(() => [ReflowApplication], { name: name('{level}ReflowApplications'), description: "The caller's own applications and those it decides, newest first" })
    applications(
      @Ctx() ctx: RequestContext,
      @Arg('state', () => ReflowApplicationState, { nullable: true }) state?: ReflowApplicationState,
      @Arg('first', () => Int, { defaultValue: 50 }) first: number = 50,
    ) {
      return visibleApplications(ctx, state, first);
    }

    @Query(() => ReflowChangePage, { name: name('{level}ReflowChanges'), description: 'Platform-internal (SERVICE): rows of a subscription changed after a watermark, with the items the subscriber may hold' })
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

    @Query(() => ReflowDigest, { name: name('{level}ReflowChecksum'), description: 'Platform-internal (SERVICE): count and checksum of a subscription scope, row hashes for the buckets asked' })
    @Directive('@inaccessible')
    checksum(@Arg('subscriptionId', () => ID) subscriptionId: string, @Ctx() ctx: RequestContext, @Arg('buckets', () => [Int], { defaultValue: [] }) buckets: number[] = []) {
      return sourceDigest(ctx, subscriptionId, buckets);
    }
  }
  return ReflowSourceOperations;
}
