import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { demoAgency, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { AuditRecord } from '../../subgraphs/kernel/audit/audit.entity';
import { startTestStack, TestStack } from '../support/stack';

// 004 art. 44 / 001 art. 25: the trail is hash-chained per platform; `npm run audit:verify`
// recomputes it from the database and fails on any altered or deleted record.
const run = promisify(execFile);
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
  const token = await stack.token(demoAgency('150102', Sector.CIVIL_AFFAIRS));
  for (let i = 0; i < 3; i++) await stack.query('{ platform(level: REGION) { ... on PersonRegister { persons(first: 5) { edges { node { name householdAddress } } } } } }', {}, token);
});
afterAll(() => stack?.stop());

async function auditVerify(level: string): Promise<{ code: number; output: string }> {
  const root = path.join(__dirname, '..', '..');
  try {
    const { stdout } = await run('npm', ['run', '-s', 'audit:verify', '--', level], { cwd: root, env: { ...process.env, ...stack.databaseEnv } });
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, output: failed.stdout };
  }
}

describe('npm run audit:verify', () => {
  it('passes on an untouched trail', async () => {
    const result = await auditVerify('REGION');
    expect(result).toEqual({ code: 0, output: expect.stringMatching(/REGION\s+intact: [1-9]\d* records/) });
  });

  it('fails after a record is altered, naming it', async () => {
    const repo = stack.subgraphs.REGION.db.getRepository(AuditRecord);
    const victim = await repo.findOneOrFail({ where: { effect: 'DENY' }, order: { seq: 'ASC' } });
    await repo.update({ seq: victim.seq }, { effect: 'ALLOW' });
    const result = await auditVerify('REGION');
    expect(result.code).toBe(1);
    expect(result.output).toContain(`BROKEN at record ${victim.seq}: record ${victim.seq} was altered`);
    await repo.update({ seq: victim.seq }, { effect: 'DENY' });
    expect((await auditVerify('REGION')).code).toBe(0);
  });

  it('fails after a record is deleted, in the middle or at the end', async () => {
    const repo = stack.subgraphs.REGION.db.getRepository(AuditRecord);
    const rows = await repo.find({ order: { seq: 'ASC' } });
    expect(rows.length).toBeGreaterThanOrEqual(3);
    await repo.delete({ seq: rows[rows.length - 1].seq });
    const tail = await auditVerify('REGION');
    expect(tail.code).toBe(1);
    expect(tail.output).toMatch(/chain head expects/);
    await repo.delete({ seq: rows[1].seq });
    const middle = await auditVerify('REGION');
    expect(middle.code).toBe(1);
    expect(middle.output).toContain(`record ${rows[1].seq} is missing`);
  });
});
