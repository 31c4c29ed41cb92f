import { RequestContext } from '../../../kernel/context';
import { PageLimits } from '../../../kernel/graphql/connection';
import { openCursor, sealCursor } from '../../../kernel/graphql/page-info';
import { MAX_RECORD_PAGE } from './page-limit';

/**
 * Pages of records, typed or generic: up to MAX_RECORD_PAGE rows, and cursors sealed — a cursor
 * stands at a record key, which is an item the caller may not be given (kernel/graphql/page-info.ts).
 */
/** Records a page gives when neither `first` nor `last` is asked. */
export const DEFAULT_RECORD_PAGE = 20;

export const recordPageLimits = (ctx: RequestContext): PageLimits => ({
  defaultSize: DEFAULT_RECORD_PAGE,
  maxSize: MAX_RECORD_PAGE,
  cursors: {
    encode: (values) => sealCursor(ctx.config.gatewaySigningSecret, values),
    decode: (cursor, arity) => openCursor(ctx.config.gatewaySigningSecret, cursor, arity),
  },
});
