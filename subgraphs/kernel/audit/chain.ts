import { createHash } from 'node:crypto';
import { AuditRecord } from './audit.entity';

export const GENESIS_HASH = '0'.repeat(64);

/** The hashed fields, in a fixed order: everything a reader relies on, except the hash itself. */
const HASHED = [
  'seq', 'at', 'requestId', 'agencyUscc', 'userSub', 'action', 'resourceId', 'itemsJson', 'effect',
  'reason', 'grantId', 'purpose', 'accessPath', 'recordCount', 'recordKeysJson', 'prevHash',
] as const satisfies readonly (keyof AuditRecord)[];

export function chainHash(record: Pick<AuditRecord, (typeof HASHED)[number]>): string {
  const canonical = JSON.stringify(HASHED.map((field) => record[field] ?? null));
  return createHash('sha256').update(canonical).digest('hex');
}
