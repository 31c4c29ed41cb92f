import { DataSource } from 'typeorm';
import type { AuditedRequester } from '../auth/caller';
import { AuditChainHead, AuditRecord } from './audit.entity';
import { chainHash, GENESIS_HASH } from './chain';
import { AuditDraft } from './collector';
import { insertRows } from '../db/multi-row';

const HEAD_ID = 1;

interface Pending {
  rows: Omit<AuditRecord, 'seq' | 'prevHash' | 'hash' | 'items' | 'recordKeys'>[];
  done: (error?: unknown) => void;
}

type ChainEnd = { seq: number; hash: string };

/** Attempts to append when other writers (another replica of this platform) keep moving the chain's end. */
const MAX_ATTEMPTS = 5;

/**
 * Appends audit records to the chain before the response leaves. Requests that finish while a
 * batch is being written, or in the same turn of the event loop, are appended together in the next
 * transaction (group commit), so the chain stays strictly ordered without one transaction per request.
 *
 * The end of the chain is kept in memory between batches. A batch first moves the stored end on,
 * on condition that it is still where this writer left it: that one UPDATE takes the row lock that
 * orders concurrent writers and tells this one when another has appended, in which case it reads
 * the end again and chains the batch anew. A batch is four statements: BEGIN, UPDATE, INSERT, COMMIT.
 */
export class AuditWriter {
  private queue: Pending[] = [];
  private writing = false;
  private end: ChainEnd | null = null;

  constructor(private readonly db: DataSource) {}

  append(requester: AuditedRequester, requestId: string, at: Date, drafts: AuditDraft[]): Promise<void> {
    if (drafts.length === 0) return Promise.resolve();
    const iso = at.toISOString();
    const rows = drafts.map((d) => ({
      at: iso,
      requestId,
      agencyUscc: requester.agency,
      userSub: requester.sub,
      agencyJurisdiction: requester.jurisdiction,
      action: d.action,
      resourceId: d.resourceId,
      resourceJurisdiction: d.resourceJurisdiction,
      itemsJson: JSON.stringify(d.items),
      effect: d.effect,
      reason: d.reason,
      grantId: d.grantId,
      purpose: d.purpose,
      accessPath: d.accessPath,
      recordCount: d.recordCount,
      recordKeysJson: JSON.stringify(d.recordKeys),
    }));
    return new Promise((resolve, reject) => {
      this.queue.push({ rows, done: (error) => (error ? reject(error) : resolve()) });
      if (!this.writing) {
        this.writing = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain() {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0);
      try {
        await this.write(batch.flatMap((p) => p.rows));
        batch.forEach((p) => p.done());
      } catch (error) {
        batch.forEach((p) => p.done(error));
      }
    }
    this.writing = false;
  }

  private async write(rows: Pending['rows']) {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const from = this.end ?? (await this.readEnd());
      this.end = null;
      let seq = from.seq;
      let prevHash = from.hash;
      const chained = rows.map((row) => {
        const record = { ...row, seq: ++seq, prevHash };
        prevHash = chainHash(record);
        return { ...record, hash: prevHash };
      });
      const appended = await this.db.transaction(async (m) => {
        // Plain SQL, as insertRows writes it: TypeORM's builders cost more than the statements here.
        // Backquoted names are read alike by MySQL/MariaDB and SQLite.
        const moved = await m.queryRunner!.query(
          'UPDATE `audit_chain_head` SET `lastSeq` = ?, `lastHash` = ? WHERE `id` = ? AND `lastSeq` = ?',
          [seq, prevHash, HEAD_ID, from.seq],
          true,
        );
        if (moved.affected !== 1) return false;
        await insertRows(m, AuditRecord, chained);
        return true;
      });
      if (appended) {
        this.end = { seq, hash: prevHash };
        return;
      }
    }
    throw new Error(`the audit chain's end moved under ${MAX_ATTEMPTS} attempts in a row`);
  }

  /** The stored end of the chain; an empty trail gets its genesis end first. */
  private async readEnd(): Promise<ChainEnd> {
    await this.db.createQueryBuilder().insert().into(AuditChainHead).values({ id: HEAD_ID, lastSeq: 0, lastHash: GENESIS_HASH }).orIgnore().updateEntity(false).execute();
    const head = await this.db.getRepository(AuditChainHead).findOneByOrFail({ id: HEAD_ID });
    return { seq: head.lastSeq, hash: head.lastHash };
  }
}
