import { IsNull, MoreThan } from 'typeorm';
import { StartContext } from '../../../kernel/module';
import type { ServiceMetrics } from '../../../kernel/observability';
import { ReflowFrequency, ReflowRunState, ReflowRunTrigger } from '../enums';
import { ReflowRun } from '../run.entity';
import { ReflowSubscription } from '../subscription.entity';
import { ReceivingPlatform, runSubscription } from './runner';

const MINUTE = 60_000;
/**
 * What a subscriber holds is checked against its entitlement at least this often (its grants may end):
 * a delivered one-off subscription, and an incremental one whose interval is longer.
 */
export const ENTITLEMENT_CHECK_MS = 60 * MINUTE;

/**
 * When a subscription's next run is due. After failures it is retried sooner than its interval, and
 * later with each failure — 1, 2, 4 … minutes, never later than the interval — so a source that was
 * down a while is caught up soon after it is back, without being hammered while it is down.
 */
export function nextRunAt(subscription: ReflowSubscription, recent: readonly ReflowRun[], retryBaseMs: number): number {
  const [last] = recent;
  if (!last) return 0;
  // Every run re-decides what the subscriber may hold, so none waits longer than the entitlement check.
  const interval = subscription.frequency === ReflowFrequency.INCREMENTAL ? Math.min(subscription.intervalMinutes! * MINUTE, ENTITLEMENT_CHECK_MS) : ENTITLEMENT_CHECK_MS;
  const failures = recent.findIndex((run) => run.state !== ReflowRunState.FAILED);
  const consecutive = failures === -1 ? recent.length : failures;
  const wait = consecutive > 0 ? Math.min(interval, retryBaseMs * 2 ** (consecutive - 1)) : interval;
  return last.queuedAt.getTime() + wait;
}

/** Runs each subscription this platform receives that is due; one failing never keeps the others from their turn. */
async function runDue(platform: ReceivingPlatform, signal: AbortSignal, metrics: ServiceMetrics, onFailure: (subscription: string, error: unknown) => void): Promise<void> {
  const subscriptions = await platform.db.getRepository(ReflowSubscription).findBy({ targetLevel: platform.level, cancelledAt: IsNull() });
  for (const subscription of subscriptions) {
    if (signal.aborted) return;
    try {
      const runs = platform.db.getRepository(ReflowRun);
      // One-off subscriptions are delivered by a command; once delivered, the scheduler checks their entitlement.
      if (subscription.frequency === ReflowFrequency.ONE_OFF && !(await runs.existsBy({ subscriptionId: subscription.id, state: ReflowRunState.SUCCEEDED, rowsRead: MoreThan(0) }))) continue;
      const recent = await runs.find({ where: { subscriptionId: subscription.id }, order: { queuedAt: 'DESC' }, take: 8 });
      const lastSuccess = recent.find((run) => run.state === ReflowRunState.SUCCEEDED)?.startedAt;
      if (lastSuccess) metrics.reflowLagSeconds.set({ subscription: subscription.id }, (Date.now() - lastSuccess.getTime()) / 1000);
      if (nextRunAt(subscription, recent, platform.config.reflow.retryBaseMs) > Date.now()) continue;
      // A failure (the source not answering, another run holding the subscription) is recorded on the run.
      const run = await runSubscription(platform, subscription.id, { trigger: ReflowRunTrigger.SCHEDULER, signal });
      metrics.reflowRuns.inc({ subscription: subscription.id, state: run.state });
      metrics.reflowRows.inc({ subscription: subscription.id, change: 'written' }, run.rowsWritten);
      metrics.reflowRows.inc({ subscription: subscription.id, change: 'deleted' }, run.rowsDeleted);
      if (run.state === ReflowRunState.SUCCEEDED && run.startedAt) metrics.reflowLagSeconds.set({ subscription: subscription.id }, (Date.now() - run.startedAt.getTime()) / 1000);
    } catch (error) {
      onFailure(subscription.id, error);
    }
  }
}

/**
 * The receiving platform's scheduler (REFLOW_SCHEDULER): checks every tick, one tick at a time;
 * stopping waits for the current run to reach the end of its batch.
 */
export function startReflowScheduler({ level, db, config, log, metrics }: StartContext): () => Promise<void> {
  if (!config.reflow.scheduler) return async () => undefined;
  const stopping = new AbortController();
  const report = (subscription: string, error: unknown) => log.error({ subscription, error: (error as Error).message ?? String(error) }, 'reflow scheduler');
  let tick: Promise<void> | null = null;
  const timer = setInterval(() => {
    tick ??= runDue({ level, db, config }, stopping.signal, metrics, report)
      .catch((error) => report('(all)', error))
      .finally(() => {
        tick = null;
      });
  }, config.reflow.schedulerTickMs);
  return async () => {
    clearInterval(timer);
    stopping.abort();
    await tick;
  };
}
