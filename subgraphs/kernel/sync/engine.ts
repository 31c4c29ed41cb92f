import { setImmediate as nextTurn } from 'node:timers/promises';
import { BatchSink, Page, PageSource, SyncPosition, SyncProgress, SyncTotals, Watermark } from './types';

export class SyncAbortedError extends Error {}

export interface SyncOptions<Row> {
  source: PageSource<Row>;
  sink: BatchSink<Row>;
  /** Where the receiver stands (read from its own database, in the same place the sink stores it). */
  from: SyncPosition;
  /** Checked between batches; an abort leaves the receiver at its last committed batch. */
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
}

/**
 * A page fetched ahead, while the current one is written. It may fail before anyone awaits it (the
 * source went down mid-run): the failure is kept for whoever awaits it, never left unhandled — an
 * unhandled rejection would end the whole receiving platform for one source's outage.
 */
function prefetch<Row>(source: PageSource<Row>, after: Watermark | null, countRemaining: boolean): Promise<Page<Row>> {
  const page = source.fetch(after, { countRemaining });
  page.catch(() => undefined);
  return page;
}

/**
 * Pulls pages from a source and hands each to a sink that commits the rows together with the
 * watermark, so a crash at any point resumes from the last committed batch without losing or
 * repeating anything. The next page is fetched while the current one is written.
 */
export async function runSync<Row>({ source, sink, from, signal, onProgress }: SyncOptions<Row>): Promise<SyncTotals> {
  const started = Date.now();
  const totals: SyncTotals = { pages: 0, read: 0, written: 0, deleted: 0, restarts: 0 };
  let position = from.watermark;
  let shape = from.shape;
  let total: number | null = null;
  let pending: Promise<Page<Row>> | null = prefetch(source, position, true);

  while (pending) {
    const page: Page<Row> = await pending;
    pending = null;
    if (page.remaining !== null) total = page.remaining;
    if (shape !== null && page.shape !== shape) {
      // Rows already written carry the old shape (an item granted or withdrawn since): what the new one
      // no longer gives goes now, and everything is pulled again in the new shape.
      await sink.reshape(page.shape);
      totals.restarts++;
      shape = page.shape;
      if (position !== null) {
        position = null;
        pending = prefetch(source, null, true);
        continue;
      }
    }
    shape = page.shape;
    if (page.rows.length === 0) break;

    if (page.hasMore) {
      pending = prefetch(source, page.last, false);
      // Let a request the fetch has to make (a new stream: its token signed, its connection opened)
      // leave before the write starts. A synchronous driver (SQLite's) holds the thread for the
      // whole batch, and the source would not start on the next page until this one was written.
      await nextTurn();
    }
    const counts = await sink.write(page.rows, page.last!, page.shape);
    totals.written += counts.written;
    totals.deleted += counts.deleted;
    position = page.last;
    totals.pages++;
    totals.read += page.rows.length;
    const elapsedMs = Date.now() - started;
    onProgress?.({ ...totals, total, elapsedMs, rate: rateOf(totals, elapsedMs) });
    if (signal?.aborted && pending) throw new SyncAbortedError('the pull was stopped after a committed batch; the next run resumes from there');
  }
  return totals;
}

const rateOf = (counts: { written: number; deleted: number }, elapsedMs: number) =>
  elapsedMs > 0 ? Math.round(((counts.written + counts.deleted) * 1000) / elapsedMs) : 0;
