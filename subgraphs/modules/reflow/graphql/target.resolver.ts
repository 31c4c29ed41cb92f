import { Arg, Ctx, Directive, ID, Int, Resolver } from 'type-graphql';
import { RequestContext } from '../../../kernel/context';
import { LevelMutation } from '../../../kernel/graphql/ownership';
import { receiveCancellation } from '../cancellation';
import { registerSubscription } from '../registration';
import { ReflowSubscriptionInput } from './inputs';

/** Platform-internal: what a source tells the receiving platform of a subscription. */
@Resolver()
export class ReflowTargetOperations {
  @LevelMutation(() => ID, { pattern: 'register{Level}ReflowSubscription', description: 'Platform-internal: the source registers an approved subscription here' })
  @Directive('@inaccessible')
  register(@Arg('subscription', () => ReflowSubscriptionInput) subscription: ReflowSubscriptionInput, @Ctx() ctx: RequestContext) {
    return registerSubscription(ctx, subscription);
  }

  @LevelMutation(() => Int, { pattern: 'receive{Level}ReflowCancellation', description: 'Platform-internal: the source tells the receiver a subscription was cancelled; the rows it ended' })
  @Directive('@inaccessible')
  receiveCancellation(
    @Arg('subscriptionId', () => ID) subscriptionId: string,
    @Arg('cancelledAt', () => Date) cancelledAt: Date,
    @Arg('reason') reason: string,
    @Ctx() ctx: RequestContext,
  ) {
    return receiveCancellation(ctx, subscriptionId, cancelledAt, reason);
  }
}
