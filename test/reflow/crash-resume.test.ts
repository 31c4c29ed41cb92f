import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { IsNull, Like } from 'typeorm';
import { LEVELS } from '../../subgraphs/kernel/levels';
import { ReflowRun, ReflowWatermark } from '../../subgraphs/modules/reflow/run.entity';
import { generatePersons, householdDivisionCodes } from '../../subgraphs/modules/records/generators';
import { PersonRow } from '../../subgraphs/modules/records/record.entities';
import { startTestStack, TestStack } from '../support/stack';
import { hohhotSubscribesToPersons, REFLOW_TEST_ENV } from './reflow-fixtures';

// Issue 5 item 3: the watermark is stored in the same transaction as each batch, so a sync process
// killed at any point — before its first batch, in the middle of a batch, between batches — resumes
// without loss or duplicates. `npm run reflow` runs as a child process and is killed with SIGKILL.
jest.setTimeout(300_000);

const ROOT = path.join(__dirname, '..', '..');
const EXTRA_PERSONS = 3000;
let stack: TestStack;
let subscriptionId: string;
let env: NodeJS.ProcessEnv;

/** What the CLI has said so far: batches paused in (mid-batch) and batches committed (progress lines). */
interface Seen { midBatches: number; committed: number }
interface Outcome { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

function command(script: string, killWhen?: (seen: Seen, child: ChildProcess) => void): Promise<Outcome> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', script, subscriptionId], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const seen: Seen = { midBatches: 0, committed: 0 };
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (line.includes('mid-batch')) seen.midBatches++;
      else if (/ rows \(\d+ read/.test(line)) seen.committed++;
      else continue;
      killWhen?.(seen, child);
    }
    stderr += chunk;
  });
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

const kill = (child: ChildProcess) => child.kill('SIGKILL');
const KILL_POINTS: [string, (seen: Seen, child: ChildProcess) => void][] = [
  ['inside the first batch, before anything was committed', (seen, child) => seen.midBatches === 1 && kill(child)],
  ['between batches, right after the third commit', (seen, child) => seen.committed === 3 && kill(child)],
  ['inside a batch after resuming', (seen, child) => seen.midBatches === 2 && kill(child)],
  ['at a random moment of a batch', (seen, child) => seen.midBatches === 1 && setTimeout(() => kill(child), Math.floor(Math.random() * 600))],
  ['inside the fourth batch of a run', (seen, child) => seen.midBatches === 4 && kill(child)],
  ['right after the first commit', (seen, child) => seen.committed === 1 && kill(child)],
];

const cityPersons = () => stack.subgraphs.CITY.db.getRepository(PersonRow);
/** The source scope in pull order: (updatedAt, key). */
async function sourceInPullOrder() {
  const rows = await stack.subgraphs.REGION.db.getRepository(PersonRow).find({ where: { divisionCode: Like('1501%') } });
  return rows.sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime() || (a.idNumber < b.idNumber ? -1 : a.idNumber > b.idNumber ? 1 : 0));
}

beforeAll(async () => {
  stack = await startTestStack(REFLOW_TEST_ENV);
  // A larger scope, stamped in runs of 7 equal instants so pages also end inside a run of equal stamps.
  const base = Date.now() - 3_600_000;
  const extra = generatePersons({ count: EXTRA_PERSONS, divisionCodes: householdDivisionCodes('150100'), seed: 505, startIndex: 1_500_000 });
  const rows = extra.map((person, i) => ({ ...person, updatedAt: new Date(base + Math.floor(i / 7)), deletedAt: null }));
  for (let i = 0; i < rows.length; i += 500) await stack.subgraphs.REGION.db.getRepository(PersonRow).insert(rows.slice(i, i + 500));
  subscriptionId = await hohhotSubscribesToPersons(stack);
  const urls = Object.fromEntries(LEVELS.map((level) => [`${level}_URL`, stack.config.subgraphs[level].url]));
  env = { ...process.env, ...stack.databaseEnv, ...urls, ...REFLOW_TEST_ENV, NODE_ENV: 'test', REFLOW_PAGE_SIZE: '200', REFLOW_TEST_BATCH_PAUSE_MS: '250' };
});
afterAll(() => stack?.stop());

describe('npm run reflow, killed at any point, resumes without loss or duplicates', () => {
  it.each(KILL_POINTS)('killed %s: the target holds exactly the rows up to its committed watermark', async (_point, killWhen) => {
    const outcome = await command('scripts/reflow.ts', killWhen);
    expect(outcome.signal).toBe('SIGKILL');
    const watermark = await stack.subgraphs.CITY.db.getRepository(ReflowWatermark).findOneBy({ subscriptionId });
    const source = await sourceInPullOrder();
    const committed = watermark?.afterKey
      ? source.filter((r) => r.updatedAt < watermark.afterUpdatedAt! || (r.updatedAt.getTime() === watermark.afterUpdatedAt!.getTime() && r.idNumber <= watermark.afterKey!))
      : [];
    const held = await cityPersons().find({ where: { originSubscription: subscriptionId }, order: { idNumber: 'ASC' } });
    expect(held.map((r) => r.idNumber)).toEqual(committed.map((r) => r.idNumber).sort());
  });

  it('then runs to completion: the target is identical to the source scope (npm run reflow:verify)', async () => {
    env = { ...env, REFLOW_TEST_BATCH_PAUSE_MS: '0' };
    const finished = await command('scripts/reflow.ts');
    expect(finished).toMatchObject({ code: 0, signal: null, stdout: expect.stringMatching(/SUCCEEDED/) });
    const source = await sourceInPullOrder();
    expect(source.length).toBeGreaterThan(EXTRA_PERSONS);
    const held = await cityPersons().find({ where: { originSubscription: subscriptionId, deletedAt: IsNull() } });
    expect(held.map((r) => r.idNumber).sort()).toEqual(source.map((r) => r.idNumber).sort());
    expect(new Set(held.map((r) => r.idNumber)).size).toBe(held.length);

    const verified = await command('scripts/reflow-verify.ts');
    expect(verified).toMatchObject({ code: 0, stdout: expect.stringContaining(`identical: subscription ${subscriptionId} holds exactly the source scope`) });
    const runs = await stack.subgraphs.CITY.db.getRepository(ReflowRun).find({ where: { subscriptionId }, order: { queuedAt: 'ASC' } });
    expect(runs.map((r) => r.state)).toEqual([...KILL_POINTS.map(() => 'FAILED'), 'SUCCEEDED']);
    expect(runs.slice(0, -1).every((r) => r.error?.startsWith('abandoned'))).toBe(true);
  });

  it('reports the keys that differ and exits 1 when the target no longer matches', async () => {
    const victim = await cityPersons().findOneByOrFail({ originSubscription: subscriptionId });
    await cityPersons().delete({ idNumber: victim.idNumber });
    const verified = await command('scripts/reflow-verify.ts');
    expect(verified.code).toBe(1);
    expect(verified.stdout).toContain(`missing here (1): ${victim.idNumber}`);
  });
});
