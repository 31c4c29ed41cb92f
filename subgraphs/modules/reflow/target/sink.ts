import { DataSource } from 'typeorm';
import { BatchCounts, BatchSink, Watermark } from '../../../kernel/sync/types';
import { upsertRows } from '../../../kernel/db/multi-row';
import { recordHeldItems } from '../../records/origins';
import { recordSource } from '../../records/sources';
import { ReflowRun, ReflowWatermark } from '../run.entity';
import { ReflowSubscription } from '../subscription.entity';
import { ReceivedRow } from './page-source';

export interface RecordSinkOptions {
  db: DataSource;
  subscription: ReflowSubscription;
  runId: string;
  /** Test hook (REFLOW_TEST_BATCH_PAUSE_MS): runs inside the transaction, after the rows and before the watermark. */
  midBatch?: () => Promise<void>;
}

/**
 * Writes received rows into the platform's own record table: live rows by multi-row upsert,
 * tombstones as soft deletions, each row marked with its origin; then, in the same transaction,
 * the watermark (only while this run holds the subscription) and the run's counters.
 *
 * A received row is stamped updatedAt = the time it was written here, not the source's stamp:
 * a level further on pulls this table by its own updatedAt, and must see a row arrive even when
 * its source stamp is older than that level's watermark.
 */
export function recordSink({ db, subscription, runId, midBatch }: RecordSinkOptions): BatchSink<ReceivedRow> {
  const source = recordSource(subscription.dataTable);
  const totals = { pages: 0, rowsRead: 0, rowsWritten: 0, rowsDeleted: 0 };
  /** The shape whose items the origin row names; stored again when a batch brings another. */
  let heldShape: string | null = null;

  return {
    async write(rows: ReceivedRow[], watermark: Watermark, shape: string): Promise<BatchCounts> {
      const syncedAt = new Date();
      const origin = { updatedAt: syncedAt, originPlatform: subscription.sourceLevel, originSubscription: subscription.id, syncedAt };
      const live: Record<string, unknown>[] = [];
      const deleted: Record<string, unknown>[] = [];
      for (const row of rows) {
        if (row.deletedAt) deleted.push(Object.assign(row.record, { deletedAt: new Date(row.deletedAt) }, origin));
        else live.push(Object.assign(row.record, { deletedAt: null }, origin));
      }
      const next = { pages: totals.pages + 1, rowsRead: totals.rowsRead + rows.length, rowsWritten: totals.rowsWritten + live.length, rowsDeleted: totals.rowsDeleted + deleted.length };

      await db.transaction(async (m) => {
        await upsertRows(m, source.entity, source.key, live);
        await upsertRows(m, source.entity, source.key, deleted);
        // Readers are told which items the source withheld: the items of this shape, with the rows that carry it.
        if (shape !== heldShape) await recordHeldItems(m, subscription.id, (JSON.parse(shape) as [string, unknown][]).map(([item]) => item), syncedAt);
        await midBatch?.();
        const stored = await m.update(
          ReflowWatermark,
          { subscriptionId: subscription.id, leaseRunId: runId },
          { afterUpdatedAt: new Date(watermark.updatedAt), afterKey: watermark.key, shape, updatedAt: syncedAt },
        );
        if (!stored.affected) throw new Error(`run ${runId} no longer holds subscription ${subscription.id}; its batch was not written`);
        await m.update(ReflowRun, { id: runId }, { ...next, heartbeatAt: syncedAt });
      });
      Object.assign(totals, next);
      heldShape = shape;
      return { written: live.length, deleted: deleted.length };
    },
  };
}
