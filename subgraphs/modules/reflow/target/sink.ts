import { DataSource, EntityManager } from 'typeorm';
import { BatchCounts, BatchSink, Watermark } from '../../../kernel/sync/types';
import { upsertRows } from '../../../kernel/db/multi-row';
import { recordHeldItems } from '../../records/origins';
import { RecordSource, recordSource } from '../../records/sources';
import { hashedProperties } from '../digest';
import { ReflowRun, ReflowWatermark } from '../run.entity';
import { itemsDropped, itemsOfShape } from '../shape';
import { ReflowSubscription } from '../subscription.entity';
import { ReceivedRow } from './page-source';
import { purgeDraft, ReceivingAudit } from './receiving-audit';

export interface RecordSinkOptions {
  db: DataSource;
  subscription: ReflowSubscription;
  runId: string;
  audit: ReceivingAudit;
  /** Test hook (REFLOW_TEST_BATCH_PAUSE_MS): runs inside the transaction, after the rows and before the watermark. */
  midBatch?: () => Promise<void>;
}

/** The data columns (never the key or the division) of some items of a table. */
const dataColumnsOf = (source: RecordSource, items: readonly string[]) => {
  const data = new Set(hashedProperties(source));
  return [...new Set(items.map((item) => source.columns[item]).filter((property) => property && data.has(property)))];
};

const nulls = (properties: readonly string[]) => Object.fromEntries(properties.map((property) => [property, null]));

/**
 * Clears columns of every row a subscription delivered, tombstones included, in one statement:
 * values the platform may no longer hold (004 art. 19-20: on demand, for the approved duty only).
 * The rows are stamped changed, so a level that pulls them on from here drops the values too.
 */
async function clearDelivered(manager: EntityManager, source: RecordSource, subscriptionId: string, properties: readonly string[], at: Date): Promise<number> {
  if (properties.length === 0) return 0;
  const result = await manager
    .createQueryBuilder()
    .update(source.entity)
    .set({ ...nulls(properties), updatedAt: at, syncedAt: at })
    .where('originSubscription = :subscriptionId', { subscriptionId })
    .execute();
  return result.affected ?? 0;
}

/**
 * Ends rows this subscription delivered: a tombstone is the key and the deletion time, and holds no
 * item value (a row this subscription never delivered is not touched). One statement per deletion
 * time; a page's tombstones mostly share a few.
 */
async function tombstone(manager: EntityManager, source: RecordSource, subscriptionId: string, deleted: ReadonlyMap<string, Date>, at: Date): Promise<number> {
  const byTime = new Map<number, string[]>();
  for (const [key, when] of deleted) byTime.set(when.getTime(), [...(byTime.get(when.getTime()) ?? []), key]);
  let ended = 0;
  for (const [when, keys] of byTime) {
    const result = await manager
      .createQueryBuilder()
      .update(source.entity)
      .set({ ...nulls(hashedProperties(source)), deletedAt: new Date(when), updatedAt: at, syncedAt: at })
      .where(`${source.key} IN (:...keys) AND originSubscription = :subscriptionId`, { keys, subscriptionId })
      .execute();
    ended += result.affected ?? 0;
  }
  return ended;
}

/** A page may bring one key twice (it left the scope, then came back): the later change is the one that stands. */
function lastChangePerKey(rows: readonly ReceivedRow[]): ReceivedRow[] {
  return [...new Map(rows.map((row) => [row.key, row])).values()];
}

/**
 * Writes received rows into the platform's own record table: live rows by multi-row upsert, each
 * marked with its origin, and tombstones; then, in the same transaction, the watermark (only while
 * this run holds the subscription) and the run's counters.
 *
 * A received row is stamped updatedAt = the time it was written here, not the source's stamp:
 * a level further on pulls this table by its own updatedAt, and must see a row arrive even when
 * its source stamp is older than that level's watermark.
 */
export function recordSink({ db, subscription, runId, audit, midBatch }: RecordSinkOptions): BatchSink<ReceivedRow> {
  const source = recordSource(subscription.dataTable);
  const totals = { pages: 0, rowsRead: 0, rowsWritten: 0, rowsDeleted: 0 };
  /** The shape whose items the origin row names; stored again when a batch brings another. */
  let heldShape: string | null = null;

  return {
    async reshape(shape: string): Promise<void> {
      const at = new Date();
      let dropped: string[] = [];
      let cleared = 0;
      await db.transaction(async (m) => {
        const state = await m.findOneBy(ReflowWatermark, { subscriptionId: subscription.id, leaseRunId: runId });
        if (!state) throw new Error(`run ${runId} no longer holds subscription ${subscription.id}; nothing was purged`);
        dropped = itemsDropped(state.shape, shape);
        cleared = await clearDelivered(m, source, subscription.id, dataColumnsOf(source, dropped), at);
        await recordHeldItems(m, subscription.id, itemsOfShape(shape), at);
        await m.update(ReflowWatermark, { subscriptionId: subscription.id, leaseRunId: runId }, { afterUpdatedAt: null, afterKey: null, shape, updatedAt: at });
      });
      heldShape = shape;
      const reason = `the ${subscription.sourceLevel.toLowerCase()} platform no longer delivers ${dropped.join(', ')} as before`;
      if (dropped.length) await audit.record(subscription, purgeDraft(subscription, dropped, cleared, reason));
    },

    async write(rows: ReceivedRow[], watermark: Watermark, shape: string): Promise<BatchCounts> {
      const syncedAt = new Date();
      const origin = { updatedAt: syncedAt, originPlatform: subscription.sourceLevel, originSubscription: subscription.id, syncedAt };
      const live: Record<string, unknown>[] = [];
      const deleted = new Map<string, Date>();
      for (const row of lastChangePerKey(rows)) {
        if (row.deletedAt) deleted.set(row.key, new Date(row.deletedAt));
        else live.push(Object.assign(row.record, { deletedAt: null }, origin));
      }
      const next = { pages: totals.pages + 1, rowsRead: totals.rowsRead + rows.length, rowsWritten: totals.rowsWritten + live.length, rowsDeleted: totals.rowsDeleted + deleted.size };

      await db.transaction(async (m) => {
        await upsertRows(m, source.entity, source.key, live);
        await tombstone(m, source, subscription.id, deleted, syncedAt);
        // Readers are told which items the source withheld: the items of this shape, with the rows that carry it.
        if (shape !== heldShape) await recordHeldItems(m, subscription.id, itemsOfShape(shape), syncedAt);
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
      return { written: live.length, deleted: deleted.size };
    },
  };
}
