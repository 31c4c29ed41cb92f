import { levelName } from '../../../kernel/levels';
import { recordSource } from '../../records/sources';
import { DigestSummary, hashedProperties, rowHash, ScopeDigest, walkByKey } from '../digest';
import { ReceivingPlatform, receivedSubscription } from './runner';
import { callSource } from './service-call';
import { ReflowSubscription } from '../subscription.entity';

export interface Reconciliation {
  subscriptionId: string;
  source: Pick<DigestSummary, 'count' | 'checksum'>;
  target: Pick<DigestSummary, 'count' | 'checksum'>;
  identical: boolean;
  /** At the source, not here. */
  missing: string[];
  /** Here, no longer in the source's scope. */
  extra: string[];
  /** Here with other values than the source would deliver now — values of an item withheld now included. */
  different: string[];
  /** Deleted here (a tombstone) and still holding item values, which a tombstone never does. */
  lingering: string[];
}

interface SourceDigest extends DigestSummary {
  rows: { key: string; hash: string }[];
}

/**
 * Compares the rows this platform holds from a subscription with what its source would deliver
 * now: count and checksum first; where they differ, bucket by bucket, and keys only for the buckets
 * that differ, so a large scope is compared without listing every key. Tombstones are checked to hold
 * no item value.
 */
export async function reconcile(platform: ReceivingPlatform, subscriptionId: string): Promise<Reconciliation> {
  const subscription = await receivedSubscription(platform, subscriptionId);
  const source = recordSource(subscription.dataTable);
  const properties = hashedProperties(source);
  const received = () => platform.db.getRepository(source.entity).createQueryBuilder('r').where('r.originSubscription = :subscription', { subscription: subscription.id });
  const held = new ScopeDigest();
  await walkByKey(() => received().andWhere('r.deletedAt IS NULL'), source.key, (row) => {
    const key = String(row[source.key]);
    held.add(key, rowHash(key, row.divisionCode, properties.map((p) => row[p])));
  });
  const lingering = (
    await received()
      .select(`r.${source.key}`, 'key')
      .andWhere('r.deletedAt IS NOT NULL')
      .andWhere(`(${properties.map((p) => `r.${p} IS NOT NULL`).join(' OR ')})`)
      .orderBy(`r.${source.key}`, 'ASC')
      .getRawMany<{ key: string }>()
  ).map((row) => String(row.key));
  const target = held.summary();

  // A cancelled subscription leaves nothing to hold: the source is not asked (it refuses), the scope is empty.
  const summary = subscription.cancelledAt ? { ...new ScopeDigest().summary(), rows: [] } : await sourceDigestOf(platform, subscription, []);
  const result: Reconciliation = {
    subscriptionId,
    source: { count: summary.count, checksum: summary.checksum },
    target: { count: target.count, checksum: target.checksum },
    identical: summary.count === target.count && summary.checksum === target.checksum && lingering.length === 0,
    missing: [],
    extra: [],
    different: [],
    lingering,
  };
  if (summary.count === target.count && summary.checksum === target.checksum) return result;

  const differing = summary.bucketHashes.flatMap((hash, bucket) => (hash === target.bucketHashes[bucket] ? [] : [bucket]));
  const theirs = new Map((subscription.cancelledAt ? [] : (await sourceDigestOf(platform, subscription, differing)).rows).map((row) => [row.key, row.hash]));
  const ours = held.rowsIn(differing);
  for (const [key, hash] of theirs) {
    if (!ours.has(key)) result.missing.push(key);
    else if (ours.get(key) !== hash) result.different.push(key);
  }
  for (const key of ours.keys()) if (!theirs.has(key)) result.extra.push(key);
  for (const list of [result.missing, result.extra, result.different]) list.sort();
  return result;
}

function sourceDigestOf(platform: ReceivingPlatform, subscription: ReflowSubscription, buckets: number[]): Promise<SourceDigest> {
  const field = levelName(subscription.sourceLevel, '{level}ReflowChecksum');
  const query = `query Digest($s: ID!, $b: [Int!]!) { digest: ${field}(subscriptionId: $s, buckets: $b) { count checksum bucketHashes rows { key hash } } }`;
  return callSource<{ digest: SourceDigest }>(platform.config, subscription, query, { s: subscription.id, b: buckets }).then((answer) => answer.digest);
}
