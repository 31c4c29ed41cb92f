import { DataSource, EntityManager } from 'typeorm';
import type { AuditedRequester } from '../auth/caller';
import { AuditChainHead, AuditRecord } from './audit.entity';
import { chainHash, GENESIS_HASH } from './chain';
import { AuditDraft } from './collector';
import { insertRows } from '../db/multi-row';
import { isSqlite } from '../db/triggers';

const HEAD_ID = 1;

interface Pending {
  rows: Omit<AuditRecord, 'seq' | 'prevHash' | 'hash' | 'items' | 'recordKeys'>[];
  done: (error?: unknown) => void;
}

type ChainEnd = { seq: number; hash: string };

/**
 * Appends audit records to the chain before the response leaves. Requests that finish while a
 * batch is being written, or in the same turn of the event loop, are appended together in the next
 * transaction (group commit), so the chain stays strictly ordered without one transaction per request.
 *
 * The end of the chain is kept in memory between batches. A batch first moves the stored end on,
 * on condition that it is still where this writer left it: that one UPDATE takes the row lock that
 * orders concurrent writers, and a batch is four statements: BEGIN, UPDATE, INSERT, COMMIT. When
 * another writer (a replica of this platform) has appended meanwhile, the batch is chained again
 * under the head row's lock — read FOR UPDATE, so no writer can move the end before it is in. Under
 * load a writer that only retried optimistically could lose every race to one that never has to re-read
 * (test/scale/replicas.test.ts found it on MariaDB); the lock makes the second attempt the last.
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
    const known = this.end;
    this.end = null;
    if (known && (await this.appendBatch(rows, known))) return;
    await this.ensureHead();
    await this.appendBatch(rows, null);
  }

  /**
   * Chains `rows` after `from` and appends them in one transaction, if the stored end is still `from`.
   * With `from` null, the end is read under the head row's lock, so the append cannot fail on a race.
   */
  private async appendBatch(rows: Pending['rows'], from: ChainEnd | null): Promise<boolean> {
    return this.db.transaction(async (m) => {
      const start = from ?? (await this.lockedEnd(m));
      let seq = start.seq;
      let prevHash = start.hash;
      const chained = rows.map((row) => {
        const record = { ...row, seq: ++seq, prevHash };
        prevHash = chainHash(record);
        return { ...record, hash: prevHash };
      });
      // Plain SQL, as insertRows writes it: TypeORM's builders cost more than the statements here.
      // Backquoted names are read alike by MySQL/MariaDB and SQLite.
      const moved = await m.queryRunner!.query(
        'UPDATE `audit_chain_head` SET `lastSeq` = ?, `lastHash` = ? WHERE `id` = ? AND `lastSeq` = ?',
        [seq, prevHash, HEAD_ID, start.seq],
        true,
      );
      if (moved.affected !== 1) return false;
      await insertRows(m, AuditRecord, chained);
      this.end = { seq, hash: prevHash };
      return true;
    });
  }

  /** The stored end, read under the head row's write lock (SQLite's one writer at a time needs none). */
  private async lockedEnd(m: EntityManager): Promise<ChainEnd> {
    const query = m.getRepository(AuditChainHead).createQueryBuilder('h').where('h.id = :id', { id: HEAD_ID });
    if (!isSqlite(this.db)) query.setLock('pessimistic_write');
    const head = await query.getOneOrFail();
    return { seq: head.lastSeq, hash: head.lastHash };
  }

  /** An empty trail gets its genesis end first. */
  private async ensureHead(): Promise<void> {
    await this.db.createQueryBuilder().insert().into(AuditChainHead).values({ id: HEAD_ID, lastSeq: 0, lastHash: GENESIS_HASH }).orIgnore().updateEntity(false).execute();
  }
}
