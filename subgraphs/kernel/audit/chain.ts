import { createHash } from 'node:crypto';
import { AuditRecord } from './audit.entity';

export const GENESIS_HASH = '0'.repeat(64);

/** The hashed fields, in a fixed order: everything a reader relies on, except the hash itself. */
const HASHED = [
  'seq', 'at', 'requestId', 'agencyUscc', 'userSub', 'action', 'resourceId', 'itemsJson', 'effect',
  'reason', 'grantId', 'purpose', 'accessPath', 'recordCount', 'recordKeysJson', 'prevHash',
] as const satisfies readonly (keyof AuditRecord)[];

/**
 * Fields added after the first records were chained: hashed after the others, and only when one of
 * them is set, so that every record written before they existed keeps its hash (and a record written
 * with them cannot pass for one without: its stored hash covers them).
 */
const ADDED = ['agencyJurisdiction', 'resourceJurisdiction'] as const satisfies readonly (keyof AuditRecord)[];

export function chainHash(record: Pick<AuditRecord, (typeof HASHED)[number]> & Partial<Pick<AuditRecord, (typeof ADDED)[number]>>): string {
  const values: unknown[] = HASHED.map((field) => record[field] ?? null);
  const added = ADDED.map((field) => record[field] ?? null);
  if (added.some((value) => value !== null)) values.push(...added);
  return createHash('sha256').update(JSON.stringify(values)).digest('hex');
}
