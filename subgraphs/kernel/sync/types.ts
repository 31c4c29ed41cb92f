/**
 * A position in a source's change order. Sources hand out rows ordered by (updatedAt, key); a
 * watermark is the last pair a receiver has stored, and the next page starts strictly after it.
 */
export interface Watermark {
  /** ISO-8601 instant with milliseconds. */
  updatedAt: string;
  key: string;
}

/** Where a receiver stands: its watermark and the shape its rows were written in. */
export interface SyncPosition {
  watermark: Watermark | null;
  shape: string | null;
}

export interface Page<Row> {
  rows: Row[];
  /** Position of the last row of the page; null when the page is empty. */
  last: Watermark | null;
  hasMore: boolean;
  /**
   * Which fields the source delivers and how (e.g. which items, which of them masked). Rows the
   * receiver wrote under another shape are stale as a whole, so a change starts the pull over.
   */
  shape: string;
  /** Rows from the requested position on; only when asked for (it costs the source a count). */
  remaining: number | null;
}

export interface PageSource<Row> {
  fetch(after: Watermark | null, options: { countRemaining: boolean }): Promise<Page<Row>>;
}

export interface BatchCounts {
  written: number;
  deleted: number;
}

export interface BatchSink<Row> {
  /** Writes the rows and stores the watermark and shape in ONE transaction: all of it or none of it. */
  write(rows: Row[], watermark: Watermark, shape: string): Promise<BatchCounts>;
  /**
   * The source delivers another shape than the receiver's rows were written in (an item withdrawn or
   * granted, masked or unmasked): drop at once every value the new shape no longer gives, from every
   * row, and store the new shape with no watermark — in one transaction — so the pull starts over.
   */
  reshape(shape: string): Promise<void>;
}

export interface SyncTotals {
  pages: number;
  read: number;
  written: number;
  deleted: number;
  /** Times the pull started over because the source's shape changed. */
  restarts: number;
}

export interface SyncProgress extends SyncTotals {
  /** Rows known to be left when the pull (re)started, for a progress bar; null if unknown. */
  total: number | null;
  elapsedMs: number;
  /** Rows written or deleted per second so far. */
  rate: number;
}
