import { DataSource, MoreThan } from 'typeorm';
import { AuditChainHead, AuditRecord } from './audit.entity';
import { chainHash, GENESIS_HASH } from './chain';

export type ChainVerdict = { ok: true; records: number } | { ok: false; records: number; seq: number; problem: string };

/**
 * Walks the chain in order and recomputes every hash: an altered row breaks its own hash, a
 * deleted row breaks the sequence or the next row's link, a deleted tail disagrees with the head.
 */
export async function verifyAuditChain(db: DataSource): Promise<ChainVerdict> {
  const repo = db.getRepository(AuditRecord);
  const head = await db.getRepository(AuditChainHead).findOneBy({ id: 1 });
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const batch = await repo.find({ where: { seq: MoreThan(expectedSeq - 1) }, order: { seq: 'ASC' }, take: 2000 });
    if (batch.length === 0) break;
    for (const row of batch) {
      if (row.seq !== expectedSeq) return { ok: false, records: checked, seq: expectedSeq, problem: `record ${expectedSeq} is missing` };
      if (row.prevHash !== prevHash) return { ok: false, records: checked, seq: row.seq, problem: `record ${row.seq} does not link to the record before it` };
      if (chainHash(row) !== row.hash) return { ok: false, records: checked, seq: row.seq, problem: `record ${row.seq} was altered: its content does not match its hash` };
      prevHash = row.hash;
      expectedSeq++;
      checked++;
    }
  }
  const lastSeq = head?.lastSeq ?? 0;
  if (lastSeq !== checked || (head && head.lastHash !== prevHash)) {
    return { ok: false, records: checked, seq: checked + 1, problem: `the chain head expects ${lastSeq} records ending in ${head?.lastHash.slice(0, 12)}…, found ${checked}` };
  }
  return { ok: true, records: checked };
}
