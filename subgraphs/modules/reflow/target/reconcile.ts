import { levelName } from '../../../kernel/graphql/level-names';
import { recordSource } from '../../records/sources';
import { DigestSummary, hashedProperties, rowHash, ScopeDigest, walkByKey } from '../digest';
import { ReceivingPlatform, receivedSubscription } from './runner';
import { callSource } from './service-call';

export interface Reconciliation {
  subscriptionId: string;
  source: Pick<DigestSummary, 'count' | 'checksum'>;
  target: Pick<DigestSummary, 'count' | 'checksum'>;
  identical: boolean;
  /** At the source, not here. */
  missing: string[];
  /** Here, no longer in the source's scope. */
  extra: string[];
  /** Here with other values than the source would deliver now. */
  different: string[];
}

interface SourceDigest extends DigestSummary {
  rows: { key: string; hash: string }[];
}

/**
 * Compares the rows this platform holds from a subscription with what its source would deliver
 * now: count and checksum first; where they differ, bucket by bucket, and keys only for the buckets
 * that differ, so a large scope is compared without listing every key.
 */
export async function reconcile(platform: ReceivingPlatform, subscriptionId: string): Promise<Reconciliation> {
  const subscription = await receivedSubscription(platform, subscriptionId);
  const source = recordSource(subscription.dataTable);
  const properties = hashedProperties(source);
  const held = new ScopeDigest();
  const rows = () =>
    platform.db.getRepository(source.entity).createQueryBuilder('r').where('r.originSubscription = :subscription', { subscription: subscription.id }).andWhere('r.deletedAt IS NULL');
  await walkByKey(rows, source.key, (row) => {
    const key = String(row[source.key]);
    held.add(key, rowHash(key, row.divisionCode, properties.map((p) => row[p])));
  });
  const target = held.summary();

  const field = levelName(subscription.sourceLevel, '{level}ReflowChecksum');
  const ask = (buckets: number[]) =>
    callSource<{ digest: SourceDigest }>(platform.config, subscription, `query Digest($s: ID!, $b: [Int!]!) { digest: ${field}(subscriptionId: $s, buckets: $b) { count checksum bucketHashes rows { key hash } } }`, {
      s: subscription.id,
      b: buckets,
    }).then((answer) => answer.digest);
  const summary = await ask([]);
  const result: Reconciliation = {
    subscriptionId,
    source: { count: summary.count, checksum: summary.checksum },
    target: { count: target.count, checksum: target.checksum },
    identical: summary.count === target.count && summary.checksum === target.checksum,
    missing: [],
    extra: [],
    different: [],
  };
  if (result.identical) return result;

  const differing = summary.bucketHashes.flatMap((hash, bucket) => (hash === target.bucketHashes[bucket] ? [] : [bucket]));
  const theirs = new Map((await ask(differing)).rows.map((row) => [row.key, row.hash]));
  const ours = held.rowsIn(differing);
  for (const [key, hash] of theirs) {
    if (!ours.has(key)) result.missing.push(key);
    else if (ours.get(key) !== hash) result.different.push(key);
  }
  for (const key of ours.keys()) if (!theirs.has(key)) result.extra.push(key);
  for (const list of [result.missing, result.extra, result.different]) list.sort();
  return result;
}
