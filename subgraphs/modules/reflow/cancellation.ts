import { DataSource } from 'typeorm';
import { RequestContext } from '../../kernel/context';
import { badInput, conflict, forbidden, notFound } from '../../kernel/errors';
import { levelName } from '../../kernel/levels';
import { requireRole } from '../../kernel/graphql/guards';
import { isWithin } from '../../kernel/identifiers';
import { callPlatform } from '../../kernel/service-client';
import { recordHeldItems } from '../records/origins';
import { recordSource } from '../records/sources';
import { ReflowApplication } from './application.entity';
import { ReflowRunState } from './enums';
import { ReflowRun, ReflowWatermark } from './run.entity';
import { ReflowSubscription } from './subscription.entity';
import { hashedProperties } from './digest';
import { purgeDraft } from './target/receiving-audit';

/** As long as the audit trail keeps a stated reason. */
const MAX_REASON_LENGTH = 1024;

export interface Cancellation {
  at: Date;
  by: string;
  reason: string;
}

export interface CancellationOutcome {
  subscription: ReflowSubscription;
  /** Rows ended at the receiving platform; null when it did not answer (it purges when its next pull is refused). */
  rowsPurgedAtTarget: number | null;
  targetNotice: string | null;
}

function checkReason(reason: string): string {
  const grounds = reason.trim();
  if (grounds.length < 2) throw badInput('reason', 'a cancellation must give its reasons');
  if (grounds.length > MAX_REASON_LENGTH) throw badInput('reason', `at most ${MAX_REASON_LENGTH} characters`);
  return grounds;
}

/**
 * Who may end a subscription: the subscriber's authority (or one above it — the region over all),
 * and the source level's authority over the data it serves (004 art. 50: within its jurisdiction).
 */
function mayCancel(ctx: RequestContext, subscription: ReflowSubscription, sourceJurisdiction: string): boolean {
  const me = ctx.identity;
  return isWithin(subscription.subscriberJurisdiction, me.jurisdiction) || (me.level === subscription.sourceLevel && isWithin(sourceJurisdiction, me.jurisdiction));
}

/**
 * Source side. Ends a subscription at once — the source serves no pull of it from this moment — and
 * tells the receiving platform, which ends every row it holds of it. A receiver that does not answer
 * learns at its next pull, which is refused as SUBSCRIPTION_CANCELLED, and purges then.
 */
export async function cancelSubscription(ctx: RequestContext, id: string, reason: string): Promise<CancellationOutcome> {
  const me = requireRole(ctx, 'cancelling a reflow subscription', 'AUTHORITY_REVIEWER');
  const grounds = checkReason(reason);
  const subscription = await ctx.db.getRepository(ReflowSubscription).findOneBy({ id, sourceLevel: ctx.level });
  const application = subscription && (await ctx.db.getRepository(ReflowApplication).findOneBy({ id: subscription.applicationId }));
  if (!subscription || !application) throw notFound(`id: no reflow subscription ${id} served by the ${ctx.level.toLowerCase()} platform`, { field: 'id' });
  if (!mayCancel(ctx, subscription, application.resourceJurisdiction)) {
    throw forbidden(`cancelling: the authority of ${me.jurisdiction} (${me.level}) is neither the subscriber's (${subscription.subscriberJurisdiction}) nor the source's over ${application.resourceJurisdiction}`);
  }
  const cancellation: Cancellation = { at: ctx.now, by: me.sub, reason: grounds };
  const ended = await ctx.db
    .getRepository(ReflowSubscription)
    .createQueryBuilder()
    .update()
    .set({ cancelledAt: cancellation.at, cancelledBy: cancellation.by, cancelReason: cancellation.reason })
    .where('id = :id AND cancelledAt IS NULL', { id })
    .execute();
  if (!ended.affected) throw conflict(`cancelling: subscription ${id} is already cancelled`);
  Object.assign(subscription, { cancelledAt: cancellation.at, cancelledBy: cancellation.by, cancelReason: cancellation.reason });
  ctx.audit.event({
    action: 'REFLOW_CANCEL',
    resourceId: subscription.resourceId,
    resourceJurisdiction: application.resourceJurisdiction,
    items: subscription.items,
    effect: 'DONE',
    reason: grounds,
    grantId: null,
    purpose: `reflow ${subscription.id}: ${subscription.purpose}`.slice(0, 512),
    accessPath: 'ROOT',
    recordKeys: [subscription.id],
    recordCount: 1,
  });

  const field = levelName(subscription.targetLevel, 'receive{Level}ReflowCancellation');
  try {
    const answer = await callPlatform<{ purged: number }>(ctx.config, subscription.targetLevel, {
      query: `mutation Cancel($id: ID!, $at: DateTimeISO!, $reason: String!) { purged: ${field}(subscriptionId: $id, cancelledAt: $at, reason: $reason) }`,
      variables: { id, at: cancellation.at.toISOString(), reason: grounds },
      authorization: ctx.authorization,
      requestId: ctx.requestId,
    });
    return { subscription, rowsPurgedAtTarget: answer.purged, targetNotice: null };
  } catch (error) {
    const notice = `${(error as Error).message}; the ${subscription.targetLevel.toLowerCase()} platform purges when its next pull is refused`;
    return { subscription, rowsPurgedAtTarget: null, targetNotice: notice };
  }
}

/**
 * Target side, told by the source. Same authorities as at the source; the receiver cannot check the
 * resource's jurisdiction, so the source level's authority must cover the scope. Idempotent.
 */
export async function receiveCancellation(ctx: RequestContext, id: string, at: Date, reason: string): Promise<number> {
  const me = requireRole(ctx, 'cancelling a reflow subscription', 'AUTHORITY_REVIEWER');
  const subscription = await ctx.db.getRepository(ReflowSubscription).findOneBy({ id, targetLevel: ctx.level });
  if (!subscription) throw notFound(`subscriptionId: no reflow subscription ${id} is received by the ${ctx.level.toLowerCase()} platform`, { field: 'subscriptionId' });
  if (!mayCancel(ctx, subscription, subscription.scopeDivisionCode)) {
    throw forbidden(`cancelling: the authority of ${me.jurisdiction} (${me.level}) has no say over subscription ${id}`);
  }
  const rows = await endReceived(ctx.db, subscription, { at, by: me.sub, reason: checkReason(reason) });
  if (rows !== null) ctx.audit.event(cancellationPurge(subscription, rows));
  return rows ?? 0;
}

/** The receiver's audit record of a cancellation: every item, every row it held. */
export const cancellationPurge = (subscription: ReflowSubscription, rows: number) =>
  purgeDraft(subscription, subscription.items, rows, `subscription cancelled by ${subscription.cancelledBy}: ${subscription.cancelReason}`);

/**
 * At the receiving platform, in one transaction: the subscription is marked cancelled, every row it
 * delivered becomes a tombstone (its key and a deletion time; no item value stays, 004 art. 19-20)
 * in one statement, the items held are none, and a run that holds the subscription loses it: its
 * next batch is refused. A batch being written commits before that statement, and is ended with it.
 * Returns the rows ended, or null when the subscription was already cancelled here.
 */
export async function endReceived(db: DataSource, subscription: ReflowSubscription, cancellation: Cancellation): Promise<number | null> {
  const source = recordSource(subscription.dataTable);
  const ended = await db.transaction(async (m) => {
    const marked = await m
      .createQueryBuilder()
      .update(ReflowSubscription)
      .set({ cancelledAt: cancellation.at, cancelledBy: cancellation.by, cancelReason: cancellation.reason })
      .where('id = :id AND cancelledAt IS NULL', { id: subscription.id })
      .execute();
    if (!marked.affected) return null;
    const now = new Date();
    const tombstoned = await m
      .createQueryBuilder()
      .update(source.entity)
      .set({ ...Object.fromEntries(hashedProperties(source).map((property) => [property, null])), deletedAt: () => 'COALESCE(deletedAt, :cancelledAt)', updatedAt: now, syncedAt: now })
      .where('originSubscription = :id', { id: subscription.id })
      .setParameter('cancelledAt', cancellation.at)
      .execute();
    await recordHeldItems(m, subscription.id, [], now);
    const state = await m.findOneBy(ReflowWatermark, { subscriptionId: subscription.id });
    if (state?.leaseRunId) {
      await m.update(ReflowRun, { id: state.leaseRunId, state: ReflowRunState.RUNNING }, { state: ReflowRunState.FAILED, error: `cancelled: ${cancellation.reason}`, finishedAt: now });
    }
    await m.update(ReflowWatermark, { subscriptionId: subscription.id }, { leaseRunId: null, afterUpdatedAt: null, afterKey: null, shape: null, updatedAt: now });
    return tombstoned.affected ?? 0;
  });
  if (ended !== null) Object.assign(subscription, { cancelledAt: cancellation.at, cancelledBy: cancellation.by, cancelReason: cancellation.reason });
  return ended;
}
