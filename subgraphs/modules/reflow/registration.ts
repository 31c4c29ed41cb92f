import { RequestContext } from '../../kernel/context';
import { badInput, conflict, forbidden } from '../../kernel/errors';
import { levelName } from '../../kernel/levels';
import { requireRole } from '../../kernel/graphql/guards';
import { isWithin } from '../../kernel/identifiers';
import { callPlatform } from '../../kernel/service-client';
import { declareOrigin } from '../records/origins';
import { RECORD_SOURCES } from '../records/sources';
import { SubscriptionTerms } from './drafts';
import { ReflowSubscription, subscriptionIdFor } from './subscription.entity';

/**
 * On approval the source tells the target through the target's API, on behalf of the authority
 * who approved (or, for aggregation, applied): the target then holds everything it needs to run
 * the subscription from its own database — schedule, watermark, and whose rows it holds.
 */
export async function registerAtTarget(ctx: RequestContext, subscription: ReflowSubscription): Promise<void> {
  const { itemsJson, ...fields } = subscription;
  const variables = { subscription: { ...fields, items: JSON.parse(itemsJson), createdAt: subscription.createdAt.toISOString() } };
  const field = levelName(subscription.targetLevel, 'register{Level}ReflowSubscription');
  await callPlatform(ctx.config, subscription.targetLevel, {
    query: `mutation Register($subscription: ReflowSubscriptionInput!) { ${field}(subscription: $subscription) }`,
    variables,
    authorization: ctx.authorization,
    requestId: ctx.requestId,
  });
}

/**
 * Target side. Only an authority of the subscription's source or target level whose jurisdiction
 * covers the scope registers it; registering again (a repeated approval) changes nothing, and the
 * terms once registered never change. Pulls are authorised by the source against its own copy, so
 * a registration alone opens no data.
 */
export async function registerSubscription(ctx: RequestContext, input: SubscriptionTerms): Promise<string> {
  const me = requireRole(ctx, 'registering a reflow subscription', 'AUTHORITY_REVIEWER');
  if (input.targetLevel !== ctx.level) throw badInput('subscription.targetLevel', `this is the ${ctx.level.toLowerCase()} platform`);
  if ((me.level !== input.sourceLevel && me.level !== input.targetLevel) || !isWithin(input.scopeDivisionCode, me.jurisdiction)) {
    throw forbidden(`registering: the authority of ${me.jurisdiction} (${me.level}) has no say over reflow of ${input.scopeDivisionCode} from ${input.sourceLevel} to ${input.targetLevel}`);
  }
  if (input.id !== subscriptionIdFor(input.applicationId, ctx.level)) throw badInput('subscription.id', `does not belong to application ${input.applicationId}`);
  if (!RECORD_SOURCES[input.dataTable]) throw badInput('subscription.dataTable', `no record table '${input.dataTable}'`);
  if (!isWithin(input.scopeDivisionCode, input.subscriberJurisdiction)) throw badInput('subscription.scopeDivisionCode', `outside the subscriber's jurisdiction ${input.subscriberJurisdiction}`);
  const { items, ...fields } = input;
  const subscription = Object.assign(new ReflowSubscription(), { ...fields, itemsJson: JSON.stringify(items) });
  const existing = await ctx.db.getRepository(ReflowSubscription).findOneBy({ id: input.id });
  if (existing && terms(existing) !== terms(subscription)) throw conflict(`subscription.id: ${input.id} is registered with other terms; a registration never changes them`);
  if (!existing) {
    await ctx.db.transaction(async (m) => {
      await m.insert(ReflowSubscription, subscription);
      // The records it will deliver are read here by the subscriber's jurisdiction only (004 art. 19-20).
      await declareOrigin(m, { subscriptionId: input.id, sourceLevel: input.sourceLevel, subscriberJurisdiction: input.subscriberJurisdiction, dataTable: input.dataTable }, ctx.now);
    });
  }
  return input.id;
}

/** What a subscription fixes, compared when the same approval is registered again. */
const terms = (s: ReflowSubscription) =>
  JSON.stringify([s.applicationId, s.direction, s.sourceLevel, s.targetLevel, s.resourceId, s.dataTable, s.scopePrefix, s.itemsJson, s.subscriberUscc, s.subscriberJurisdiction, s.frequency, s.intervalMinutes]);
