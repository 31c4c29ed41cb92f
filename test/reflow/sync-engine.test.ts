import { runSync, SyncAbortedError } from '../../subgraphs/kernel/sync/engine';
import { Page, PageSource, SyncProgress, Watermark } from '../../subgraphs/kernel/sync/types';

// The kernel's sync engine on its own: a source of keyed rows in memory and a sink that records what
// it was given, so the order of fetches and writes can be observed.
interface Row { key: string; updatedAt: string }

const ROWS: Row[] = Array.from({ length: 10 }, (_, i) => ({ key: `k${String(i).padStart(2, '0')}`, updatedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, Math.floor(i / 3))).toISOString() }));
const after = (row: Row, mark: Watermark | null) => !mark || row.updatedAt > mark.updatedAt || (row.updatedAt === mark.updatedAt && row.key > mark.key);

function memorySource(pageSize: number, shapes: () => string = () => 'S1', options: { failFetch?: number } = {}) {
  const log: string[] = [];
  let fetches = 0;
  const source: PageSource<Row> = {
    async fetch(mark, { countRemaining }) {
      if (++fetches === options.failFetch) throw new Error('the region platform did not answer: fetch failed');
      const remaining = ROWS.filter((r) => after(r, mark));
      const rows = remaining.slice(0, pageSize);
      log.push(`fetch after ${mark?.key ?? 'start'}`);
      const last = rows.at(-1);
      return { rows, last: last ? { updatedAt: last.updatedAt, key: last.key } : null, hasMore: remaining.length > pageSize, shape: shapes(), remaining: countRemaining ? remaining.length : null } satisfies Page<Row>;
    },
  };
  return { source, log };
}

function memorySink(log: string[], options: { failAt?: number; slow?: Promise<void> } = {}) {
  const written: Row[] = [];
  let position: Watermark | null = null;
  return {
    written,
    position: () => position,
    sink: {
      async reshape(shape: string) {
        log.push(`reshape ${shape}`);
        position = null;
      },
      async write(rows: Row[], watermark: Watermark) {
        log.push(`write ${rows[0].key}..${rows.at(-1)!.key}`);
        if (options.failAt !== undefined && written.length >= options.failAt) throw new Error('disk full');
        await options.slow;
        written.push(...rows);
        position = watermark;
        log.push(`committed ${watermark.key}`);
        return { written: rows.length, deleted: 0 };
      },
    },
  };
}

describe('runSync', () => {
  it('fetches the next page while the current one is being written', async () => {
    const { source, log } = memorySource(4);
    const { sink, written } = memorySink(log, { slow: new Promise((resolve) => setTimeout(resolve, 20)) });
    const totals = await runSync({ source, sink, from: { watermark: null, shape: null } });
    expect(totals).toEqual({ pages: 3, read: 10, written: 10, deleted: 0, restarts: 0 });
    expect(written.map((r) => r.key)).toEqual(ROWS.map((r) => r.key));
    expect(log.indexOf('fetch after k03')).toBeLessThan(log.indexOf('committed k03'));
  });

  it("lets the next page's request leave before a write starts that may hold the thread", async () => {
    // SQLite's driver is synchronous: it holds the thread for a whole batch. A request with an
    // asynchronous step left before it is sent (signing its token) would wait for the batch.
    const { source: pages } = memorySource(4);
    const sent: string[] = [];
    const source: PageSource<Row> = {
      async fetch(mark, options) {
        await new Promise((resolve) => setImmediate(resolve));
        sent.push(`after ${mark?.key ?? 'start'}`);
        return pages.fetch(mark, options);
      },
    };
    const sentWhenWriting: string[][] = [];
    const sink = {
      reshape: async () => undefined,
      async write(rows: Row[]) {
        sentWhenWriting.push([...sent]);
        return { written: rows.length, deleted: 0 };
      },
    };
    await runSync({ source, sink, from: { watermark: null, shape: null } });
    expect(sentWhenWriting).toEqual([['after start', 'after k03'], ['after start', 'after k03', 'after k07'], ['after start', 'after k03', 'after k07']]);
  });

  it('resumes strictly after the stored watermark', async () => {
    const { source, log } = memorySource(4);
    const { sink, written } = memorySink(log);
    await runSync({ source, sink, from: { watermark: { updatedAt: ROWS[5].updatedAt, key: ROWS[5].key }, shape: 'S1' } });
    expect(written.map((r) => r.key)).toEqual(['k06', 'k07', 'k08', 'k09']);
  });

  it('starts over from the beginning when the shape of the rows changed since the stored watermark', async () => {
    const { source, log } = memorySource(4, () => 'S2');
    const { sink, written } = memorySink(log);
    const totals = await runSync({ source, sink, from: { watermark: { updatedAt: ROWS[5].updatedAt, key: ROWS[5].key }, shape: 'S1' } });
    expect(totals.restarts).toBe(1);
    expect(written.map((r) => r.key)).toEqual(ROWS.map((r) => r.key));
    // What the new shape no longer gives is dropped before anything is pulled again.
    expect(log.slice(0, 3)).toEqual(['fetch after k05', 'reshape S2', 'fetch after start']);
  });

  it('reshapes when the shape changed even with nothing left to pull', async () => {
    const { source, log } = memorySource(4, () => 'S2');
    const { sink } = memorySink(log);
    await runSync({ source, sink, from: { watermark: { updatedAt: ROWS[9].updatedAt, key: ROWS[9].key }, shape: 'S1' } });
    expect(log).toContain('reshape S2');
  });

  it('fails with the source\'s error when a page fetched ahead fails while a batch is written, and leaves no rejection unhandled', async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      const { source, log } = memorySource(4, () => 'S1', { failFetch: 2 });
      const { sink, written } = memorySink(log, { slow: new Promise((resolve) => setTimeout(resolve, 50)) });
      await expect(runSync({ source, sink, from: { watermark: null, shape: null } })).rejects.toThrow('did not answer');
      expect(written).toHaveLength(4);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', listener);
    }
  });

  it('stops at a failed batch, leaving the last committed position, without an unhandled prefetch', async () => {
    const { source, log } = memorySource(4);
    const { sink, written, position } = memorySink(log, { failAt: 4 });
    await expect(runSync({ source, sink, from: { watermark: null, shape: null } })).rejects.toThrow('disk full');
    expect(written).toHaveLength(4);
    expect(position()).toEqual({ updatedAt: ROWS[3].updatedAt, key: 'k03' });
  });

  it('reports progress with the total counted on the first page, and stops after a batch when aborted', async () => {
    const { source, log } = memorySource(3);
    const { sink, written } = memorySink(log);
    const stop = new AbortController();
    const progress: SyncProgress[] = [];
    const run = runSync({ source, sink, from: { watermark: null, shape: null }, signal: stop.signal, onProgress: (p) => (progress.push(p), stop.abort()) });
    await expect(run).rejects.toBeInstanceOf(SyncAbortedError);
    expect(written).toHaveLength(3);
    expect(progress).toEqual([expect.objectContaining({ pages: 1, read: 3, written: 3, total: 10 })]);
  });
});
