import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { PlatformConfig } from '../../../kernel/config';
import { conflict, notFound } from '../../../kernel/errors';
import { Level } from '../../../kernel/levels';
import { runSync } from '../../../kernel/sync/engine';
import { SyncProgress } from '../../../kernel/sync/types';
import { ReflowFrequency, ReflowRunState, ReflowRunTrigger } from '../enums';
import { ReflowRun } from '../run.entity';
import { ReflowSubscription } from '../subscription.entity';
import { acquireLease, finishRun, processOwner } from './lease';
import { remotePageSource } from './page-source';
import { recordSink } from './sink';

/** The receiving platform's own database, and where the other levels are. */
export interface ReceivingPlatform {
  level: Level;
  db: DataSource;
  config: Readonly<PlatformConfig>;
}

export interface RunOptions {
  trigger: ReflowRunTrigger;
  /** Stops the run after its current batch (the platform is shutting down). */
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
  /** Lines for an operator: a dead run taken over, a test pause. */
  onNote?: (line: string) => void;
}

export async function receivedSubscription({ level, db }: ReceivingPlatform, subscriptionId: string): Promise<ReflowSubscription> {
  const subscription = await db.getRepository(ReflowSubscription).findOneBy({ id: subscriptionId, targetLevel: level });
  if (!subscription) throw notFound(`no reflow subscription ${subscriptionId} is received by the ${level.toLowerCase()} platform`);
  return subscription;
}

/**
 * One run of a subscription at its receiving platform: recorded as a job (queued, running,
 * succeeded or failed, with its counters), resumed from the last committed batch, pulled from the
 * source's API and written into this platform's database only. A failure — another run holding
 * the subscription included — is recorded on the run, which is returned either way; only an unknown
 * subscription, or a one-off one already delivered, throws.
 */
export async function runSubscription(platform: ReceivingPlatform, subscriptionId: string, options: RunOptions): Promise<ReflowRun> {
  const { db, config } = platform;
  const subscription = await receivedSubscription(platform, subscriptionId);
  const runs = db.getRepository(ReflowRun);
  if (subscription.frequency === ReflowFrequency.ONE_OFF) {
    const delivered = await runs.findOneBy({ subscriptionId, state: ReflowRunState.SUCCEEDED });
    if (delivered) throw conflict(`one-off subscription ${subscriptionId} was delivered by run ${delivered.id}`, { runId: delivered.id });
  }
  const run = Object.assign(new ReflowRun(), {
    id: randomUUID(),
    subscriptionId,
    trigger: options.trigger,
    state: ReflowRunState.QUEUED,
    owner: processOwner(),
    queuedAt: new Date(),
  });
  await runs.insert(run);
  try {
    const from = await acquireLease(db, run, options.onNote);
    const pauseMs = config.reflow.testBatchPauseMs;
    const midBatch = pauseMs > 0
      ? async () => {
          options.onNote?.(`mid-batch: rows upserted, watermark not yet stored; pausing ${pauseMs} ms`);
          await sleep(pauseMs);
        }
      : undefined;
    await runSync({
      source: remotePageSource(config, subscription, config.reflow.pageSize),
      sink: recordSink({ db, subscription, runId: run.id, midBatch }),
      from,
      signal: options.signal,
      onProgress: options.onProgress,
    });
    await finishRun(db, run, ReflowRunState.SUCCEEDED, null);
  } catch (error) {
    await finishRun(db, run, ReflowRunState.FAILED, (error as Error).message ?? String(error));
  }
  return runs.findOneByOrFail({ id: run.id });
}
