import { PlatformConfig } from '../../../kernel/config';
import { levelName } from '../../../kernel/levels';
import { Page, PageSource, Watermark } from '../../../kernel/sync/types';
import { recordSource } from '../../records/sources';
import { hashedProperties } from '../digest';
import { ReflowSubscription } from '../subscription.entity';
import { callSource } from './service-call';

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

interface WirePage {
  shape: string;
  columns: string[];
  rows: unknown[][];
  hasMore: boolean;
  remaining?: number;
}

/** Pages of a subscription's changes from the source platform's API (source/changes.ts is the other end). */
/**
 * `heldShape` is the shape the receiver's rows were written in: sent with the first pull, so that the
 * source records on its side when the subscriber is to drop what it no longer may hold.
 */
export function remotePageSource(config: Readonly<PlatformConfig>, subscription: ReflowSubscription, pageSize: number, heldShape: string | null): PageSource<ReceivedRow> {
  const field = levelName(subscription.sourceLevel, '{level}ReflowChanges');
  const query = `query Changes($s: ID!, $t: DateTimeISO, $k: String, $n: Int!, $count: Boolean!, $held: String) {
    page: ${field}(subscriptionId: $s, afterUpdatedAt: $t, afterKey: $k, limit: $n, heldShape: $held) { shape columns rows hasMore remaining @include(if: $count) } }`;
  let held = heldShape;
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

  return {
    async fetch(after: Watermark | null, { countRemaining }): Promise<Page<ReceivedRow>> {
      const variables = { s: subscription.id, t: after?.updatedAt ?? null, k: after?.key ?? null, n: pageSize, count: countRemaining, held };
      const { page } = await callSource<{ page: WirePage }>(config, subscription, query, variables);
      held = page.shape;
      const rows = page.rows.map(decoder(page.columns));
      const last = rows.at(-1);
      return { rows, last: last ? { updatedAt: last.updatedAt, key: last.key } : null, hasMore: page.hasMore, shape: page.shape, remaining: page.remaining ?? null };
    },
  };
}
