import { Arg, Ctx, Directive, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../../../kernel/context';
import { levelName } from '../../../kernel/graphql/level-names';
import { Level } from '../../../kernel/levels';
import { visibleRuns, visibleSubscriptions } from '../queries';
import { registerSubscription } from '../registration';
import { receiveCancellation } from '../cancellation';
import { ReflowRun } from '../run.entity';
import { ReflowSubscription } from '../subscription.entity';
import { ReflowSubscriptionInput } from './inputs';
import { ListSize } from '../../../kernel/graphql/list-size';

/** Root fields of a platform as a receiver of data, and the subscriptions of either side. */
export function reflowTargetResolver(level: Level): Function {
  const name = (pattern: string) => levelName(level, pattern);

  @Resolver()
  class ReflowTargetOperations {
    @Mutation(() => ID, { name: name('register{Level}ReflowSubscription'), description: 'Platform-internal: the source registers an approved subscription here' })
    @Directive('@inaccessible')
    register(@Arg('subscription', () => ReflowSubscriptionInput) subscription: ReflowSubscriptionInput, @Ctx() ctx: RequestContext) {
      return registerSubscription(ctx, subscription);
    }

    @Mutation(() => Int, { name: name('receive{Level}ReflowCancellation'), description: 'Platform-internal: the source tells the receiver a subscription was cancelled; the rows it ended' })
    @Directive('@inaccessible')
    receiveCancellation(
      @Arg('subscriptionId', () => ID) subscriptionId: string,
      @Arg('cancelledAt', () => Date) cancelledAt: Date,
      @Arg('reason') reason: string,
      @Ctx() ctx: RequestContext,
    ) {
      return receiveCancellation(ctx, subscriptionId, cancelledAt, reason);
    }

    @ListSize({ assumedSize: 50 })
    @Query(() => [ReflowSubscription], { name: name('{level}ReflowSubscriptions'), description: 'Subscriptions this platform serves or receives, for the authorities concerned' })
    subscriptions(@Ctx() ctx: RequestContext) {
      return visibleSubscriptions(ctx);
    }

    @ListSize({ slicingArguments: ['first'] })
    @Query(() => [ReflowRun], { name: name('{level}ReflowRuns'), description: "Runs of subscriptions this platform receives, newest first: an authority sees its jurisdiction's, the region's sees all" })
    runs(
      @Ctx() ctx: RequestContext,
      @Arg('subscriptionId', () => ID, { nullable: true }) subscriptionId?: string,
      @Arg('first', () => Int, { defaultValue: 50 }) first: number = 50,
    ) {
      return visibleRuns(ctx, subscriptionId, first);
    }
  }
  return ReflowTargetOperations;
}
