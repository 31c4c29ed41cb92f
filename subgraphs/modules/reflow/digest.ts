import { createHash } from 'node:crypto';
import { SelectQueryBuilder } from 'typeorm';
import { RecordSource } from '../records/sources';

/** Reconciliation compares bucket hashes first, and lists keys only for the buckets that differ. */
export const DIGEST_BUCKETS = 256;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export const bucketOf = (key: string) => parseInt(sha256(key).slice(0, 2), 16) % DIGEST_BUCKETS;

/**
 * The data columns a row's hash covers: every item column of the table but the key and the division
 * (hashed on their own), in a fixed order. Both levels hash the same list, the source with what it
 * would deliver now (withheld items as null), the target with what it holds.
 */
export function hashedProperties(source: RecordSource): string[] {
  return [...new Set(Object.values(source.columns))].filter((p) => p !== source.key && p !== 'divisionCode');
}

const normalised = (value: unknown) => (value === undefined ? null : value);

export function rowHash(key: string, divisionCode: string, values: readonly unknown[]): string {
  return sha256(JSON.stringify([key, divisionCode, ...values.map(normalised)]));
}

export interface DigestSummary {
  count: number;
  checksum: string;
  bucketHashes: string[];
}

/** Order-independent digest of a set of rows: the database's sort order (collation) never matters. */
export class ScopeDigest {
  private readonly buckets: Map<string, string>[] = Array.from({ length: DIGEST_BUCKETS }, () => new Map());
  private count = 0;

  add(key: string, hash: string): void {
    this.buckets[bucketOf(key)].set(key, hash);
    this.count++;
  }

  summary(): DigestSummary {
    const bucketHashes = this.buckets.map((bucket) => sha256([...bucket.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, h]) => `${k}:${h}`).join('\n')));
    return { count: this.count, checksum: sha256(bucketHashes.join('')), bucketHashes };
  }

  /** Key → row hash for the rows of the given buckets. */
  rowsIn(buckets: readonly number[]): Map<string, string> {
    return new Map(buckets.flatMap((b) => [...(this.buckets[b]?.entries() ?? [])]));
  }
}

const WALK_PAGE = 2000;

/** Visits every row of a query in key order, a page at a time (keyset on the key, not OFFSET). */
export async function walkByKey<Row extends Record<string, any>>(query: () => SelectQueryBuilder<Row>, keyProperty: string, visit: (row: Row) => void): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const page = query();
    if (after !== null) page.andWhere(`r.${keyProperty} > :walkAfter`, { walkAfter: after });
    const rows = await page.orderBy(`r.${keyProperty}`, 'ASC').limit(WALK_PAGE).getMany();
    rows.forEach(visit);
    if (rows.length < WALK_PAGE) return;
    after = String(rows[rows.length - 1][keyProperty]);
  }
}
