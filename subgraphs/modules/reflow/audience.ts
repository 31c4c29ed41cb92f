import { SelectQueryBuilder } from 'typeorm';
import { RequestContext } from '../../kernel/context';
import { levelOfDivisionCode } from '../../kernel/identifiers';
import { ReflowSubscription } from './subscription.entity';

/*
 * Rows a platform received through a subscription were delivered for the subscriber's duties, and
 * shared data serves only the stated duty and passes to no third party (004 art. 19-20). So at the
 * receiving platform they exist only for requesters within the subscriber's jurisdiction: a
 * Hulunbuir agency does not see what the region reflowed to Hohhot, although both read the same
 * city platform. Within that audience the platform's own catalog and enforcement apply as usual.
 */

/** The jurisdictions whose subscriptions the requester falls under: its own and those above it. */
function enclosingJurisdictions(code: string): string[] {
  const level = levelOfDivisionCode(code);
  const region = `${code.slice(0, 2)}0000`;
  if (level === 'REGION') return [region];
  const city = `${code.slice(0, 4)}00`;
  return level === 'CITY' ? [region, city] : [region, city, code];
}

/** Narrows a record query (table alias `alias`) to own rows and rows the requester may read; no extra statement. */
export function onlyReadableOrigins<T extends object>(ctx: RequestContext, query: SelectQueryBuilder<T>, alias: string): SelectQueryBuilder<T> {
  const readable = query
    .subQuery()
    .select('s.id')
    .from(ReflowSubscription, 's')
    .where('s.targetLevel = :readerLevel')
    .andWhere('s.subscriberJurisdiction IN (:...readerJurisdictions)')
    .getQuery();
  return query.andWhere(`(${alias}.originSubscription IS NULL OR ${alias}.originSubscription IN ${readable})`, {
    readerLevel: ctx.level,
    readerJurisdictions: enclosingJurisdictions(ctx.identity.jurisdiction),
  });
}

/** The same rule for rows loaded by key; asks the database only when a row was received. */
export async function readableRows<T extends { originSubscription: string | null }>(ctx: RequestContext, rows: T[]): Promise<T[]> {
  const received = [...new Set(rows.map((row) => row.originSubscription).filter((id): id is string => id !== null))];
  if (received.length === 0) return rows;
  const subscriptions = await ctx.db.getRepository(ReflowSubscription).find({ select: ['id', 'subscriberJurisdiction'], where: received.map((id) => ({ id, targetLevel: ctx.level })) });
  const mine = enclosingJurisdictions(ctx.identity.jurisdiction);
  const readable = new Set(subscriptions.filter((s) => mine.includes(s.subscriberJurisdiction)).map((s) => s.id));
  return rows.filter((row) => row.originSubscription === null || readable.has(row.originSubscription));
}
