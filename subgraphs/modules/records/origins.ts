import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { isPublic } from '../../kernel/auth/caller';
import { RequestContext } from '../../kernel/context';
import { levelOfDivisionCode } from '../../kernel/identifiers';
import type { Level } from '../../kernel/levels';
import { RecordOriginRow } from './origin.entity';

/*
 * Rows a platform received through a subscription were delivered for the subscriber's duties, and
 * shared data serves only the stated duty and passes to no third party (004 art. 19-20). So at the
 * receiving platform they exist only for requesters within the subscriber's jurisdiction: a
 * Hulunbuir agency does not see what the region reflowed to Hohhot, although both read the same
 * city platform. Within that audience the platform's own catalog and enforcement apply as usual, and
 * an item the source withheld is reported as withheld, not as empty.
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
  // Open data is opened by the platform that holds it as its own; received copies are its source's to open.
  if (isPublic(ctx)) return query.andWhere(`${alias}.originSubscription IS NULL`);
  const readable = query.subQuery().select('o.subscriptionId').from(RecordOriginRow, 'o').where('o.subscriberJurisdiction IN (:...readerJurisdictions)').getQuery();
  return query.andWhere(`(${alias}.originSubscription IS NULL OR ${alias}.originSubscription IN ${readable})`, {
    readerJurisdictions: enclosingJurisdictions(ctx.identity.jurisdiction),
  });
}

export interface Origin {
  subscriptionId: string;
  sourceLevel: Level;
  subscriberJurisdiction: string;
  /** Items the source delivered; null when nothing has arrived yet. */
  heldItems: ReadonlySet<string> | null;
}

/** Every origin of this platform's received rows, kept until one changes (record_origin is a policy table). */
export function originsOf(ctx: RequestContext): Promise<ReadonlyMap<string, Origin>> {
  return ctx.loaders.once('records.origins', () =>
    ctx.snapshots.get(ctx, 'records.origins', async () => {
      const rows = await ctx.db.getRepository(RecordOriginRow).find();
      return new Map(
        rows.map((row) => [
          row.subscriptionId,
          { subscriptionId: row.subscriptionId, sourceLevel: row.sourceLevel, subscriberJurisdiction: row.subscriberJurisdiction, heldItems: row.heldItemsJson === null ? null : new Set<string>(JSON.parse(row.heldItemsJson)) },
        ]),
      );
    }),
  );
}

/** The same audience rule for rows loaded by key. */
export async function readableRows<T extends { originSubscription: string | null }>(ctx: RequestContext, rows: T[]): Promise<T[]> {
  if (!rows.some((row) => row.originSubscription !== null)) return rows;
  const origins = await originsOf(ctx);
  const mine = enclosingJurisdictions(ctx.identity.jurisdiction);
  return rows.filter((row) => row.originSubscription === null || mine.includes(origins.get(row.originSubscription)?.subscriberJurisdiction ?? ''));
}

/** A subscription that will deliver rows here, declared when it is registered (idempotent). */
export async function declareOrigin(manager: EntityManager, origin: Omit<RecordOriginRow, 'heldItemsJson' | 'updatedAt'>, now: Date): Promise<void> {
  await manager.createQueryBuilder().insert().into(RecordOriginRow).values({ ...origin, heldItemsJson: null, updatedAt: now }).orIgnore().execute();
}

/** The items the source delivers from now on, stored with the batch that brings them. */
export async function recordHeldItems(manager: EntityManager, subscriptionId: string, items: readonly string[], now: Date): Promise<void> {
  await manager.update(RecordOriginRow, { subscriptionId }, { heldItemsJson: JSON.stringify([...items].sort()), updatedAt: now });
}
