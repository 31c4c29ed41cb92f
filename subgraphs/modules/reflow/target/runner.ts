import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, MoreThan } from 'typeorm';
import { PlatformConfig } from '../../../kernel/config';
import { conflict, notFound } from '../../../kernel/errors';
import { Level } from '../../../kernel/levels';
import { runSync } from '../../../kernel/sync/engine';
import { PageSource, SyncProgress } from '../../../kernel/sync/types';
import { ReflowFrequency, ReflowRunState, ReflowRunTrigger } from '../enums';
import { ReflowRun } from '../run.entity';
import { ReflowSubscription } from '../subscription.entity';
import { acquireLease, finishRun, processOwner } from './lease';
import { ReceivedRow, remotePageSource } from './page-source';
import { ReceivingAudit, receivingAudit } from './receiving-audit';
import { cancellationPurge, endReceived } from '../cancellation';
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
 * A delivered one-off subscription takes no more rows, but what it delivered is held only while the
 * entitlement behind it lasts: its later runs ask the source for the shape it delivers now, and drop
 * what ended (the engine's reshape), without pulling a row.
 */
function shapeOnly(source: PageSource<ReceivedRow>): PageSource<ReceivedRow> {
  return {
    async fetch(after) {
      const page = await source.fetch(after, { countRemaining: false });
      return { ...page, rows: [], last: null, hasMore: false, remaining: 0 };
    },
  };
}

/**
 * One run of a subscription at its receiving platform: recorded as a job (queued, running,
 * succeeded or failed, with its counters), resumed from the last committed batch, pulled from the
 * source's API and written into this platform's database only. A failure — the source not answering,
 * another run holding the subscription — is recorded on the run with its reason and the lease given
 * back, and the run is returned either way; only an unknown or cancelled subscription throws.
 */
export async function runSubscription(platform: ReceivingPlatform, subscriptionId: string, options: RunOptions): Promise<ReflowRun> {
  const { db, config } = platform;
  const subscription = await receivedSubscription(platform, subscriptionId);
  if (subscription.cancelledAt) throw conflict(`subscription ${subscriptionId} was cancelled at ${subscription.cancelledAt.toISOString()}: ${subscription.cancelReason}`);
  const runs = db.getRepository(ReflowRun);
  const delivered = subscription.frequency === ReflowFrequency.ONE_OFF && (await runs.existsBy({ subscriptionId, state: ReflowRunState.SUCCEEDED, rowsRead: MoreThan(0) }));
  const run = Object.assign(new ReflowRun(), {
    id: randomUUID(),
    subscriptionId,
    trigger: options.trigger,
    state: ReflowRunState.QUEUED,
    owner: processOwner(),
    queuedAt: new Date(),
  });
  await runs.insert(run);
  const audit = receivingAudit(db);
  try {
    const from = await acquireLease(db, run, options.onNote);
    const pauseMs = config.reflow.testBatchPauseMs;
    const midBatch = pauseMs > 0
      ? async () => {
          options.onNote?.(`mid-batch: rows upserted, watermark not yet stored; pausing ${pauseMs} ms`);
          await sleep(pauseMs);
        }
      : undefined;
    // A delivered one-off subscription only learns the shape the source delivers now: one row, one page.
    const pages = remotePageSource(config, subscription, delivered ? { pageSize: 1, heldShape: from.shape, pages: 1 } : { pageSize: config.reflow.pageSize, heldShape: from.shape });
    try {
      await runSync({
        source: delivered ? shapeOnly(pages) : pages,
        sink: recordSink({ db, subscription, runId: run.id, midBatch, audit }),
        from,
        signal: options.signal,
        onProgress: options.onProgress,
      });
    } finally {
      await pages.close();
    }
    await finishRun(db, run, ReflowRunState.SUCCEEDED, null);
  } catch (error) {
    await finishRun(db, run, ReflowRunState.FAILED, (error as Error).message ?? String(error));
    if (error instanceof GraphQLError && error.extensions.code === 'SUBSCRIPTION_CANCELLED') await learnCancellation(db, subscription, error, audit, options.onNote);
  }
  return runs.findOneByOrFail({ id: run.id });
}

/**
 * The source refused the pull because the subscription was cancelled there while this platform did
 * not answer: it is ended here now, as if the source had reached it then.
 */
async function learnCancellation(db: DataSource, subscription: ReflowSubscription, refusal: GraphQLError, audit: ReceivingAudit, onNote?: (line: string) => void) {
  const { cancelledAt, cancelledBy, reason } = refusal.extensions as { cancelledAt?: string; cancelledBy?: string; reason?: string };
  const cancellation = { at: cancelledAt ? new Date(cancelledAt) : new Date(), by: cancelledBy ?? `the ${subscription.sourceLevel.toLowerCase()} platform`, reason: reason ?? refusal.message };
  const rows = await endReceived(db, subscription, cancellation);
  if (rows === null) return;
  await audit.record(subscription, cancellationPurge(subscription, rows));
  onNote?.(`subscription ${subscription.id} was cancelled at its source: ${rows} rows ended here`);
}
