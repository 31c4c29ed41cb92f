import { DataSource } from 'typeorm';
import { Identity } from '../auth/identity';
import { AuditChainHead, AuditRecord } from './audit.entity';
import { chainHash, GENESIS_HASH } from './chain';
import { AuditDraft } from './collector';

interface Pending {
  rows: Omit<AuditRecord, 'seq' | 'prevHash' | 'hash' | 'items' | 'recordKeys'>[];
  done: (error?: unknown) => void;
}

/**
 * Appends audit records to the chain before the response leaves. Requests that finish while a
 * batch is being written are appended together in the next transaction (group commit), so the
 * chain stays strictly ordered without one transaction per request.
 */
export class AuditWriter {
  private queue: Pending[] = [];
  private writing = false;

  constructor(private readonly db: DataSource) {}

  append(identity: Identity, requestId: string, at: Date, drafts: AuditDraft[]): Promise<void> {
    if (drafts.length === 0) return Promise.resolve();
    const iso = at.toISOString();
    const rows = drafts.map((d) => ({
      at: iso,
      requestId,
      agencyUscc: identity.agency,
      userSub: identity.sub,
      action: d.action,
      resourceId: d.resourceId,
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
      if (!this.writing) void this.drain();
    });
  }

  private async drain() {
    this.writing = true;
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
    const mysql = this.db.options.type !== 'better-sqlite3';
    await this.db.transaction(async (m) => {
      const head = await m.findOne(AuditChainHead, { where: { id: 1 }, ...(mysql ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
      let seq = head?.lastSeq ?? 0;
      let prevHash = head?.lastHash ?? GENESIS_HASH;
      const chained = rows.map((row) => {
        const record = { ...row, seq: ++seq, prevHash };
        const hash = chainHash(record);
        prevHash = hash;
        return { ...record, hash };
      });
      for (let i = 0; i < chained.length; i += 200) await m.insert(AuditRecord, chained.slice(i, i + 200));
      await m.save(AuditChainHead, { id: 1, lastSeq: seq, lastHash: prevHash });
    });
  }
}
