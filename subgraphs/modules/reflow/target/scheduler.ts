import { SeedContext } from '../../../kernel/module';
import { ReflowFrequency, ReflowRunTrigger } from '../enums';
import { ReflowRun } from '../run.entity';
import { ReflowSubscription } from '../subscription.entity';
import { ReceivingPlatform, runSubscription } from './runner';

/** Runs each INCREMENTAL subscription this platform receives once its interval has passed since its last run. */
async function runDue(platform: ReceivingPlatform, signal: AbortSignal): Promise<void> {
  const subscriptions = await platform.db.getRepository(ReflowSubscription).findBy({ targetLevel: platform.level, frequency: ReflowFrequency.INCREMENTAL });
  for (const subscription of subscriptions) {
    if (signal.aborted) return;
    const last = await platform.db.getRepository(ReflowRun).findOne({ where: { subscriptionId: subscription.id }, order: { queuedAt: 'DESC' } });
    if (last && last.queuedAt.getTime() + subscription.intervalMinutes! * 60_000 > Date.now()) continue;
    // A failure (also: another run holds the subscription) is recorded on the run and retried an interval later.
    await runSubscription(platform, subscription.id, { trigger: ReflowRunTrigger.SCHEDULER, signal });
  }
}

/**
 * The receiving platform's scheduler (REFLOW_SCHEDULER): checks every tick, one tick at a time;
 * stopping waits for the current run to reach the end of its batch.
 */
export function startReflowScheduler({ level, db, config }: SeedContext): () => Promise<void> {
  if (!config.reflow.scheduler) return async () => undefined;
  const stopping = new AbortController();
  let tick: Promise<void> | null = null;
  const timer = setInterval(() => {
    tick ??= runDue({ level, db, config }, stopping.signal)
      .catch((error) => console.error(`reflow scheduler of the ${level.toLowerCase()} platform: ${(error as Error).message}`))
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
