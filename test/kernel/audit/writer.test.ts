import { AuditWriter } from '../../../subgraphs/kernel/audit/writer';
import { verifyAuditChain } from '../../../subgraphs/kernel/audit/verify';
import { Identity } from '../../../subgraphs/kernel/auth/identity';
import { AuditRecord } from '../../../subgraphs/kernel/audit/audit.entity';
import { AuditDraft } from '../../../subgraphs/kernel/audit/collector';
import { startTestStack, TestStack } from '../../support/stack';

// 001 art. 25: every access leaves a trace, in one unbroken hash chain per platform, even when two
// writers (two replicas of one platform, or the platform and a tool) append to the same database.

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

const identity: Identity = { sub: 'writer-test', agency: '11150000MB0000000X', jurisdiction: '150000', level: 'REGION', roles: ['AGENCY_USER'] };
const draft = (n: number): AuditDraft => ({
  action: 'READ', resourceId: null, resourceJurisdiction: null, items: ['name'], effect: 'ALLOW', reason: null, grantId: null, purpose: `writer test ${n}`, accessPath: 'ROOT', recordKeys: [String(n)], recordCount: 1,
});

describe('the audit writer', () => {
  it('keeps one unbroken chain when two writers append to the same trail in turns and at once', async () => {
    const db = stack.subgraphs.REGION.db;
    const first = new AuditWriter(db);
    const second = new AuditWriter(db);
    const before = await db.getRepository(AuditRecord).count();
    // In turns: each writer's remembered end of the chain is stale by the time it writes again.
    for (let n = 0; n < 6; n++) await (n % 2 ? first : second).append(identity, `turns-${n}`, new Date(), [draft(n)]);
    // At once: both queue batches in the same turn of the event loop.
    await Promise.all(Array.from({ length: 20 }, (_, n) => (n % 2 ? first : second).append(identity, `together-${n}`, new Date(), [draft(n), draft(n + 100)])));
    expect(await db.getRepository(AuditRecord).count()).toBe(before + 6 + 40);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, records: before + 46 });
  });

  it('groups requests that finish in the same turn into one transaction of as many statements as one request', async () => {
    const db = stack.subgraphs.REGION.db;
    const writer = new AuditWriter(db);
    await writer.append(identity, 'first', new Date(), [draft(0)]);
    stack.resetStatements();
    await writer.append(identity, 'alone', new Date(), [draft(1)]);
    const alone = stack.statements('REGION');
    stack.resetStatements();
    await Promise.all(Array.from({ length: 10 }, (_, n) => writer.append(identity, `grouped-${n}`, new Date(), [draft(n)])));
    expect(stack.statements('REGION')).toBe(alone);
    expect(alone).toBeLessThanOrEqual(4);
  });
});
