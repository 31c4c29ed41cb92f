import { randomUUID } from 'node:crypto';
import { PlatformConfig } from '../../../kernel/config';
import { platformError } from '../../../kernel/errors';
import { streamFromPlatform } from '../../../kernel/service-client';
import { Page, PageSource, Watermark } from '../../../kernel/sync/types';
import { recordSource } from '../../records/sources';
import { hashedProperties } from '../digest';
import { REFLOW_CHANGES_PATH, StreamedPage } from '../source/stream';
import { ReflowSubscription } from '../subscription.entity';
import { subscriberToken } from './service-call';

/**
 * A row as received, already shaped for this platform's record table: the key and division, and —
 * unless it is a tombstone — every data column, null where the source delivered nothing.
 */
export interface ReceivedRow {
  key: string;
  updatedAt: string;
  deletedAt: string | null;
  record: Record<string, unknown>;
}

/** Where the receiver stands in the stream it reads, and the stream. */
interface OpenStream {
  lines: AsyncGenerator<unknown, void, undefined>;
  /** The position the stream's next page starts after: what the engine asks for next. */
  at: Watermark | null;
}

export interface StreamedPageSource extends PageSource<ReceivedRow> {
  /** Ends the stream being read, if any: the source stops producing pages. */
  close(): Promise<void>;
}

const samePosition = (a: Watermark | null, b: Watermark | null) => a?.updatedAt === b?.updatedAt && a?.key === b?.key;

/**
 * Pages of a subscription's changes, streamed by the source platform (source/stream.ts is the other
 * end): the source goes on to the next page while this platform writes the last. The engine asks for
 * the page after the one it has; that is the stream's next line. Asked for another position (the
 * shape changed and the pull starts over), or when the source ended its stream, it opens a new one
 * from there. `heldShape` is the shape the receiver's rows were written in: sent with the first
 * pull, so that the source records on its side when the subscriber is to drop what it no longer may hold.
 * `pages` bounds each stream (a receiver that only learns the shape asks for one).
 */
export function remotePageSource(config: Readonly<PlatformConfig>, subscription: ReflowSubscription, options: { pageSize: number; heldShape: string | null; pages?: number }): StreamedPageSource {
  let held = options.heldShape;
  let stream: OpenStream | null = null;
  const source = recordSource(subscription.dataTable);
  const dataProperties = hashedProperties(source);

  /** Withheld columns first set to null, then the delivered ones; every record gets its properties in the same order. */
  const decoder = (columns: string[]) => {
    const delivered = columns.map((item) => {
      const property = source.columns[item];
      if (!property || !dataProperties.includes(property)) throw new Error(`the source delivered item ${item}, which table ${subscription.dataTable} has no data column for`);
      return property;
    });
    return ([key, divisionCode, updatedAt, deletedAt, ...values]: unknown[]): ReceivedRow => {
      const record: Record<string, unknown> = { [source.key]: key, divisionCode };
      if (!deletedAt) {
        for (const property of dataProperties) record[property] = null;
        delivered.forEach((property, i) => (record[property] = values[i] ?? null));
      }
      return { key: key as string, updatedAt: updatedAt as string, deletedAt: (deletedAt as string | null) ?? null, record };
    };
  };

  const open = async (after: Watermark | null, countRemaining: boolean): Promise<OpenStream> => {
    const token = await subscriberToken(config, subscription);
    const body = { subscriptionId: subscription.id, afterUpdatedAt: after?.updatedAt ?? null, afterKey: after?.key ?? null, limit: options.pageSize, heldShape: held, countRemaining, pages: options.pages ?? null };
    return { lines: streamFromPlatform(config, subscription.sourceLevel, { path: REFLOW_CHANGES_PATH, body, authorization: `Bearer ${token}`, requestId: randomUUID() }), at: after };
  };

  const close = async () => {
    const closing = stream;
    stream = null;
    await closing?.lines.return(undefined);
  };

  return {
    close,
    async fetch(after: Watermark | null, { countRemaining }): Promise<Page<ReceivedRow>> {
      if (!stream || !samePosition(stream.at, after)) {
        await close();
        stream = await open(after, countRemaining);
      }
      let next = await stream.lines.next();
      if (next.done) {
        // The source ended its stream after its pages (REFLOW_STREAM_PAGES): the next one starts here.
        stream = await open(after, countRemaining);
        next = await stream.lines.next();
        if (next.done) throw platformError('PLATFORM_UNAVAILABLE', `the ${subscription.sourceLevel.toLowerCase()} platform ended a pull without a page`);
      }
      const page = next.value as StreamedPage;
      held = page.shape;
      const rows = page.rows.map(decoder(page.columns));
      const lastRow = rows.at(-1);
      const last = lastRow ? { updatedAt: lastRow.updatedAt, key: lastRow.key } : null;
      if (page.hasMore) stream.at = last;
      else await close();
      return { rows, last, hasMore: page.hasMore, shape: page.shape, remaining: page.remaining ?? null };
    },
  };
}
