import { DataSource, SelectQueryBuilder } from 'typeorm';
import { RequestContext } from '../../../kernel/context';
import { forbidden, notFound, platformError } from '../../../kernel/errors';
import { requireRole } from '../../../kernel/graphql/guards';
import { RecordSource } from '../../records/sources';
import { ReflowSubscription } from '../subscription.entity';

/**
 * The rows a subscription covers at its source, filtered in SQL before anything leaves: the
 * division scope, and never rows that came from the target level itself (they would flow back
 * and overwrite the target's own records with its own data, aggregated or masked).
 */
export function scopedRows(db: DataSource, source: RecordSource, subscription: ReflowSubscription): SelectQueryBuilder<any> {
  return db
    .getRepository(source.entity)
    .createQueryBuilder('r')
    .where('r.divisionCode LIKE :scope', { scope: `${subscription.scopePrefix}%` })
    .andWhere('(r.originPlatform IS NULL OR r.originPlatform <> :target)', { target: subscription.targetLevel });
}

/**
 * A pull is a SERVICE call of the receiving platform acting for the subscriber, for one of this
 * platform's subscriptions (service-token.ts); user tokens cannot pull.
 */
export async function subscriptionForPull(ctx: RequestContext, subscriptionId: string, action: string): Promise<ReflowSubscription> {
  const me = requireRole(ctx, action, 'SERVICE');
  const subscription = await ctx.db.getRepository(ReflowSubscription).findOneBy({ id: subscriptionId, sourceLevel: ctx.level });
  if (!subscription) throw notFound(`subscriptionId: no reflow subscription ${subscriptionId} served by the ${ctx.level.toLowerCase()} platform`, { field: 'subscriptionId' });
  if (me.agency !== subscription.subscriberUscc || me.level !== subscription.targetLevel) {
    throw forbidden(`${action}: subscription ${subscriptionId} belongs to ${subscription.subscriberUscc} at the ${subscription.targetLevel.toLowerCase()} platform`);
  }
  if (subscription.cancelledAt) throw cancelledError(subscription);
  return subscription;
}

/** Nothing flows on a cancelled subscription; the receiver learns from this answer that it must purge. */
export const cancelledError = (subscription: ReflowSubscription) =>
  platformError('SUBSCRIPTION_CANCELLED', `subscription ${subscription.id} was cancelled at ${subscription.cancelledAt!.toISOString()} by ${subscription.cancelledBy}: ${subscription.cancelReason}`, {
    cancelledAt: subscription.cancelledAt!.toISOString(),
    cancelledBy: subscription.cancelledBy,
    reason: subscription.cancelReason,
  });
