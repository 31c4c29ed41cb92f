import { BatchSink, Page, PageSource, SyncPosition, SyncProgress, SyncTotals } from './types';

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

/** Settles a prefetch nobody will wait for, so its failure is not reported as unhandled. */
const abandon = (pending: Promise<unknown> | null) => void pending?.catch(() => undefined);

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
  let pending: Promise<Page<Row>> | null = source.fetch(position, { countRemaining: true });

  while (pending) {
    const page: Page<Row> = await pending;
    pending = null;
    if (page.remaining !== null) total = page.remaining;
    if (shape !== null && page.shape !== shape && position !== null) {
      // Rows already written carry the old shape (an item granted or withdrawn since): pull everything again.
      totals.restarts++;
      position = null;
      shape = page.shape;
      pending = source.fetch(null, { countRemaining: true });
      continue;
    }
    shape = page.shape;
    if (page.rows.length === 0) break;

    if (page.hasMore) pending = source.fetch(page.last, { countRemaining: false });
    try {
      const counts = await sink.write(page.rows, page.last!, page.shape);
      totals.written += counts.written;
      totals.deleted += counts.deleted;
    } catch (error) {
      abandon(pending);
      throw error;
    }
    position = page.last;
    totals.pages++;
    totals.read += page.rows.length;
    const elapsedMs = Date.now() - started;
    onProgress?.({ ...totals, total, elapsedMs, rate: rateOf(totals, elapsedMs) });
    if (signal?.aborted && pending) {
      abandon(pending);
      throw new SyncAbortedError('the pull was stopped after a committed batch; the next run resumes from there');
    }
  }
  return totals;
}

const rateOf = (counts: { written: number; deleted: number }, elapsedMs: number) =>
  elapsedMs > 0 ? Math.round(((counts.written + counts.deleted) * 1000) / elapsedMs) : 0;
