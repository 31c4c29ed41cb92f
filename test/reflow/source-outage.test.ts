import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, IsNull } from 'typeorm';
import { createDataSource } from '../../subgraphs/kernel/db/data-source';
import { Level, LEVELS } from '../../subgraphs/kernel/levels';
import { levelEntities } from '../../subgraphs/kernel/module';
import { LEVEL_DEFINITIONS } from '../../subgraphs/levels';
import { generatePersons, householdDivisionCodes } from '../../subgraphs/modules/records/generators';
import { PersonRow } from '../../subgraphs/modules/records/record.entities';
import { ReflowRun, ReflowWatermark } from '../../subgraphs/modules/reflow/run.entity';
import { reconcile } from '../../subgraphs/modules/reflow/target/reconcile';
import { startTestStack, TestStack } from '../support/stack';
import { HOHHOT_AUTHORITY, hohhotSubscribesToPersons, REFLOW_TEST_ENV } from './reflow-fixtures';
import { levelId } from '../support/api';

// Issue 18: one level's outage never takes another level down. The region and city platforms run as
// their own processes (npm start's start-level), the city with its scheduler on; the region is killed
// with SIGKILL in the middle of a run. The city keeps answering, records the run FAILED with the
// reason and gives the subscription back; once the region is back, a retry completes and verifies.
// The region streams two pages per pull here: what a stream sent before the kill is received, as it
// should be, and the next pull finds the region gone.
jest.setTimeout(180_000);

const ROOT = path.join(__dirname, '..', '..');
const EXTRA_PERSONS = 2000;
let stack: TestStack;
let subscriptionId: string;
let env: NodeJS.ProcessEnv;
let cityDb: DataSource;
const children = new Set<ChildProcess>();

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function spawnScript(script: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}): Started {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', script, ...args], { cwd: ROOT, env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    }),
  );
  return { child, output: () => output, exited };
}

async function until<T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last seen ${JSON.stringify(value)}`);
    await sleep(50);
  }
}

/** A level's platform as its own process, on the port the stack's configuration gives that level. */
async function startPlatform(level: Level, extraEnv: NodeJS.ProcessEnv = {}): Promise<Started> {
  const started = spawnScript('scripts/start-level.ts', [level], extraEnv);
  await until(`the ${level} platform to start`, async () => started.output(), (output) => output.includes(`${level} platform http`) || started.child.exitCode !== null);
  if (started.child.exitCode !== null) throw new Error(`the ${level} platform did not start: ${started.output()}`);
  return started;
}

const runs = () => cityDb.getRepository(ReflowRun).find({ where: { subscriptionId }, order: { queuedAt: 'ASC' } });

/** What a Hohhot authority asks the city platform, straight at its subgraph: answered, or not. */
async function cityAnswers(): Promise<boolean> {
  const query = `{ _entities(representations: [{ __typename: "CityPlatform", id: "${levelId('CITY', 'Platform', 'CITY')}" }]) { ... on CityPlatform { reflowRuns(first: 1) { nodes { state } } } } }`;
  const response = await stack.direct('CITY', query, { token: await stack.token(HOHHOT_AUTHORITY, 'AUTHORITY_REVIEWER'), signed: true });
  return response.status === 200 && !response.body.errors && Array.isArray(response.body.data?._entities?.[0]?.reflowRuns?.nodes);
}

beforeAll(async () => {
  stack = await startTestStack(REFLOW_TEST_ENV);
  const base = Date.now() - 3_600_000;
  const extra = generatePersons({ count: EXTRA_PERSONS, divisionCodes: householdDivisionCodes('150100'), seed: 1818, startIndex: 1_800_000 });
  const rows = extra.map((person, i) => ({ ...person, updatedAt: new Date(base + i), deletedAt: null }));
  for (let i = 0; i < rows.length; i += 500) await stack.subgraphs.REGION.db.getRepository(PersonRow).insert(rows.slice(i, i + 500));
  subscriptionId = await hohhotSubscribesToPersons(stack, { frequency: 'INCREMENTAL', intervalMinutes: 60 });

  // From here the region and city platforms are processes of their own, on the same databases and ports.
  await stack.subgraphs.REGION.stop();
  await stack.subgraphs.CITY.stop();
  const levels = Object.fromEntries(LEVELS.flatMap((level) => [[`${level}_URL`, stack.config.subgraphs[level].url], [`${level}_PORT`, String(stack.config.subgraphs[level].port)]]));
  env = { ...process.env, ...stack.databaseEnv, ...levels, ...REFLOW_TEST_ENV, NODE_ENV: 'test', REFLOW_PAGE_SIZE: '100', REFLOW_TEST_BATCH_PAUSE_MS: '100', REFLOW_STREAM_PAGES: '2' };
  const { dataSource } = createDataSource({ database: stack.config.subgraphs.CITY.database, entities: levelEntities(LEVEL_DEFINITIONS.CITY), migrations: [] });
  cityDb = await dataSource.initialize();
});

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await cityDb?.destroy();
  await stack?.stop();
});

describe('the source platform killed in the middle of a run', () => {
  it('under the scheduler: the city keeps answering, the run FAILS with its reason, the lease is free, and a retry completes once the region is back', async () => {
    let region = await startPlatform('REGION');
    const city = await startPlatform('CITY', { REFLOW_SCHEDULER: 'true', REFLOW_SCHEDULER_TICK_MS: '100', REFLOW_RETRY_BASE_MS: '1000' });

    await until('a run with two committed pages', runs, (seen) => seen.some((run) => run.state === 'RUNNING' && run.pages >= 2));
    region.child.kill('SIGKILL');
    await region.exited;

    // Throughout the outage the city platform answers, and its run ends FAILED with the reason.
    const answered: boolean[] = [];
    const failed = await until('the run to fail', async () => {
      answered.push(await cityAnswers());
      return runs();
    }, (seen) => seen.some((run) => run.state === 'FAILED'));
    const [run] = failed.filter((r) => r.state === 'FAILED');
    expect(run.error).toMatch(/^the region platform did not answer: /);
    expect(run.pages).toBeGreaterThanOrEqual(2);
    expect(run.finishedAt).not.toBeNull();
    // The failed run gave the subscription back (a retry may already hold it again, if the machine is slow).
    expect((await cityDb.getRepository(ReflowWatermark).findOneByOrFail({ subscriptionId })).leaseRunId).not.toBe(run.id);
    for (let i = 0; i < 10; i++) answered.push(await cityAnswers());
    expect(answered.length).toBeGreaterThan(10);
    expect(answered.every(Boolean)).toBe(true);
    expect(city.child.exitCode).toBeNull();
    expect(city.output()).not.toMatch(/unhandledRejection|uncaughtException/);

    // The region comes back: the scheduler retries with backoff, resumes from the last committed page, and completes.
    region = await startPlatform('REGION');
    const done = await until('a later run to succeed', runs, (seen) => seen.some((r) => r.state === 'SUCCEEDED'));
    const succeeded = done.find((r) => r.state === 'SUCCEEDED')!;
    expect(succeeded.trigger).toBe('SCHEDULER');
    expect(succeeded.queuedAt.getTime()).toBeGreaterThan(run.finishedAt!.getTime());
    const verified = await reconcile({ level: 'CITY', db: cityDb, config: stack.config }, subscriptionId);
    expect(verified).toMatchObject({ identical: true, missing: [], extra: [], different: [], lingering: [] });
    expect(await cityDb.getRepository(PersonRow).countBy({ originSubscription: subscriptionId, deletedAt: IsNull() })).toBe(verified.source.count);

    // The city platform's metrics tell the same story: a failed run, a successful one, rows, and how old the copy is.
    const metrics = await (await fetch(stack.config.subgraphs.CITY.url.replace(/\/graphql$/, '/metrics'))).text();
    const value = (name: string, labels: string) => Number(metrics.split('\n').find((line) => line.startsWith(`${name}{`) && line.includes(labels))?.split(' ').at(-1) ?? NaN);
    expect(value('reflow_runs_total', `state="FAILED"`)).toBeGreaterThanOrEqual(1);
    expect(value('reflow_runs_total', `state="SUCCEEDED"`)).toBeGreaterThanOrEqual(1);
    expect(value('reflow_rows_total', `change="written"`)).toBeGreaterThan(0);
    expect(value('reflow_lag_seconds', `subscription="${subscriptionId}"`)).toBeGreaterThanOrEqual(0);
    city.child.kill('SIGTERM');
    region.child.kill('SIGTERM');
    await Promise.all([city.exited, region.exited]);
  });

  it('under npm run reflow: one clear line, exit 1, the run FAILED and the subscription free for the next run', async () => {
    await cityDb.getRepository(ReflowWatermark).update({ subscriptionId }, { afterUpdatedAt: null, afterKey: null });
    const region = await startPlatform('REGION');
    const cli = spawnScript('scripts/reflow.ts', [subscriptionId]);
    await until('two committed pages', async () => cli.output(), (output) => (output.match(/ rows \(\d+ read/g) ?? []).length >= 2);
    region.child.kill('SIGKILL');
    const outcome = await cli.exited;

    expect(outcome.code).toBe(1);
    const lines = cli.output().trim().split('\n');
    expect(lines.at(-1)).toMatch(/^run failed: the region platform did not answer: /);
    expect(cli.output()).not.toMatch(/\n\s+at /);
    const last = (await runs()).at(-1)!;
    expect(last).toMatchObject({ state: 'FAILED', trigger: 'COMMAND', error: expect.stringMatching(/^the region platform did not answer/) });
    expect((await cityDb.getRepository(ReflowWatermark).findOneByOrFail({ subscriptionId })).leaseRunId).toBeNull();
    process.stdout.write(`npm run reflow with the region killed mid-run:\n${cli.output()}\n`);
  });
});
