import { MAX_REFLOW_PAGE_SIZE, MAX_REFLOW_STREAM_PAGES } from '../../../kernel/config';
import { badInput } from '../../../kernel/errors';
import { ServiceStream } from '../../../kernel/server/service-stream';
import { changesPage, ChangePosition } from './changes';

/** Where a platform streams a subscription's changes to its receiving platform. */
export const REFLOW_CHANGES_PATH = '/reflow/changes';

/** A pull as the receiving platform asks for it (target/page-source.ts is the other end). */
export interface PullRequest {
  subscriptionId: string;
  after: ChangePosition | null;
  /** Rows per page. */
  limit: number;
  /** The shape the receiver holds rows in, for the first page; each later page's is the page before's. */
  heldShape: string | null;
  /** Whether the first line counts the rows left (for a progress bar). */
  countRemaining: boolean;
  /**
   * Pages to send at most (a receiver that only learns the shape asks for one). Never more than the
   * source's REFLOW_STREAM_PAGES: then the receiver opens the next stream from its watermark, and its
   * signature, token and registry entry are checked again.
   */
  pages: number | null;
}

/** One line of the stream: a page of changes, as the GraphQL field {level}ReflowChanges answers it. */
export interface StreamedPage {
  shape: string;
  columns: string[];
  rows: unknown[][];
  hasMore: boolean;
  remaining?: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const optionalString = (body: Record<string, unknown>, field: string): string | null => {
  const value = body[field] ?? null;
  if (value !== null && typeof value !== 'string') throw badInput(field, 'must be a string or null');
  return value;
};
const wholeNumber = (body: Record<string, unknown>, field: string, max: number): number => {
  const value = body[field];
  if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > max) throw badInput(field, `must be a whole number from 1 to ${max}`);
  return value as number;
};

export function pullRequestFrom(body: unknown): PullRequest {
  if (!isRecord(body)) throw badInput('body', 'a pull is a JSON object: subscriptionId, afterUpdatedAt, afterKey, limit, heldShape, countRemaining, pages');
  const subscriptionId = optionalString(body, 'subscriptionId');
  if (!subscriptionId) throw badInput('subscriptionId', 'is required');
  const afterUpdatedAt = optionalString(body, 'afterUpdatedAt');
  const afterKey = optionalString(body, 'afterKey');
  if ((afterUpdatedAt === null) !== (afterKey === null)) throw badInput('afterKey', 'afterUpdatedAt and afterKey go together: both (a watermark) or neither (from the start)');
  const at = afterUpdatedAt === null ? null : new Date(afterUpdatedAt);
  if (at && Number.isNaN(at.getTime())) throw badInput('afterUpdatedAt', 'must be an ISO-8601 instant');
  if (body.countRemaining !== undefined && typeof body.countRemaining !== 'boolean') throw badInput('countRemaining', 'must be true or false');
  return {
    subscriptionId,
    after: at && afterKey ? { updatedAt: at, key: afterKey } : null,
    limit: wholeNumber(body, 'limit', MAX_REFLOW_PAGE_SIZE),
    heldShape: optionalString(body, 'heldShape'),
    countRemaining: body.countRemaining === true,
    pages: body.pages === undefined || body.pages === null ? null : wholeNumber(body, 'pages', MAX_REFLOW_STREAM_PAGES),
  };
}

/**
 * A subscription's changes as a stream of pages: the same pages, decided, masked and audited one by
 * one, as the GraphQL field gives one per request — but the source goes on to the next page while
 * the receiver writes the last, instead of waiting for it to ask. Each page is decided afresh (a
 * grant ended or an agency suspended takes effect at the next page) and audited before it is sent.
 */
export const reflowChangesStream: ServiceStream = {
  path: REFLOW_CHANGES_PATH,
  async *lines(body, nextScope) {
    const request = pullRequestFrom(body);
    let after = request.after;
    let heldShape = request.heldShape;
    for (let sent = 1; ; sent++) {
      const scope = nextScope();
      const page = await changesPage(scope, request.subscriptionId, after ?? {}, request.limit, heldShape);
      const remaining = request.countRemaining && sent === 1 ? { remaining: await page.countRemaining() } : {};
      const line: StreamedPage = { shape: page.shape, columns: page.columns, rows: page.rows, hasMore: page.hasMore, ...remaining };
      yield { scope, line };
      if (!page.hasMore || !page.last || sent >= Math.min(request.pages ?? Infinity, scope.config.reflow.streamPages)) return;
      after = page.last;
      heldShape = page.shape;
    }
  },
};
